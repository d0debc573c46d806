package org.vetbill.documents.paymentcodes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws the payment codes as PNG images. ZXing's encoders give the modules as a
 * {@link BitMatrix} without a margin; this class scales each module to whole pixels, so
 * the edges stay sharp at any print size, and adds the quiet zone itself. (ZXing's
 * {@code javase} module would do the drawing, but it is a second artifact for the ten
 * lines below.)
 */
final class CodeImages {

	/** Pixels a module of the bank barcode is wide. */
	static final int BARCODE_MODULE_PIXELS = 4;

	/** Modules of white either side of the bank barcode (ISO/IEC 15417: at least ten). */
	static final int BARCODE_QUIET_ZONE = 10;

	/** The bank barcode's height in modules (about 13 mm at 0.3 mm a module). */
	static final int BARCODE_HEIGHT_MODULES = 44;

	/** Pixels a module of the QR code is wide and high. */
	static final int QR_MODULE_PIXELS = 8;

	/** Modules of white around the QR code (ISO/IEC 18004: four). */
	static final int QR_QUIET_ZONE = 4;

	private static final int BLACK = 0xFF000000;

	private static final int WHITE = 0xFFFFFFFF;

	private CodeImages() {
	}

	/**
	 * A Code 128 barcode of digits, in code set C (two digits a symbol).
	 * @param digits an even number of digits
	 * @return the PNG
	 */
	static byte[] code128(String digits) {
		BitMatrix row = new Code128Writer().encode(digits, BarcodeFormat.CODE_128, 0, 1,
				Map.of(EncodeHintType.FORCE_CODE_SET, "C", EncodeHintType.MARGIN, 0));
		return png(row, BARCODE_MODULE_PIXELS, BARCODE_MODULE_PIXELS * BARCODE_HEIGHT_MODULES, BARCODE_QUIET_ZONE);
	}

	/**
	 * A QR code of a text, error correction level M, the text in UTF-8.
	 * @param text what it carries
	 * @return the PNG
	 */
	static byte[] qr(String text) {
		try {
			BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET,
							StandardCharsets.UTF_8.name(), EncodeHintType.MARGIN, 0));
			return png(modules, QR_MODULE_PIXELS, QR_MODULE_PIXELS, QR_QUIET_ZONE);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("the QR code cannot hold its text: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Draws a matrix of modules: each module {@code moduleWidth} pixels wide and each row
	 * {@code rowHeight} pixels high, inside a white quiet zone of {@code quietZone}
	 * modules (across, and, for a matrix code of square modules, up and down).
	 */
	private static byte[] png(BitMatrix modules, int moduleWidth, int rowHeight, int quietZone) {
		int margin = quietZone * moduleWidth;
		int verticalMargin = (modules.getHeight() > 1) ? margin : 0;
		int width = modules.getWidth() * moduleWidth + 2 * margin;
		int height = modules.getHeight() * rowHeight + 2 * verticalMargin;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int column = (x - margin) / moduleWidth;
				int row = (y - verticalMargin) / rowHeight;
				boolean inside = x >= margin && column < modules.getWidth() && y >= verticalMargin
						&& row < modules.getHeight();
				image.setRGB(x, y, (inside && modules.get(column, row)) ? BLACK : WHITE);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
