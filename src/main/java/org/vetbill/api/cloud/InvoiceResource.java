package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceRowView;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Window;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code invoice/}: the invoice with the fields of the billing and ERP guides and of the
 * API's example bodies where vetbill has the data.
 */
@Component
class InvoiceResource extends CloudResource<InvoiceView> {

	static final String NAME = "invoice";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "status", "invoice_number", "invoice_prefix", "reference_number", "additional_reference",
				"invoice_date", "invoice_due_date", "created", "modified", "date_paid", "credit_note", "countersale",
				"total", "total_vat", "total_with_vat", "paid_amount", "due_sum", "payer_name",
				"payer_organization_name", "payer_vat_number", "payer_register_number", "payer_country_code",
				"payer_city", "payer_zip_code", "remarks")
		.relation("client", "clientId")
		.relation("department", "departmentId")
		.relation("consultation", "consultationId")
		.relation("credit_note_original_invoice", "creditNoteOriginalInvoiceId")
		.build();

	/** The seller's snapshot, in the API's order. */
	static final List<String> RECEIVER_FIELDS = List.of("receiver_name", "receiver_organization_name",
			"receiver_street_address", "receiver_street_address_2", "receiver_zip_code", "receiver_city",
			"receiver_iban", "receiver_bic", "receiver_national_bank_account", "receiver_national_bic",
			"receiver_vat_number");

	/**
	 * The seller's fields the real API writes as {@code ""} when empty (the others null).
	 */
	private static final Set<String> EMPTY_RECEIVER_FIELDS = Set.of("receiver_name", "receiver_street_address",
			"receiver_street_address_2", "receiver_zip_code", "receiver_city", "receiver_iban", "receiver_bic",
			"receiver_vat_number");

	private final InvoiceQueries queries;

	InvoiceResource(InvoiceQueries queries) {
		super(NAME);
		this.queries = queries;
	}

	@Override
	Counted<InvoiceView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		Found<InvoiceView> found = this.queries.search(caller, new Search(criteria, order, Window.Offset.of(page)));
		return new Counted<>(found.items(), found.total());
	}

	@Override
	List<InvoiceView> byIds(Caller caller, Collection<Long> ids) {
		return this.queries.getAll(caller, ids);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	long id(InvoiceView invoice) {
		return invoice.id();
	}

	@Override
	List<Relation<InvoiceView>> relations() {
		return List.of(new Relation<>("client", ClientResource.NAME, (i) -> optional(i.clientId())),
				new Relation<>("department", DepartmentResource.NAME, (i) -> List.of(i.departmentId())),
				new Relation<>("consultation", ConsultationResource.NAME, (i) -> optional(i.consultationId())),
				new Relation<>("patients", PatientResource.NAME, InvoiceView::patientIds),
				new Relation<>("invoice_row", InvoiceRowResource.NAME,
						(i) -> i.rows().stream().map(InvoiceRowView::id).toList()),
				new Relation<>("credit_note_original_invoice", NAME, (i) -> optional(i.creditNoteOriginalInvoiceId())),
				new Relation<>("first_original_invoice", NAME, (i) -> optional(i.creditNoteOriginalInvoiceId())),
				new Relation<>("related_credit_note", NAME, InvoiceView::relatedCreditNoteIds),
				new Relation<>("invoice_payment", InvoicePaymentResource.NAME, InvoiceView::paymentIds));
	}

	@Override
	void write(InvoiceView invoice, CloudObject out) {
		Payer payer = invoice.payer();
		out.self(NAME, invoice.id())
			.put("invoice_number", invoice.invoiceNumber())
			.put("invoice_prefix", invoice.invoicePrefix())
			.put("reference_number", invoice.referenceNumber())
			.put("additional_reference", invoice.additionalReference())
			.put("status", invoice.status())
			.put("inqueries", null)
			.date("invoice_date", invoice.invoiceDate())
			.put("invoice_payed", null)
			.date("invoice_due_date", invoice.invoiceDueDate())
			.put("penalty_interest", null)
			.put("invoicing_client", null)
			.put("payer_name", payer.name())
			.put("payer_id_number", "")
			.put("payer_organization_name", blank(payer.organizationName()))
			.put("payer_vat_number", blank(payer.vatNumber()))
			.put("payer_register_number", payer.registerNumber())
			.put("payer_country_code", payer.countryCode())
			.put("payer_country", payer.countryCode())
			.put("payer_street_address", payer.streetAddress())
			.put("payer_street_address_2", blank(payer.streetAddress2()))
			.put("payer_street_address_3", "")
			.put("payer_zip_code", blank(payer.zipCode()))
			.put("payer_city", payer.city())
			.put("payer_state", payer.state());
		// the seller's snapshot is not kept: the real API's empty values
		RECEIVER_FIELDS.forEach((field) -> out.put(field, EMPTY_RECEIVER_FIELDS.contains(field) ? "" : null));
		out.amount("total", invoice.total())
			.amount("total_vat", invoice.totalVat())
			.amount("total_with_vat", invoice.totalWithVat())
			.amount("paid_amount", invoice.paidAmount())
			.amount("due_sum", invoice.dueSum())
			.amount("client_due_sum", invoice.clientDueSum())
			.links("patients", PatientResource.NAME, invoice.patientIds())
			.links("invoice_row", InvoiceRowResource.NAME, invoice.rows().stream().map(InvoiceRowView::id).toList())
			.links("invoice_payment", InvoicePaymentResource.NAME, invoice.paymentIds())
			.link("client", ClientResource.NAME, invoice.clientId())
			.link("consultation", ConsultationResource.NAME, invoice.consultationId())
			.link("original_consultation", ConsultationResource.NAME, invoice.originalConsultationId())
			.link("department", DepartmentResource.NAME, invoice.departmentId())
			.dateTime("created", invoice.created())
			.dateTime("modified", invoice.modified())
			.dateTime("date_paid", invoice.datePaid())
			.put("agreed_to_pay_later", false)
			.put("without_vat", false)
			.put("countersale", invoice.countersale())
			.put("credit_note", invoice.creditNote())
			.link("credit_note_original_invoice", NAME, invoice.creditNoteOriginalInvoiceId())
			.links("related_credit_note", NAME, invoice.relatedCreditNoteIds())
			.put("related_credit_note_invoice", null)
			.link("first_original_invoice", NAME, invoice.creditNoteOriginalInvoiceId())
			.put("consolidated_invoice", false)
			.put("consolidated_invoices", List.of())
			.put("related_consolidated_invoice", null)
			.put("remarks", invoice.remarks())
			.put("tags_rel", List.of())
			.put("vat_calculation_method", null)
			.put("determining_price", null)
			.put("send_date", null)
			.put("send_method", "")
			.put("invoice_extras", null);
	}

	/**
	 * A text field the real API writes as {@code ""} when empty.
	 */
	static String blank(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
