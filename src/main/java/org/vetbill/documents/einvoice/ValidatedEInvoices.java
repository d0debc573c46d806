package org.vetbill.documents.einvoice;

import org.vetbill.documents.FinvoiceRenderer;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.UblRenderer;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.RuleViolation;

import org.springframework.stereotype.Component;

/**
 * The e-invoices vetbill hands out: the master data checked first (a missing part is a
 * field error naming it), then the document written, then validated against the official
 * rules; one that does not pass is never handed out, and the refusal names the rules it
 * broke.
 */
@Component
class ValidatedEInvoices implements UblRenderer, FinvoiceRenderer {

	private final PeppolUblWriter ublWriter;

	private final FinvoiceWriter finvoiceWriter;

	private final EInvoiceValidator validator;

	ValidatedEInvoices(PeppolUblWriter ublWriter, FinvoiceWriter finvoiceWriter, EInvoiceValidator validator) {
		this.ublWriter = ublWriter;
		this.finvoiceWriter = finvoiceWriter;
		this.validator = validator;
	}

	@Override
	public byte[] ubl(InvoiceDocument document) {
		EInvoiceMasterData.require(document, EInvoiceFormat.PEPPOL_UBL);
		byte[] ubl = this.ublWriter.write(document);
		return valid(this.validator.validateUbl(ubl), ubl);
	}

	@Override
	public byte[] finvoice(InvoiceDocument document) {
		EInvoiceMasterData.require(document, EInvoiceFormat.FINVOICE);
		byte[] finvoice = this.finvoiceWriter.write(document);
		return valid(this.validator.validateFinvoice(finvoice), finvoice);
	}

	private static byte[] valid(EInvoiceValidation validation, byte[] document) {
		if (!validation.valid()) {
			throw new RuleViolation("einvoice_invalid", null,
					Facts.of("rules", validation.rules(), "failures", String.join(", ", validation.errorRuleIds())));
		}
		return document;
	}

}
