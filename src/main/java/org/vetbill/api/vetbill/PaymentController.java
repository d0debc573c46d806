package org.vetbill.api.vetbill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.payments.PaymentCommands;
import org.vetbill.payments.PaymentView;
import org.vetbill.payments.Payments;
import org.vetbill.payments.PrepaymentView;
import org.vetbill.payments.Prepayments;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.shared.web.FieldNames;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money at the clinic in vetbill's own API: taking and cancelling payments, prepayments
 * applied to invoices, overpayments paid out or moved to the client's prepayments, and
 * write-offs.
 */
@RestController
class PaymentController {

	private static final String INVOICE = ApiPaths.VETBILL + "/invoices/{id}";

	private final Payments payments;

	private final Prepayments prepayments;

	private final InputValidator validator;

	PaymentController(Payments payments, Prepayments prepayments, InputValidator validator) {
		this.payments = payments;
		this.prepayments = prepayments;
		this.validator = validator;
	}

	/**
	 * A payment taken at the desk.
	 */
	record PaymentRequest(@NotNull Integer paymentType, @NotNull BigDecimal paid, @Nullable Instant dateAdded,
			@Nullable @Size(max = 1000) String info) {
	}

	record CancelRequest(@NotBlank @Size(max = 1000) String info, @Nullable Instant cancelDate) {
	}

	record ApplyRequest(@NotNull Long unallocatedPaymentId, @Nullable BigDecimal amount) {
	}

	record PayOutRequest(@NotNull Integer paymentType, @Nullable @Size(max = 1000) String info) {
	}

	record WriteOffRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	@GetMapping(INVOICE + "/payments")
	@ReadAccess
	List<PaymentView> list(Caller caller, @PathVariable long id) {
		return this.payments.ofInvoice(caller, id);
	}

	@PostMapping(INVOICE + "/payments")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	PaymentView pay(Caller caller, @PathVariable long id, @RequestBody PaymentRequest request) {
		this.validator.validate(request);
		return FieldNames.renamed(Map.of("invoiceId", "invoice", "paymentDate", "date_added"),
				() -> this.payments.record(caller, new PaymentCommands.NewPayment(id, request.paymentType(),
						request.paid(), request.dateAdded(), request.info())));
	}

	@PostMapping(ApiPaths.VETBILL + "/payments/{id}/cancel")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	PaymentView cancel(Caller caller, @PathVariable long id, @RequestBody CancelRequest request) {
		this.validator.validate(request);
		return this.payments.cancel(caller, id,
				new PaymentCommands.CancelPayment(request.info(), request.cancelDate()));
	}

	@PostMapping(INVOICE + "/apply-prepayment")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	PaymentView applyPrepayment(Caller caller, @PathVariable long id, @RequestBody ApplyRequest request) {
		this.validator.validate(request);
		return FieldNames.renamed(Map.of("invoiceId", "invoice", "prepaymentId", "unallocated_payment_id"),
				() -> this.prepayments.apply(caller, id,
						new PaymentCommands.ApplyPrepayment(request.unallocatedPaymentId(), request.amount())));
	}

	@PostMapping(INVOICE + "/move-overpayment")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	PrepaymentView moveOverpayment(Caller caller, @PathVariable long id) {
		return this.prepayments.moveOverpayment(caller, id);
	}

	@PostMapping(INVOICE + "/pay-out")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	PaymentView payOut(Caller caller, @PathVariable long id, @RequestBody PayOutRequest request) {
		this.validator.validate(request);
		return this.payments.payOut(caller, id, new PaymentCommands.PayOut(request.paymentType(), request.info()));
	}

	@PostMapping(INVOICE + "/write-off")
	@BillingAccess
	InvoiceView writeOff(Caller caller, @PathVariable long id, @RequestBody WriteOffRequest request) {
		this.validator.validate(request);
		return this.payments.writeOff(caller, id, request.reason());
	}

}
