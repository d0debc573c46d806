package org.vetbill.api.connect;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.api.connect.ConnectRequests.ConnectHeaders;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.supply.ConnectInvoices;
import org.vetbill.supply.ConnectPractice;
import org.vetbill.supply.SupplierInvoices.InvoiceFilter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Connect API's invoices: {@code GET /connect/invoices} and {@code GET
 * /connect/invoices/{InvoiceNumber}}, a supplier's invoices as its enrolled practices
 * read them. Each request is checked in this order: the format it accepts (406), its
 * headers (400), its credentials ({@code User-Auth} must be an enrolled practice's token
 * and {@code Client-Auth} an active key of that practice's supplier, else 401), then its
 * parameters (400).
 */
@RestController
class ConnectInvoiceController {

	/** The use cases' name of the account code input. */
	private static final String ACCOUNT_CODE = "accountCode";

	private final ConnectInvoices invoices;

	ConnectInvoiceController(ConnectInvoices invoices) {
		this.invoices = invoices;
	}

	@GetMapping(ConnectApi.INVOICES)
	ResponseEntity<Object> list(HttpServletRequest request) {
		ConnectFormat format = ConnectRequests.format(request);
		ConnectHeaders headers = ConnectRequests.headers(request);
		ConnectPractice practice = authenticate(headers);
		InvoiceFilter filter = ConnectRequests.filter(request);
		List<ConnectWire.Summary> summaries = accountCodeHeader(
				() -> this.invoices.list(practice, headers.accountCode(), filter))
			.stream()
			.map(ConnectWire.Summary::of)
			.toList();
		return format.answer(HttpStatus.OK, summaries, new ConnectWire.SummaryList(summaries));
	}

	@GetMapping(ConnectApi.INVOICE)
	ResponseEntity<Object> get(HttpServletRequest request, @PathVariable("InvoiceNumber") String invoiceNumber) {
		ConnectFormat format = ConnectRequests.format(request);
		ConnectHeaders headers = ConnectRequests.headers(request);
		ConnectPractice practice = authenticate(headers);
		long number = ConnectRequests.invoiceNumber(invoiceNumber);
		ConnectWire.Invoice invoice = ConnectWire.Invoice
			.of(accountCodeHeader(() -> this.invoices.get(practice, headers.accountCode(), number)));
		return format.answer(HttpStatus.OK, invoice, invoice);
	}

	/**
	 * Runs a use case given the {@code Account-Code} header: its error about the account
	 * code names the header as the request writes it (a renamed input would be
	 * snake_cased).
	 */
	private static <T> T accountCodeHeader(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInput ex) {
			throw new InvalidInput(ex.errors()
				.stream()
				.map((error) -> (!error.asWritten() && error.field().equals(ACCOUNT_CODE))
						? error.at(ConnectApi.ACCOUNT_CODE) : error)
				.toList());
		}
	}

	private ConnectPractice authenticate(ConnectHeaders headers) {
		ConnectPractice practice = this.invoices.practice(headers.userAuth())
			.orElseThrow(() -> new ConnectRefusal(HttpStatus.UNAUTHORIZED, "invalid_user_auth",
					"User-Auth: the user token is not valid (unknown, or the practice's enrolment was withdrawn); "
							+ "enrol the practice again for a new token."));
		if (!this.invoices.clientKeyValid(practice, headers.clientAuth())) {
			throw new ConnectRefusal(HttpStatus.UNAUTHORIZED, "invalid_client_auth",
					"Client-Auth: the key of the practice management system is not valid for this supplier "
							+ "(unknown or withdrawn).");
		}
		return practice;
	}

}
