package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.shared.money.Money;

/**
 * An invoice as it is read, with its rows.
 *
 * @param id the id
 * @param uuid the UUID (its id where ids are UUIDs)
 * @param documentNumber {@code prefix-number} once finalized, else the id: the number for
 * an ERP
 * @param departmentId the department
 * @param clientId the client, or null for a countersale without client
 * @param consultationId the consultation it was made from
 * @param originalConsultationId the consultation it was made from, or on a credit note
 * the consultation of the invoice it credits; null when there is none
 * @param status the status code (see {@link InvoiceStatus})
 * @param countersale whether it is a countersale (no consultation)
 * @param creditNote whether it is a credit note
 * @param creditNoteOriginalInvoiceId the invoice a credit note credits
 * @param invoiceNumber the number, null until finalized
 * @param invoicePrefix the department's prefix, {@code ""} when none
 * @param referenceNumber the payment reference
 * @param additionalReference a secondary reference
 * @param invoiceDate the business date
 * @param invoiceDueDate the due date
 * @param payer the payer snapshot taken at finalization
 * @param currency ISO 4217 currency of the amounts
 * @param pricesIncludeVat whether the rows' unit prices were entered with VAT
 * @param discountAmount invoice-level discount (gross)
 * @param discountPercent invoice-level discount in percent, when given as one
 * @param total net total
 * @param totalVat VAT total
 * @param totalWithVat gross total
 * @param paidAmount what has been paid
 * @param dueSum what is still owed
 * ({@code total_with_vat - paid_amount - written_off_amount}), negative when overpaid
 * @param writtenOffAmount what was written off as bad debt
 * @param datePaid when it became fully paid
 * @param remarks free text
 * @param patientIds the patients of its rows
 * @param rows the rows
 * @param relatedCreditNoteIds the credit notes that credit this invoice
 * @param paymentIds its payments, cancellations included
 * @param clientDueSum what the client owes over all issued invoices (this invoice's due
 * sum when there is no client)
 * @param finalizedTime when it was finalized
 * @param voidedTime when it was voided
 * @param voidReason why it was voided
 * @param patientId the patient the invoice is for, when one was named for the whole
 * invoice (its rows name their own)
 * @param appointmentId the consultation the invoice refers to without being made from it
 * @param issueTime the instant the invoice was issued at, when a client gave one; it
 * falls on {@code invoiceDate} unless the date was changed since
 * @param dueTime the instant the invoice is due, when a client gave one; it falls on
 * {@code invoiceDueDate} unless the date was changed since
 * @param tags its tags, sorted
 * @param created when it was created
 * @param modified when anything shown here last changed
 * @param version optimistic-locking version
 */
public record InvoiceView(long id, UUID uuid, String documentNumber, long departmentId, @Nullable Long clientId,
		@Nullable Long consultationId, @Nullable Long originalConsultationId, int status, boolean countersale,
		boolean creditNote, @Nullable Long creditNoteOriginalInvoiceId, @Nullable Long invoiceNumber,
		String invoicePrefix, @Nullable String referenceNumber, @Nullable String additionalReference,
		@Nullable LocalDate invoiceDate, @Nullable LocalDate invoiceDueDate, Payer payer, String currency,
		boolean pricesIncludeVat, BigDecimal discountAmount, @Nullable BigDecimal discountPercent, BigDecimal total,
		BigDecimal totalVat, BigDecimal totalWithVat, BigDecimal paidAmount, BigDecimal dueSum,
		BigDecimal writtenOffAmount, @Nullable Instant datePaid, @Nullable String remarks, List<Long> patientIds,
		List<InvoiceRowView> rows, List<Long> relatedCreditNoteIds, List<Long> paymentIds, BigDecimal clientDueSum,
		@Nullable Instant finalizedTime, @Nullable Instant voidedTime, @Nullable String voidReason,
		@Nullable Long patientId, @Nullable Long appointmentId, @Nullable Instant issueTime, @Nullable Instant dueTime,
		List<String> tags, Instant created, Instant modified, int version) {

	/**
	 * The invoice's state: DRAFT, ISSUED, PARTIALY_PAID, PAID, VOID or WRITTEN_OFF.
	 * @return its state
	 */
	public InvoiceState state() {
		Currency money = Currency.getInstance(this.currency);
		return InvoiceState.of(InvoiceStatus.of(this.status), Money.of(this.totalWithVat, money),
				Money.of(this.paidAmount, money), Money.of(this.writtenOffAmount, money));
	}

}
