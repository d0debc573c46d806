package org.vetbill.documents.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.PdfRenderer;
import org.vetbill.documents.paymentcodes.PaymentCodes;

/**
 * The printable invoice: an {@link InvoiceDocument} rendered through the HTML template
 * {@code templates/documents/invoice.html} to a PDF/A-3b file, with its fonts embedded
 * and an sRGB output intent, so that it can be archived and later carry its e-invoice as
 * an attachment (Factur-X style).
 * <p>
 * The HTML is made by Thymeleaf, which the web pages use too, and turned into PDF by
 * openhtmltopdf on Apache PDFBox: a maintained, LGPL renderer that reads XHTML with CSS
 * paged media and writes PDF/A itself, which a hand-drawn PDFBox layout would have to
 * reimplement (line breaking, table layout, page breaks, running footers). The font is
 * DejaVu Sans, bundled (with its licence) because PDF/A forbids fonts the reader must
 * supply and it covers Finnish and Swedish letters.
 * <p>
 * Thread-safe: the compiled template, the message bundles, the font and ICC bytes are
 * loaded once and shared; each rendering has its own renderer.
 */
@Component
public class InvoicePdf implements PdfRenderer {

	static final String TEMPLATE = "documents/invoice";

	private static final String FONT_FAMILY = "DejaVu Sans";

	private final SpringTemplateEngine templates;

	private final byte[] regularFont;

	private final byte[] boldFont;

	private final byte[] colorProfile;

	/** Loads the template, the labels, the fonts and the sRGB profile. */
	public InvoicePdf() {
		this.templates = templateEngine();
		this.regularFont = resource("documents/fonts/DejaVuSans.ttf");
		this.boldFont = resource("documents/fonts/DejaVuSans-Bold.ttf");
		this.colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	}

	/**
	 * The PDF/A-3b of a document, with the payment codes it gets ({@link PaymentCodes}):
	 * on an invoice with an amount due in euros, never on a draft or a credit note.
	 * @param document the invoice or credit note
	 * @return the PDF's bytes
	 */
	@Override
	public byte[] pdf(InvoiceDocument document) {
		return render(document);
	}

	/**
	 * The PDF of a document, with the payment codes it gets.
	 * @param document the invoice or credit note
	 * @return its PDF/A-3b
	 */
	public byte[] render(InvoiceDocument document) {
		return render(document, PaymentCodes.of(document).map(PaymentCodeImages::of).orElse(PaymentCodeImages.NONE));
	}

	/**
	 * The PDF/A-3b of a document, with the given payment code images.
	 * @param document the invoice or credit note
	 * @param codes its payment codes ({@link PaymentCodeImages#NONE} when there are
	 * none); printed only on an invoice with an amount due in euros, never on a draft
	 * @return the PDF's bytes
	 */
	public byte[] render(InvoiceDocument document, PaymentCodeImages codes) {
		return toPdf(html(document, codes), true);
	}

	/**
	 * The document as XHTML, the way the PDF is made from it.
	 * @param document the invoice or credit note
	 * @param codes its payment codes
	 * @return the XHTML
	 */
	public String html(InvoiceDocument document, PaymentCodeImages codes) {
		InvoiceView view = InvoiceViews.of(document, codes);
		Context context = new Context(DocumentFormat.of(document.language()).language());
		context.setVariable("invoice", view);
		return this.templates.process(TEMPLATE, context);
	}

	/**
	 * Renders XHTML to PDF, as PDF/A-3b or (for tests that prove the conformance check
	 * can fail) as a plain PDF with the same fonts.
	 */
	byte[] toPdf(String xhtml, boolean pdfA) {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode()
			.withHtmlContent(xhtml, null)
			.useFont(() -> font(this.regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true)
			.useFont(() -> font(this.boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true)
			.withProducer("vetbill")
			.toStream(pdf);
		if (pdfA) {
			builder.usePdfAConformance(PdfAConformance.PDFA_3_B).useColorProfile(this.colorProfile);
		}
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The invoice's PDF could not be rendered", ex);
		}
		return pdf.toByteArray();
	}

	private static InputStream font(byte[] font) {
		return new ByteArrayInputStream(font);
	}

	private static SpringTemplateEngine templateEngine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(InvoicePdf.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/documents/invoice");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	private static byte[] resource(String path) {
		try (InputStream in = InvoicePdf.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + path, ex);
		}
	}

}
