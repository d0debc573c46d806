package org.vetbill.documents.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What the tests read from a rendered PDF: its text as PDFBox extracts it (no-break
 * spaces made plain, so expectations can be written with ordinary spaces), and its first
 * page rasterised as a reader would see it.
 */
final class PdfTexts {

	/** Where the rendered pages are kept for a person to look at. */
	static final Path ARTEFACTS = Path.of("target", "documents");

	private PdfTexts() {
	}

	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int pages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first page at 150 dpi, also written to {@code target/documents/<name>.png}. */
	static BufferedImage raster(byte[] pdf, String name) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			Files.createDirectories(ARTEFACTS);
			ImageIO.write(page, "png", ARTEFACTS.resolve(name + ".png").toFile());
			Files.write(ARTEFACTS.resolve(name + ".pdf"), pdf);
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text of the code of the given format on a rasterised page, as a scanner or a
	 * phone would read it; empty when there is none.
	 */
	static Optional<String> decode(BufferedImage page, BarcodeFormat format) {
		int width = page.getWidth();
		int height = page.getHeight();
		int[] pixels = page.getRGB(0, 0, width, height, null, 0, width);
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		try {
			return Optional.of(
					new MultiFormatReader()
						.decode(bitmap,
								Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format), DecodeHintType.TRY_HARDER,
										true))
						.getText());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The share of a page's pixels that are dark: text, lines and codes. */
	static double inkedShare(BufferedImage page) {
		return share(page, 0, 200);
	}

	/** The share of a page's pixels in the light grey of the draft mark. */
	static double greyShare(BufferedImage page) {
		return share(page, 225, 245);
	}

	private static double share(BufferedImage page, int fromLuminance, int toLuminance) {
		long count = 0;
		for (int y = 0; y < page.getHeight(); y++) {
			for (int x = 0; x < page.getWidth(); x++) {
				int rgb = page.getRGB(x, y);
				int luminance = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
				if (luminance >= fromLuminance && luminance <= toLuminance) {
					count++;
				}
			}
		}
		return (double) count / ((long) page.getWidth() * page.getHeight());
	}

}
