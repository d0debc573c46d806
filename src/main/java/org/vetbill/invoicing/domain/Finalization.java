package org.vetbill.invoicing.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.PeriodLock;
import org.vetbill.clinic.domain.ReferenceNumberFormat;

/**
 * What finalizing an invoice needs to know, and what it decides.
 */
public final class Finalization {

	private Finalization() {
	}

	/**
	 * The circumstances of a finalization.
	 *
	 * @param requestedDate the invoice date asked for at finalization, or null
	 * @param target {@link InvoiceStatus#FINALIZED} or {@link InvoiceStatus#INVOICING}
	 * @param today the current date in the organization's time zone
	 * @param lock the department's period lock
	 * @param client the client's current details, or null for a countersale without
	 * client
	 * @param defaultPaymentTermsDays the organization's payment terms
	 * @param invoicePrefix the department's invoice prefix
	 * @param referenceFormat the organization's reference number format
	 * @param rowCount how many rows the invoice has
	 */
	public record Terms(@Nullable LocalDate requestedDate, InvoiceStatus target, LocalDate today, PeriodLock lock,
			@Nullable ClientDetails client, int defaultPaymentTermsDays, String invoicePrefix,
			ReferenceNumberFormat referenceFormat, int rowCount) {
	}

	/**
	 * The outcome: what is written onto the invoice.
	 *
	 * @param status the new status
	 * @param invoiceNumber the number taken from the department's sequence
	 * @param invoicePrefix the department's prefix
	 * @param referenceNumber the payment reference, or null
	 * @param invoiceDate the invoice date
	 * @param invoiceDueDate the due date
	 * @param payer the payer snapshot
	 */
	public record Result(InvoiceStatus status, long invoiceNumber, String invoicePrefix,
			@Nullable String referenceNumber, LocalDate invoiceDate, LocalDate invoiceDueDate, Payer payer) {
	}

}
