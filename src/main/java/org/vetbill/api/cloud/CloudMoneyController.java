package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.CreditNotes;
import org.vetbill.invoicing.InvoiceCommands;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.payments.PaymentCommands;
import org.vetbill.payments.PaymentView;
import org.vetbill.payments.Payments;
import org.vetbill.payments.PrepaymentView;
import org.vetbill.payments.Prepayments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.web.FieldNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The money endpoints of the Cloud API: payments and their cancellation, full and partial
 * refunds (credit notes), and prepayments with their refunds, cancellation and the ERP's
 * {@code external_info}. Bodies are JSON, form or multipart; relations are hyperlinks or
 * bare ids; amounts numbers or decimal strings.
 */
@RestController
class CloudMoneyController {

	private static final String BASE = CloudApi.BASE;

	private static final String PAYMENTS = BASE + "/invoicepayment/";

	private static final String PREPAYMENTS = BASE + "/unallocatedpayment/";

	/** The fields of a payment whose names are not the snake_case of the use case's. */
	private static final Map<String, String> PAYMENT_FIELDS = Map.of("invoiceId", "invoice", "paymentDate",
			"date_added");

	/**
	 * The fields of a prepayment whose names are not the snake_case of the use case's.
	 */
	private static final Map<String, String> PREPAYMENT_FIELDS = Map.of("departmentId", "department", "clientId",
			"client", "refundsId", "refunds");

	private final CloudLists lists;

	private final CloudBodies bodies;

	private final Organizations organizations;

	private final Payments payments;

	private final CreditNotes creditNotes;

	private final Prepayments prepayments;

	private final InvoicePaymentResource paymentResource;

	private final UnallocatedPaymentResource prepaymentResource;

	private final InvoiceResource invoiceResource;

	CloudMoneyController(CloudLists lists, CloudBodies bodies, Organizations organizations, Payments payments,
			CreditNotes creditNotes, Prepayments prepayments, InvoicePaymentResource paymentResource,
			UnallocatedPaymentResource prepaymentResource, InvoiceResource invoiceResource) {
		this.lists = lists;
		this.bodies = bodies;
		this.organizations = organizations;
		this.payments = payments;
		this.creditNotes = creditNotes;
		this.prepayments = prepayments;
		this.paymentResource = paymentResource;
		this.prepaymentResource = prepaymentResource;
		this.invoiceResource = invoiceResource;
	}

	@GetMapping(PAYMENTS)
	@ReadAccess
	Map<String, @Nullable Object> payments(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.paymentResource, request);
	}

	@GetMapping(PAYMENTS + "{id}/")
	@ReadAccess
	Map<String, @Nullable Object> payment(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.paymentResource, id, request);
	}

	@PostMapping(PAYMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> pay(Caller caller, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		Long invoice = input.relation("invoice", InvoiceResource.NAME, true);
		Integer type = input.integer("payment_type", true);
		BigDecimal paid = input.decimal("paid", true);
		Instant date = input.dateTime("date_added", false);
		String info = input.text("info", false, 1000);
		input.check();
		PaymentView payment = FieldNames.renamed(PAYMENT_FIELDS,
				() -> this.payments.record(caller, new PaymentCommands.NewPayment(Objects.requireNonNull(invoice),
						Objects.requireNonNull(type), Objects.requireNonNull(paid), date, info)));
		return this.lists.write(caller, this.paymentResource, payment, request);
	}

	@PostMapping(PAYMENTS + "{id}/cancel_payment/")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> cancelPayment(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		String info = input.text("info", true, 1000);
		Instant date = input.dateTime("cancel_date", true);
		input.check();
		PaymentView cancellation = this.payments.cancel(caller, id,
				new PaymentCommands.CancelPayment(Objects.requireNonNull(info), Objects.requireNonNull(date)));
		return this.lists.write(caller, this.paymentResource, cancellation, request);
	}

	@PostMapping(BASE + "/invoice/{id}/full_refund/")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> fullRefund(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		boolean originalDate = input.bool("use_original_invoice_date", false);
		input.check();
		InvoiceView note = this.creditNotes.refund(caller, id, new InvoiceCommands.Refund(null, originalDate));
		return this.lists.write(caller, this.invoiceResource, note, request);
	}

	@PostMapping(BASE + "/invoice/{id}/partial_refund/")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> partialRefund(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		boolean originalDate = input.bool("use_original_invoice_date", false);
		List<Long> rows = new ArrayList<>();
		JsonNode list = input.node("invoice_rows");
		if (list == null || list.isNull()) {
			input.problem(FieldError.worded("invoice_rows", "This field is required."));
		}
		else if (!list.isArray() || list.isEmpty()) {
			input.problem(FieldError.worded("invoice_rows",
					"Expected a non-empty list of {\"invoice_row\": <url>} objects."));
		}
		else {
			for (int i = 0; i < list.size(); i++) {
				JsonNode entry = list.get(i);
				JsonNode row = entry.isObject() ? entry.get("invoice_row") : entry;
				Long rowId = input.relation("invoice_rows[" + i + "].invoice_row", row, InvoiceRowResource.NAME, true);
				if (rowId != null) {
					rows.add(rowId);
				}
			}
		}
		input.check();
		InvoiceView note = FieldNames.renamed(CloudMoneyController::refundField,
				() -> this.creditNotes.refund(caller, id, new InvoiceCommands.Refund(rows, originalDate)));
		return this.lists.write(caller, this.invoiceResource, note, request);
	}

	@GetMapping(PREPAYMENTS)
	@ReadAccess
	Map<String, @Nullable Object> prepayments(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.prepaymentResource, request);
	}

	@GetMapping(PREPAYMENTS + "{id}/")
	@ReadAccess
	Map<String, @Nullable Object> prepayment(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.prepaymentResource, id, request);
	}

	@PostMapping(PREPAYMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> prepay(Caller caller, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		Long department = input.relation("department", DepartmentResource.NAME, true);
		Long client = input.relation("client", ClientResource.NAME, true);
		Integer type = input.integer("payment_type", true);
		BigDecimal paid = input.decimal("paid", true);
		String description = input.text("description", false, 1000);
		Long refunds = input.relation("refunds", UnallocatedPaymentResource.NAME, false);
		input.check();
		PrepaymentView created = FieldNames.renamed(PREPAYMENT_FIELDS,
				() -> this.prepayments.create(caller,
						new PaymentCommands.NewPrepayment(Objects.requireNonNull(department),
								Objects.requireNonNull(client), Objects.requireNonNull(type),
								Objects.requireNonNull(paid), description, refunds)));
		return this.lists.write(caller, this.prepaymentResource, created, request);
	}

	@PostMapping(PREPAYMENTS + "{id}/cancel/")
	@BillingAccess
	Map<String, @Nullable Object> cancelPrepayment(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.write(caller, this.prepaymentResource, this.prepayments.cancel(caller, id), request);
	}

	@GetMapping(PREPAYMENTS + "{id}/external_info/")
	@ReadAccess
	Map<String, @Nullable Object> externalInfo(Caller caller, @PathVariable long id) {
		return UnallocatedPaymentResource.externalInfo(this.prepayments.get(caller, id));
	}

	/**
	 * Writes the ERP's id and metadata. PATCH changes the fields given; PUT and POST set
	 * both (an absent field is cleared).
	 */
	@RequestMapping(path = PREPAYMENTS + "{id}/external_info/",
			method = { RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.POST })
	@BillingAccess
	Map<String, @Nullable Object> writeExternalInfo(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		PrepaymentView current = this.prepayments.get(caller, id);
		boolean patch = "PATCH".equals(request.getMethod());
		String externalId = (patch && input.node("external_id") == null) ? current.externalId()
				: input.text("external_id", false, 200);
		Map<String, Object> metadata = current.metadata();
		JsonNode given = input.node("metadata");
		if (given != null && !given.isNull() && !given.isObject()) {
			input.problem(FieldError.worded("metadata", "Expected a dictionary of items."));
		}
		else if (given != null || !patch) {
			metadata = new LinkedHashMap<>();
			if (given != null && given.isObject()) {
				for (Map.Entry<String, JsonNode> entry : given.properties()) {
					metadata.put(entry.getKey(), entry.getValue());
				}
			}
		}
		input.check();
		return UnallocatedPaymentResource.externalInfo(
				this.prepayments.setExternalInfo(caller, id, new PaymentCommands.ExternalInfo(externalId, metadata)));
	}

	/**
	 * The field of a partial refund's row: {@code rowIds[2]} is
	 * {@code invoice_rows[2].invoice_row}.
	 */
	private static String refundField(String field) {
		if (!field.startsWith("rowIds")) {
			return field;
		}
		String rows = "invoice_rows" + field.substring("rowIds".length());
		return rows.endsWith("]") ? rows + ".invoice_row" : rows;
	}

	private CloudInput input(Caller caller, HttpServletRequest request) {
		ObjectNode body = this.bodies.read(request);
		Organization organization = this.organizations.get(caller.organizationId());
		return new CloudInput(body, organization.zone(), organization.provetId());
	}

}
