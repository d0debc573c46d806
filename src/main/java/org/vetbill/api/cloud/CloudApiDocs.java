package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.models.GroupedOpenApi;
import org.vetbill.apidocs.ApiDescriptions;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the Cloud API. Its controllers answer generic maps, so this
 * writes the schemas of the billing resources (from the fields their {@code write}
 * methods put; a test compares them with real answers), the list envelope, the request
 * bodies, the list parameters ({@code page}, {@code page_size}, {@code filter_type}, the
 * {@code field__op} filters with each resource's filterable fields, and one
 * {@code expose_<relation>} per relation, read from the resources themselves), and the
 * Django REST framework error answers.
 */
@Configuration(proxyBeanMethods = false)
class CloudApiDocs {

	/** The extension listing the fields a list can be filtered on. */
	static final String FILTERABLE_FIELDS = "x-filterable-fields";

	/**
	 * The extension marking a request field that names a related object (a hyperlink).
	 */
	static final String RELATION = "x-hyperlinked-relation";

	private static final String JSON = "application/json";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String MULTIPART = "multipart/form-data";

	private static final String VALIDATION_ERROR = "ValidationError";

	private static final String DETAIL = "Detail";

	private static final String CLOUD_OBJECT = "CloudObject";

	private static final String ALWAYS_NULL = "Always null: vetbill keeps no data for it";

	/** The longest {@code remarks} of an invoice. */
	static final int INVOICE_REMARKS_MAX = 2000;

	/** The longest {@code additional_reference} of an invoice. */
	static final int INVOICE_REFERENCE_MAX = 100;

	/** The longest {@code info} of a payment. */
	static final int PAYMENT_INFO_MAX = 1000;

	/** The {@code Sync-Watermark} header of every list. */
	private static final String WATERMARK = "The modified__gte of the next delta poll, an ISO-8601 instant in UTC; "
			+ "every change this page does not show has a modified at or after it.";

	/** The fields {@code search} looks in, by resource. */
	private static final Map<String, List<String>> SEARCHED = searched();

	/**
	 * The resources with their schema, their names in summaries, and the fields their
	 * lists can be filtered and ordered on.
	 */
	private static final List<Doc> RESOURCES = Stream.concat(Stream.of(
			new Doc(InvoiceResource.NAME, "Invoice", "an invoice", "invoices",
					"Invoices as the clinic side created and finalized them (the Cloud API never creates invoices), "
							+ "with their totals, payer snapshot and links to rows and payments; `full_refund/` and "
							+ "`partial_refund/` credit them.",
					"additional_reference client consultation countersale created credit_note "
							+ "credit_note_original_invoice date_paid department due_sum id invoice_date "
							+ "invoice_due_date invoice_number invoice_prefix modified paid_amount payer_city "
							+ "payer_country_code payer_name payer_organization_name payer_register_number "
							+ "payer_vat_number payer_zip_code reference_number remarks status total total_vat "
							+ "total_with_vat"),
			new Doc(InvoiceRowResource.NAME, "InvoiceRow", "an invoice row", "invoice rows",
					"Invoice rows with their figures, GL account and reporting dimensions (read-only).",
					"account_number consultation_item created credited_invoicerow discount_amount id "
							+ "invoice item modified name patient percentage_change price price_with_vat quantity "
							+ "reporting_dimension_1 reporting_dimension_2 reporting_dimension_3 sum sum_total "
							+ "sum_vat vat_group vat_percentage"),
			new Doc(InvoicePaymentResource.NAME, "InvoicePayment", "a payment", "payments",
					"Payments on finalized invoices; a cancellation is a payment of its own with the opposite amount.",
					"cancelled_payment created date_added department id invoice modified paid payment_type "
							+ "unallocated_payment"),
			new Doc(UnallocatedPaymentResource.NAME, "UnallocatedPayment", "a prepayment", "prepayments",
					"Prepayments (unallocated payments) of clients, their refunds, and the ERP's write-back "
							+ "(`external_info`).",
					"cancelled client created department description fully_used id modified paid "
							+ "payment_type refunds unused_amount"),
			new Doc(DepartmentSettingsResource.NAME, "DepartmentSettings", "a department's settings",
					"departments' settings",
					"Each department's financial period lock and payment cancellation setting.",
					"archived created id modified name"),
			new Doc(DepartmentResource.NAME, "Department", "a department", "departments",
					"Departments with their invoice prefix.", "archived created id modified name"),
			new Doc(VatGroupResource.NAME, "VatGroup", "a VAT group", "VAT groups",
					"VAT groups with their GL account for VAT.",
					"account_number archived created id modified percentage title"),
			new Doc(WebhookResource.NAME, CLOUD_OBJECT, "a webhook", "webhooks",
					"Webhook subscriptions: `trigger`, `name`, `active`, `department` (null: the whole "
							+ "organization), `target_url`, `content_type` (1 form, 2 JSON) and the signing `secret`; "
							+ "see the README's Webhooks section.",
					"active content_type created department id modified name target_url trigger"),
			new Doc(WebhookQueueResource.NAME, CLOUD_OBJECT, "a webhook delivery", "webhook deliveries",
					"The delivery queue and log: each event for each webhook with its state (pending, "
							+ "delivered, failed), attempts, last status and error, and next try.",
					"attempts created id last_attempt last_status modified next_try object_id object_type state "
							+ "trigger webhook"),
			new Doc(ClientResource.NAME, CLOUD_OBJECT, "a client", "clients", "Clients (payers).",
					"archived city country created customer_type email firstname home_department id "
							+ "lastname modified organization_name register_number vat_number zip_code"),
			new Doc(PatientResource.NAME, CLOUD_OBJECT, "a patient", "patients", "Patients.",
					"archived breed client created date_of_birth id modified name species"),
			new Doc(ItemResource.NAME, CLOUD_OBJECT, "an item", "items", "Items of the price list.",
					CloudMasterDataDocs.itemFilters()),
			new Doc(ConsultationResource.NAME, CLOUD_OBJECT, "a consultation", "consultations",
					"Consultations (an invoice's origin).",
					"admitted_time client created department id modified patient status type"),
			new Doc(ConsultationItemResource.NAME, CLOUD_OBJECT, "a consultation item", "consultation items",
					"Items charged in consultations.", "consultation created id item modified name patient quantity")),
			CloudMasterDataDocs.resources().stream())
		.toList();

	private static final String INVOICE_CHANGE = "A field left out keeps its value (PUT as PATCH, as in Django REST "
			+ "framework: none is required); read-only and unknown fields are ignored, so a GET's body may be sent "
			+ "back changed. Only a draft (status 0, 1, 2) changes: on a finalized invoice a changed field is a 400 "
			+ "naming it (a credit note corrects it), while its own values sent back are no change.";

	private static final String PAYMENT_CHANGE = "Only `info` changes; the amount, type, date and invoice stay as "
			+ "recorded (cancel_payment/ reverses a payment), and other fields in the body are ignored.";

	/** Summaries of the operations that are not plain reads, by method and path. */
	private static final Map<String, String> SUMMARIES = merged(CloudMasterDataDocs.summaries(),
			Map.ofEntries(Map.entry("POST /invoicepayment/", "Record a payment on a finalized invoice"),
					Map.entry("POST /invoicepayment/{id}/cancel_payment/", "Cancel a payment"),
					Map.entry("POST /invoice/{id}/full_refund/", "Credit every row not yet credited (full refund)"),
					Map.entry("POST /invoice/{id}/partial_refund/", "Credit chosen rows (partial refund)"),
					Map.entry("POST /unallocatedpayment/", "Record a prepayment, or refund one"),
					Map.entry("POST /unallocatedpayment/{id}/cancel/", "Cancel a prepayment that was never used"),
					Map.entry("GET /unallocatedpayment/{id}/external_info/", "Get the ERP's write-back"),
					Map.entry("PUT /unallocatedpayment/{id}/external_info/", "Set the ERP's write-back"),
					Map.entry("POST /unallocatedpayment/{id}/external_info/", "Set the ERP's write-back (as PUT)"),
					Map.entry("PATCH /unallocatedpayment/{id}/external_info/", "Change fields of the ERP's write-back"),
					Map.entry("PUT /invoice/{id}/", "Change a draft's dates, references or remarks"),
					Map.entry("PATCH /invoice/{id}/", "Change a draft's dates, references or remarks (as PUT)"),
					Map.entry("PUT /invoicepayment/{id}/", "Change a payment's info"),
					Map.entry("PATCH /invoicepayment/{id}/", "Change a payment's info (as PUT)"),
					Map.entry("PATCH /settings/department/{id}/",
							"Change a department's period lock or payment settings"),
					Map.entry("PUT /settings/department/{id}/",
							"Change a department's period lock or payment settings (as PATCH)")));

	/**
	 * Descriptions, request bodies and answers of the operations that are not plain
	 * reads.
	 */
	private static final Map<String, Body> BODIES = merged(CloudMasterDataDocs.bodies(), Map.ofEntries(
			Map.entry("POST /invoicepayment/",
					new Body("InvoicePaymentCreate", true, "InvoicePayment",
							"Only a finalized invoice (status 3) takes payments, and never more than its `due_sum`. "
									+ "The invoice then shows the payment in `invoice_payment`, `paid_amount`, "
									+ "`due_sum`, `date_paid` and `modified`.")),
			Map.entry("POST /invoicepayment/{id}/cancel_payment/", new Body("InvoicePaymentCancel", true,
					"InvoicePayment",
					"Answers the cancellation: a new payment of the opposite amount whose `cancelled_payment` is the "
							+ "original (which then shows `cancelled: true` and its `cancellation`). `cancel_date` is "
							+ "kept only where the department's `payment_cancel_set_date` is on; otherwise the "
							+ "cancellation is dated now. A payment is cancelled once; a cancellation, a "
							+ "credit-note settlement (type 12) and an overpayment moved to prepayments cannot be "
							+ "cancelled.")),
			Map.entry("POST /invoice/{id}/full_refund/", new Body("Refund", true, "Invoice",
					"Answers the credit note: a new finalized invoice with `credit_note: true`, its own number, and "
							+ "rows negating every row not yet credited. It is settled against the original with a "
							+ "pair of type-12 payments, so the original's `due_sum` falls by the credited amount "
							+ "(below zero if it had been paid: cancel the original payment to pay it back).")),
			Map.entry("POST /invoice/{id}/partial_refund/",
					new Body("PartialRefund", false, "Invoice",
							"As `full_refund/`, for the rows listed; each row is credited once.")),
			Map.entry("POST /unallocatedpayment/", new Body("UnallocatedPaymentCreate", true, "UnallocatedPayment",
					"A prepayment of a client; with a negative `paid` and `refunds` naming a prepayment, a refund of "
							+ "it (never more than its `unused_amount`).")),
			Map.entry("POST /unallocatedpayment/{id}/cancel/",
					new Body(null, true, "UnallocatedPayment",
							"Only a prepayment never used nor refunded; its `unused_amount` becomes 0.")),
			Map.entry("GET /unallocatedpayment/{id}/external_info/", new Body(null, true, "ExternalInfo", null)),
			Map.entry("PUT /unallocatedpayment/{id}/external_info/",
					new Body("ExternalInfo", false, "ExternalInfo", "Sets both fields; an absent one is cleared.")),
			Map.entry("POST /unallocatedpayment/{id}/external_info/",
					new Body("ExternalInfo", false, "ExternalInfo", "Sets both fields; an absent one is cleared.")),
			Map.entry("PATCH /unallocatedpayment/{id}/external_info/",
					new Body("ExternalInfo", false, "ExternalInfo", "Changes the fields given.")),
			Map.entry("PUT /invoice/{id}/", new Body("InvoiceChange", true, "Invoice", INVOICE_CHANGE)),
			Map.entry("PATCH /invoice/{id}/", new Body("InvoiceChange", true, "Invoice", INVOICE_CHANGE)),
			Map.entry("PUT /invoicepayment/{id}/",
					new Body("InvoicePaymentChange", true, "InvoicePayment", PAYMENT_CHANGE)),
			Map.entry("PATCH /invoicepayment/{id}/",
					new Body("InvoicePaymentChange", true, "InvoicePayment", PAYMENT_CHANGE)),
			Map.entry("PATCH /settings/department/{id}/", new Body("DepartmentSettingsChange", true,
					"DepartmentSettings",
					"While `automatic_financial_period_lock_enabled` is true, vetbill moves the lock date itself (on "
							+ "day `automatic_financial_period_lock_monthday` of each month, to the first of that "
							+ "month) and another date is a 400. Fields read from a GET (`id`, `url`, `department`, "
							+ "`modified`) may be sent back and are ignored.")),
			Map.entry("PUT /settings/department/{id}/", new Body("DepartmentSettingsChange", true, "DepartmentSettings",
					"The same as PATCH: the fields given change."))));

	@Bean
	GroupedOpenApi cloudApiDescription(List<CloudResource<?>> resources) {
		Map<String, List<String>> exposable = new LinkedHashMap<>();
		resources.forEach((resource) -> exposable.put(resource.name(),
				resource.relations().stream().map(CloudResource.Relation::name).toList()));
		Info info = new Info().title("Cloud API").version("0.1").description("""
				The Provet Cloud REST API 0.1 for billing and ERP integrations, under \
				`/{provet_id}/api/0.1/`, with Django REST framework's conventions.

				- **Paths** end with a slash; without it the answer is 301 to the path with it.
				- **Relations** are absolute URLs (`"client": "https://…/1234/api/0.1/client/7/"`); \
				`expose_<relation>` (no value needed) writes the related object inline instead. Every \
				object has `id` and `url`. In request bodies a relation is a URL of your own organization \
				or a bare id.
				- **Lists**: `page` (from 1) and `page_size` (default 50, at most 1000) in the envelope \
				`{"count", "num_pages", "next", "previous", "results"}`, in `id` order; `id__gt=<last id>` \
				pages by key and stays fast at any depth. Numbered pages reach 10,000 results deep; a `page` \
				starting beyond that is a 400 that points to `id__gt`.
				- **Delta sync**: every list answers a `Sync-Watermark` header; use it as the next \
				`modified__gte` and no change is ever missed, even one whose transaction commits after \
				your poll began (the README's "Delta sync" gives the pattern).
				- **Filters**: `field__op=value` with the operators `is`/`eq`, `is_not`/`not_eq`/`neq`, `lt`, \
				`lte`, `gt`, `gte`, `range` (`[from,to]`), `not_in_range`, `contains`, `contains_not`, \
				`icontains`, `icontains_not`, `in`/`not_in` (`[1,2]` or `1,2`), `is_null` (`true`/`false`); a \
				bare `field=value` means `is`. Filters are ANDed; `filter_type=or` ORs them. Relations filter \
				by id (`client__is=456`). Date-times are ISO 8601 (`2024-03-20T00:00:00`, URL-encode a `+` \
				offset as `%2B`); without an offset the organization's time zone applies. **A filter on a \
				known field with an unknown operator or a malformed value is a 400 naming it**; a parameter \
				that names no filterable field is ignored, as DRF ignores it.
				- **`ordering`** (`-modified,id`), **`include_archived`** and **`search`** as Django REST \
				framework reads them: a field that cannot be ordered by is ignored, ties go by `id`; archived \
				objects are left out of lists unless `include_archived=true` (or a filter on `archived`).
				- **Numbers**: amounts are JSON numbers at the currency's scale (`124.00`); requests may send \
				them as decimal strings (`"124.00"`). Dates are `YYYY-MM-DD`, date-times ISO 8601 with the \
				organization's offset.
				- **Request bodies** may be JSON, `application/x-www-form-urlencoded` or \
				`multipart/form-data` (nested values: JSON only).
				- **Errors** as Django REST framework writes them: 400 `{"field": ["message"]}` (also for \
				refused business rules; `non_field_errors` when no field is to blame), 401 and 403 and 404 \
				`{"detail": "..."}`. Over the rate limit: 429 with `Retry-After`.
				- **Authentication**: a bearer token from `/{provet_id}/oauth2/token/` (see the \
				authentication description) or a legacy `Authorization: Token <key>`. Reads need the `read` \
				permission, POSTs that move money `billing`, department settings changes `settings`.
				- **Idempotency**: every POST takes an optional `Idempotency-Key` header; a retry with the \
				same key never moves money twice.""");
		return ApiDescriptions.group("cloud", "Cloud API", CloudApi.BASE, info,
				(openApi) -> describe(openApi, exposable));
	}

	static void describe(OpenAPI openApi, Map<String, List<String>> exposable) {
		ApiDescriptions.tenantSecurity(openApi);
		schemas(openApi);
		Map<String, Tag> tags = new LinkedHashMap<>();
		for (Doc doc : RESOURCES) {
			String tag = doc.name().split("/")[0];
			tags.putIfAbsent(tag, new Tag().name(tag).description(doc.description()));
		}
		openApi.setTags(List.copyOf(tags.values()));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			String relative = path.substring(CloudApi.BASE.length());
			String key = method + " " + relative;
			String resource = relative.replaceAll("^/|/$", "").replaceAll("/\\{id}$", "");
			boolean detail = relative.endsWith("/{id}/");
			Doc doc = RESOURCES.stream()
				.filter((candidate) -> candidate.name().equals(resource))
				.findFirst()
				.orElse(null);
			if (method == PathItem.HttpMethod.GET && exposable.containsKey(resource)) {
				read(operation, resource, detail, doc, exposable.get(resource));
			}
			Body body = BODIES.get(key);
			if (body != null) {
				body.apply(operation);
			}
			if (method == PathItem.HttpMethod.DELETE && MASTER_DATA_DELETES.contains(resource)) {
				operation.setDescription(CloudMasterDataDocs.deleteDescription());
			}
			String summary = SUMMARIES.get(key);
			if (summary != null) {
				operation.setSummary(summary);
			}
			if (method == PathItem.HttpMethod.POST) {
				operation.addParametersItem(ApiDescriptions.idempotencyKey());
			}
			errors(method, operation, !detail && method == PathItem.HttpMethod.GET);
		});
	}

	/**
	 * A list or detail read: its summary, parameters and answer.
	 */
	private static void read(Operation operation, String resource, boolean detail, @Nullable Doc doc,
			List<String> relations) {
		String schema = (doc != null) ? doc.schema() : CLOUD_OBJECT;
		if (doc != null) {
			operation.setSummary(detail ? "Get " + doc.one() : "List " + doc.many());
		}
		if (!detail) {
			operation.addParametersItem(new QueryParameter().name("page")
				.schema(new IntegerSchema().minimum(BigDecimal.ONE))
				.description(
						"The page, from 1 (default 1). A page past the last answers 404 `Invalid page.`; a page that "
								+ "starts beyond result " + OffsetPage.MAX_OFFSET + " answers 400. To read deep into a "
								+ "long list, page by key instead: `id__gt=<last id>` stays fast at any depth."));
			operation.addParametersItem(new QueryParameter().name("page_size")
				.schema(new IntegerSchema().minimum(BigDecimal.ONE)
					.maximum(BigDecimal.valueOf(OffsetPage.MAX_SIZE))
					._default(CloudLists.DEFAULT_PAGE_SIZE))
				.description("Objects per page: default " + CloudLists.DEFAULT_PAGE_SIZE + ", at most "
						+ OffsetPage.MAX_SIZE + ". Above the default, a request weighs ceil(page_size / "
						+ CloudLists.DEFAULT_PAGE_SIZE + ") against the rate limit."));
			operation.addParametersItem(new QueryParameter().name("filter_type")
				.schema(new StringSchema()._enum(List.of("and", "or"))._default("and"))
				.description("`or` ORs the filters instead of ANDing them."));
			List<String> fields = (doc != null && !doc.filters().isBlank()) ? List.of(doc.filters().split(" "))
					: List.of();
			Parameter filters = new QueryParameter().name("filters")
				.style(Parameter.StyleEnum.FORM)
				.explode(true)
				.schema(new ObjectSchema().additionalProperties(new StringSchema()))
				.example(Map.of("id__gt", "0"))
				.description("Any number of filters, each its own query parameter `field__op=value` (this name is "
						+ "not sent), such as `status__is=3`, `modified__gte=2024-03-20T00:00:00`, "
						+ "`client__in=[4,7]`, `id__gt=1200`; a relation filters by id, also written `client.id__is=4`. A "
						+ "parameter that names no filterable field is ignored; on a filterable field, an unknown "
						+ "operator or a malformed value is a 400 naming it."
						+ (fields.isEmpty() ? "" : " Filterable fields: `" + String.join("`, `", fields) + "`."));
			if (!fields.isEmpty()) {
				filters.addExtension(FILTERABLE_FIELDS, fields);
			}
			operation.addParametersItem(filters);
			listParameters(operation, resource, fields);
		}
		for (String relation : relations) {
			operation.addParametersItem(new QueryParameter().name("expose_" + relation)
				.allowEmptyValue(true)
				.schema(new BooleanSchema())
				.description("Write `" + relation + "` as the related object(s) instead of URLs (no value needed)."));
		}
		operation.addParametersItem(new QueryParameter().name("format")
			.schema(new StringSchema()._enum(List.of("json")))
			.description("Only `json` is served."));
		ok(operation, "200", detail ? "The " + resource + " object" : "A page of " + resource + " objects",
				detail ? schema : schema + "List");
		if (!detail) {
			Objects.requireNonNull(operation.getResponses().get("200"))
				.addHeaderObject(CloudLists.WATERMARK_HEADER,
						new Header().description(WATERMARK).schema(new StringSchema().format("date-time")));
		}
	}

	private static void ok(Operation operation, String status, String description, String schema) {
		if (operation.getResponses() != null) {
			operation.getResponses().remove("200");
			operation.getResponses().remove("201");
		}
		ApiDescriptions.respond(operation, Integer.parseInt(status),
				ApiDescriptions.response(description, JSON, schema));
	}

	/**
	 * The Django REST framework errors an operation can answer.
	 */
	private static void errors(PathItem.HttpMethod method, Operation operation, boolean list) {
		ApiDescriptions.respond(operation, 400, ApiDescriptions.response(
				"Invalid input, as `{\"field\": [\"message\", ...]}`: unknown or malformed filters and parameters, "
						+ "invalid body fields, and business rules refused (`non_field_errors` when no field is "
						+ "to blame).",
				JSON, VALIDATION_ERROR));
		ApiDescriptions.respond(operation, 401,
				ApiDescriptions
					.response("`{\"detail\": \"Authentication credentials were not provided.\"}` or "
							+ "`{\"detail\": \"Invalid token.\"}`", JSON, DETAIL)
					.addHeaderObject("WWW-Authenticate", ApiDescriptions.wwwAuthenticate()));
		if (ApiDescriptions.permission(operation) != null) {
			ApiDescriptions.respond(operation, 403, ApiDescriptions
				.response("`{\"detail\": \"You do not have permission to perform this action.\"}`", JSON, DETAIL));
		}
		ApiDescriptions.respond(operation, 404,
				ApiDescriptions.response(list
						? "`{\"detail\": \"Invalid page.\"}` past the last page, or "
								+ "`{\"detail\": \"Not found.\"}` for another organization's id"
						: "`{\"detail\": \"Not found.\"}`: no such object in the organization, or another "
								+ "organization's id",
						JSON, DETAIL));
		if (method != PathItem.HttpMethod.GET) {
			ApiDescriptions.respond(operation, 409,
					ApiDescriptions.response(
							"`{\"detail\": ...}`: a stale `If-Match` version, or a concurrent request with the same "
									+ "`Idempotency-Key` that could not wait (retry)",
							JSON, DETAIL));
		}
		if (method == PathItem.HttpMethod.POST) {
			ApiDescriptions.respond(operation, 422, ApiDescriptions
				.response("`{\"detail\": ...}`: the `Idempotency-Key` was used for another request", JSON, DETAIL));
		}
		ApiDescriptions.respond(operation, 429, ApiDescriptions
			.response("Over the rate limit of this API client and endpoint action (a rolling 60-second "
					+ "window): wait `Retry-After` seconds.", JSON, DETAIL)
			.addHeaderObject("Retry-After",
					new Header().description("Whole seconds until enough budget returns").schema(new IntegerSchema())));
	}

	private static void schemas(OpenAPI openApi) {
		definitions().forEach(ApiDescriptions.components(openApi)::addSchemas);
	}

	/**
	 * The schemas of the Cloud API by name: what the OpenAPI document publishes and what
	 * OPTIONS answers ({@link CloudOptions}) describe the fields from.
	 * @return new schemas, by name
	 */
	@SuppressWarnings("rawtypes")
	static Map<String, Schema> definitions() {
		Map<String, Schema> schemas = new LinkedHashMap<>();
		schemas.put(VALIDATION_ERROR,
				new ObjectSchema()
					.description("Django REST framework's validation error: each field with what is wrong with it.")
					.additionalProperties(new ArraySchema().items(new StringSchema()))
					.example(Map.of("paid", List.of("A valid number is required."))));
		schemas.put(DETAIL,
				new ObjectSchema().addProperty("detail", new StringSchema())
					.required(List.of("detail"))
					.example(Map.of("detail", "Not found.")));
		schemas.put(CLOUD_OBJECT, new ObjectSchema()
			.description("An object of the Cloud API: its `id`, its `url` and its other fields, not described here.")
			.addProperty("id", id())
			.addProperty("url", url())
			.required(List.of("id", "url"))
			.additionalProperties(true));
		schemas.put("Invoice", invoice());
		schemas.put("InvoiceRow", invoiceRow());
		schemas.put("InvoiceRowVatGroup",
				new ObjectSchema()
					.description("An invoice row's VAT group, written only with `expose_invoicerow_vat_group`.")
					.addProperty("title", new StringSchema())
					.addProperty("percentage", decimal("The VAT rate in percent"))
					.addProperty("account_number", text("The GL account for VAT", true)));
		schemas.put("InvoicePayment", payment());
		schemas.put("UnallocatedPayment", prepayment());
		schemas.put("ExternalInfo", new ObjectSchema().description("The ERP's write-back slot of a prepayment.")
			.addProperty("external_id", text("The ERP's own id, up to 200 characters", true).maxLength(200))
			.addProperty("metadata",
					new ObjectSchema().additionalProperties(true).description("Any JSON object the ERP keeps here")));
		schemas.put("DepartmentSettings", new ObjectSchema()
			.description("A department's financial settings, the lock date as in force today.")
			.addProperty("id", id())
			.addProperty("url", url())
			.addProperty("department", link(DepartmentResource.NAME, false))
			.addProperty("financial_period_lock_date",
					date("No payment, cancellation, credit note, prepayment or finalization may be dated before it",
							true))
			.addProperty("automatic_financial_period_lock_enabled",
					bool("Whether vetbill moves the lock date itself every month"))
			.addProperty("automatic_financial_period_lock_monthday",
					new IntegerSchema().minimum(BigDecimal.ONE)
						.maximum(BigDecimal.valueOf(31))
						.nullable(true)
						.description("The day of the month on which the lock moves to the first of that month"))
			.addProperty("payment_cancel_set_date",
					bool("Whether a payment cancellation keeps the `cancel_date` it is given (otherwise it is dated "
							+ "now)"))
			.addProperty("modified", dateTime("When the department last changed", false)));
		schemas.put("Department",
				new ObjectSchema().addProperty("id", id())
					.addProperty("url", url())
					.addProperty("name", new StringSchema())
					.addProperty("active_item_list", text("Always null: vetbill keeps no item lists", true))
					.addProperty("invoice_prefix", text("The prefix of the department's invoice numbers", true))
					.addProperty("archived", new BooleanSchema())
					.addProperty("created", dateTime(null, false))
					.addProperty("modified", dateTime(null, false)));
		schemas.put("VatGroup",
				new ObjectSchema().addProperty("id", id())
					.addProperty("url", url())
					.addProperty("title", new StringSchema())
					.addProperty("percentage", decimal("The VAT rate in percent"))
					.addProperty("account_number", text("The GL account for VAT", true))
					.addProperty("archived", new BooleanSchema())
					.addProperty("created", dateTime(null, false))
					.addProperty("modified", dateTime(null, false)));
		RESOURCES.stream().map(Doc::schema).distinct().forEach((name) -> schemas.put(name + "List", envelope(name)));
		schemas.put("InvoicePaymentCreate", new ObjectSchema()
			.addProperty("invoice", relation("The invoice (status 3)"))
			.addProperty("payment_type", paymentType(PaymentType::recordable))
			.addProperty("paid", money("The amount, more than zero, at most the invoice's `due_sum`"))
			.addProperty("date_added", dateTime("When it was paid (default now); not before the period lock", false))
			.addProperty("info", text("Free text, such as the card brand and last digits", false).maxLength(1000))
			.required(List.of("invoice", "payment_type", "paid")));
		schemas.put("InvoicePaymentCancel",
				new ObjectSchema().addProperty("info", text("Why the payment is cancelled", false).maxLength(1000))
					.addProperty("cancel_date",
							dateTime("The cancellation's date, kept where the department's "
									+ "`payment_cancel_set_date` is on; not before the period lock", false))
					.required(List.of("info", "cancel_date")));
		schemas.put("Refund", new ObjectSchema().addProperty("use_original_invoice_date",
				bool("Date the credit note as the original invoice (default false: today)")));
		schemas.put("PartialRefund",
				new ObjectSchema()
					.addProperty("use_original_invoice_date",
							bool("Date the credit note as the original invoice (default false: today)"))
					.addProperty("invoice_rows",
							new ArraySchema()
								.items(new ObjectSchema().addProperty("invoice_row", relation("A row of this invoice"))
									.required(List.of("invoice_row")))
								.minItems(1)
								.description("The rows to credit, each not credited before"))
					.required(List.of("invoice_rows")));
		schemas.put("UnallocatedPaymentCreate",
				new ObjectSchema().addProperty("department", relation("The department"))
					.addProperty("client", relation("The client"))
					.addProperty("payment_type", paymentType(PaymentType::recordable))
					.addProperty("paid", money("The amount; negative for a refund"))
					.addProperty("description", text(null, false).maxLength(1000))
					.addProperty("refunds", relation("For a refund: the prepayment refunded"))
					.required(List.of("department", "client", "payment_type", "paid")));
		schemas.put("InvoiceChange", new ObjectSchema()
			.description("The fields of an invoice a PUT or PATCH changes, on a draft only; a field left out keeps its "
					+ "value, read-only fields are ignored.")
			.addProperty("invoice_date", date("The business date (on finalization: today when empty)", true))
			.addProperty("invoice_due_date", date(null, true))
			.addProperty("additional_reference", text(null, true).maxLength(INVOICE_REFERENCE_MAX))
			.addProperty("remarks", text(null, true).maxLength(INVOICE_REMARKS_MAX)));
		schemas
			.put("InvoicePaymentChange", new ObjectSchema().description("The one field of a payment that may change.")
				.addProperty("info",
						text("Free text, such as the card brand and last digits", true).maxLength(PAYMENT_INFO_MAX)));
		schemas.put("DepartmentSettingsChange",
				new ObjectSchema().addProperty("financial_period_lock_date", date(null, true))
					.addProperty("automatic_financial_period_lock_enabled", new BooleanSchema())
					.addProperty("automatic_financial_period_lock_monthday",
							new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(31)).nullable(true))
					.addProperty("payment_cancel_set_date", new BooleanSchema()));
		CloudMasterDataDocs.schemas(schemas);
		// the API writes every field of its objects, null when empty; only exposed
		// objects come on request
		for (String name : List.of("Invoice", "InvoiceRow", "InvoiceRowVatGroup", "InvoicePayment",
				"UnallocatedPayment", "ExternalInfo", "DepartmentSettings", "Department", "VatGroup")) {
			allRequired(Objects.requireNonNull(schemas.get(name), name));
		}
		return schemas;
	}

	/**
	 * The documented resource of a path.
	 * @param resource the resource's name in paths, such as {@code invoice}
	 * @return the resource, or null when it is not documented
	 */
	static @Nullable Doc doc(String resource) {
		return RESOURCES.stream().filter((doc) -> doc.name().equals(resource)).findFirst().orElse(null);
	}

	/**
	 * The request body and answer of an operation that is not a plain read.
	 * @param methodAndPath such as {@code PUT /invoice/{id}/}
	 * @return the body, or null when the operation has none described
	 */
	static @Nullable Body body(String methodAndPath) {
		return BODIES.get(methodAndPath);
	}

	/** The resources whose DELETE archives. */
	private static final java.util.Set<String> MASTER_DATA_DELETES = java.util.Set.of(ClientResource.NAME,
			PatientResource.NAME, ItemResource.NAME);

	private static <V> Map<String, V> merged(Map<String, V> first, Map<String, V> second) {
		Map<String, V> merged = new LinkedHashMap<>(first);
		merged.putAll(second);
		return Map.copyOf(merged);
	}

	/**
	 * Marks every field required: the API writes every field of its objects, null when
	 * empty; only an exposed-only object comes on request.
	 */
	private static <S extends Schema<?>> S allRequired(S schema) {
		schema.setRequired(schema.getProperties()
			.keySet()
			.stream()
			.filter((name) -> !name.equals(VatGroupResource.INVOICEROW_VAT_GROUP))
			.collect(Collectors.toCollection(ArrayList::new)));
		return schema;
	}

	private static Schema<?> invoice() {
		ObjectSchema invoice = new ObjectSchema();
		invoice.description("An invoice or credit note. Amounts are exact sums of the rows' figures.")
			.addProperty("id", id())
			.addProperty("url", url())
			.addProperty("invoice_number",
					new IntegerSchema().format("int64")
						.nullable(true)
						.description("The number in the department's gapless sequence, set at finalization; null on "
								+ "drafts. The document number is `invoice_prefix-invoice_number`."))
			.addProperty("invoice_prefix", text("The department's prefix, set at finalization", true))
			.addProperty("reference_number",
					text("The payment reference (Finnish or ISO 11649 RF, per organization setting)", true))
			.addProperty("additional_reference",
					text("A secondary reference; writable on a draft", true).maxLength(INVOICE_REFERENCE_MAX))
			.addProperty("status",
					new IntegerSchema()._enum(List.of(0, 1, 2, 3, 4, 99))
						.description("0 draft, 1 sent, 2 open (editable, not numbered); 3 finalized (numbered; the "
								+ "only status that takes payments); 4 invoicing; 99 voided"))
			.addProperty("inqueries", text(ALWAYS_NULL, true))
			.addProperty("invoice_date", date("The business date; writable on a draft", true))
			.addProperty("invoice_payed", text(ALWAYS_NULL, true))
			.addProperty("invoice_due_date", date("Writable on a draft", true))
			.addProperty("penalty_interest", new NumberSchema().nullable(true).description(ALWAYS_NULL))
			.addProperty("invoicing_client", text("Always null: the client pays", true));
		for (String payer : List.of("name", "id_number", "organization_name", "vat_number", "register_number",
				"country_code", "country", "street_address", "street_address_2", "street_address_3", "zip_code", "city",
				"state")) {
			invoice.addProperty("payer_" + payer,
					text("The payer snapshot taken at finalization" + (payer.startsWith("country")
							? " (ISO 3166-1 alpha-2; `payer_country` repeats `payer_country_code`)"
							: (payer.equals("id_number") || payer.equals("street_address_3"))
									? "; always `\"\"`: vetbill keeps none" : ""),
							true));
		}
		for (String receiver : InvoiceResource.RECEIVER_FIELDS) {
			invoice.addProperty(receiver, text("The seller's snapshot, which vetbill does not keep: `\"\"` or null, as "
					+ "the real API writes it empty", true));
		}
		return invoice.addProperty("total", money("Net total"))
			.addProperty("total_vat", money("VAT total"))
			.addProperty("total_with_vat", money("Gross total. The sign does not mark a credit note"))
			.addProperty("paid_amount", money("The sum of the invoice's payments"))
			.addProperty("due_sum", money("What is still owed; negative when overpaid"))
			.addProperty("client_due_sum", money("What the client owes over all its invoices in status 3 and 4"))
			.addProperty("patients", links(PatientResource.NAME))
			.addProperty("invoice_row", links(InvoiceRowResource.NAME))
			.addProperty("invoice_payment", links(InvoicePaymentResource.NAME))
			.addProperty("client",
					link(ClientResource.NAME, true)
						.description("The client's URL; null on a countersale without client"))
			.addProperty("consultation", link(ConsultationResource.NAME, true))
			.addProperty("original_consultation",
					link(ConsultationResource.NAME, true)
						.description("The consultation the invoice was made from; on a credit note, the consultation "
								+ "of the invoice it credits; null when there is none"))
			.addProperty("department", link(DepartmentResource.NAME, false))
			.addProperty("created", dateTime(null, false))
			.addProperty("modified",
					dateTime("Changes with every change visible in any representation (a "
							+ "payment changes it too): the delta-sync field", false))
			.addProperty("date_paid", dateTime("When the invoice became settled; null while it is not", true))
			.addProperty("agreed_to_pay_later", bool("Always false"))
			.addProperty("without_vat", bool("Always false"))
			.addProperty("countersale", new BooleanSchema())
			.addProperty("credit_note", bool("The reliable credit-note marker"))
			.addProperty("credit_note_original_invoice", link(InvoiceResource.NAME, true))
			.addProperty("related_credit_note", links(InvoiceResource.NAME))
			.addProperty("related_credit_note_invoice", text(ALWAYS_NULL, true))
			.addProperty("first_original_invoice", link(InvoiceResource.NAME, true))
			.addProperty("consolidated_invoice", bool("Always false: vetbill does not consolidate"))
			.addProperty("consolidated_invoices",
					new ArraySchema().items(new StringSchema()).description("Always empty"))
			.addProperty("related_consolidated_invoice", text("Always null", true))
			.addProperty("remarks", text("Free text; writable on a draft", true).maxLength(INVOICE_REMARKS_MAX))
			.addProperty("tags_rel", new ArraySchema().items(new StringSchema()).description("Always empty"))
			.addProperty("vat_calculation_method",
					new IntegerSchema().nullable(true).description("Always null: the real API's codes are unpublished"))
			.addProperty("determining_price",
					new IntegerSchema().nullable(true).description("Always null: the real API's codes are unpublished"))
			.addProperty("send_date", dateTime(ALWAYS_NULL, true))
			.addProperty("send_method", text("Always `\"\"`", false))
			.addProperty("invoice_extras", new ObjectSchema().nullable(true).description(ALWAYS_NULL));
	}

	private static Schema<?> invoiceRow() {
		return new ObjectSchema().description("A row of an invoice or credit note (read-only).")
			.addProperty("id", id())
			.addProperty("url", url())
			.addProperty("invoice", link(InvoiceResource.NAME, false))
			.addProperty("consultation_item", link(ConsultationItemResource.NAME, true))
			.addProperty("original_consultation",
					link(ConsultationResource.NAME, true).description("The consultation the item was charged in"))
			.addProperty("item", link(ItemResource.NAME, true))
			.addProperty("name", new StringSchema())
			.addProperty("invoice_group", text(ALWAYS_NULL, true))
			.addProperty("quantity", decimal("Negative on credit-note rows"))
			.addProperty("price", decimal("Unit price without VAT (up to 4 decimals)"))
			.addProperty("price_with_vat", decimal("Unit price with VAT"))
			.addProperty("sum", money("Net"))
			.addProperty("sum_vat", money("VAT"))
			.addProperty("sum_total", money("Gross: take it as given; the invoice totals are built from it"))
			.addProperty("percentage_change", decimal("Negative: a discount; positive: a surcharge"))
			.addProperty("discount_amount", money("The row's share of an invoice-level discount"))
			.addProperty("vat_percentage", decimal(null))
			.addProperty("additional_tax_percentage", decimal("Always 0"))
			.addProperty("calculated_price", decimal("As `price`"))
			.addProperty("calculated_price_with_vat", decimal("As `price_with_vat`"))
			.addProperty("invoicable_quantity", decimal("As `quantity`"))
			.addProperty("vat_group", link(VatGroupResource.NAME, true))
			.addProperty(VatGroupResource.INVOICEROW_VAT_GROUP, ApiDescriptions.ref("InvoiceRowVatGroup")
				.description("Only with `expose_invoicerow_vat_group`: the VAT group's title, percentage and GL "
						+ "account"))
			.addProperty("account_number", text("GL account, copied from the item at finalization", true))
			.addProperty("reporting_dimension_1", text(null, true))
			.addProperty("reporting_dimension_2", text(null, true))
			.addProperty("reporting_dimension_3", text(null, true))
			.addProperty("invoice_row_extra",
					allRequired(new ObjectSchema().addProperty("internal_account_number", text(null, true))
						.addProperty("internal_reporting_dimension_1", text(null, true))
						.addProperty("internal_reporting_dimension_2", text(null, true))))
			.addProperty("credited_invoicerow",
					link(InvoiceRowResource.NAME, true).description("On a credit-note row: the row it credits"))
			.addProperty("first_credited_invoicerow", link(InvoiceRowResource.NAME, true))
			.addProperty("first_credit_invoicerows",
					links(InvoiceRowResource.NAME).description("The credit-note rows crediting this row"))
			.addProperty("patient", link(PatientResource.NAME, true))
			.addProperty("parent_linked_item", text(ALWAYS_NULL, true))
			.addProperty("linked_items", new ArraySchema().items(new StringSchema()).description("Always empty"))
			.addProperty("panel", text(ALWAYS_NULL, true))
			.addProperty("order_in_panel", new IntegerSchema().description("The row's place on the invoice, from 1"))
			.addProperty("royalty_fee", new NumberSchema().nullable(true).description(ALWAYS_NULL))
			.addProperty("prescription", bool("Always false"))
			.addProperty("created", dateTime(null, false))
			.addProperty("modified", dateTime(null, false))
			.addProperty("used", dateTime("As `created`", false));
	}

	private static Schema<?> payment() {
		return new ObjectSchema().description("A payment on an invoice; immutable (cancelled by a new payment).")
			.addProperty("id", id())
			.addProperty("url", url())
			.addProperty("invoice", link(InvoiceResource.NAME, false))
			.addProperty("payment_type", paymentType((type) -> true))
			.addProperty("paid", money("The amount; negative for a cancellation or a payout"))
			.addProperty("date_added", dateTime("When it was paid", false))
			.addProperty("info",
					text("Free text; the one field of a payment a PUT or PATCH changes", true)
						.maxLength(PAYMENT_INFO_MAX))
			.addProperty("cancelled", bool("Whether a cancellation points at this payment"))
			.addProperty("cancelled_payment",
					link(InvoicePaymentResource.NAME, true).description("On a cancellation: the payment it cancels"))
			.addProperty("cancellation",
					link(InvoicePaymentResource.NAME, true).description("The cancellation of this payment"))
			.addProperty("unallocated_payment",
					link(UnallocatedPaymentResource.NAME, true).description("On a type-8 payment: the prepayment used"))
			.addProperty("credit_note",
					link(InvoiceResource.NAME, true).description("On a type-12 settlement: the credit note"))
			.addProperty("department", link(DepartmentResource.NAME, false))
			.addProperty("created", dateTime(null, false))
			.addProperty("modified", dateTime(null, false));
	}

	private static Schema<?> prepayment() {
		return new ObjectSchema().description("A prepayment (unallocated payment), or a refund of one.")
			.addProperty("id", id())
			.addProperty("url", url())
			.addProperty("department", link(DepartmentResource.NAME, false))
			.addProperty("client", link(ClientResource.NAME, false))
			.addProperty("payment_type", paymentType((type) -> true))
			.addProperty("paid", money("The amount received; negative on a refund"))
			.addProperty("unused_amount",
					money("Read-only: starts at `paid`, falls as the prepayment is used or "
							+ "refunded; 0 on a refund")
						.readOnly(true))
			.addProperty("fully_used", bool("Whether `unused_amount` is zero"))
			.addProperty("description", text(null, true))
			.addProperty("refunds",
					link(UnallocatedPaymentResource.NAME, true).description("On a refund: the prepayment refunded"))
			.addProperty("refund_payments", links(UnallocatedPaymentResource.NAME))
			.addProperty("source_invoice",
					link(InvoiceResource.NAME, true)
						.description("The invoice whose overpayment became this prepayment"))
			.addProperty("cancelled", new BooleanSchema())
			.addProperty("payment_date", date(null, false))
			.addProperty("external_info", ApiDescriptions.ref("ExternalInfo"))
			.addProperty("created", dateTime(null, false))
			.addProperty("modified", dateTime(null, false));
	}

	private static Schema<?> envelope(String item) {
		return new ObjectSchema().description("A numbered page")
			.addProperty("count", new IntegerSchema().format("int64").description("Objects on all pages"))
			.addProperty("num_pages", new IntegerSchema().format("int64"))
			.addProperty("next",
					new StringSchema().format("uri")
						.nullable(true)
						.description("The next page's URL with every other parameter kept; null on the last page"))
			.addProperty("previous",
					new StringSchema().format("uri")
						.nullable(true)
						.description("The previous page's URL; null on the first page"))
			.addProperty("results", new ArraySchema().items(ApiDescriptions.ref(item)))
			.required(List.of("count", "num_pages", "next", "previous", "results"));
	}

	private static Schema<?> id() {
		return new IntegerSchema().format("int64").readOnly(true);
	}

	private static Schema<?> url() {
		return new StringSchema().format("uri").readOnly(true).description("The object's absolute URL");
	}

	private static Schema<?> link(String resource, boolean nullable) {
		return new StringSchema().format("uri")
			.nullable(nullable ? true : null)
			.description("The " + resource + "'s URL, or the object itself with `expose_` and this field's name");
	}

	private static Schema<?> links(String resource) {
		return new ArraySchema().items(new StringSchema().format("uri"))
			.description(resource + " URLs, or the objects themselves with `expose_` and this field's name");
	}

	private static Schema<?> relation(String description) {
		Schema<?> relation = new StringSchema()
			.description(description + ": its URL (absolute or relative, in your own " + "organization) or its id");
		relation.addExtension(RELATION, true);
		return relation;
	}

	private static Schema<?> money(String description) {
		return new NumberSchema().description(
				description + ". An exact decimal at the currency's scale " + "(requests may send a decimal string).");
	}

	private static Schema<?> decimal(@Nullable String description) {
		return new NumberSchema().description(description);
	}

	private static Schema<?> text(@Nullable String description, boolean nullable) {
		return new StringSchema().nullable(nullable ? true : null).description(description);
	}

	private static Schema<?> bool(String description) {
		return new BooleanSchema().description(description);
	}

	private static Schema<?> date(@Nullable String description, boolean nullable) {
		return new DateSchema().nullable(nullable ? true : null).description(description);
	}

	private static Schema<?> dateTime(@Nullable String description, boolean nullable) {
		return new DateTimeSchema().nullable(nullable ? true : null).description(description);
	}

	private static Schema<?> paymentType(Predicate<PaymentType> accepted) {
		List<PaymentType> types = Arrays.stream(PaymentType.values()).filter(accepted).toList();
		return new IntegerSchema()._enum(types.stream().<Number>map(PaymentType::code).toList())
			.description("0 card, 1 cash, 2 bank payment, 3 rounding, 4 cheque, 5 voucher, 6 consolidated "
					+ "invoice, 7 mobile payment, 8 prepayment (used by the clinic side only), 9 gift card, 10 "
					+ "financing company, 11 other, 12 credit invoice (a credit note's settlement), 15 insurance "
					+ "claim" + (types.size() < PaymentType.values().length ? "; 8 is refused here" : ""));
	}

	/**
	 * The list parameters of Django REST framework: {@code ordering}, {@code search}
	 * where the resource has searched fields, {@code include_archived} where its objects
	 * can be archived.
	 */
	private static void listParameters(Operation operation, String resource, List<String> fields) {
		operation.addParametersItem(new QueryParameter().name(CloudLists.ORDERING)
			.schema(new StringSchema())
			.example("-modified")
			.description("Comma-separated fields, each descending with a leading `-`: any filterable field. A "
					+ "field that cannot be ordered by is ignored, as DRF's OrderingFilter does; ties are broken "
					+ "by `id`. Default: by `id`."));
		List<String> searched = SEARCHED.getOrDefault(resource, List.of());
		if (!searched.isEmpty()) {
			operation.addParametersItem(new QueryParameter().name(CloudLists.SEARCH)
				.schema(new StringSchema())
				.description("Words separated by spaces or commas, each contained (ignoring case) in one of `"
						+ String.join("`, `", searched) + "`, as DRF's SearchFilter does."));
		}
		if (fields.contains(CloudFilters.ARCHIVED)) {
			operation.addParametersItem(new QueryParameter().name(CloudLists.INCLUDE_ARCHIVED)
				.schema(new BooleanSchema()._default(false))
				.description("`true` lists archived objects too; by default they are left out unless a filter "
						+ "on `archived` asks for them. An archived object is still read by its URL."));
		}
	}

	/**
	 * A documented resource.
	 *
	 * @param name its name in paths
	 * @param schema its schema's name
	 * @param one one object, in summaries
	 * @param many a list, in summaries
	 * @param description its tag's description
	 * @param filters its filterable fields, space-separated (empty: not listed)
	 */
	record Doc(String name, String schema, String one, String many, String description, String filters) {
	}

	/**
	 * The request body, answer and description of an operation that is not a plain read.
	 *
	 * @param request the request body's schema, or null for none
	 * @param form whether the body may also be a form (flat fields only)
	 * @param answer the answer's schema
	 * @param description the operation's description, or null
	 */
	record Body(@Nullable String request, boolean form, String answer, @Nullable String description) {

		void apply(Operation operation) {
			if (this.request != null) {
				MediaType media = new MediaType().schema(ApiDescriptions.ref(this.request));
				Content content = new Content().addMediaType(JSON, media);
				if (this.form) {
					content.addMediaType(FORM, media).addMediaType(MULTIPART, media);
				}
				operation.setRequestBody(new RequestBody().required(true).content(content));
			}
			if (this.description != null) {
				operation.setDescription(this.description);
			}
			String status = (operation.getResponses() != null && operation.getResponses().containsKey("201")) ? "201"
					: "200";
			ApiResponse answer = ApiDescriptions.response(status.equals("201") ? "Created" : "OK", JSON, this.answer);
			if (operation.getResponses() != null) {
				operation.getResponses().remove("200");
				operation.getResponses().remove("201");
			}
			ApiDescriptions.respond(operation, Integer.parseInt(status), answer);
		}

	}

	private static Map<String, List<String>> searched() {
		Map<String, List<String>> searched = new HashMap<>();
		searched.put(ClientResource.NAME, ClientResource.FILTERS.searched());
		searched.put(PatientResource.NAME, PatientResource.FILTERS.searched());
		searched.put(ItemResource.NAME, ItemResource.FILTERS.searched());
		for (ItemType type : ItemType.values()) {
			searched.put(ItemResource.path(type), ItemResource.FILTERS.searched());
		}
		return Map.copyOf(searched);
	}

}
