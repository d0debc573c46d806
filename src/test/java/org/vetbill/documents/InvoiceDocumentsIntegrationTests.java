package org.vetbill.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.documents.InvoiceDocument.VatSubtotal;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an invoice's documents are written from: the organization's details as the seller
 * and each client's invoicing details, set through vetbill's own API with every field
 * checked, and the {@link InvoiceDocument} read from the ledger for invoices, drafts,
 * credit notes and reverse-charge sales.
 */
class InvoiceDocumentsIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-12-04T10:00:00Z");
		this.tenant = newTenant();
	}

	@Test
	void theSellerIsSetFieldByFieldAndBadCodesAreRefusedNamingEachField() {
		ApiResponse none = this.tenant.api.get(this.tenant.path("/organization/seller"));
		assertThat(none.status()).as(none.toString()).isEqualTo(200);
		assertThat(none.get("document_language").asString()).isEqualTo("fi");
		assertThat(none.get("iban").isNull()).isTrue();

		ApiResponse set = patchSeller(json("{'business_id': '1234567-1', 'vat_number': 'FI12345671',"
				+ " 'street_address': 'Esimerkkikatu 1', 'zip_code': '00100', 'city': 'Helsinki',"
				+ " 'email': 'laskutus@esimerkki.example', 'phone': '+358 9 123 4567',"
				+ " 'iban': 'fi21 1234 5600 0007 85', 'bic': 'ndea fihh', 'einvoice_address_scheme': '0216',"
				+ " 'einvoice_address': '003712345671', 'einvoice_operator': 'NDEAFIHH', 'document_language': 'sv'}"));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.get("iban").asString()).isEqualTo("FI2112345600000785");
		assertThat(set.get("bic").asString()).isEqualTo("NDEAFIHH");

		ApiResponse bad = patchSeller(json("{'business_id': '1234567-2', 'iban': 'FI2112345600000786', 'bic': 'XX',"
				+ " 'einvoice_address_scheme': null, 'document_language': 'de'}"));
		assertInvalid(bad, "business_id", "iban", "bic", "einvoice_address_scheme", "document_language");
		ApiResponse unchanged = this.tenant.api.get(this.tenant.path("/organization/seller"));
		assertThat(unchanged.body()).isEqualTo(set.body());

		ApiResponse readOnly = this.tenant.apiWith("read")
			.patch(this.tenant.path("/organization/seller"), json("{'phone': '1'}"));
		assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
	}

	@Test
	void aClientsInvoicingIsSetAndAnEinvoiceDeliveryNeedsAnAddress() {
		String path = this.tenant.path("/clients/" + this.tenant.client + "/invoicing");
		ApiResponse refused = this.tenant.api.patch(path, json("{'invoice_delivery': 'EINVOICE'}"));
		assertInvalid(refused, "einvoice_address");
		ApiResponse set = this.tenant.api.patch(path,
				json("{'invoice_delivery': 'EINVOICE', 'einvoice_address_scheme': '0216',"
						+ " 'einvoice_address': '003776543212', 'einvoice_operator': '003721291126',"
						+ " 'buyer_reference': 'PO-4711', 'document_language': 'en'}"));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(this.tenant.api.get(path).body()).isEqualTo(set.body());
		ApiResponse unknownDelivery = this.tenant.api.patch(path, json("{'invoice_delivery': 'PIGEON'}"));
		assertThat(unknownDelivery.status()).as(unknownDelivery.toString()).isEqualTo(400);
		ApiResponse missing = this.tenant.api.get(this.tenant.path("/clients/999999999/invoicing"));
		assertThat(missing.status()).isEqualTo(404);
	}

	@Test
	void aFinalizedInvoiceReadsAsItsDocumentInTheClientsLanguage() {
		setSeller();
		this.tenant.api.patch(this.tenant.path("/clients/" + this.tenant.client + "/invoicing"),
				json("{'document_language': 'sv', 'buyer_reference': 'Musti'}"));
		long invoice = this.tenant.finalizedInvoice();
		this.tenant.pay(invoice, "20.00");
		InvoiceDocument document = documents().of(this.tenant.caller, invoice);

		assertThat(document.kind()).isEqualTo(Kind.INVOICE);
		assertThat(document.draft()).isFalse();
		assertThat(document.number()).isEqualTo("INV-1");
		assertThat(document.language()).isEqualTo(Locale.of("sv"));
		assertThat(document.referenceNumber()).isNotBlank();
		assertThat(document.buyerReference()).isEqualTo("Musti");
		assertThat(document.seller().iban()).isEqualTo("FI2112345600000785");
		assertThat(document.seller().businessId()).isEqualTo("1234567-1");
		assertThat(document.seller().electronicAddress().id()).isEqualTo("003712345671");
		assertThat(document.buyer().name()).isEqualTo("Anna Virtanen");
		assertThat(document.buyer().company()).isFalse();
		assertThat(document.buyer().address().city()).isEqualTo("Helsinki");
		assertThat(document.lines()).extracting(InvoiceDocument.Line::name).containsExactly("Consultation", "Medicine");
		assertThat(document.lines()).extracting(InvoiceDocument.Line::itemCode).containsExactly("CONS", "MED");
		assertThat(document.lines()).extracting(InvoiceDocument.Line::patientName).containsOnlyNulls();
		assertThat(document.lines()).extracting(InvoiceDocument.Line::vatCategory).containsOnly(VatCategory.STANDARD);
		// 2 x 50.00 at 24 % and 1 x 12.35 at 10 %, net prices
		assertThat(document.vat()).extracting(VatSubtotal::percent)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("24"), new BigDecimal("10"));
		assertThat(document.vat().get(0).taxable()).isEqualByComparingTo("100.00");
		assertThat(document.vat().get(0).tax()).isEqualByComparingTo("24.00");
		assertThat(document.vat().get(1).taxable()).isEqualByComparingTo("12.35");
		assertThat(document.vat().get(1).tax()).isEqualByComparingTo("1.24");
		assertThat(document.totalNet()).isEqualByComparingTo("112.35");
		assertThat(document.totalVat()).isEqualByComparingTo("25.24");
		assertThat(document.totalGross()).isEqualByComparingTo("137.59");
		assertThat(document.paid()).isEqualByComparingTo("20.00");
		assertThat(document.due()).isEqualByComparingTo("117.59");
		assertThat(sum(document.vat(), true)).isEqualByComparingTo(document.totalNet());
		assertThat(sum(document.vat(), false)).isEqualByComparingTo(document.totalVat());
	}

	@Test
	void aDraftHasNoNumberNorReferenceAndACreditNoteNamesWhatItCredits() {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))));
		InvoiceDocument drafted = documents().of(this.tenant.caller, draft.id());
		assertThat(drafted.draft()).isTrue();
		assertThat(drafted.number()).isNull();
		assertThat(drafted.referenceNumber()).isNull();
		assertThat(drafted.language()).isEqualTo(Locale.of("fi"));
		assertThat(drafted.buyer().name()).isEqualTo("Anna Virtanen");

		long invoice = this.tenant.finalizedInvoice();
		ApiResponse credit = this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/credit-notes"), null);
		assertThat(credit.status()).as(credit.toString()).isIn(200, 201);
		InvoiceDocument note = documents().of(this.tenant.caller, credit.id());
		assertThat(note.kind()).isEqualTo(Kind.CREDIT_NOTE);
		assertThat(note.credited().id()).isEqualTo(invoice);
		assertThat(note.credited().number()).isEqualTo(documents().of(this.tenant.caller, invoice).number());
		assertThat(note.totalGross()).isEqualByComparingTo("-137.59");
		assertThat(note.lines()).allSatisfy((line) -> assertThat(line.quantity().signum()).isNegative());
	}

	@Test
	void rowsWithoutVatAreReverseChargeOnlyForAnEuCompanyOfAnotherCountry() {
		long vat0 = this.tenant.bean(VatGroups.class)
			.create(this.tenant.caller, new VatGroupDetails("0%", BigDecimal.ZERO, "2939", false))
			.id();
		long service = this.tenant.bean(Items.class)
			.create(this.tenant.caller,
					new ItemDetails("EXP", "Export consultation", new BigDecimal("200.00"), vat0, "3010", null, null,
							null, null, null, null, false, ItemType.PROCEDURE.code()))
			.id();
		Clients clients = this.tenant.bean(Clients.class);
		long german = clients
			.create(this.tenant.caller,
					new ClientDetails(2, null, null, "Tierklinik Beispiel GmbH", "DE123456789", null, "Hauptstraße 12",
							null, "10115", "Berlin", null, "DE", null, null, null, false))
			.id();
		long finnish = clients
			.create(this.tenant.caller,
					new ClientDetails(2, null, null, "Tassula Oy", "FI76543212", "7654321-2", "Kauppakatu 5", null,
							"33100", "Tampere", null, "FI", null, null, null, false))
			.id();
		InvoiceDocument export = documents().of(this.tenant.caller, finalized(german, service));
		assertThat(export.buyer().company()).isTrue();
		assertThat(export.buyer().name()).isEqualTo("Tierklinik Beispiel GmbH");
		assertThat(export.lines()).extracting(InvoiceDocument.Line::vatCategory)
			.containsExactly(VatCategory.REVERSE_CHARGE);
		assertThat(export.vat()).singleElement()
			.satisfies((subtotal) -> assertThat(subtotal.category()).isEqualTo(VatCategory.REVERSE_CHARGE));
		InvoiceDocument domestic = documents().of(this.tenant.caller, finalized(finnish, service));
		assertThat(domestic.buyer().businessId()).isEqualTo("7654321-2");
		assertThat(domestic.lines()).extracting(InvoiceDocument.Line::vatCategory).containsExactly(VatCategory.ZERO);
	}

	private long finalized(long client, long item) {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"), Map.of("department_id",
				this.tenant.department, "client_id", client, "rows", List.of(Map.of("item_id", item, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	private void setSeller() {
		ApiResponse set = patchSeller(json("{'business_id': '1234567-1', 'vat_number': 'FI12345671',"
				+ " 'iban': 'FI2112345600000785', 'bic': 'NDEAFIHH', 'einvoice_address_scheme': '0216',"
				+ " 'einvoice_address': '003712345671'}"));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
	}

	private ApiResponse patchSeller(String body) {
		return this.tenant.api.patch(this.tenant.path("/organization/seller"), body);
	}

	private InvoiceDocuments documents() {
		return this.tenant.bean(InvoiceDocuments.class);
	}

	private static BigDecimal sum(List<VatSubtotal> vat, boolean taxable) {
		return vat.stream()
			.map(taxable ? VatSubtotal::taxable : VatSubtotal::tax)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static void assertInvalid(ApiResponse response, String... fields) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		JsonNode errors = response.body().path("errors");
		List<String> named = new ArrayList<>();
		for (int i = 0; i < errors.size(); i++) {
			named.add(errors.get(i).path("field").asString());
			assertThat(errors.get(i).path("message").asString()).as(response.toString()).isNotBlank();
		}
		assertThat(named.stream().distinct()).as(response.toString()).containsExactlyInAnyOrder(fields);
	}

	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
