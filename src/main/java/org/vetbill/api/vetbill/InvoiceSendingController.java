package org.vetbill.api.vetbill;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.sending.InvoiceSendings;
import org.vetbill.documents.sending.SendingRequest;
import org.vetbill.documents.sending.SendingView;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.web.ApiPaths;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sending an invoice or credit note to its payer, by email or as an e-invoice, in
 * vetbill's own API. A sending is accepted (202) when it is recorded; it is sent right
 * after, and its status ({@code PENDING}, {@code SENT}, {@code FAILED}) shows in the
 * list.
 */
@RestController
class InvoiceSendingController {

	private static final String SENDINGS = ApiPaths.VETBILL + "/invoices/{id}/sendings";

	private final InvoiceSendings sendings;

	InvoiceSendingController(InvoiceSendings sendings) {
		this.sendings = sendings;
	}

	@PostMapping(SENDINGS)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@BillingAccess
	SendingView send(Caller caller, @PathVariable long id,
			@RequestBody(required = false) @Nullable SendingRequest request) {
		return this.sendings.send(caller, id, (request != null) ? request : SendingRequest.DEFAULT);
	}

	@GetMapping(SENDINGS)
	@ReadAccess
	List<SendingView> list(Caller caller, @PathVariable long id) {
		return this.sendings.of(caller, id);
	}

}
