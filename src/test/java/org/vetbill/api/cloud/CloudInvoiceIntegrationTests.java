package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API's invoice and invoice row reads over real HTTP, as the billing and ERP
 * guides describe them: fields, number formats, filters, pages, expose, DRF errors.
 */
class CloudInvoiceIntegrationTests extends IntegrationTest {

	private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

	private TestTenant tenant;

	/** The client that creates invoices through vetbill's own API. */
	private Api api;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.api = this.tenant.api;
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private String absolute(String path) {
		return "http://localhost:" + this.port + cloud(path);
	}

	private long draft(Map<String, Object> body) {
		ApiResponse response = this.api.post(this.tenant.path("/invoices"), body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private long twoRowDraft() {
		return draft(Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
				List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2, "patient_id",
						this.tenant.patient),
						Map.of("item_id", this.tenant.medicineItem, "quantity", "3", "percentage_change", -10))));
	}

	private long finalized(long id) {
		ApiResponse response = this.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return id;
	}

	private ApiResponse get(String path) {
		ApiResponse response = this.tenant.api.get(cloud(path));
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response;
	}

	private static List<String> keys(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static List<Long> ids(JsonNode envelope) {
		List<Long> ids = new ArrayList<>();
		envelope.path("results").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	@Test
	void anInvoiceHasTheDocumentedFieldsWithTheirTypesAndFormats() {
		long id = finalized(twoRowDraft());
		JsonNode invoice = get("invoice/" + id + "/").body();
		assertThat(keys(invoice)).containsExactly("id", "url", "invoice_number", "invoice_prefix", "reference_number",
				"additional_reference", "status", "inqueries", "invoice_date", "invoice_payed", "invoice_due_date",
				"penalty_interest", "invoicing_client", "payer_name", "payer_id_number", "payer_organization_name",
				"payer_vat_number", "payer_register_number", "payer_country_code", "payer_country",
				"payer_street_address", "payer_street_address_2", "payer_street_address_3", "payer_zip_code",
				"payer_city", "payer_state", "receiver_name", "receiver_organization_name", "receiver_street_address",
				"receiver_street_address_2", "receiver_zip_code", "receiver_city", "receiver_iban", "receiver_bic",
				"receiver_national_bank_account", "receiver_national_bic", "receiver_vat_number", "total", "total_vat",
				"total_with_vat", "paid_amount", "due_sum", "client_due_sum", "patients", "invoice_row",
				"invoice_payment", "client", "consultation", "original_consultation", "department", "created",
				"modified", "date_paid", "agreed_to_pay_later", "without_vat", "countersale", "credit_note",
				"credit_note_original_invoice", "related_credit_note", "related_credit_note_invoice",
				"first_original_invoice", "consolidated_invoice", "consolidated_invoices",
				"related_consolidated_invoice", "remarks", "tags_rel", "vat_calculation_method", "determining_price",
				"send_date", "send_method", "invoice_extras");
		// the fields vetbill keeps no data for, with the real API's empty values
		assertThat(invoice.path("inqueries").isNull()).isTrue();
		assertThat(invoice.path("payer_id_number").asString()).isEmpty();
		assertThat(invoice.path("payer_street_address_3").asString()).isEmpty();
		assertThat(invoice.path("payer_organization_name").asString()).isEmpty();
		assertThat(invoice.path("receiver_iban").asString()).isEmpty();
		assertThat(invoice.path("receiver_organization_name").isNull()).isTrue();
		assertThat(invoice.path("receiver_national_bic").isNull()).isTrue();
		assertThat(invoice.path("agreed_to_pay_later").asBoolean(true)).isFalse();
		assertThat(invoice.path("without_vat").asBoolean(true)).isFalse();
		assertThat(invoice.path("vat_calculation_method").isNull()).isTrue();
		assertThat(invoice.path("send_method").asString()).isEmpty();
		assertThat(invoice.path("invoice_extras").isNull()).isTrue();
		assertThat(invoice.path("id").isIntegralNumber()).isTrue();
		assertThat(invoice.path("url").asString()).isEqualTo(absolute("invoice/" + id + "/"));
		assertThat(invoice.path("invoice_number").isIntegralNumber()).isTrue();
		assertThat(invoice.path("invoice_number").asLong()).isEqualTo(1);
		assertThat(invoice.path("invoice_prefix").asString()).isEqualTo("INV");
		assertThat(invoice.path("reference_number").asString()).matches("\\d+");
		assertThat(invoice.path("additional_reference").isNull()).isTrue();
		assertThat(invoice.path("status").isIntegralNumber()).isTrue();
		assertThat(invoice.path("status").asInt()).isEqualTo(3);
		assertThat(invoice.path("invoice_date").asString()).isEqualTo("2026-11-21");
		assertThat(invoice.path("invoice_due_date").asString()).isEqualTo("2026-12-12");
		assertThat(invoice.path("payer_name").asString()).isEqualTo("Anna Virtanen");
		assertThat(invoice.path("payer_country_code").asString()).isEqualTo("FI");
		assertThat(invoice.path("payer_street_address_2").asString()).isEqualTo("B 2");
		assertThat(invoice.path("payer_zip_code").asString()).isEqualTo("00100");
		assertThat(invoice.path("total").toString()).isEqualTo("133.35");
		assertThat(invoice.path("total_vat").toString()).isEqualTo("27.34");
		assertThat(invoice.path("total_with_vat").toString()).isEqualTo("160.69");
		assertThat(invoice.path("due_sum").toString()).isEqualTo("160.69");
		assertThat(invoice.path("client_due_sum").toString()).isEqualTo("160.69");
		assertThat(invoice.path("total").isNumber()).isTrue();
		assertThat(invoice.path("patients").toString())
			.isEqualTo("[\"" + absolute("patient/" + this.tenant.patient + "/") + "\"]");
		assertThat(invoice.path("invoice_row")).hasSize(2);
		assertThat(invoice.path("invoice_row").get(0).asString()).startsWith(absolute("invoicerow/"));
		assertThat(invoice.path("invoice_payment").isArray()).isTrue();
		assertThat(invoice.path("client").asString()).isEqualTo(absolute("client/" + this.tenant.client + "/"));
		assertThat(invoice.path("department").asString())
			.isEqualTo(absolute("department/" + this.tenant.department + "/"));
		assertThat(invoice.path("consultation").isNull()).isTrue();
		assertThat(invoice.path("created").asString()).matches(DATE_TIME).endsWith("+02:00");
		assertThat(invoice.path("modified").asString()).matches(DATE_TIME);
		assertThat(invoice.path("date_paid").isNull()).isTrue();
		assertThat(invoice.path("countersale").isBoolean()).isTrue();
		assertThat(invoice.path("credit_note").asBoolean()).isFalse();
		assertThat(invoice.path("related_credit_note").isArray()).isTrue();
	}

	@Test
	void aDraftHasNoNumberAndAnEmptyPrefix() {
		long id = twoRowDraft();
		JsonNode invoice = get("invoice/" + id + "/").body();
		assertThat(invoice.path("invoice_number").isNull()).isTrue();
		assertThat(invoice.path("invoice_prefix").asString()).isEmpty();
		assertThat(invoice.path("reference_number").isNull()).isTrue();
		assertThat(invoice.path("status").asInt()).isZero();
		assertThat(invoice.path("payer_name").isNull()).isTrue();
	}

	@Test
	void rowsCarryAccountsDimensionsTheirExtraAndOnRequestTheirVatGroup() {
		long id = finalized(twoRowDraft());
		JsonNode rows = get("invoicerow/?invoice__is=" + id).body();
		assertThat(rows.path("count").asLong()).isEqualTo(2);
		JsonNode consultation = rows.path("results").get(0);
		assertThat(keys(consultation)).containsExactly("id", "url", "invoice", "consultation_item",
				"original_consultation", "item", "name", "invoice_group", "quantity", "price", "price_with_vat", "sum",
				"sum_vat", "sum_total", "percentage_change", "discount_amount", "vat_percentage",
				"additional_tax_percentage", "calculated_price", "calculated_price_with_vat", "invoicable_quantity",
				"vat_group", "account_number", "reporting_dimension_1", "reporting_dimension_2",
				"reporting_dimension_3", "invoice_row_extra", "credited_invoicerow", "first_credited_invoicerow",
				"first_credit_invoicerows", "patient", "parent_linked_item", "linked_items", "panel", "order_in_panel",
				"royalty_fee", "prescription", "created", "modified", "used");
		assertThat(consultation.path("calculated_price").toString()).isEqualTo("50.00");
		assertThat(consultation.path("calculated_price_with_vat").toString()).isEqualTo("62.00");
		assertThat(consultation.path("invoicable_quantity").toString()).isEqualTo("2.0");
		assertThat(consultation.path("additional_tax_percentage").toString()).isEqualTo("0.0");
		assertThat(consultation.path("order_in_panel").asInt()).isEqualTo(1);
		assertThat(consultation.path("linked_items").toString()).isEqualTo("[]");
		assertThat(consultation.path("prescription").asBoolean(true)).isFalse();
		assertThat(consultation.path("used").asString()).isEqualTo(consultation.path("created").asString());
		assertThat(consultation.path("invoice").asString()).isEqualTo(absolute("invoice/" + id + "/"));
		assertThat(consultation.path("item").asString())
			.isEqualTo(absolute("item/" + this.tenant.consultationItem + "/"));
		assertThat(consultation.path("quantity").toString()).isEqualTo("2.0");
		assertThat(consultation.path("price").toString()).isEqualTo("50.00");
		assertThat(consultation.path("price_with_vat").toString()).isEqualTo("62.00");
		assertThat(consultation.path("sum").toString()).isEqualTo("100.00");
		assertThat(consultation.path("sum_vat").toString()).isEqualTo("24.00");
		assertThat(consultation.path("sum_total").toString()).isEqualTo("124.00");
		assertThat(consultation.path("percentage_change").toString()).isEqualTo("0.0");
		assertThat(consultation.path("vat_percentage").toString()).isEqualTo("24.0");
		assertThat(consultation.path("account_number").asString()).isEqualTo("3000");
		assertThat(consultation.path("reporting_dimension_1").asString()).isEqualTo("VET");
		assertThat(consultation.path("reporting_dimension_2").asString()).isEqualTo("D2");
		assertThat(consultation.path("reporting_dimension_3").asString()).isEqualTo("D3");
		assertThat(consultation.path("invoice_row_extra").toString()).isEqualTo(
				"{\"internal_account_number\":\"9000\",\"internal_reporting_dimension_1\":\"I1\",\"internal_reporting_dimension_2\":\"I2\"}");
		JsonNode medicine = rows.path("results").get(1);
		assertThat(medicine.has("reporting_dimension_3")).isTrue();
		assertThat(medicine.path("reporting_dimension_3").isNull()).isTrue();
		assertThat(medicine.path("invoice_row_extra").toString()).isEqualTo(
				"{\"internal_account_number\":null,\"internal_reporting_dimension_1\":null,\"internal_reporting_dimension_2\":null}");
		assertThat(medicine.path("sum_total").toString()).isEqualTo("36.69");

		JsonNode exposed = get("invoicerow/?invoice__is=" + id + "&expose_invoicerow_vat_group").body();
		assertThat(exposed.path("results").get(0).path("invoicerow_vat_group").toString())
			.isEqualTo("{\"title\":\"24%\",\"percentage\":24.0,\"account_number\":\"2930\"}");
		assertThat(exposed.path("results").get(1).path("invoicerow_vat_group").toString())
			.isEqualTo("{\"title\":\"10%\",\"percentage\":10.0,\"account_number\":\"2931\"}");
		assertThat(get("invoicerow/" + consultation.path("id").asLong() + "/?expose_invoicerow_vat_group").body()
			.path("invoicerow_vat_group")
			.path("account_number")
			.asString()).isEqualTo("2930");
	}

	@Test
	void exposeInlinesTheRelatedObjectInsteadOfItsUrl() {
		long id = finalized(twoRowDraft());
		JsonNode invoice = get("invoice/" + id + "/?expose_invoice_row").body();
		assertThat(invoice.path("invoice_row").get(0).path("sum_total").toString()).isEqualTo("124.00");
		JsonNode row = get("invoicerow/?invoice__is=" + id + "&expose_invoice").body().path("results").get(0);
		assertThat(row.path("invoice").path("id").asLong()).isEqualTo(id);
		assertThat(row.path("invoice").path("total_with_vat").toString()).isEqualTo("160.69");
		ApiResponse unknown = this.tenant.api.get(cloud("invoice/?expose_colour"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(keys(unknown.body())).containsExactly("expose_colour");
	}

	@Test
	void pagesCountAndLinkToTheirNeighboursKeepingTheOtherParameters() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(finalized(twoRowDraft()));
		}
		JsonNode first = get("invoice/?status__is=3&page_size=2").body();
		assertThat(keys(first)).containsExactly("count", "num_pages", "next", "previous", "results");
		assertThat(first.path("count").asLong()).isEqualTo(5);
		assertThat(first.path("num_pages").asLong()).isEqualTo(3);
		assertThat(first.path("next").asString()).isEqualTo(absolute("invoice/?status__is=3&page_size=2&page=2"));
		assertThat(first.path("previous").isNull()).isTrue();
		assertThat(ids(first)).isEqualTo(ids.subList(0, 2));
		JsonNode second = get("invoice/?status__is=3&page=2&page_size=2").body();
		assertThat(second.path("previous").asString()).isEqualTo(absolute("invoice/?status__is=3&page_size=2"));
		assertThat(second.path("next").asString()).isEqualTo(absolute("invoice/?status__is=3&page_size=2&page=3"));
		assertThat(ids(second)).isEqualTo(ids.subList(2, 4));
		JsonNode last = get("invoice/?status__is=3&page=3&page_size=2").body();
		assertThat(last.path("next").isNull()).isTrue();
		assertThat(ids(last)).isEqualTo(ids.subList(4, 5));
		assertThat(get("invoice/").body().path("num_pages").asLong()).isEqualTo(1);

		ApiResponse past = this.tenant.api.get(cloud("invoice/?page=4&page_size=2"));
		assertThat(past.status()).isEqualTo(404);
		assertThat(past.raw()).isEqualTo("{\"detail\":\"Invalid page.\"}");
		ApiResponse tooLarge = this.tenant.api.get(cloud("invoice/?page_size=1001"));
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(keys(tooLarge.body())).containsExactly("page_size");
		assertThat(get("invoice/?page_size=1000").body().path("count").asLong()).isEqualTo(5);
		assertThat(this.tenant.api.get(cloud("invoice/?page_size=ten")).status()).isEqualTo(400);
		assertThat(this.tenant.api.get(cloud("invoice/?page=0")).status()).isEqualTo(400);
		JsonNode empty = get("invoice/?status__is=99").body();
		assertThat(empty.path("count").asLong()).isZero();
		assertThat(empty.path("num_pages").asLong()).isEqualTo(1);
		assertThat(empty.path("results")).isEmpty();
	}

	@Test
	void idGreaterThanPagesThroughByKey() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(finalized(twoRowDraft()));
		}
		assertThat(ids(get("invoice/?id__gt=" + ids.get(1)).body())).isEqualTo(ids.subList(2, 4));
		assertThat(ids(get("invoice/?id__gt=" + ids.get(3)).body())).isEmpty();
	}

	@Test
	void everyDocumentedFilterWorks() {
		long paid = finalized(twoRowDraft());
		this.clock.set("2026-11-25T10:00:00Z");
		Api api = this.tenant.freshApi();
		this.api = api;
		long countersale = finalized(draft(Map.of("department_id", this.tenant.department, "rows",
				List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1)))));
		long draft = twoRowDraft();
		assertThat(ids(filter(api, "status__is=3"))).containsExactly(paid, countersale);
		assertThat(ids(filter(api, "status__is=0"))).containsExactly(draft);
		assertThat(ids(filter(api, "invoice_date__gte=2026-11-22"))).containsExactly(countersale);
		assertThat(ids(filter(api, "invoice_date__lte=2026-11-21"))).containsExactly(paid);
		assertThat(ids(filter(api, "modified__gte=2026-11-25T00:00:00"))).containsExactly(countersale, draft);
		assertThat(ids(filter(api, "modified__gte=2026-11-21%2011:00%2B00:00"))).containsExactly(countersale, draft);
		assertThat(ids(filter(api, "modified__gte=2026-11-21%2011:00+00:00"))).containsExactly(countersale, draft);
		assertThat(ids(filter(api, "modified__gte=2026-11-21T09:59:00Z"))).containsExactly(paid, countersale, draft);
		assertThat(ids(filter(api, "modified__lte=2026-11-21T12:00:00%2B02:00"))).containsExactly(paid);
		assertThat(ids(filter(api, "client__is=" + this.tenant.client))).containsExactly(paid, draft);
		assertThat(ids(filter(api, "client.id__is=" + this.tenant.client))).containsExactly(paid, draft);
		assertThat(ids(filter(api, "department__is=" + this.tenant.department))).containsExactly(paid, countersale,
				draft);
		assertThat(ids(filter(api, "credit_note__is=true"))).isEmpty();
		assertThat(ids(filter(api, "credit_note__is=false"))).containsExactly(paid, countersale, draft);
		assertThat(ids(filter(api, "countersale__is=true"))).containsExactly(paid, countersale, draft);
		assertThat(ids(filter(api, "client__is_null=true"))).containsExactly(countersale);
		assertThat(ids(filter(api, "status__in=[0,99]"))).containsExactly(draft);
		assertThat(ids(filter(api, "status__in=0,3"))).containsExactly(paid, countersale, draft);
		assertThat(ids(filter(api, "status__is_not=3"))).containsExactly(draft);
		assertThat(ids(filter(api, "total_with_vat__range=[100,200]"))).containsExactly(paid, draft);
		assertThat(ids(filter(api, "payer_name__icontains=VIRTA"))).containsExactly(paid);
		assertThat(ids(filter(api, "payer_name__contains=VIRTA"))).isEmpty();
		assertThat(ids(filter(api, "date_paid__gte=2026-01-01"))).isEmpty();
		assertThat(ids(filter(api, "id__gt=" + paid))).containsExactly(countersale, draft);
		assertThat(ids(filter(api, "invoice_number__is=2&filter_type=or&status__is=0"))).containsExactly(countersale,
				draft);
		assertThat(ids(filter(api, "status=0"))).containsExactly(draft);
		JsonNode rows = api.get(cloud("invoicerow/?invoice__in=" + paid + "," + countersale + "&vat_percentage__is=10"))
			.body();
		assertThat(rows.path("count").asLong()).isEqualTo(2);
	}

	private JsonNode filter(Api api, String query) {
		ApiResponse response = api.get(cloud("invoice/?" + query));
		assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
		return response.body();
	}

	@Test
	void anUnknownFilterOperatorOrValueIsA400NamingIt() {
		assertError("invoice/?status__like=3", "status__like", "Unknown filter operator 'like'");
		assertError("invoice/?status__is=three", "status__is", "'three' is not a whole number");
		assertError("invoice/?invoice_date__gte=2024-13-01", "invoice_date__gte", "is not a valid date");
		assertError("invoice/?modified__gte=yesterday", "modified__gte", "is not a valid date-time");
		assertError("invoice/?credit_note__is=maybe", "credit_note__is", "is not a boolean");
		assertError("invoice/?credit_note__gt=true", "credit_note__gt", "does not apply");
		assertError("invoice/?status__icontains=3", "status__icontains", "does not apply");
		assertError("invoice/?total__range=1", "total__range", "A range is two values");
		assertError("invoice/?filter_type=xor", "filter_type", "Use and");
		assertError("invoicerow/?invoice__is=abc", "invoice__is", "is not a valid id");
		assertError("invoice/1/?status__is=3", "status__is", "Filters apply to lists");
		ApiResponse twice = this.tenant.api.get(cloud("invoice/?status__is=3&colour=red&total__gt=x&status__gte=y"));
		assertThat(keys(twice.body())).containsExactly("total__gt", "status__gte");
	}

	private void assertError(String path, String parameter, String message) {
		ApiResponse response = this.tenant.api.get(cloud(path));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(keys(response.body())).containsExactly(parameter);
		assertThat(response.body().path(parameter).get(0).asString()).contains(message);
	}

	@Test
	void aPathWithoutItsTrailingSlashIsMovedPermanently() {
		ApiResponse moved = this.tenant.api.get(cloud("invoice") + "?status__is=3&modified__gte=2024-03-20T00:00:00");
		assertThat(moved.status()).isEqualTo(301);
		assertThat(moved.header("Location"))
			.contains(cloud("invoice/") + "?status__is=3&modified__gte=2024-03-20T00:00:00");
		assertThat(this.tenant.anonymous.get(cloud("invoice/7")).status()).isEqualTo(301);
	}

	@Test
	void errorsAreWrittenAsDjangoRestFrameworkWritesThem() {
		ApiResponse missing = this.tenant.api.get(cloud("invoice/999999999/"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.raw()).isEqualTo("{\"detail\":\"Not found.\"}");
		assertThat(missing.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		TestTenant other = newTenant();
		long theirs = draft(Map.of("department_id", this.tenant.department));
		assertThat(other.api.get("/" + other.provetId + "/api/0.1/invoice/" + theirs + "/").raw())
			.isEqualTo("{\"detail\":\"Not found.\"}");
		assertThat(other.api.get(cloud("invoice/" + theirs + "/")).status()).isEqualTo(404);

		ApiResponse anonymous = this.tenant.anonymous.get(cloud("invoice/"));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.raw()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
		assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
		ApiResponse badToken = this.tenant.anonymous.as("Bearer nonsense").get(cloud("invoice/"));
		assertThat(badToken.status()).isEqualTo(401);
		assertThat(badToken.raw()).isEqualTo("{\"detail\":\"Invalid token.\"}");
		ApiResponse forbidden = this.tenant.apiWith("billing").get(cloud("invoice/"));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.raw()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
		ApiResponse noSuchResource = this.tenant.api.get(cloud("nothing/"));
		assertThat(noSuchResource.status()).isEqualTo(404);
		assertThat(noSuchResource.raw()).isEqualTo("{\"detail\":\"Not found.\"}");
		ApiResponse notAllowed = this.tenant.api.delete(cloud("invoice/" + theirs + "/"));
		assertThat(notAllowed.status()).isEqualTo(405);
		assertThat(keys(notAllowed.body())).containsExactly("detail");
	}

	@Test
	void aPageCostsTheSameNumberOfQueriesWhateverItsSize() {
		for (int i = 0; i < 30; i++) {
			finalized(twoRowDraft());
		}
		String query = "invoice/?status__is=3&expose_invoice_row&expose_client&page_size=";
		long one = this.queries.during(() -> get(query + 1));
		long thirty = this.queries.during(() -> get(query + 30));
		assertThat(thirty).isEqualTo(one);
		long rowsOne = this.queries.during(() -> get("invoicerow/?expose_invoicerow_vat_group&page_size=1"));
		long rowsMany = this.queries.during(() -> get("invoicerow/?expose_invoicerow_vat_group&page_size=60"));
		assertThat(rowsMany).isEqualTo(rowsOne);
		assertThat(one).isLessThanOrEqualTo(16);
	}

	/**
	 * A list's count and page carry their values (static statements), so that PostgreSQL
	 * plans each for them: as prepared statements, after five runs it would keep a
	 * generic plan that guesses a third of the table for {@code id > ?}, and count the
	 * tail of a keyset walk by scanning the whole organization.
	 */
	@Test
	void aListsCountAndPageArePlannedForTheirValues() {
		long first = finalized(twoRowDraft());
		List<String> statements = this.queries.statements(() -> get("invoice/?id__gt=" + (first - 1) + "&page_size=5"));
		List<String> list = statements.stream()
			.filter((sql) -> sql.contains("from invoice where") && sql.contains("invoice.id >"))
			.toList();
		assertThat(list).as(String.join("\n", statements)).hasSize(2);
		assertThat(list).allSatisfy((sql) -> assertThat(sql).doesNotContain("?").contains("id > " + (first - 1)));
	}

}
