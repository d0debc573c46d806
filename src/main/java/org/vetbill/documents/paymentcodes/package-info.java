/**
 * The payment codes printed on an invoice so that the payer's bank fills in the transfer:
 * the Finnish bank barcode (Finance Finland's "pankkiviivakoodi", versions 4 and 5,
 * printed as Code 128 and shown as the 54-digit "virtuaaliviivakoodi") and the European
 * Payments Council's SEPA credit transfer QR code (EPC069-12). Both are drawn with
 * ZXing's encoders; {@link org.vetbill.documents.paymentcodes.PaymentCodes} decides which
 * of them an invoice gets.
 */
@NullMarked
package org.vetbill.documents.paymentcodes;

import org.jspecify.annotations.NullMarked;
