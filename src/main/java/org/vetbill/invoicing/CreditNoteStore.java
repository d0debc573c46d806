package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.vetbill.invoicing.domain.Finalization;
import org.vetbill.shared.Caller;
import org.vetbill.shared.db.tables.records.InvoiceRecord;
import org.vetbill.shared.db.tables.records.InvoiceRowRecord;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;

/**
 * Writes credit notes: a new, finalized invoice whose rows negate rows of its original.
 * Every statement is scoped to the caller's organization.
 */
@Repository
class CreditNoteStore {

	private final DSLContext dsl;

	CreditNoteStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Inserts a finalized credit note for rows of an original invoice. Its header copies
	 * the original's client, department and payer snapshot; its rows are the original's
	 * rows with quantity and every amount negated, each pointing at the row it credits,
	 * so the credit is exactly what the original charged. Totals are the exact sums of
	 * the rows.
	 * @param caller the caller
	 * @param originalId the original invoice
	 * @param rowIds the rows to credit
	 * @param numbering the credit note's number, prefix, reference and date
	 * @param now the time
	 * @return the credit note's id
	 */
	long insert(Caller caller, long originalId, List<Long> rowIds, Finalization.Result numbering, Instant now) {
		InvoiceRecord note = this.dsl.selectFrom(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(originalId))
			.fetchSingle()
			.copy();
		List<InvoiceRowRecord> rows = this.dsl.selectFrom(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.ID.in(rowIds))
			.orderBy(INVOICE_ROW.POSITION, INVOICE_ROW.ID)
			.fetch();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal totalVat = BigDecimal.ZERO;
		BigDecimal totalWithVat = BigDecimal.ZERO;
		for (InvoiceRowRecord row : rows) {
			total = total.subtract(row.getSumNet());
			totalVat = totalVat.subtract(row.getSumVat());
			totalWithVat = totalWithVat.subtract(row.getSumTotal());
		}
		note.setOrganizationId(caller.organizationId());
		note.setUuid(UUID.randomUUID());
		note.setConsultationId(null);
		note.setCreditNote(true);
		note.setCreditNoteOriginalInvoiceId(originalId);
		note.setStatus((short) numbering.status().code());
		note.setInvoiceNumber(numbering.invoiceNumber());
		note.setInvoicePrefix(numbering.invoicePrefix());
		note.setReferenceNumber(numbering.referenceNumber());
		note.setInvoiceDate(numbering.invoiceDate());
		note.setInvoiceDueDate(numbering.invoiceDueDate());
		note.setIssueTime(null);
		note.setDueTime(null);
		note.setDiscountAmount(BigDecimal.ZERO);
		note.setDiscountPercent(null);
		note.setTotal(total);
		note.setTotalVat(totalVat);
		note.setTotalWithVat(totalWithVat);
		note.setPaidAmount(BigDecimal.ZERO);
		note.setWrittenOffAmount(BigDecimal.ZERO);
		note.setDatePaid(null);
		note.setFinalizedTime(now);
		note.setVoidedTime(null);
		note.setVoidReason(null);
		note.setCreated(now);
		note.setModified(now);
		note.setVersion(0);
		note.store();
		long noteId = note.getId();
		for (InvoiceRowRecord row : rows) {
			InvoiceRowRecord credit = row.copy();
			credit.setOrganizationId(caller.organizationId());
			credit.setUuid(UUID.randomUUID());
			credit.setInvoiceId(noteId);
			credit.setCreditedInvoiceRowId(row.getId());
			credit.setQuantity(row.getQuantity().negate());
			credit.setDiscountAmount(row.getDiscountAmount().negate());
			credit.setSumNet(row.getSumNet().negate());
			credit.setSumVat(row.getSumVat().negate());
			credit.setSumTotal(row.getSumTotal().negate());
			credit.setCreated(now);
			credit.setModified(now);
			credit.store();
		}
		return noteId;
	}

}
