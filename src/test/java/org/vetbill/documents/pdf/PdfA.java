package org.vetbill.documents.pdf;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A-3b conformance as veraPDF, the validator the PDF Association endorses, judges it:
 * the rules (clause and test number) a PDF breaks, none when it is compliant.
 */
final class PdfA {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfA() {
	}

	/**
	 * Validates a PDF against PDF/A-3b whatever it claims to be.
	 * @return the broken rules as {@code clause-test}, empty when compliant
	 */
	static List<String> brokenRules(byte[] pdf) {
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
			ValidationResult result = validator.validate(parser);
			List<String> broken = result.getFailedChecks()
				.keySet()
				.stream()
				.map((rule) -> rule.getClause() + "-" + rule.getTestNumber())
				.sorted()
				.toList();
			if (result.isCompliant() != broken.isEmpty()) {
				throw new IllegalStateException("veraPDF says compliant=" + result.isCompliant() + " with " + broken);
			}
			return broken;
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not validate the PDF", ex);
		}
	}

	/** The flavour a PDF declares in its metadata, as veraPDF reads it. */
	static String declaredFlavour(byte[] pdf) {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
			return parser.getFlavour().getId();
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not read the PDF", ex);
		}
	}

}
