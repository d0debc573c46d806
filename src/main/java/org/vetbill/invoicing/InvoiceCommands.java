package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Within;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.invoicing.domain.InvoiceState;

/**
 * The inputs of the invoice use cases.
 */
public final class InvoiceCommands {

	private InvoiceCommands() {
	}

	/**
	 * A draft invoice to create: a countersale, with or without a client.
	 *
	 * @param departmentId the department
	 * @param clientId the client, or null for an anonymous countersale
	 * @param invoiceDate the invoice date; null to date it when it is finalized
	 * @param invoiceDueDate the due date; null to derive it from the payment terms
	 * @param remarks free text
	 * @param additionalReference a secondary reference
	 * @param discountAmount an invoice-level discount (gross amount)
	 * @param discountPercent an invoice-level discount in percent of the gross total
	 * @param rows the rows
	 */
	public record NewInvoice(@NotNull Long departmentId, @Nullable Long clientId, @Nullable LocalDate invoiceDate,
			@Nullable LocalDate invoiceDueDate, @Nullable @Size(max = 2000) String remarks,
			@Nullable @Size(max = 100) String additionalReference,
			@Nullable @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15,
					fraction = 4) BigDecimal discountAmount,
			@Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal discountPercent,
			@Nullable @Size(max = 500) List<@Valid @NotNull ChargedItem> rows) {
	}

	/**
	 * The writable header of an invoice. On a draft every field may change; on a
	 * finalized invoice only {@code status}, between 3 and 4.
	 *
	 * @param clientId the client
	 * @param status 0, 1 or 2 on a draft; 3 or 4 on a finalized invoice
	 * @param invoiceDate the invoice date
	 * @param invoiceDueDate the due date
	 * @param remarks free text
	 * @param additionalReference a secondary reference
	 * @param discountAmount an invoice-level discount amount; null when given as a
	 * percentage
	 * @param discountPercent an invoice-level discount in percent
	 */
	public record InvoiceChanges(@Nullable Long clientId, @NotNull Integer status, @Nullable LocalDate invoiceDate,
			@Nullable LocalDate invoiceDueDate, @Nullable @Size(max = 2000) String remarks,
			@Nullable @Size(max = 100) String additionalReference,
			@Nullable @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15,
					fraction = 4) BigDecimal discountAmount,
			@Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3,
					fraction = 4) BigDecimal discountPercent) {

		/**
		 * The writable header of an invoice as it is.
		 * @param invoice the invoice
		 * @return its changes record
		 */
		public static InvoiceChanges of(InvoiceView invoice) {
			return new InvoiceChanges(invoice.clientId(), invoice.status(), invoice.invoiceDate(),
					invoice.invoiceDueDate(), invoice.remarks(), invoice.additionalReference(),
					(invoice.discountPercent() != null) ? null : invoice.discountAmount(), invoice.discountPercent());
		}

	}

	/**
	 * How to finalize.
	 *
	 * @param invoiceDate the invoice date; null for the draft's date, else today
	 * @param status 3 (finalized, the default) or 4 (invoicing: sent for later payment)
	 */
	public record Finalize(@Nullable LocalDate invoiceDate, @Nullable Integer status) {

		public static final Finalize DEFAULT = new Finalize(null, null);

	}

	/**
	 * Why an invoice is voided.
	 *
	 * @param reason the reason, kept with the invoice
	 */
	public record Void(@Nullable @Size(max = 500) String reason) {
	}

	/**
	 * A whole invoice as a client writes it at once: header, rows, tags and the state
	 * asked for, applied at once.
	 *
	 * @param patientId the patient the invoice is for; its owner becomes the client
	 * @param appointmentId the consultation the invoice refers to
	 * @param issueDate the invoice date, or null to date it when it is finalized
	 * @param issueTime the instant behind the invoice date, when the client gave one
	 * @param dueDate the due date, or null to derive it from the payment terms
	 * @param dueTime the instant behind the due date, when the client gave one
	 * @param discountAmount an invoice-level discount (gross amount)
	 * @param discountPercent an invoice-level discount in percent of the gross total;
	 * above zero it decides the amount
	 * @param paidAmount what the client believes has been paid: it must be what has
	 * @param items the rows, in order
	 * @param tags the tags
	 * @param state the state asked for
	 * @param writeOffReason why the balance is written off, when WRITTEN_OFF is asked for
	 */
	public record WholeInvoice(@Nullable Long patientId, @Nullable Long appointmentId, @Nullable LocalDate issueDate,
			@Nullable Instant issueTime, @Nullable LocalDate dueDate, @Nullable Instant dueTime,
			@NotNull @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15,
					fraction = 4) BigDecimal discountAmount,
			@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal discountPercent,
			@NotNull @Within(Bound.AMOUNT) @Digits(integer = 15, fraction = 4) BigDecimal paidAmount,
			@NotNull @Size(max = 500) List<@Valid @NotNull InvoiceLine> items,
			@NotNull @Size(max = 50) List<@NotNull @Size(min = 1, max = 50) String> tags, @NotNull InvoiceState state,
			@NotNull @Size(min = 1, max = 1000) String writeOffReason) {
	}

	/**
	 * A row of a whole invoice: a catalog item, or a free description with its own price
	 * and VAT rate.
	 *
	 * @param id the row it is (its UUID), or null for a new row
	 * @param itemId the catalog item, or null for a free row
	 * @param description the text invoiced: the item's name when null; required for a
	 * free row
	 * @param quantity how many, above zero, up to 3 decimals
	 * @param unitPrice the unit price (gross when the organization's prices include VAT,
	 * else net): the item's price when null; required for a free row
	 * @param discountPercent a discount in percent (negative for a surcharge), or null
	 * for none
	 * @param taxRate the VAT rate in percent: the item's when null, and when given it
	 * must be the item's; required for a free row, the rate of one of the organization's
	 * VAT groups
	 * @param patientId the patient, or null for the invoice's patient
	 */
	public record InvoiceLine(@Nullable UUID id, @Nullable Long itemId,
			@Nullable @Size(min = 1, max = 200) String description,
			@NotNull @DecimalMin(value = "0", inclusive = false) @Within(Bound.QUANTITY) @Digits(integer = 12,
					fraction = 3) BigDecimal quantity,
			@Nullable @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 15,
					fraction = 4) BigDecimal unitPrice,
			@Nullable @DecimalMin("-1000") @DecimalMax("100") @Digits(integer = 4,
					fraction = 4) BigDecimal discountPercent,
			@Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal taxRate,
			@Nullable Long patientId) {
	}

	/**
	 * A credit note for a finalized invoice.
	 *
	 * @param rowIds the rows to credit, or null to credit every row not yet credited
	 * @param useOriginalInvoiceDate whether the credit note takes the original's date
	 * (otherwise today's)
	 */
	public record Refund(@Nullable List<Long> rowIds, boolean useOriginalInvoiceDate) {
	}

}
