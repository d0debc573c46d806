package org.vetbill.documents.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

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

}
