package org.vetbill.documents.pdf;

import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.paymentcodes.BankBarcode;
import org.vetbill.documents.paymentcodes.EpcQrCode;
import org.vetbill.documents.paymentcodes.PaymentCodes;

/**
 * The payment codes as the invoice's template prints them: the Finnish bank barcode (Code
 * 128) with its digits, and the EPC QR code of a SEPA credit transfer. Each is optional;
 * the images are PNG data URIs, so the same template shows them in the PDF and in a
 * browser. Made from the {@link PaymentCodes} an invoice gets, or given by a caller that
 * draws its own.
 *
 * @param barcodeImage the bank barcode as a PNG data URI, null when none
 * @param barcodeDigits the bank barcode's 54 digits as printed under it, null when none
 * @param qrImage the EPC QR code as a PNG data URI, null when none
 */
public record PaymentCodeImages(@Nullable String barcodeImage, @Nullable String barcodeDigits,
		@Nullable String qrImage) {

	/** No codes at all. */
	public static final PaymentCodeImages NONE = new PaymentCodeImages(null, null, null);

	/**
	 * The images of an invoice's payment codes.
	 * @param codes the codes, either of them absent
	 * @return the barcode with its 54 digits (the virtual barcode a payer copies) and the
	 * QR code, as data URIs
	 */
	public static PaymentCodeImages of(PaymentCodes codes) {
		BankBarcode barcode = codes.barcode();
		EpcQrCode qrCode = codes.qrCode();
		return new PaymentCodeImages((barcode != null) ? png(barcode.png()) : null,
				(barcode != null) ? barcode.digits() : null, (qrCode != null) ? png(qrCode.png()) : null);
	}

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
