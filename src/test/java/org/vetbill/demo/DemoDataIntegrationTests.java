package org.vetbill.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.invoicing.domain.ReferenceNumbers;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organization the run command creates: its data and its fixed credentials, read
 * over the API as a newcomer would.
 */
class DemoDataIntegrationTests extends IntegrationTest {

	private static final String BASE = "/" + DemoCredentials.PROVET_ID + "/vetbill/v1";

	@Autowired
	private DemoData demoData;

	private Api api;

	@BeforeEach
	void loadTheDemo() {
		this.demoData.load();
		this.api = anonymous().as("Bearer " + TestTenant.token(anonymous(), DemoCredentials.PROVET_ID,
				DemoCredentials.ERP_CLIENT_ID, DemoCredentials.ERP_CLIENT_SECRET));
	}

	private List<JsonNode> all(String path) {
		List<JsonNode> items = new ArrayList<>();
		String separator = path.contains("?") ? "&" : "?";
		Long after = null;
		do {
			ApiResponse page = this.api
				.get(BASE + path + separator + "limit=500" + ((after != null) ? "&after=" + after : ""));
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.body().path("items").forEach(items::add);
			after = page.body().path("next_after").isNull() ? null : page.body().path("next_after").asLong();
		}
		while (after != null);
		return items;
	}

	@Test
	void theDemoWholesalerServesItsInvoicesOverConnectAndTheClinicImportsThem() {
		this.context.getBean(DemoSupply.class).load("http://localhost:" + this.port + "/connect");
		ApiResponse served = anonymous().send(anonymous().request("/connect/invoices")
			.header("Api-Version", "1")
			.header("Client", "curl")
			.header("Client-Auth", DemoCredentials.CONNECT_CLIENT_AUTH)
			.header("User-Auth", DemoCredentials.CONNECT_USER_AUTH)
			.header("Practice", "Vetbill Demo Animal Clinics")
			.header("User", "manager")
			.GET());
		assertThat(served.status()).as(served.raw()).isEqualTo(200);
		assertThat(served.body().findValuesAsString("InvoiceNumber")).containsExactly("70001", "70002", "70003");
		assertThat(served.body().findValuesAsString("AccountCode")).containsOnly(DemoCredentials.CONNECT_ACCOUNT);

		JsonNode suppliers = this.api.get(BASE + "/suppliers").body();
		assertThat(suppliers).hasSize(1);
		long supplier = suppliers.get(0).path("id").asLong();
		String base = BASE + "/suppliers/" + supplier;
		ApiResponse imported = this.api.post(base + "/connect-source/import", null);
		assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
		assertThat(imported.body().path("error").isNull()).as(imported.raw()).isTrue();
		assertThat(this.api.get(base + "/invoices").body().findValuesAsString("invoice_number"))
			.containsExactly("70001", "70002", "70003");
		assertThat(this.api.get(base + "/orders").body().findValuesAsString("status")).containsExactly("RECEIVED",
				"PARTLY_RECEIVED", "OPEN");
	}

	@Test
	void loadingTwiceKeepsTheDemoAsItIs() {
		assertThat(this.demoData.load()).isFalse();
		assertThat(all("/invoices")).hasSize(DemoData.INVOICES + DemoData.CREDIT_NOTES);
	}

	@Test
	void theDemoCredentialsWork() {
		ApiResponse frontDesk = anonymous().postForm("/1234/oauth2/token/", "grant_type=password&username="
				+ DemoCredentials.FRONT_DESK_USER + "&password=" + DemoCredentials.FRONT_DESK_PASSWORD);
		assertThat(frontDesk.status()).isEqualTo(200);
		Api desk = anonymous().as("Bearer " + frontDesk.get("access_token").asString());
		assertThat(desk.get(BASE + "/me").get("permissions").toString()).isEqualTo("[\"read\",\"billing\"]");
		ApiResponse manager = anonymous().postForm("/1234/oauth2/token/", "grant_type=password&username="
				+ DemoCredentials.MANAGER_USER + "&password=" + DemoCredentials.MANAGER_PASSWORD);
		assertThat(manager.status()).isEqualTo(200);
		Api legacy = anonymous().as("Token " + DemoCredentials.LEGACY_TOKEN);
		assertThat(legacy.get(BASE + "/me").get("actor").asString()).isEqualTo("token:Legacy reporting tool");
		assertThat(this.api.get(BASE + "/me").get("actor").asString()).isEqualTo("client:erp-demo");
	}

	@Test
	void theMasterDataCoversEveryKindOfClientAndCarriesAccounts() {
		JsonNode organization = this.api.get(BASE + "/organization").body();
		assertThat(organization.path("reference_number_format").asString()).isEqualTo("FINNISH");
		List<JsonNode> departments = all("/departments");
		assertThat(departments).hasSize(2);
		assertThat(departments.stream().map((d) -> d.path("invoice_prefix").asString()).distinct()).hasSize(2);
		List<JsonNode> clients = all("/clients");
		assertThat(clients.stream().map((c) -> c.path("customer_type").asInt()).distinct()).containsExactlyInAnyOrder(0,
				1, 2, 3, 4);
		assertThat(clients).filteredOn((c) -> c.path("customer_type").asInt() == 2)
			.allSatisfy((c) -> assertThat(c.path("vat_number").asString()).isNotBlank());
		assertThat(all("/patients")).hasSizeGreaterThan(30);
		List<JsonNode> vatGroups = all("/vat-groups");
		assertThat(vatGroups).hasSize(3)
			.allSatisfy((v) -> assertThat(v.path("account_number").asString()).isNotBlank());
		List<JsonNode> items = all("/items");
		assertThat(items).hasSizeGreaterThanOrEqualTo(30).allSatisfy((item) -> {
			assertThat(item.path("account_number").asString()).isNotBlank();
			assertThat(item.path("reporting_dimension_1").asString()).isNotBlank();
		});
		List<JsonNode> consultations = all("/consultations");
		assertThat(consultations).filteredOn((c) -> c.path("status").asInt() == 10).hasSizeGreaterThan(100);
		assertThat(consultations).filteredOn((c) -> c.path("status").asInt() == 0).isNotEmpty();
	}

	@Test
	void aboutFiveHundredInvoicesInEveryStatusOverTheLastEighteenMonths() {
		List<JsonNode> invoices = all("/invoices");
		assertThat(invoices).hasSize(DemoData.INVOICES + DemoData.CREDIT_NOTES);
		assertThat(invoices.stream().map((i) -> i.path("status").asInt()).distinct()).containsExactlyInAnyOrder(0, 1, 2,
				3, 4, 99);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Europe/Helsinki")));
		List<LocalDate> dates = invoices.stream()
			.filter((i) -> !i.path("invoice_date").isNull())
			.map((i) -> LocalDate.parse(i.path("invoice_date").asString()))
			.sorted()
			.toList();
		assertThat(dates.get(0)).isAfterOrEqualTo(today.minusMonths(18)).isBefore(today.minusMonths(17));
		assertThat(dates.get(dates.size() - 1)).isBeforeOrEqualTo(today);
		assertThat(invoices).filteredOn((i) -> i.path("client_id").isNull() && i.path("status").asInt() == 3)
			.hasSizeGreaterThan(20)
			.allSatisfy((i) -> assertThat(i.path("countersale").asBoolean()).isTrue());
		assertThat(invoices).filteredOn((i) -> !i.path("consultation_id").isNull()).hasSizeGreaterThan(100);
		Map<Long, List<Long>> numbers = new HashMap<>();
		Set<String> references = new HashSet<>();
		for (JsonNode invoice : invoices) {
			if (!invoice.path("invoice_number").isNull()) {
				numbers.computeIfAbsent(invoice.path("department_id").asLong(), (d) -> new ArrayList<>())
					.add(invoice.path("invoice_number").asLong());
				String reference = invoice.path("reference_number").asString();
				assertThat(ReferenceNumbers.isValidFinnish(reference)).as(reference).isTrue();
				references.add(reference);
				assertThat(invoice.path("rows").get(0).path("account_number").asString()).isNotBlank();
			}
		}
		assertThat(numbers).hasSize(2);
		numbers.values()
			.forEach((list) -> assertThat(list)
				.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, list.size()).boxed().toList()));
		assertThat(references).hasSize(numbers.values().stream().mapToInt(List::size).sum());
	}

	@Test
	void mostInvoicesArePaidAFewCreditedAndClientsHoldDeposits() {
		List<JsonNode> invoices = all("/invoices");
		List<JsonNode> finalized = invoices.stream()
			.filter((i) -> i.path("status").asInt() == 3 && !i.path("credit_note").asBoolean())
			.toList();
		assertThat(finalized).filteredOn((i) -> !i.path("date_paid").isNull()).hasSizeGreaterThan(200);
		assertThat(finalized)
			.filteredOn((i) -> i.path("date_paid").isNull() && i.path("paid_amount").decimalValue().signum() > 0)
			.hasSizeGreaterThan(10);
		assertThat(finalized).filteredOn((i) -> i.path("paid_amount").decimalValue().signum() == 0)
			.hasSizeGreaterThan(10);
		List<JsonNode> creditNotes = invoices.stream().filter((i) -> i.path("credit_note").asBoolean()).toList();
		assertThat(creditNotes).hasSize(DemoData.CREDIT_NOTES).allSatisfy((note) -> {
			assertThat(note.path("total_with_vat").decimalValue().signum()).isNegative();
			assertThat(note.path("due_sum").decimalValue()).isZero();
			JsonNode original = this.api
				.get(BASE + "/invoices/" + note.path("credit_note_original_invoice_id").asLong())
				.body();
			assertThat(original.path("due_sum").decimalValue()).isZero();
			assertThat(original.path("related_credit_note_ids").get(0).asLong()).isEqualTo(note.path("id").asLong());
		});
		JsonNode prepayments = this.api
			.get("/" + DemoCredentials.PROVET_ID + "/api/0.1/unallocatedpayment/?page_size=100")
			.body();
		// the deposits, one refund, and the overpayments moved to prepayments (every
		// other credit note)
		assertThat(prepayments.path("count").asInt())
			.isEqualTo(DemoData.PREPAYMENTS + 1 + (DemoData.CREDIT_NOTES + 1) / 2);
		List<JsonNode> deposits = new ArrayList<>();
		prepayments.path("results").forEach(deposits::add);
		assertThat(deposits).filteredOn((p) -> p.path("refunds").isNull())
			.anySatisfy((p) -> assertThat(p.path("unused_amount").decimalValue())
				.isLessThan(p.path("paid").decimalValue()));
		assertThat(deposits).filteredOn((p) -> !p.path("refunds").isNull()).hasSize(1);
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

}
