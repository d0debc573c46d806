package org.vetbill.documents.einvoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helger.diagnostics.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.finvoice.FinvoiceValidation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.xml.serialize.read.DOMReader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import org.springframework.stereotype.Component;

/**
 * Validates e-invoices against the official rules, offline: a UBL invoice or credit note
 * against the Peppol BIS Billing 3.0 validation artefacts of release 2026.5 (the UBL 2.1
 * schema, the CEN EN 16931 schematron and Peppol's own), a Finvoice against the Finvoice
 * 3.0 schema (Finvoice has no schematron).
 * <p>
 * The rules are phive's (phive-rules), the library Peppol access points and the Finnish
 * operators' validators build on, rather than our own reading of the specifications. One
 * instance serves the whole application: phive's registry of rule sets is safe to share
 * between threads, and it keeps the compiled schematron, whose first compilation takes 10
 * to 20 seconds (Saxon compiling some 900 KB of XSLT); later validations take a few
 * hundred milliseconds. The registry is built on first use, and {@link #warm()} compiles
 * every rule set ahead of the first real validation.
 */
@Component
public class EInvoiceValidator {

	/** The Peppol rule set of UBL invoices, release 2026.5 (BIS Billing 3.0.21). */
	public static final String PEPPOL_INVOICE = PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3.getAsSingleID();

	/** The Peppol rule set of UBL credit notes, release 2026.5. */
	public static final String PEPPOL_CREDIT_NOTE = PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
		.getAsSingleID();

	/** The Finvoice 3.0 schema. */
	public static final String FINVOICE = FinvoiceValidation.VID_FINVOICE_30.getAsSingleID();

	private static final Logger logger = LoggerFactory.getLogger(EInvoiceValidator.class);

	/**
	 * The id an XML Schema error starts its text with, e.g. {@code cvc-pattern-valid}.
	 */
	private static final Pattern SCHEMA_RULE = Pattern.compile("^\\s*(?:\\[[^]]*]\\s*)?(cvc-[a-z0-9.-]+[a-z0-9])");

	private volatile @Nullable ValidationExecutorSetRegistry<IValidationSourceXML> registry;

	/**
	 * Validates a Peppol UBL document: an {@code Invoice} against the invoice rules, a
	 * {@code CreditNote} against the credit note rules.
	 * @param ubl the document
	 * @return what was found; an unreadable document is one failure
	 */
	public EInvoiceValidation validateUbl(byte[] ubl) {
		Document document = DOMReader.readXMLDOM(ubl);
		if (document == null || document.getDocumentElement() == null) {
			return unreadable(PEPPOL_INVOICE);
		}
		boolean credit = "CreditNote".equals(document.getDocumentElement().getLocalName());
		return validate(credit ? PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
				: PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3, document);
	}

	/**
	 * Validates a Finvoice 3.0 message against its schema.
	 * @param finvoice the message
	 * @return what was found; an unreadable message is one failure
	 */
	public EInvoiceValidation validateFinvoice(byte[] finvoice) {
		Document document = DOMReader.readXMLDOM(finvoice);
		if (document == null) {
			return unreadable(FINVOICE);
		}
		return validate(FinvoiceValidation.VID_FINVOICE_30, document);
	}

	/**
	 * Compiles every rule set by validating a small document against each, so that the
	 * first real validation is fast. It takes 10 to 30 seconds of CPU; call it once, off
	 * the thread that starts the application.
	 * @return how long it took
	 */
	public Duration warm() {
		long start = System.nanoTime();
		validateUbl(resource("warm-up-invoice.xml"));
		validateUbl(resource("warm-up-credit-note.xml"));
		validateFinvoice(resource("warm-up-finvoice.xml"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		logger.info("E-invoice validation warmed up in {} ms", took.toMillis());
		return took;
	}

	private EInvoiceValidation validate(DVRCoordinate coordinate, Document document) {
		long start = System.nanoTime();
		String rules = coordinate.getAsSingleID();
		IValidationExecutorSet<IValidationSourceXML> set = registry().getOfID(coordinate);
		if (set == null) {
			throw new IllegalStateException("phive-rules has no rule set " + rules);
		}
		ValidationResultList results = ValidationExecutionManager.executeValidation(
				IValidityDeterminator.createDefault(), set, ValidationSourceXML.create(rules, document),
				Locale.ENGLISH);
		List<EInvoiceFailure> failures = new ArrayList<>();
		results.forEachFlattened((error) -> failures.add(failure(error)));
		return new EInvoiceValidation(rules, failures, Duration.ofNanos(System.nanoTime() - start));
	}

	private ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
		ValidationExecutorSetRegistry<IValidationSourceXML> found = this.registry;
		if (found == null) {
			synchronized (this) {
				found = this.registry;
				if (found == null) {
					found = new ValidationExecutorSetRegistry<>();
					PeppolValidation.initStandard(found);
					FinvoiceValidation.initFinvoice(found);
					this.registry = found;
				}
			}
		}
		return found;
	}

	private static EInvoiceFailure failure(IError error) {
		String text = String.valueOf(error.getErrorText(Locale.ENGLISH));
		String id = error.getErrorID();
		if (id == null || id.isBlank()) {
			Matcher schemaRule = SCHEMA_RULE.matcher(text);
			id = schemaRule.find() ? schemaRule.group(1) : null;
		}
		String location = error.getErrorFieldName();
		if ((location == null || location.isBlank()) && error.hasErrorLocation()) {
			location = error.getErrorLocation().getAsString();
		}
		return new EInvoiceFailure(id, error.isError(), text, location);
	}

	private static EInvoiceValidation unreadable(String rules) {
		return new EInvoiceValidation(rules, List.of(new EInvoiceFailure(null, true, "not well-formed XML", null)),
				Duration.ZERO);
	}

	private static byte[] resource(String name) {
		try (InputStream in = EInvoiceValidator.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
