package org.vetbill.documents;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invoice's files over real HTTP: the PDF in vetbill's own API and the Cloud API's
 * {@code invoice/<id>/pdf/}, a draft's marked as one, and the Peppol UBL and Finvoice
 * e-invoices, validated by the official rules before they are handed out, refused with
 * the missing master data named when they cannot be made.
 */
class InvoiceFilesIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-12-04T10:00:00Z");
		this.tenant = newTenant();
		ApiResponse seller = this.tenant.api.patch(this.tenant.path("/organization/seller"),
				Map.of("business_id", "1234567-1", "vat_number", "FI12345671", "iban", "FI2112345600000785", "bic",
						"NDEAFIHH", "einvoice_address_scheme", "0216", "einvoice_address", "003712345671",
						"einvoice_operator", "NDEAFIHH"));
		assertThat(seller.status()).as(seller.toString()).isEqualTo(200);
	}

	@Test
	void theOwnApiAndTheCloudApiGiveTheInvoicesPdf() throws IOException {
		long invoice = this.tenant.finalizedInvoice();
		HttpResponse<byte[]> own = this.tenant.apiWith("read")
			.getBytes(this.tenant.path("/invoices/" + invoice + "/pdf"));
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(own.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"INV-1.pdf\"");
		String text = text(own.body());
		// Finnish: the organization's default language; 2 x 50.00 at 24 % and 12.35 at 10
		// %
		assertThat(text).contains("Lasku", "INV-1", "Anna Virtanen", "137,59", "FI21 1234 5600 0007 85");

		HttpResponse<byte[]> cloud = this.tenant.api
			.getBytes("/" + this.tenant.provetId + "/api/0.1/invoice/" + invoice + "/pdf/");
		assertThat(cloud.statusCode()).isEqualTo(200);
		assertThat(cloud.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(text(cloud.body())).isEqualTo(text);

		ApiResponse missing = this.tenant.api.get("/" + this.tenant.provetId + "/api/0.1/invoice/999999999/pdf/");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.get("detail").asString()).isNotBlank();
		ApiResponse missingOwn = this.tenant.api.get(this.tenant.path("/invoices/999999999/pdf"));
		assertThat(missingOwn.status()).isEqualTo(404);
		assertThat(missingOwn.get("code").asString()).isEqualTo("not_found");
	}

	@Test
	void aDraftsPdfIsMarkedAndHasNoPaymentDetails() throws IOException {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))));
		HttpResponse<byte[]> pdf = this.tenant.api.getBytes(this.tenant.path("/invoices/" + draft.id() + "/pdf"));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValue("inline; filename=\"draft-" + draft.id() + ".pdf\"");
		// no number and no payment codes: the footer's bank account is the clinic's
		// contact block
		assertThat(text(pdf.body())).contains("LUONNOS").doesNotContain("INV-");
		ApiResponse ubl = this.tenant.api.get(this.tenant.path("/invoices/" + draft.id() + "/ubl"));
		assertThat(ubl.status()).as(ubl.toString()).isEqualTo(400);
		assertThat(ubl.raw()).contains("\"field\":\"number\"").contains("finalize it first");
	}

	@Test
	void eInvoicesAreHandedOutValidatedOrRefusedNamingTheMissingMasterData() {
		long invoice = this.tenant.finalizedInvoice();
		ApiResponse refused = this.tenant.api.get(this.tenant.path("/invoices/" + invoice + "/ubl"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.raw()).contains("\"field\":\"buyer.electronic_address\"")
			.contains("is required for an e-invoice");

		ApiResponse client = this.tenant.api.patch(this.tenant.path("/clients/" + this.tenant.client + "/invoicing"),
				Map.of("einvoice_address_scheme", "0216", "einvoice_address", "003776543212", "einvoice_operator",
						"003721291126"));
		assertThat(client.status()).as(client.toString()).isEqualTo(200);
		HttpResponse<byte[]> ubl = this.tenant.api.getBytes(this.tenant.path("/invoices/" + invoice + "/ubl"));
		assertThat(ubl.statusCode()).as(new String(ubl.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(ubl.headers().firstValue("Content-Type")).hasValue("application/xml");
		assertThat(ubl.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"INV-1-peppol.xml\"");
		assertThat(new String(ubl.body(), StandardCharsets.UTF_8)).contains("<cbc:ID>INV-1</cbc:ID>")
			.contains("<cbc:PayableAmount currencyID=\"EUR\">137.59</cbc:PayableAmount>");

		HttpResponse<byte[]> finvoice = this.tenant.api
			.getBytes(this.tenant.path("/invoices/" + invoice + "/finvoice"));
		assertThat(finvoice.statusCode()).as(new String(finvoice.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(new String(finvoice.body(), StandardCharsets.UTF_8)).contains("<InvoiceNumber>INV-1</InvoiceNumber>")
			.contains("137,59");
	}

	private static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
