/**
 * The printable invoice and credit note: {@link org.vetbill.documents.pdf.InvoicePdf}
 * renders an {@link org.vetbill.documents.InvoiceDocument} through one HTML template to a
 * PDF/A-3b file, labelled in Finnish, Swedish or English, with the payment codes when
 * there is something to pay.
 */
@NullMarked
package org.vetbill.documents.pdf;

import org.jspecify.annotations.NullMarked;
