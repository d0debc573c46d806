package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice row as it is read. Amounts are at the currency's scale; {@code sumTotal} is
 * the figure the invoice totals are built from.
 *
 * @param id the id
 * @param uuid the UUID (its id where ids are UUIDs)
 * @param invoiceId the invoice
 * @param consultationId the consultation the row was charged in, if any
 * @param position the row's place on the invoice
 * @param itemId the catalog item
 * @param consultationItemId the consultation item it came from
 * @param patientId the patient
 * @param name the name invoiced
 * @param quantity the quantity
 * @param unitPrice the unit price as entered: gross when the invoice's prices include
 * VAT, else net
 * @param price unit price excluding VAT
 * @param priceWithVat unit price including VAT
 * @param percentageChange discount (negative) or surcharge (positive) in percent
 * @param vatGroupId the VAT group
 * @param vatPercentage the VAT rate
 * @param discountAmount the row's share of an invoice-level discount
 * @param sum net amount
 * @param sumVat VAT
 * @param sumTotal gross amount
 * @param accountNumber revenue GL account (set at finalization)
 * @param internalAccountNumber internal GL account (set at finalization)
 * @param reportingDimension1 reporting dimension 1 (set at finalization)
 * @param reportingDimension2 reporting dimension 2 (set at finalization)
 * @param reportingDimension3 reporting dimension 3 (set at finalization)
 * @param internalReportingDimension1 internal reporting dimension 1 (set at finalization)
 * @param internalReportingDimension2 internal reporting dimension 2 (set at finalization)
 * @param creditedInvoiceRowId on a credit note, the row of the original invoice it
 * credits
 * @param created when the row was added
 * @param modified when the row last changed
 */
public record InvoiceRowView(long id, UUID uuid, long invoiceId, @Nullable Long consultationId, int position,
		@Nullable Long itemId, @Nullable Long consultationItemId, @Nullable Long patientId, String name,
		BigDecimal quantity, BigDecimal unitPrice, BigDecimal price, BigDecimal priceWithVat,
		BigDecimal percentageChange, @Nullable Long vatGroupId, BigDecimal vatPercentage, BigDecimal discountAmount,
		BigDecimal sum, BigDecimal sumVat, BigDecimal sumTotal, @Nullable String accountNumber,
		@Nullable String internalAccountNumber, @Nullable String reportingDimension1,
		@Nullable String reportingDimension2, @Nullable String reportingDimension3,
		@Nullable String internalReportingDimension1, @Nullable String internalReportingDimension2,
		@Nullable Long creditedInvoiceRowId, List<Long> creditRowIds, Instant created, Instant modified) {

	InvoiceRowView withCreditRowIds(List<Long> ids) {
		return new InvoiceRowView(this.id, this.uuid, this.invoiceId, this.consultationId, this.position, this.itemId,
				this.consultationItemId, this.patientId, this.name, this.quantity, this.unitPrice, this.price,
				this.priceWithVat, this.percentageChange, this.vatGroupId, this.vatPercentage, this.discountAmount,
				this.sum, this.sumVat, this.sumTotal, this.accountNumber, this.internalAccountNumber,
				this.reportingDimension1, this.reportingDimension2, this.reportingDimension3,
				this.internalReportingDimension1, this.internalReportingDimension2, this.creditedInvoiceRowId, ids,
				this.created, this.modified);
	}

}
