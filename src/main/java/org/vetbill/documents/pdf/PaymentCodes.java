package org.vetbill.documents.pdf;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The payment codes printed on an invoice with an amount due in euros: the Finnish bank
 * barcode (Code 128) with its digits, and the EPC QR code of a SEPA credit transfer. Each
 * is optional; the images are PNG data URIs, so the same template shows them in the PDF
 * and in a browser.
 *
 * @param barcodeImage the bank barcode as a PNG data URI, null when none
 * @param barcodeDigits the bank barcode's 54 digits as printed under it, null when none
 * @param qrImage the EPC QR code as a PNG data URI, null when none
 */
public record PaymentCodes(@Nullable String barcodeImage, @Nullable String barcodeDigits, @Nullable String qrImage) {

	/** No codes at all. */
	public static final PaymentCodes NONE = new PaymentCodes(null, null, null);

	/**
	 * A PNG image as a data URI.
	 * @param png the image's bytes
	 * @return {@code data:image/png;base64,...}
	 */
	public static String png(byte[] png) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
	}

	/**
	 * Whether there is any code to print.
	 * @return true when the barcode, its digits or the QR code is given
	 */
	public boolean any() {
		return this.barcodeImage != null || this.barcodeDigits != null || this.qrImage != null;
	}

}
