package org.vetbill.invoicing;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.jooq.impl.DSL;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patients;
import org.vetbill.invoicing.InvoiceCommands.Filter;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;

/**
 * Reads invoices with their rows. A page costs a fixed number of queries whatever its
 * size.
 */
@Service
public class InvoiceQueries {

	/** The fields invoices can be filtered on, as the APIs name them. */
	public static final FilterFields INVOICE_FILTERS = FilterFields.builder()
		.id("id", INVOICE.ID)
		.integer("status", INVOICE.STATUS)
		.integer("invoice_number", INVOICE.INVOICE_NUMBER)
		.text("invoice_prefix", INVOICE.INVOICE_PREFIX)
		.text("reference_number", INVOICE.REFERENCE_NUMBER)
		.text("additional_reference", INVOICE.ADDITIONAL_REFERENCE)
		.date("invoice_date", INVOICE.INVOICE_DATE)
		.date("invoice_due_date", INVOICE.INVOICE_DUE_DATE)
		.dateTime("created", INVOICE.CREATED)
		.dateTime("modified", INVOICE.MODIFIED)
		.dateTime("date_paid", INVOICE.DATE_PAID)
		.relation("client", INVOICE.CLIENT_ID)
		.relation("department", INVOICE.DEPARTMENT_ID)
		.relation("consultation", INVOICE.CONSULTATION_ID)
		.relation("credit_note_original_invoice", INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID)
		.bool("credit_note", INVOICE.CREDIT_NOTE)
		.bool("countersale", INVOICE.COUNTERSALE)
		.decimal("total", INVOICE.TOTAL)
		.decimal("total_vat", INVOICE.TOTAL_VAT)
		.decimal("total_with_vat", INVOICE.TOTAL_WITH_VAT)
		.decimal("paid_amount", INVOICE.PAID_AMOUNT)
		.decimal("due_sum", InvoiceRepository.DUE_SUM)
		.text("payer_name", INVOICE.PAYER_NAME)
		.text("payer_organization_name", INVOICE.PAYER_ORGANIZATION_NAME)
		.text("payer_vat_number", INVOICE.PAYER_VAT_NUMBER)
		.text("payer_register_number", INVOICE.PAYER_REGISTER_NUMBER)
		.text("payer_country_code", INVOICE.PAYER_COUNTRY_CODE)
		.text("payer_city", INVOICE.PAYER_CITY)
		.text("payer_zip_code", INVOICE.PAYER_ZIP_CODE)
		.text("remarks", INVOICE.REMARKS)
		.build();

	/** The fields invoice rows can be filtered on, as the APIs name them. */
	public static final FilterFields ROW_FILTERS = FilterFields.builder()
		.id("id", INVOICE_ROW.ID)
		.relation("invoice", INVOICE_ROW.INVOICE_ID)
		.relation("item", INVOICE_ROW.ITEM_ID)
		.relation("patient", INVOICE_ROW.PATIENT_ID)
		.relation("consultation_item", INVOICE_ROW.CONSULTATION_ITEM_ID)
		.relation("vat_group", INVOICE_ROW.VAT_GROUP_ID)
		.relation("credited_invoicerow", INVOICE_ROW.CREDITED_INVOICE_ROW_ID)
		.text("name", INVOICE_ROW.NAME)
		.decimal("quantity", INVOICE_ROW.QUANTITY)
		.decimal("price", INVOICE_ROW.PRICE)
		.decimal("price_with_vat", INVOICE_ROW.PRICE_WITH_VAT)
		.decimal("percentage_change", INVOICE_ROW.PERCENTAGE_CHANGE)
		.decimal("vat_percentage", INVOICE_ROW.VAT_PERCENTAGE)
		.decimal("discount_amount", INVOICE_ROW.DISCOUNT_AMOUNT)
		.decimal("sum", INVOICE_ROW.SUM_NET)
		.decimal("sum_vat", INVOICE_ROW.SUM_VAT)
		.decimal("sum_total", INVOICE_ROW.SUM_TOTAL)
		.text("account_number", INVOICE_ROW.ACCOUNT_NUMBER)
		.text("reporting_dimension_1", INVOICE_ROW.REPORTING_DIMENSION_1)
		.text("reporting_dimension_2", INVOICE_ROW.REPORTING_DIMENSION_2)
		.text("reporting_dimension_3", INVOICE_ROW.REPORTING_DIMENSION_3)
		.dateTime("created", INVOICE_ROW.CREATED)
		.dateTime("modified", INVOICE_ROW.MODIFIED)
		.build();

	private final InvoiceRepository repository;

	private final Organizations organizations;

	private final Clients clients;

	private final Patients patients;

	InvoiceQueries(InvoiceRepository repository, Organizations organizations, Clients clients, Patients patients) {
		this.repository = repository;
		this.organizations = organizations;
		this.clients = clients;
		this.patients = patients;
	}

	@Transactional(readOnly = true)
	public InvoiceView get(Caller caller, long id) {
		return this.repository.view(caller, id, currency(caller)).orElseThrow(() -> new NotFound("invoice", id));
	}

	/**
	 * The id of the invoice with a UUID (the Clinic API's id).
	 * @param caller the caller
	 * @param uuid the UUID
	 * @return the id
	 * @throws NotFound when the organization has no such invoice
	 */
	@Transactional(readOnly = true)
	public long idOf(Caller caller, UUID uuid) {
		return this.repository.idOf(caller, uuid).orElseThrow(() -> new NotFound("invoice", uuid.toString()));
	}

	/**
	 * A numbered page of the invoices matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over {@link #INVOICE_FILTERS}
	 * @param page the page
	 * @return the page and the number of matching invoices
	 */
	@Transactional(readOnly = true)
	public Counted<InvoiceView> search(Caller caller, Criteria criteria, OffsetPage page) {
		Organization organization = this.organizations.get(caller.organizationId());
		return this.repository.page(caller, INVOICE_FILTERS.condition(criteria, organization.zone()), page,
				organization.currency());
	}

	/**
	 * The invoices with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the invoices, in id order
	 */
	@Transactional(readOnly = true)
	public List<InvoiceView> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.repository.views(caller, ids, currency(caller));
	}

	/**
	 * A numbered page of the invoice rows matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over {@link #ROW_FILTERS}
	 * @param page the page
	 * @return the page and the number of matching rows
	 */
	@Transactional(readOnly = true)
	public Counted<InvoiceRowView> searchRows(Caller caller, Criteria criteria, OffsetPage page) {
		Organization organization = this.organizations.get(caller.organizationId());
		return this.repository.rowPage(caller, ROW_FILTERS.condition(criteria, organization.zone()), page,
				organization.currency());
	}

	@Transactional(readOnly = true)
	public List<InvoiceRowView> getRows(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.repository.rowViews(caller, ids, currency(caller));
	}

	/**
	 * The invoices made from consultations.
	 * @param caller the caller
	 * @param consultationIds the consultations
	 * @return the invoice id by consultation id, for the consultations that have one
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> invoicesOfConsultations(Caller caller, Collection<Long> consultationIds) {
		return this.repository.invoicesOfConsultations(caller, consultationIds);
	}

	@Transactional(readOnly = true)
	public Page<InvoiceView> list(Caller caller, Filter filter, PageRequest page) {
		return Page.of(
				this.repository.list(caller, condition(filter), page.afterOrZero(), page.limit(), currency(caller)),
				page.limit(), InvoiceView::id);
	}

	/**
	 * What invoices can be sorted by in a slice.
	 */
	public enum SortKey {

		CREATED(INVOICE.CREATED), MODIFIED(INVOICE.MODIFIED), INVOICE_DATE(INVOICE.INVOICE_DATE),
		DUE_DATE(INVOICE.INVOICE_DUE_DATE), NUMBER(INVOICE.INVOICE_NUMBER), TOTAL(INVOICE.TOTAL),
		TOTAL_WITH_VAT(INVOICE.TOTAL_WITH_VAT), PAID_AMOUNT(INVOICE.PAID_AMOUNT),
		DISCOUNT_AMOUNT(INVOICE.DISCOUNT_AMOUNT), DUE_SUM(InvoiceRepository.DUE_SUM);

		private final Field<?> field;

		SortKey(Field<?> field) {
			this.field = field;
		}

	}

	/**
	 * Which invoices a slice holds.
	 *
	 * @param search text in the document number, the payer's or client's name or a
	 * patient's name
	 * @param tags tags every invoice must have
	 * @param patientId the invoice's patient, or a patient of its rows
	 * @param appointmentId the consultation it refers to or was made from
	 * @param state the state
	 */
	public record SliceFilter(@Nullable String search, List<String> tags, @Nullable Long patientId,
			@Nullable Long appointmentId, @Nullable InvoiceState state) {
	}

	/** Matches of a name search taken into account, at most. */
	private static final int NAME_MATCHES = 1000;

	/**
	 * A slice of the invoices at any offset, in a chosen order, and the size of the whole
	 * list.
	 * @param caller the caller
	 * @param filter which invoices
	 * @param key what to sort by (then by id)
	 * @param descending whether to sort from the highest
	 * @param offset how many to skip
	 * @param limit at most this many
	 * @return the slice and the number of matching invoices
	 */
	@Transactional(readOnly = true)
	public Counted<InvoiceView> slice(Caller caller, SliceFilter filter, SortKey key, boolean descending, long offset,
			int limit) {
		Condition condition = DSL.noCondition();
		String search = (filter.search() != null) ? filter.search().trim() : "";
		if (!search.isEmpty()) {
			Field<String> number = INVOICE.INVOICE_NUMBER.cast(String.class);
			Condition text = number.contains(search)
				.or(DSL.concat(INVOICE.INVOICE_PREFIX, DSL.inline("-"), number).containsIgnoreCase(search))
				.or(INVOICE.INVOICE_NUMBER.isNull().and(INVOICE.ID.cast(String.class).eq(search)))
				.or(INVOICE.PAYER_NAME.containsIgnoreCase(search))
				.or(INVOICE.PAYER_ORGANIZATION_NAME.containsIgnoreCase(search));
			List<Long> clients = this.clients.idsByName(caller, search, NAME_MATCHES);
			if (!clients.isEmpty()) {
				text = text.or(INVOICE.CLIENT_ID.in(clients));
			}
			List<Long> patients = this.patients.idsByName(caller, search, NAME_MATCHES);
			if (!patients.isEmpty()) {
				text = text.or(InvoiceRepository.forPatients(patients));
			}
			condition = condition.and(text);
		}
		if (!filter.tags().isEmpty()) {
			condition = condition.and(InvoiceRepository.withTags(filter.tags()));
		}
		if (filter.patientId() != null) {
			condition = condition.and(InvoiceRepository.forPatients(List.of(filter.patientId())));
		}
		if (filter.appointmentId() != null) {
			condition = condition.and(INVOICE.APPOINTMENT_ID.eq(filter.appointmentId())
				.or(INVOICE.CONSULTATION_ID.eq(filter.appointmentId())));
		}
		if (filter.state() != null) {
			condition = condition.and(InvoiceRepository.inState(filter.state()));
		}
		return this.repository.slice(caller, condition, descending ? key.field.desc() : key.field.asc(),
				descending ? INVOICE.ID.desc() : INVOICE.ID.asc(), offset, limit, currency(caller));
	}

	private Currency currency(Caller caller) {
		return this.organizations.get(caller.organizationId()).currency();
	}

	private static Condition condition(Filter filter) {
		Condition condition = DSL.noCondition();
		if (filter.status() != null) {
			condition = condition.and(INVOICE.STATUS.eq(filter.status().shortValue()));
		}
		if (filter.departmentId() != null) {
			condition = condition.and(INVOICE.DEPARTMENT_ID.eq(filter.departmentId()));
		}
		if (filter.clientId() != null) {
			condition = condition.and(INVOICE.CLIENT_ID.eq(filter.clientId()));
		}
		if (filter.creditNote() != null) {
			condition = condition.and(INVOICE.CREDIT_NOTE.eq(filter.creditNote()));
		}
		if (filter.countersale() != null) {
			condition = condition.and(INVOICE.COUNTERSALE.eq(filter.countersale()));
		}
		if (filter.invoiceDateFrom() != null) {
			condition = condition.and(INVOICE.INVOICE_DATE.ge(filter.invoiceDateFrom()));
		}
		if (filter.invoiceDateTo() != null) {
			condition = condition.and(INVOICE.INVOICE_DATE.le(filter.invoiceDateTo()));
		}
		return condition;
	}

}
