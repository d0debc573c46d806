package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.PhoneNumber;
import org.vetbill.clinic.PhoneNumbers;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code phonenumber/}: one of a client's phone numbers, its kind ({@code type_code}: 0
 * other, 1 mobile, 2 home, 3 work) and what it is for. A client's {@code phone_numbers}
 * link here.
 */
@Component
class PhoneNumberResource extends CloudResource<PhoneNumber> {

	static final String NAME = "phonenumber";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "type_code", "number", "description", "created", "modified")
		.relation("client", "clientId")
		.build();

	private final PhoneNumbers phoneNumbers;

	PhoneNumberResource(PhoneNumbers phoneNumbers) {
		super(NAME);
		this.phoneNumbers = phoneNumbers;
	}

	@Override
	Counted<PhoneNumber> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.phoneNumbers.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<PhoneNumber> byIds(Caller caller, Collection<Long> ids) {
		return this.phoneNumbers.getAll(caller, ids);
	}

	@Override
	long id(PhoneNumber phoneNumber) {
		return phoneNumber.id();
	}

	@Override
	List<Relation<PhoneNumber>> relations() {
		return List.of(new Relation<>("client", ClientResource.NAME, (p) -> List.of(p.details().clientId())));
	}

	@Override
	void write(PhoneNumber phoneNumber, CloudObject out) {
		out.self(NAME, phoneNumber.id())
			.link("client", ClientResource.NAME, phoneNumber.details().clientId())
			.put("type_code", phoneNumber.details().typeCode())
			.put("number", phoneNumber.details().number())
			.put("description",
					(phoneNumber.details().description() != null) ? phoneNumber.details().description() : "")
			.dateTime("created", phoneNumber.created())
			.dateTime("modified", phoneNumber.modified());
	}

}
