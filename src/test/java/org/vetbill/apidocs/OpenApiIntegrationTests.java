package org.vetbill.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.security.Credentials;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.ConnectSupplier;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI descriptions and Swagger UI over real HTTP: each API's description is
 * served without a token; every endpoint the application maps appears in its API's
 * description with its method; the schemas name exactly the fields the API writes
 * (compared with real answers, so they cannot drift); the list parameters are the ones
 * the Cloud API accepts; Swagger UI comes from its webjar.
 */
class OpenApiIntegrationTests extends IntegrationTest {

	/** Each description and the path prefixes of the endpoints it describes. */
	private static final Map<String, List<String>> GROUPS = Map.of("cloud", List.of("/{provet_id}/api/0.1/"), "vetbill",
			List.of("/{provet_id}/vetbill/v1/"), "auth", List.of("/{provet_id}/oauth2/"), "admin",
			List.of("/admin/v1/"), "clinic", List.of("/invoice/", "/token"), "connect", List.of("/connect/"));

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private TestTenant tenant;

	private Api api;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.api = this.tenant.api;
	}

	private JsonNode description(String group) {
		ApiResponse response = anonymous().get("/v3/api-docs/" + group);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return response.body();
	}

	@Test
	void eachApiIsDescribedAsOpenApi3WithoutAToken() {
		Map<String, List<String>> schemes = Map.of("cloud", List.of("bearer", "legacyToken", "oauth2"), "vetbill",
				List.of("bearer", "legacyToken", "oauth2"), "auth", List.of("clientBasic", "bearer"), "admin",
				List.of("adminKey"), "clinic", List.of("OAuth2PasswordBearer"), "connect",
				List.of("UserAuth", "ClientAuth"));
		Map<String, String> titles = Map.of("cloud", "Cloud API", "vetbill", "vetbill API", "auth",
				"vetbill authentication", "admin", "vetbill platform admin API", "clinic", "Clinic API", "connect",
				"Connect API");
		GROUPS.keySet().forEach((group) -> {
			JsonNode description = description(group);
			assertThat(description.path("openapi").asString()).as(group).startsWith("3.");
			assertThat(description.path("info").path("title").asString()).as(group).isEqualTo(titles.get(group));
			assertThat(description.path("info").path("version").asString()).as(group).isNotBlank();
			assertThat(description.path("info").path("description").asString()).as(group).hasSizeGreaterThan(200);
			assertThat(names(description.path("components").path("securitySchemes"))).as(group)
				.containsExactlyInAnyOrderElementsOf(schemes.get(group));
		});
		JsonNode oauth2 = description("cloud").path("components").path("securitySchemes").path("oauth2");
		for (String flow : List.of("clientCredentials", "password")) {
			assertThat(oauth2.path("flows").path(flow).path("tokenUrl").asString())
				.isEqualTo("/{provet_id}/oauth2/token/");
			assertThat(names(oauth2.path("flows").path(flow).path("scopes"))).containsExactly("restapi", "read",
					"billing", "settings");
		}
		JsonNode legacy = description("vetbill").path("components").path("securitySchemes").path("legacyToken");
		assertThat(legacy.path("type").asString()).isEqualTo("apiKey");
		assertThat(legacy.path("in").asString()).isEqualTo("header");
		assertThat(legacy.path("name").asString()).isEqualTo("Authorization");
		assertThat(description("vetbill").path("security").toString())
			.isEqualTo("[{\"oauth2\":[\"restapi\"]},{\"bearer\":[]},{\"legacyToken\":[]}]");
	}

	@Test
	void everyEndpointTheApplicationMapsIsInItsApisDescription() {
		Map<String, Set<String>> mapped = new LinkedHashMap<>();
		GROUPS.keySet().forEach((group) -> mapped.put(group, new TreeSet<>()));
		List<String> undescribed = new ArrayList<>();
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			String owner = entry.getValue().getBeanType().getName();
			if (owner.startsWith("org.springdoc.") || owner.startsWith("org.springframework.")) {
				continue;
			}
			Set<?> methods = entry.getKey().getMethodsCondition().getMethods();
			assertThat(methods).as(entry.getKey() + " names its HTTP methods").isNotEmpty();
			for (String path : entry.getKey().getPatternValues()) {
				String template = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
				String group = GROUPS.entrySet()
					.stream()
					.filter((candidate) -> candidate.getValue().stream().anyMatch(template::startsWith))
					.map(Map.Entry::getKey)
					.findFirst()
					.orElse(null);
				for (Object method : methods) {
					String operation = method + " " + template;
					if (group == null) {
						undescribed.add(operation + " (" + owner + ")");
					}
					else {
						mapped.get(group).add(operation);
					}
				}
			}
		}
		assertThat(undescribed).as("endpoints outside every described API: give them a group").isEmpty();
		assertThat(mapped.get("cloud")).contains("POST /{provet_id}/api/0.1/invoicepayment/{id}/cancel_payment/");
		assertThat(mapped.get("clinic")).contains("GET /invoice/", "POST /invoice/", "GET /invoice/{id}",
				"PUT /invoice/{id}", "DELETE /invoice/{id}");
		assertThat(mapped.get("connect")).containsExactly("GET /connect/invoices",
				"GET /connect/invoices/{InvoiceNumber}");
		// the token endpoint is described whether or not a controller maps it
		mapped.get("clinic").add("POST /token");
		mapped.forEach((group, operations) -> assertThat(operations(description(group))).as(group)
			.containsExactlyInAnyOrderElementsOf(operations));
	}

	@Test
	void everyOperationHasASummaryATagAUniqueIdAndItsPathParameters() {
		Pattern variable = Pattern.compile("\\{([^}]+)}");
		GROUPS.keySet().forEach((group) -> {
			JsonNode description = description(group);
			Set<String> tags = new HashSet<>();
			description.path("tags").forEach((tag) -> tags.add(tag.path("name").asString()));
			Set<String> ids = new HashSet<>();
			description.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((entry) -> {
				JsonNode operation = entry.getValue();
				String where = group + " " + entry.getKey() + " " + path.getKey();
				assertThat(operation.path("summary").asString()).as(where).isNotBlank();
				assertThat(operation.path("tags")).as(where).hasSize(1);
				assertThat(tags).as(where).contains(operation.path("tags").get(0).asString());
				assertThat(ids.add(operation.path("operationId").asString())).as(where + " has a unique id").isTrue();
				assertThat(operation.path("operationId").asString()).as(where).matches("[a-z0-9_]+");
				assertThat(operation.path("responses").size()).as(where).isGreaterThan(1);
				Set<String> declared = new HashSet<>();
				operation.path("parameters").forEach((parameter) -> {
					if (parameter.path("in").asString().equals("path")) {
						declared.add(parameter.path("name").asString());
					}
				});
				Set<String> variables = new HashSet<>();
				Matcher matcher = variable.matcher(path.getKey());
				while (matcher.find()) {
					variables.add(matcher.group(1));
				}
				assertThat(declared).as(where + " declares its path parameters").isEqualTo(variables);
				boolean signIn = group.equals("auth") || group.equals("admin")
						|| (group.equals("clinic") && path.getKey().startsWith("/token"));
				if (entry.getKey().equals("post") && !signIn) {
					assertThat(parameterNames(operation)).as(where).contains("Idempotency-Key");
				}
			}));
		});
		JsonNode pay = description("cloud").path("paths").path("/{provet_id}/api/0.1/invoicepayment/").path("post");
		assertThat(pay.path("x-vetbill-permission").asString()).isEqualTo("billing");
		assertThat(pay.path("description").asString()).endsWith("Needs the `billing` permission.");
		assertThat(names(pay.path("responses"))).containsExactly("201", "400", "401", "403", "404", "409", "422",
				"429");
		assertThat(pay.path("responses").path("429").path("headers").has("Retry-After")).isTrue();
		assertThat(pay.path("operationId").asString()).isEqualTo("invoicepayment_create");
		assertThat(names(pay.path("requestBody").path("content"))).containsExactly("application/json",
				"application/x-www-form-urlencoded", "multipart/form-data");
	}

	@Test
	void cloudSchemasNameTheFieldsTheApiWrites() {
		JsonNode cloud = description("cloud");
		long invoice = finalizedInvoice();
		String base = "/" + this.tenant.provetId + "/api/0.1/";
		String template = "/{provet_id}/api/0.1/";

		ApiResponse payment = this.api.post(base + "invoicepayment/",
				Map.of("invoice", invoice, "payment_type", 0, "paid", "10.00"));
		assertDescribed(cloud, "post", template + "invoicepayment/", payment, 201, true);
		assertDescribed(cloud, "patch", template + "invoicepayment/{id}/",
				this.api.patch(base + "invoicepayment/" + payment.id() + "/", Map.of("info", "Visa")), 200, true);
		assertDescribed(cloud, "put", template + "invoice/{id}/",
				this.api.put(base + "invoice/" + invoice + "/", Map.of("status", 0)), 200, true);
		ApiResponse cancellation = this.api.post(base + "invoicepayment/" + payment.id() + "/cancel_payment/",
				Map.of("info", "wrong card", "cancel_date", "2026-11-21T11:00:00"));
		assertDescribed(cloud, "post", template + "invoicepayment/{id}/cancel_payment/", cancellation, 201, true);
		ApiResponse prepayment = this.api.post(base + "unallocatedpayment/", Map.of("department",
				this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid", "50.00"));
		assertDescribed(cloud, "post", template + "unallocatedpayment/", prepayment, 201, true);
		assertDescribed(cloud, "patch", template + "unallocatedpayment/{id}/external_info/",
				this.api.patch(base + "unallocatedpayment/" + prepayment.id() + "/external_info/",
						Map.of("external_id", "ERP-1", "metadata", Map.of("batch", 7))),
				200, true);
		ApiResponse note = this.api.post(base + "invoice/" + invoice + "/full_refund/", Map.of());
		assertDescribed(cloud, "post", template + "invoice/{id}/full_refund/", note, 201, true);

		Map<String, String> reads = new LinkedHashMap<>();
		reads.put("invoice/{id}/", "invoice/" + invoice + "/");
		reads.put("invoice/", "invoice/?id__in=" + invoice + "," + note.id());
		reads.put("invoicerow/", "invoicerow/?invoice__in=" + invoice + "," + note.id());
		reads.put("invoicerow/{id}/", "invoicerow/"
				+ this.api.get(base + "invoicerow/?invoice__is=" + note.id()).body().path("results").get(0).path("id")
				+ "/");
		reads.put("invoicepayment/", "invoicepayment/?invoice__is=" + invoice);
		reads.put("invoicepayment/{id}/", "invoicepayment/" + payment.id() + "/");
		reads.put("unallocatedpayment/", "unallocatedpayment/");
		reads.put("unallocatedpayment/{id}/", "unallocatedpayment/" + prepayment.id() + "/");
		reads.put("unallocatedpayment/{id}/external_info/",
				"unallocatedpayment/" + prepayment.id() + "/external_info/");
		reads.put("settings/department/", "settings/department/");
		reads.put("settings/department/{id}/", "settings/department/" + this.tenant.department + "/");
		reads.put("department/{id}/", "department/" + this.tenant.department + "/");
		reads.put("vatgroup/", "vatgroup/");
		reads.put("client/{id}/", "client/" + this.tenant.client + "/");
		reads.put("patient/", "patient/");
		// the Cloud API's schemas require every field but the exposed-only
		// invoicerow_vat_group
		reads.forEach(
				(path, real) -> assertDescribed(cloud, "get", template + path, this.api.get(base + real), 200, false));

		ApiResponse exposed = this.api
			.get(base + "invoicerow/?invoice__is=" + invoice + "&expose_invoicerow_vat_group");
		assertDescribed(cloud, "get", template + "invoicerow/", exposed, 200, true);
		assertThat(exposed.body().path("results").get(0).path("invoicerow_vat_group").path("title").asString())
			.isEqualTo("24%");
		JsonNode paymentSchema = cloud.path("components").path("schemas").path("InvoicePayment");
		assertThat(names(paymentSchema.path("properties"))).containsExactlyElementsOf(names(payment.body()));
	}

	@Test
	void vetbillSchemasNameTheFieldsTheApiWrites() {
		JsonNode vetbill = description("vetbill");
		long invoice = finalizedInvoice();
		String template = "/{provet_id}/vetbill/v1";
		ApiResponse payment = this.api.post(this.tenant.path("/invoices/" + invoice + "/payments"),
				Map.of("payment_type", 1, "paid", "5.00"));
		assertDescribed(vetbill, "post", template + "/invoices/{id}/payments", payment, 201, true);
		Map<String, String> reads = new LinkedHashMap<>();
		reads.put("/me", "/me");
		reads.put("/organization", "/organization");
		reads.put("/invoices/{id}", "/invoices/" + invoice);
		reads.put("/invoices", "/invoices");
		reads.put("/invoices/{id}/payments", "/invoices/" + invoice + "/payments");
		reads.put("/clients/{id}", "/clients/" + this.tenant.client);
		reads.put("/patients/{id}", "/patients/" + this.tenant.patient);
		reads.put("/items/{id}", "/items/" + this.tenant.consultationItem);
		reads.put("/vat-groups/{id}", "/vat-groups/" + this.tenant.vat24);
		reads.put("/departments/{id}", "/departments/" + this.tenant.department);
		reads.put("/departments/{id}/settings", "/departments/" + this.tenant.department + "/settings");
		reads.put("/api-clients", "/api-clients");
		reads.forEach((path, real) -> assertDescribed(vetbill, "get", template + path,
				this.api.get(this.tenant.path(real)), 200, true));
	}

	@Test
	void clinicSchemasNameTheFieldsTheApiWritesInItsOrder() {
		JsonNode clinic = description("clinic");
		String patient = this.tenant.bean(org.vetbill.clinic.Patients.class)
			.get(this.tenant.caller, this.tenant.patient)
			.uuid()
			.toString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("issue_date", "2026-11-21T09:30:00");
		body.put("due_date", "2026-12-21T12:00:00Z");
		body.put("status", "DRAFT");
		body.put("patient_id", patient);
		body.put("items", List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2)));
		body.put("tags", List.of("docs"));
		ApiResponse created = this.api.post("/invoice/", body);
		assertDescribed(clinic, "post", "/invoice/", created, 201, true);
		JsonNode schemas = clinic.path("components").path("schemas");
		assertThat(names(schemas.path("Invoice").path("properties"))).as("Invoice, in the order written")
			.containsExactlyElementsOf(names(created.body()));
		assertThat(created.body().path("items")).hasSize(1);
		assertThat(names(schemas.path("InvoiceItem").path("properties"))).as("InvoiceItem, in the order written")
			.containsExactlyElementsOf(names(created.body().path("items").get(0)));
		String id = created.body().path("id").asString();
		assertDescribed(clinic, "get", "/invoice/{id}", this.api.get("/invoice/" + id), 200, true);
		assertDescribed(clinic, "put", "/invoice/{id}", this.api.put("/invoice/" + id, Map.of("tags", List.of())), 200,
				true);
		assertDescribed(clinic, "get", "/invoice/", this.api.get("/invoice/?tags=docs&order_by=-issue_date"), 200,
				true);
		assertDescribed(clinic, "get", "/invoice/", this.api.get("/invoice/?limit=1001"), 422, true);
		assertDescribed(clinic, "get", "/invoice/{id}", this.api.get("/invoice/" + UUID.randomUUID()), 404, true);
		assertDescribed(clinic, "get", "/invoice/", anonymous().get("/invoice/"), 401, true);
		assertThat(this.api.delete("/invoice/" + id).status()).isEqualTo(204);

		JsonNode invoice = schemas.path("Invoice").path("properties");
		assertThat(invoice.path("issue_date").path("format").asString()).isEqualTo("date-time");
		assertThat(invoice.path("id").path("format").asString()).isEqualTo("uuid");
		assertThat(invoice.path("total_amount").path("type").asString()).isEqualTo("number");
		List<String> readOnly = new ArrayList<>();
		invoice.properties().forEach((property) -> {
			if (property.getValue().path("readOnly").asBoolean()) {
				readOnly.add(property.getKey());
			}
		});
		assertThat(readOnly).containsExactly("id", "subtotal", "remaining_amount", "total_amount", "reg_number");
		assertThat(strings(invoice.path("status").path("enum"))).containsExactly("DRAFT", "ISSUED", "PARTIALY_PAID",
				"PAID", "VOID", "WRITTEN_OFF");

		JsonNode list = clinic.path("paths").path("/invoice/").path("get");
		assertThat(list.path("operationId").asString()).isEqualTo("invoice_list");
		assertThat(parameterNames(list)).containsExactly("limit", "offset", "order_by", "search", "tags", "patient_id",
				"appointment_id", "status");
		assertThat(parameter(list, "limit").path("schema").path("maximum").asInt()).isEqualTo(1000);
		assertThat(parameter(list, "limit").path("schema").path("default").asInt()).isEqualTo(100);
		assertThat(parameter(list, "tags").path("schema").path("type").asString()).isEqualTo("array");
		assertThat(parameter(list, "tags").path("explode").asBoolean()).isTrue();
		assertThat(strings(parameter(list, "order_by").path("schema").path("enum"))).contains("issue_date",
				"-issue_date", "reg_number", "-total_amount");
		assertThat(names(clinic.path("paths").path("/invoice/{id}").path("delete").path("responses")))
			.containsExactly("204", "401", "403", "404", "409", "422", "429");

		JsonNode token = clinic.path("paths").path("/token").path("post");
		assertThat(token.path("security")).isEmpty();
		assertThat(names(token.path("requestBody").path("content"))).contains("application/x-www-form-urlencoded");
		assertThat(names(schemas.path("Token").path("properties"))).containsExactly("access_token", "token_type");
		assertThat(names(token.path("responses"))).containsExactly("200", "400", "422");
		JsonNode flow = clinic.path("components").path("securitySchemes").path("OAuth2PasswordBearer").path("flows");
		assertThat(flow.path("password").path("tokenUrl").asString()).isEqualTo("/token");
		assertThat(clinic.path("security").toString()).isEqualTo("[{\"OAuth2PasswordBearer\":[]}]");
		assertThat(names(schemas.path("HTTPValidationError").path("properties"))).containsExactly("detail");
		assertThat(names(schemas.path("ValidationError").path("properties"))).containsExactly("loc", "msg", "type");
	}

	@Test
	void connectSchemasNameTheFieldsTheApiWritesInItsOrder() {
		JsonNode connect = description("connect");
		ConnectSupplier supplier = ConnectSupplier.create(this.tenant, "Docs Wholesale");
		String practice = supplier.enrol("Docs Clinic", "DOC-1");
		supplier.record(ConnectSupplier.darwinInvoice(7, null, "DOC-1", java.time.LocalDate.parse("2026-11-20")));
		supplier.record(ConnectSupplier.plainInvoice(8, "DOC-1", java.time.LocalDate.parse("2026-11-21")));
		Api api = anonymous();
		ApiResponse list = api.get("/connect/invoices", supplier.headers(practice));
		assertDescribed(connect, "get", "/connect/invoices", list, 200, true);
		ApiResponse invoice = api.get("/connect/invoices/7", supplier.headers(practice));
		assertDescribed(connect, "get", "/connect/invoices/{InvoiceNumber}", invoice, 200, true);
		assertDescribed(connect, "get", "/connect/invoices/{InvoiceNumber}",
				api.get("/connect/invoices/8", supplier.headers(practice)), 200, true);
		JsonNode schemas = connect.path("components").path("schemas");
		assertThat(names(schemas.path("InvoiceSummary").path("properties"))).as("InvoiceSummary, in the order written")
			.containsExactlyElementsOf(names(list.body().get(0)));
		assertThat(names(schemas.path("Invoice").path("properties"))).as("Invoice, in the order written")
			.containsExactlyElementsOf(names(invoice.body()));
		assertThat(names(schemas.path("InvoiceLine").path("properties"))).as("InvoiceLine, in the order written")
			.containsExactlyElementsOf(names(invoice.body().path("InvoiceLines").get(0)));
		assertThat(names(schemas.path("Shipping").path("properties")))
			.containsExactlyElementsOf(names(invoice.body().path("Shipping")));
		assertThat(names(schemas.path("Address").path("properties")))
			.containsExactlyElementsOf(names(invoice.body().path("Shipping").path("Address")));

		Map<String, String> headers = supplier.headers(practice);
		headers.remove("Client");
		assertDescribed(connect, "get", "/connect/invoices", api.get("/connect/invoices", headers), 400, true);
		assertDescribed(connect, "get", "/connect/invoices", api.get("/connect/invoices", supplier.headers("cnu_x")),
				401, true);
		assertDescribed(connect, "get", "/connect/invoices/{InvoiceNumber}",
				api.get("/connect/invoices/9", supplier.headers(practice)), 404, true);
		headers = supplier.headers(practice);
		headers.put("Accept", "text/html");
		assertDescribed(connect, "get", "/connect/invoices", api.get("/connect/invoices", headers), 406, true);

		JsonNode operation = connect.path("paths").path("/connect/invoices").path("get");
		assertThat(operation.path("operationId").asString()).isEqualTo("invoices_list");
		assertThat(parameterNames(operation)).containsExactly("DateFrom", "DateTo", "UpdatedAfter", "Api-Version",
				"Client", "Practice", "User", "Account-Code");
		assertThat(names(operation.path("responses").path("200").path("content"))).containsExactly("application/json",
				"application/xml", "text/xml");
		JsonNode one = connect.path("paths").path("/connect/invoices/{InvoiceNumber}").path("get");
		assertThat(one.path("operationId").asString()).isEqualTo("invoices_retrieve");
		assertThat(names(one.path("responses"))).containsExactly("200", "400", "401", "404", "406");
		assertThat(connect.path("security").toString()).isEqualTo("[{\"UserAuth\":[],\"ClientAuth\":[]}]");
		assertThat(schemas.path("Address").path("properties").path("Postcode").path("type").asString())
			.isEqualTo("string");
		assertThat(schemas.path("Invoice").path("properties").path("Total").path("type").asString())
			.isEqualTo("number");
	}

	@Test
	void errorAnswersHaveTheDescribedShapes() {
		JsonNode cloud = description("cloud");
		JsonNode vetbill = description("vetbill");
		String base = "/" + this.tenant.provetId + "/api/0.1/";
		String template = "/{provet_id}/api/0.1/";

		ApiResponse notFound = this.api.get(base + "invoice/999999999/");
		assertDescribed(cloud, "get", template + "invoice/{id}/", notFound, 404, false);
		assertThat(notFound.raw()).isEqualTo("{\"detail\":\"Not found.\"}");
		assertDescribed(cloud, "get", template + "invoice/", anonymous().get(base + "invoice/"), 401, false);
		assertDescribed(cloud, "post", template + "invoicepayment/",
				this.tenant.apiWith("read").post(base + "invoicepayment/", Map.of()), 403, false);

		// an empty body is refused naming exactly the fields the request schema requires
		Map<String, String> bodies = Map.of("invoicepayment/", "InvoicePaymentCreate", "unallocatedpayment/",
				"UnallocatedPaymentCreate", "invoicepayment/{id}/cancel_payment/", "InvoicePaymentCancel",
				"invoice/{id}/partial_refund/", "PartialRefund");
		bodies.forEach((path, schema) -> {
			ApiResponse refused = this.api.post(base + path.replace("{id}", "1"), Map.of());
			assertDescribed(cloud, "post", template + path, refused, 400, false);
			assertThat(names(refused.body())).as(path)
				.containsExactlyInAnyOrderElementsOf(
						strings(cloud.path("components").path("schemas").path(schema).path("required")));
		});

		assertDescribed(vetbill, "get", "/{provet_id}/vetbill/v1/invoices/{id}",
				this.api.get(this.tenant.path("/invoices/999999999")), 404, false);
		assertDescribed(vetbill, "post", "/{provet_id}/vetbill/v1/invoices",
				this.api.post(this.tenant.path("/invoices"), Map.of("department_id", "x")), 400, false);
		assertDescribed(vetbill, "get", "/{provet_id}/vetbill/v1/invoices",
				anonymous().get(this.tenant.path("/invoices")), 401, false);

		JsonNode auth = description("auth");
		String token = "/" + this.tenant.provetId + "/oauth2/token/";
		assertDescribed(auth, "post", "/{provet_id}/oauth2/token/", anonymous().postForm(token, "grant_type=implicit"),
				400, false);
		assertDescribed(auth, "post", "/{provet_id}/oauth2/token/",
				anonymous().postForm(token, "grant_type=client_credentials&client_id=x&client_secret=y"), 401, false);
		Api admin = anonymous().as("Bearer " + ADMIN_KEY);
		assertDescribed(description("admin"), "get", "/admin/v1/organizations", admin.get("/admin/v1/organizations"),
				200, false);
	}

	@Test
	void theTokenEndpointIsDescribedAsItAnswers() {
		JsonNode auth = description("auth");
		String token = "/" + this.tenant.provetId + "/oauth2/token/";
		Credentials.IssuedApiClient client = this.tenant.bean(Credentials.class)
			.createApiClient(this.tenant.caller, new Credentials.NewApiClient("docs", null, List.of("read")));
		ApiResponse issued = anonymous().postForm(token,
				"grant_type=client_credentials&scope=restapi&client_id=" + TestTenant.encode(client.client().clientId())
						+ "&client_secret=" + TestTenant.encode(client.clientSecret()));
		assertDescribed(auth, "post", "/{provet_id}/oauth2/token/", issued, 200, true);
		assertThat(issued.get("expires_in").asInt()).isEqualTo(36000);
		ApiResponse refused = anonymous().postForm(token, "grant_type=password&username=nobody&password=wrong");
		assertDescribed(auth, "post", "/{provet_id}/oauth2/token/", refused, 400, false);
		assertThat(refused.get("error").asString()).isEqualTo("invalid_grant");
		JsonNode operation = auth.path("paths").path("/{provet_id}/oauth2/token/").path("post");
		assertThat(names(operation.path("requestBody").path("content")))
			.containsExactly("application/x-www-form-urlencoded", "multipart/form-data");
		assertThat(parameterNames(operation)).containsExactly("provet_id");
		assertThat(operation.path("security").toString()).isEqualTo("[{},{\"clientBasic\":[]}]");
		assertThat(operation.path("operationId").asString()).isEqualTo("token_create");
		assertThat(auth.path("paths").path("/{provet_id}/oauth2/token").path("post").path("operationId").asString())
			.isEqualTo("token_create_without_slash");
	}

	@Test
	void theClinicApisTokenEndpointIsDescribedAsItAnswers() {
		JsonNode clinic = description("clinic");
		JsonNode scheme = clinic.path("components").path("securitySchemes").path("OAuth2PasswordBearer");
		assertThat(scheme.path("flows").path("password").path("tokenUrl").asString()).isEqualTo("/token");
		assertThat(clinic.path("security").toString()).isEqualTo("[{\"OAuth2PasswordBearer\":[]}]");
		String username = "docs-" + this.tenant.provetId;
		this.tenant.bean(Credentials.class)
			.createUser(this.tenant.caller,
					new Credentials.NewUser(username, "Docs", "docs password", List.of("read")));
		assertDescribed(clinic, "post", "/token",
				anonymous().postForm("/token", "username=" + username + "&password=docs+password"), 200, true);
		assertDescribed(clinic, "post", "/token",
				anonymous().postForm("/token", "username=" + username + "&password=wrong+password"), 400, true);
		assertDescribed(clinic, "post", "/token", anonymous().postForm("/token", "username=" + username), 422, true);
		JsonNode operation = clinic.path("paths").path("/token").path("post");
		assertThat(names(operation.path("requestBody").path("content")))
			.containsExactly("application/x-www-form-urlencoded", "multipart/form-data");
		assertThat(operation.path("security").toString()).isEqualTo("[]");
		assertThat(names(operation.path("responses"))).containsExactly("200", "400", "422");
	}

	@Test
	void cloudListParametersAreTheOnesTheApiAccepts() {
		JsonNode cloud = description("cloud");
		String base = "/" + this.tenant.provetId + "/api/0.1/";
		Pattern exposable = Pattern.compile("exposable: (.*)\\.$");
		int lists = 0;
		for (Map.Entry<String, JsonNode> path : cloud.path("paths").properties()) {
			JsonNode read = path.getValue().path("get");
			if (read.isMissingNode() || !path.getKey().endsWith("/") || path.getKey().contains("external_info")) {
				continue;
			}
			String real = base + path.getKey().substring("/{provet_id}/api/0.1/".length()).replace("{id}", "1");
			boolean list = !path.getKey().contains("{id}");
			Set<String> documentedExposes = new TreeSet<>();
			for (String name : parameterNames(read)) {
				if (name.startsWith("expose_")) {
					documentedExposes.add(name.substring("expose_".length()));
				}
			}
			ApiResponse unknownExpose = this.api.get(real + "?expose_zz");
			if (unknownExpose.status() != 400 || !unknownExpose.body().has("expose_zz")) {
				continue; // not a resource read through the Cloud API's lists and expose_
							// parameters
			}
			Matcher expose = exposable.matcher(unknownExpose.get("expose_zz").get(0).asString());
			Set<String> accepted = expose.find() ? new TreeSet<>(Arrays.asList(expose.group(1).split(", "))) : Set.of();
			assertThat(documentedExposes).as(path.getKey()).isEqualTo(accepted);
			if (!list) {
				continue;
			}
			lists++;
			assertThat(parameterNames(read)).as(path.getKey())
				.contains("page", "page_size", "filter_type", "filters", "ordering");
			JsonNode filters = parameter(read, "filters");
			// a parameter that names no filterable field is ignored; one that does is
			// checked, so a bad operator on each documented field is a 400 naming it (the
			// list of each resource's fields is compared with the code in
			// CloudListParametersIntegrationTests)
			assertThat(this.api.get(real + "?zz__is=1").status()).as(path.getKey()).isEqualTo(200);
			List<String> documented = strings(filters.path("x-filterable-fields"));
			assertThat(documented).as(path.getKey()).isNotEmpty();
			ApiResponse badOperator = this.api.get(real + "?" + documented.get(0) + "__zz=1");
			assertThat(badOperator.status()).as(path.getKey() + " " + badOperator).isEqualTo(400);
			assertThat(badOperator.body().has(documented.get(0) + "__zz")).as(badOperator.toString()).isTrue();
			JsonNode pageSize = parameter(read, "page_size").path("schema");
			assertThat(pageSize.path("maximum").asInt()).isEqualTo(1000);
			assertThat(pageSize.path("default").asInt()).isEqualTo(50);
			assertThat(this.api.get(real + "?page_size=1000").status()).isEqualTo(200);
			assertThat(this.api.get(real + "?page_size=1001").body().has("page_size")).as(path.getKey()).isTrue();
		}
		assertThat(lists).isGreaterThanOrEqualTo(12);
	}

	@Test
	void swaggerUiIsServedFromItsWebjarWithoutAToken() throws IOException {
		ApiResponse entry = anonymous().get("/swagger-ui.html");
		assertThat(entry.status()).isEqualTo(302);
		assertThat(entry.header("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/swagger-ui/index.html"));

		String version = new WebJarVersionLocator().version("swagger-ui");
		assertThat(version).isNotNull();
		for (String file : List.of("index.html", "swagger-ui-bundle.js", "swagger-ui.css")) {
			ApiResponse served = anonymous().get("/swagger-ui/" + file);
			assertThat(served.status()).as(file).isEqualTo(200);
			try (InputStream webjar = getClass().getClassLoader()
				.getResourceAsStream("META-INF/resources/webjars/swagger-ui/" + version + "/" + file)) {
				assertThat(webjar).as(file).isNotNull();
				assertThat(served.raw()).as(file).isEqualTo(new String(webjar.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(anonymous().get("/swagger-ui/index.html").header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));

		String initializer = anonymous().get("/swagger-ui/swagger-initializer.js").raw();
		assertThat(initializer).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"").doesNotContain("petstore");
		JsonNode config = anonymous().get("/v3/api-docs/swagger-config").body();
		List<String> urls = new ArrayList<>();
		config.path("urls").forEach((url) -> urls.add(url.path("url").asString()));
		assertThat(urls).containsExactlyInAnyOrder("/v3/api-docs/cloud", "/v3/api-docs/vetbill", "/v3/api-docs/auth",
				"/v3/api-docs/admin", "/v3/api-docs/clinic", "/v3/api-docs/connect");
		assertThat(config.path("urls.primaryName").asString()).isEqualTo("Cloud API");
		assertThat(config.path("validatorUrl").asString()).isEmpty();
	}

	@Test
	void theUngroupedDescriptionPointsToEachApisDescription() {
		ApiResponse index = anonymous().get("/v3/api-docs");
		assertThat(index.status()).isEqualTo(404);
		assertThat(index.raw()).isEqualTo("{\"detail\":\"Each of vetbill's APIs has its own OpenAPI description; "
				+ "Swagger UI shows them all.\",\"descriptions\":{\"admin\":\"/v3/api-docs/admin\","
				+ "\"auth\":\"/v3/api-docs/auth\",\"clinic\":\"/v3/api-docs/clinic\",\"cloud\":\"/v3/api-docs/cloud\","
				+ "\"connect\":\"/v3/api-docs/connect\",\"vetbill\":\"/v3/api-docs/vetbill\"},\"ui\":\"/swagger-ui.html\"}");
		assertThat(anonymous().get("/v3/api-docs.yaml/cloud").raw()).contains("openapi: 3.0.1");
	}

	/**
	 * Asserts that the answer has a status the operation documents and the body its
	 * schema describes: with {@code exact}, every object holds exactly the properties its
	 * schema lists, else none beyond them and all it requires.
	 */
	private static void assertDescribed(JsonNode description, String method, String path, ApiResponse response,
			int status, boolean exact) {
		String where = method.toUpperCase() + " " + path + " " + status;
		assertThat(response.status()).as(where + ": " + response).isEqualTo(status);
		JsonNode documented = description.path("paths").path(path).path(method).path("responses");
		assertThat(documented.has(String.valueOf(status))).as(where + " is documented").isTrue();
		JsonNode content = documented.path(String.valueOf(status)).path("content");
		String type = response.header("Content-Type").orElse("").split(";")[0];
		assertThat(content.has(type)).as(where + " documents " + type + " in " + names(content)).isTrue();
		assertMatches(description, content.path(type).path("schema"), response.body(), where, exact);
	}

	private static void assertMatches(JsonNode description, JsonNode schema, JsonNode value, String where,
			boolean exact) {
		JsonNode resolved = resolve(description, schema);
		if (value.isNull() || value.isMissingNode()) {
			return;
		}
		if (value.isArray()) {
			assertThat(resolved.path("type").asString()).as(where + " is an array").isEqualTo("array");
			value.forEach((item) -> assertMatches(description, resolved.path("items"), item, where + "[]", exact));
			return;
		}
		if (!value.isObject() || !resolved.has("properties")) {
			return;
		}
		List<String> keys = names(value);
		List<String> properties = names(resolved.path("properties"));
		if (exact) {
			assertThat(properties).as(where + " lists the fields written").containsExactlyInAnyOrderElementsOf(keys);
		}
		else {
			boolean open = resolved.path("additionalProperties").isBoolean()
					? resolved.path("additionalProperties").asBoolean() : resolved.has("additionalProperties");
			if (!open) {
				assertThat(properties).as(where + " lists every field written").containsAll(keys);
			}
			assertThat(keys).as(where + " writes every required field").containsAll(strings(resolved.path("required")));
		}
		for (String key : keys) {
			if (!resolved.path("properties").has(key)) {
				continue; // a field of an open object the description leaves undescribed
			}
			assertMatches(description, resolved.path("properties").path(key), value.path(key), where + "." + key,
					exact);
		}
	}

	private static JsonNode resolve(JsonNode description, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return schema;
		}
		return description.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
	}

	private long finalizedInvoice() {
		ApiResponse draft = this.api
			.post(this.tenant.path("/invoices"),
					Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
							List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2, "patient_id",
									this.tenant.patient),
									Map.of("item_id", this.tenant.medicineItem, "quantity", "3"))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	private static Set<String> operations(JsonNode description) {
		Set<String> operations = new TreeSet<>();
		description.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((entry) -> {
			if (METHODS.contains(entry.getKey())) {
				operations.add(entry.getKey().toUpperCase() + " " + path.getKey());
			}
		}));
		return operations;
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " in " + operation);
	}

	private static List<String> parameterNames(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.path("parameters").forEach((parameter) -> names.add(parameter.path("name").asString()));
		return names;
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

}
