package org.vetbill.api.cloud;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceCommands.InvoiceChanges;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.Invoices;
import org.vetbill.payments.Payments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cloud API's PUT and PATCH of an invoice's header and of a payment's {@code info},
 * through the same use cases as vetbill's own API. As in Django REST framework, a field
 * left out keeps its value (PUT as PATCH: none of these fields is required), and
 * read-only or unknown fields in the body are ignored.
 */
@RestController
@BillingAccess
class CloudWriteController {

	private static final String BASE = CloudApi.BASE;

	private final CloudLists lists;

	private final CloudBodies bodies;

	private final Organizations organizations;

	private final InvoiceQueries queries;

	private final Invoices invoices;

	private final Payments payments;

	private final InvoiceResource invoiceResource;

	private final InvoicePaymentResource paymentResource;

	CloudWriteController(CloudLists lists, CloudBodies bodies, Organizations organizations, InvoiceQueries queries,
			Invoices invoices, Payments payments, InvoiceResource invoiceResource,
			InvoicePaymentResource paymentResource) {
		this.lists = lists;
		this.bodies = bodies;
		this.organizations = organizations;
		this.queries = queries;
		this.invoices = invoices;
		this.payments = payments;
		this.invoiceResource = invoiceResource;
		this.paymentResource = paymentResource;
	}

	/**
	 * Changes the fields of a draft's header the billing guide calls writable; on a
	 * finalized invoice a change of any of them is a 400 naming it (an unchanged value
	 * sent back is no change).
	 */
	@RequestMapping(path = BASE + "/invoice/{id}/", method = { RequestMethod.PUT, RequestMethod.PATCH })
	Map<String, @Nullable Object> updateInvoice(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		InvoiceView current = this.queries.get(caller, id);
		InvoiceChanges was = InvoiceChanges.of(current);
		LocalDate invoiceDate = given(input, "invoice_date") ? input.date("invoice_date", false) : was.invoiceDate();
		LocalDate dueDate = given(input, "invoice_due_date") ? input.date("invoice_due_date", false)
				: was.invoiceDueDate();
		String remarks = given(input, "remarks") ? input.text("remarks", false, CloudApiDocs.INVOICE_REMARKS_MAX)
				: was.remarks();
		String reference = given(input, "additional_reference")
				? input.text("additional_reference", false, CloudApiDocs.INVOICE_REFERENCE_MAX)
				: was.additionalReference();
		input.check();
		InvoiceView updated = this.invoices.update(caller, id, current.version(), new InvoiceChanges(was.clientId(),
				was.status(), invoiceDate, dueDate, remarks, reference, was.discountAmount(), was.discountPercent()));
		return this.lists.write(caller, this.invoiceResource, updated, request);
	}

	/**
	 * Changes a payment's {@code info}, the one field of a payment that may change.
	 */
	@RequestMapping(path = BASE + "/invoicepayment/{id}/", method = { RequestMethod.PUT, RequestMethod.PATCH })
	Map<String, @Nullable Object> updatePayment(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		String current = this.payments.get(caller, id).info();
		String info = given(input, "info") ? input.text("info", false, CloudApiDocs.PAYMENT_INFO_MAX) : current;
		input.check();
		return this.lists.write(caller, this.paymentResource, this.payments.changeInfo(caller, id, info), request);
	}

	private static boolean given(CloudInput input, String field) {
		return input.node(field) != null;
	}

	private CloudInput input(Caller caller, HttpServletRequest request) {
		ObjectNode body = this.bodies.read(request);
		Organization organization = this.organizations.get(caller.organizationId());
		return new CloudInput(body, organization.zone(), organization.provetId());
	}

}
