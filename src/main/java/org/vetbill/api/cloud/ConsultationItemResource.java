package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.ConsultationItem;
import org.vetbill.clinic.Consultations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code consultationitem/}: an item charged in a consultation, for a patient.
 */
@Component
class ConsultationItemResource extends CloudResource<ConsultationItem> {

	static final String NAME = "consultationitem";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "name", "quantity", "created", "modified")
		.relation("consultation", "consultationId")
		.relation("item", "itemId")
		.relation("patient", "patientId")
		.build();

	private final Consultations consultations;

	ConsultationItemResource(Consultations consultations) {
		super(NAME);
		this.consultations = consultations;
	}

	@Override
	Counted<ConsultationItem> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.consultations.searchItems(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<ConsultationItem> byIds(Caller caller, Collection<Long> ids) {
		return this.consultations.getItems(caller, ids);
	}

	@Override
	long id(ConsultationItem item) {
		return item.id();
	}

	@Override
	List<Relation<ConsultationItem>> relations() {
		return List.of(new Relation<>("consultation", ConsultationResource.NAME, (i) -> List.of(i.consultationId())),
				new Relation<>("item", ItemResource.NAME, (i) -> List.of(i.itemId())),
				new Relation<>("patient", PatientResource.NAME, (i) -> optional(i.patientId())));
	}

	@Override
	void write(ConsultationItem item, CloudObject out) {
		out.self(NAME, item.id())
			.link("consultation", ConsultationResource.NAME, item.consultationId())
			.link("patient", PatientResource.NAME, item.patientId())
			.link("item", ItemResource.NAME, item.itemId())
			.put("code", null)
			.put("name", item.name())
			.put("quantity", Decimals.trim(item.quantity(), 1))
			.put("price", item.unitPrice())
			.put("price_with_vat", null)
			.put("percentage_change", Decimals.trim(item.percentageChange(), 1))
			.put("supervising_veterinarian_name", "")
			.put("vat_percentage", null)
			.put("type_code", null)
			.put("invoicerow", null)
			.put("parent_linked_item", null)
			.put("linked_items", List.of())
			.dateTime("created", item.created())
			.dateTime("modified", item.modified())
			.dateTime("used", item.created())
			.put("usage_type", null)
			.put("unit", "")
			.put("instructions", "")
			.put("description", null)
			.put("template", null);
	}

}
