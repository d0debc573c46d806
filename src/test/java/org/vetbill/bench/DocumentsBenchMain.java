package org.vetbill.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;
import org.vetbill.documents.einvoice.EInvoiceValidation;
import org.vetbill.documents.einvoice.EInvoiceValidator;
import org.vetbill.documents.einvoice.PeppolUblWriter;
import org.vetbill.documents.pdf.InvoicePdf;

/**
 * {@code ./vetbill bench-documents [runs]}: the time to render the PDF of a 20-row
 * invoice and to write and validate its Peppol UBL, each run many times after a warm-up,
 * printed as the median and the 99th percentile. The first validation (compiling the rule
 * sets) is printed on its own.
 */
public final class DocumentsBenchMain {

	private DocumentsBenchMain() {
	}

	public static void main(String[] args) {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		InvoiceDocument invoice = SampleDocuments.manyRows(20);
		InvoicePdf pdf = new InvoicePdf();
		PeppolUblWriter ubl = new PeppolUblWriter();
		EInvoiceValidator validator = new EInvoiceValidator();
		long started = System.nanoTime();
		EInvoiceValidation first = validator.validateUbl(ubl.write(invoice));
		Duration firstValidation = Duration.ofNanos(System.nanoTime() - started);
		if (!first.valid()) {
			throw new IllegalStateException("the benchmark's UBL is not valid: " + first.errors());
		}
		Runnable renderPdf = () -> {
			if (pdf.pdf(invoice).length == 0) {
				throw new IllegalStateException("an empty PDF");
			}
		};
		Runnable validateUbl = () -> {
			EInvoiceValidation validation = validator.validateUbl(ubl.write(invoice));
			if (!validation.valid()) {
				throw new IllegalStateException(validation.errors().toString());
			}
		};
		time(renderPdf, Math.max(20, runs / 5));
		time(validateUbl, Math.max(20, runs / 5));
		double[] pdfTimes = time(renderPdf, runs);
		double[] ublTimes = time(validateUbl, runs);
		System.out.printf(Locale.ROOT, "%n| documents, %d runs each after a warm-up (ms) | median | p99 |%n", runs);
		System.out.println("|---|---:|---:|");
		row("PDF/A-3b of a 20-row invoice", pdfTimes);
		row("Peppol UBL of the same invoice, written and validated", ublTimes);
		System.out.printf(Locale.ROOT, "%nThe first validation (compiling the Peppol rule sets) took %.1f s.%n",
				firstValidation.toMillis() / 1000.0);
	}

	private static double[] time(Runnable work, int runs) {
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			work.run();
			millis[i] = (System.nanoTime() - started) / 1_000_000.0;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void row(String what, double[] sorted) {
		System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", what, sorted[sorted.length / 2],
				sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]);
	}

}
