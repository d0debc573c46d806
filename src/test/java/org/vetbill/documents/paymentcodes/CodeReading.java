package org.vetbill.documents.paymentcodes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * Reads a rendered code back with ZXing's reader, as a payer's phone or scanner would:
 * the PNG is decoded to pixels and handed to the reader as an RGB luminance source.
 */
final class CodeReading {

	private CodeReading() {
	}

	/** The PNG as an image. */
	static BufferedImage image(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			if (image == null) {
				throw new IllegalStateException("not a PNG");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of the one code of the given format in the PNG. */
	static String read(byte[] png, BarcodeFormat format) {
		BufferedImage image = image(png);
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		try {
			return new MultiFormatReader()
				.decode(bitmap,
						Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format), DecodeHintType.TRY_HARDER, true))
				.getText();
		}
		catch (NotFoundException ex) {
			throw new AssertionError("no " + format + " found in the image", ex);
		}
	}

}
