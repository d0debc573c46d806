package org.vetbill.api.clinic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.models.GroupedOpenApi;
import org.vetbill.apidocs.ApiDescriptions;
import org.vetbill.invoicing.domain.InvoiceState;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the Clinic API, as a FastAPI application describes itself:
 * the OAuth2 password flow with its token endpoint {@code /token}, the invoice schemas
 * (written by hand, since the controller answers maps; a test compares them with real
 * answers), the list's parameters, and FastAPI's error schemas ({@code HTTPError},
 * {@code HTTPValidationError}, {@code ValidationError}).
 */
@Configuration(proxyBeanMethods = false)
class ClinicApiDocs {

	/** The security scheme, named as FastAPI names it. */
	static final String OAUTH2 = "OAuth2PasswordBearer";

	private static final String JSON = "application/json";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String INVOICE = "Invoice";

	private static final String INVOICE_ITEM = "InvoiceItem";

	private static final String INVOICE_LIST = "InvoiceList";

	private static final String VALIDATION_ERROR = "HTTPValidationError";

	private static final String HTTP_ERROR = "HTTPError";

	@Bean
	GroupedOpenApi clinicApiDescription() {
		Info info = new Info().title("Clinic API").version("1").description("""
				The clinic's invoice API (`/invoice/`, `/invoice/{id}`) in the conventions of a FastAPI \
				application, over the same invoices as the Cloud API and vetbill's own API. Its paths name \
				no organization: the token does.

				- **Signing in**: `POST /token` with a form of `username` and `password` (the OAuth2 password \
				flow) answers `{"access_token", "token_type": "bearer"}`; send the token as \
				`Authorization: Bearer <access_token>`.
				- **Invoices** have UUID ids and statuses by name. Amounts are JSON numbers; they may also be \
				sent as numeric strings. `issue_date` is written in the organization's local time, `due_date` \
				in UTC; both accept a date-time with or without offset.
				- **Statuses**: `DRAFT` is an invoice not yet finalized (the Cloud API's status 0, 1 or 2); \
				`ISSUED`, `PARTIALY_PAID` and `PAID` are finalized invoices named by what is paid (nothing, \
				part, all); `VOID` is the Cloud API's 99; `WRITTEN_OFF` has its balance written off. A \
				request may ask for `DRAFT`, `ISSUED`, `VOID` or `WRITTEN_OFF`; the paid states follow from \
				the payments.
				- **PUT** changes what it names: fields left out keep their values, read-only fields are \
				ignored, and `items` (when sent) is the whole list of items, matched by their `id`.
				- **Lists** are numbered pages: `limit` (0 to 1000, default 100) and `offset`, answered with \
				`{"total", "offset", "limit", "data"}`.
				- **POST** takes an optional `Idempotency-Key` header, so a retry never creates an invoice \
				twice.
				- **Errors** are FastAPI's: `{"detail": "..."}` for 400, 401 (with `WWW-Authenticate: \
				Bearer`), 403, 404, 409 and 429, and 422 `{"detail": [{"loc", "msg", "type"}]}` for invalid \
				input and business rules. A refused request writes nothing.""");
		return ApiDescriptions.rootGroup("clinic", "Clinic API",
				List.of("/invoice", "/invoice/**", ClinicApi.TOKEN, ClinicApi.TOKEN + "/"), info,
				ClinicApiDocs::describe);
	}

	static void describe(OpenAPI openApi) {
		schemas(openApi);
		security(openApi);
		openApi.setTags(List.of(
				new Tag().name("invoice")
					.description("Invoices with their items, patient, appointment and tags: list, create, read, "
							+ "change, delete drafts."),
				new Tag().name("token").description("The OAuth2 password flow's token endpoint.")));
		token(openApi);
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			if (path.startsWith("/invoice")) {
				invoice(path, method, operation);
			}
		});
	}

	private static void security(OpenAPI openApi) {
		ApiDescriptions.components(openApi)
			.addSecuritySchemes(OAUTH2,
					new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
						.description("The OAuth2 password flow: `POST " + ClinicApi.TOKEN
								+ "` with `username` and `password`, then `Authorization: Bearer <access_token>`. "
								+ "The user's organization is the one the API works in.")
						.flows(new OAuthFlows().password(new OAuthFlow().tokenUrl(ClinicApi.TOKEN)
							.scopes(new io.swagger.v3.oas.models.security.Scopes()))));
		openApi.setSecurity(List.of(new SecurityRequirement().addList(OAUTH2)));
	}

	/**
	 * The token endpoint, described by hand when no controller maps it (yet), and its
	 * alias with a trailing slash when one does.
	 */
	private static void token(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			openApi.setPaths(new io.swagger.v3.oas.models.Paths());
		}
		if (openApi.getPaths().get(ClinicApi.TOKEN) == null) {
			openApi.getPaths().addPathItem(ClinicApi.TOKEN, new PathItem().post(new Operation()));
		}
		for (String path : List.of(ClinicApi.TOKEN, ClinicApi.TOKEN + "/")) {
			PathItem item = openApi.getPaths().get(path);
			if (item == null) {
				continue;
			}
			item.readOperationsMap().forEach((method, operation) -> {
				operation.setSummary(path.endsWith("/") ? "Log in (the same endpoint with a trailing slash)"
						: "Log in: an access token for a user's name and password");
				operation.setDescription("FastAPI's `OAuth2PasswordRequestForm`: `username` and `password` in the "
						+ "form body (never in the URL). `grant_type`, if sent, must be `password`; `scope`, "
						+ "`client_id` and `client_secret` are accepted and ignored. The user's organization is "
						+ "found from the name and password (`<provet_id>/<username>` names it).");
				operation.setSecurity(List.of());
				operation.setParameters(null);
				Schema<?> form = new ObjectSchema()
					.addProperty("grant_type", new StringSchema().pattern("^password$").nullable(true))
					.addProperty("username", new StringSchema())
					.addProperty("password", new StringSchema().format("password"))
					.addProperty("scope", new StringSchema()._default(""))
					.addProperty("client_id", new StringSchema().nullable(true))
					.addProperty("client_secret", new StringSchema().format("password").nullable(true))
					.required(List.of("username", "password"));
				operation.setRequestBody(new RequestBody().required(true)
					.content(new Content().addMediaType(FORM, new MediaType().schema(form))
						.addMediaType("multipart/form-data", new MediaType().schema(form))));
				operation.setResponses(new ApiResponses()
					.addApiResponse("200",
							new ApiResponse().description("The access token")
								.content(json(ApiDescriptions.ref("Token"))))
					.addApiResponse("400", error("A wrong user name or password: `Incorrect username or password`."))
					.addApiResponse("422", validation("A missing `username` or `password`, or another `grant_type`.")));
			});
		}
	}

	private static void invoice(String path, PathItem.HttpMethod method, Operation operation) {
		boolean one = path.contains("{id}");
		ApiResponses responses = new ApiResponses();
		if (one) {
			operation.setParameters(new ArrayList<>(List.of(new PathParameter().name("id")
				.required(true)
				.schema(new UUIDSchema())
				.description("The invoice's id (a UUID)"))));
		}
		switch (method) {
			case GET -> {
				if (one) {
					operation.setSummary("Get an invoice");
					responses.addApiResponse("200", ok("The invoice", INVOICE));
				}
				else {
					operation.setSummary("List invoices");
					operation.setDescription("A numbered page of the invoices that match every filter given, "
							+ "with the number of all that match (`total`).");
					operation.setParameters(listParameters());
					responses.addApiResponse("200", ok("A page of invoices", INVOICE_LIST));
				}
			}
			case POST -> {
				operation.setSummary("Create an invoice");
				operation.setDescription("Fields left out take their defaults: a `DRAFT` without items. An invoice "
						+ "created as `ISSUED` is finalized at once (numbered: `reg_number`).");
				operation.setParameters(new ArrayList<>(List.of(ApiDescriptions.idempotencyKey())));
				operation.setRequestBody(body());
				responses.addApiResponse("201", ok("The invoice created", INVOICE));
			}
			case PUT -> {
				operation.setSummary("Change an invoice");
				operation.setDescription("Fields left out keep their values, so a PUT of what GET answered changes "
						+ "nothing; read-only fields are ignored. `items`, when sent, is the whole list: an item "
						+ "with the `id` of an existing one changes it, one without an `id` is added, and those "
						+ "left out are removed (drafts only). `status` moves the invoice: `ISSUED` finalizes a "
						+ "draft, `VOID` voids it, `WRITTEN_OFF` writes off what remains to pay.");
				operation.setRequestBody(body());
				responses.addApiResponse("200", ok("The invoice as it is now", INVOICE));
			}
			case DELETE -> {
				operation.setSummary("Delete a draft invoice");
				operation.setDescription("Only a `DRAFT` can be deleted; a finalized invoice is voided instead "
						+ "(`PUT` with `status: VOID`).");
				responses.addApiResponse("204", new ApiResponse().description("Deleted"));
			}
			default -> {
			}
		}
		responses.addApiResponse("401", error("No valid token (`Not authenticated`, `Could not validate credentials`).")
			.addHeaderObject("WWW-Authenticate", new Header().description("`Bearer`").schema(new StringSchema())));
		responses.addApiResponse("403", error("The user may not do this (`Not enough permissions`)."));
		if (one) {
			responses.addApiResponse("404", error("No such invoice in the organization (`Invoice not found`)."));
		}
		if (method != PathItem.HttpMethod.GET) {
			responses.addApiResponse("409", error("A lost race with another change: read again and retry."));
		}
		responses.addApiResponse("422", validation(switch (method) {
			case GET -> one ? "An id that is not a UUID." : "A parameter that cannot be read.";
			case DELETE -> "An id that is not a UUID, or an invoice that is not a draft.";
			default -> "Invalid input (each field named in `loc`, such as `[\"body\", \"items\", 0, \"quantity\"]`), "
					+ "an unknown patient, appointment or catalog item, a status change the invoice cannot "
					+ "make, a closed financial period, or an `Idempotency-Key` reused for another request.";
		}));
		responses.addApiResponse("429", error("Over the rate limit: wait `Retry-After` seconds.").addHeaderObject(
				"Retry-After",
				new Header().description("Whole seconds until enough budget returns").schema(new IntegerSchema())));
		operation.setResponses(responses);
	}

	private static List<Parameter> listParameters() {
		List<String> orders = new ArrayList<>();
		ClinicInvoiceController.SORTABLE.keySet().forEach((key) -> {
			orders.add(key);
			orders.add("-" + key);
		});
		return new ArrayList<>(List.of(
				new QueryParameter().name("limit")
					.description("Invoices per page, 0 to " + ClinicInvoiceController.MAX_LIMIT + ".")
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)
						.maximum(java.math.BigDecimal.valueOf(ClinicInvoiceController.MAX_LIMIT))
						._default(ClinicInvoiceController.DEFAULT_LIMIT)),
				new QueryParameter().name("offset")
					.description("How many matching invoices to skip.")
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0)),
				new QueryParameter().name("order_by")
					.description("What to sort by, with a leading `-` for descending order (then by id): "
							+ String.join(", ",
									ClinicInvoiceController.SORTABLE.keySet()
										.stream()
										.map((key) -> "`" + key + "`")
										.toList())
							+ ".")
					.schema(new StringSchema()._enum(orders)._default("created_at")),
				new QueryParameter().name("search")
					.description("Text in the invoice number (`reg_number`), the payer's or client's name, or a "
							+ "patient's name.")
					.schema(new StringSchema()),
				new QueryParameter().name("tags")
					.description("Invoices having all of these tags; repeat the parameter for each tag "
							+ "(`tags=a&tags=b`).")
					.style(Parameter.StyleEnum.FORM)
					.explode(true)
					.schema(new ArraySchema().items(new StringSchema())),
				new QueryParameter().name("patient_id")
					.description("Invoices for this patient: the invoice's own, or one of its items' patients.")
					.schema(new UUIDSchema()),
				new QueryParameter().name("appointment_id")
					.description("Invoices of this appointment: named for the invoice, or the consultation it "
							+ "was made from.")
					.schema(new UUIDSchema()),
				new QueryParameter().name("status")
					.description("Invoices in this status.")
					.schema(new StringSchema()._enum(statuses()))));
	}

	private static RequestBody body() {
		return new RequestBody().required(true).content(json(ApiDescriptions.ref(INVOICE)));
	}

	private static ApiResponse ok(String description, String schema) {
		return new ApiResponse().description(description).content(json(ApiDescriptions.ref(schema)));
	}

	private static ApiResponse error(String description) {
		return new ApiResponse().description(description).content(json(ApiDescriptions.ref(HTTP_ERROR)));
	}

	private static ApiResponse validation(String description) {
		return new ApiResponse().description(description).content(json(ApiDescriptions.ref(VALIDATION_ERROR)));
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType(JSON, new MediaType().schema(schema));
	}

	private static List<String> statuses() {
		return Arrays.stream(InvoiceState.values()).map(Enum::name).toList();
	}

	private static Schema<?> amount(String description) {
		return new NumberSchema().description(description);
	}

	private static Schema<?> readOnly(Schema<?> schema) {
		return schema.readOnly(true);
	}

	private static void schemas(OpenAPI openApi) {
		ApiDescriptions.components(openApi)
			.addSchemas(INVOICE, new ObjectSchema().description("An invoice. Read-only fields are ignored in requests.")
				.addProperty("issue_date",
						new DateTimeSchema().nullable(true)
							.description("When it was issued, in the organization's local time (written without "
									+ "offset); its date is the invoice date. Null for a draft without one."))
				.addProperty("due_date",
						new DateTimeSchema().nullable(true).description("When it is due, in UTC (written with `Z`)."))
				.addProperty("status", new StringSchema()._enum(statuses())
					.description("`DRAFT`: not finalized (the Cloud API's status 0, 1 or 2). `ISSUED`, "
							+ "`PARTIALY_PAID`, `PAID`: finalized, named by the paid amount. `VOID`: voided (the "
							+ "Cloud API's 99). `WRITTEN_OFF`: the balance written off. Only `DRAFT`, `ISSUED`, "
							+ "`VOID` and `WRITTEN_OFF` can be requested.")
					._default("DRAFT"))
				.addProperty("discount_amount", amount("An invoice-level discount as an amount (gross)."))
				.addProperty("discount_percent", amount("An invoice-level discount in percent."))
				.addProperty("paid_amount", amount("What is paid."))
				.addProperty("appointment_id",
						new UUIDSchema().nullable(true)
							.description("The appointment (consultation) the invoice is for."))
				.addProperty("patient_id",
						new UUIDSchema().nullable(true)
							.description("The patient; when not named, the one patient all its items are for."))
				.addProperty("id", readOnly(new UUIDSchema().description("The invoice's id.")))
				.addProperty("subtotal", readOnly(amount("The net total (without VAT), after discounts.")))
				.addProperty("remaining_amount", readOnly(amount("What remains to pay.")))
				.addProperty("total_amount", readOnly(amount("The gross total (with VAT), after discounts.")))
				.addProperty("reg_number",
						readOnly(new StringSchema().nullable(true)
							.description("The invoice number, given when it is issued; null for a draft.")))
				.addProperty("items",
						new ArraySchema().items(ApiDescriptions.ref(INVOICE_ITEM))
							.description("The invoice's lines. In a PUT, the whole list."))
				.addProperty("tags",
						new ArraySchema().items(new StringSchema()).description("Free labels to find invoices by.")))
			.addSchemas(INVOICE_ITEM, new ObjectSchema()
				.description("An invoice line: a reference to an item of vetbill's item catalog (`item_id`), whose "
						+ "name, price and VAT rate it takes unless given, or a free line with its `description`, "
						+ "`unit_price` and `tax_rate`.")
				.addProperty("id",
						new UUIDSchema().description(
								"The item's id: given by the server; send it in a PUT to change an existing item."))
				.addProperty("item_id",
						new IntegerSchema().format("int64")
							.nullable(true)
							.description("The integer id of an item of vetbill's item catalog, or null for a free "
									+ "line."))
				.addProperty("description", new StringSchema().nullable(true).description("What is charged."))
				.addProperty("quantity",
						new NumberSchema()._default(java.math.BigDecimal.ONE).description("How many (default 1)."))
				.addProperty("unit_price", new NumberSchema().nullable(true).description("The net price of one."))
				.addProperty("discount_percent",
						amount("A discount in percent when positive, a surcharge when negative."))
				.addProperty("tax_rate",
						new NumberSchema().nullable(true)
							.description("The VAT rate in percent (a catalog item's own when not given)."))
				.addProperty("patient_id", new UUIDSchema().nullable(true).description("The patient the line is for."))
				.addProperty("subtotal", readOnly(amount("The net amount, after the item's discount and its "
						+ "share of an invoice-level discount, so the items add up to the invoice's `subtotal`.")))
				.addProperty("tax", readOnly(amount("The VAT of the line.")))
				.addProperty("total",
						readOnly(amount("The gross amount (net plus VAT), after the item's share of "
								+ "an invoice-level discount, so the items add up to the invoice's `total_amount`."))))
			.addSchemas(INVOICE_LIST,
					new ObjectSchema().description("A numbered page of invoices.")
						.addProperty("total", new IntegerSchema().description("How many invoices match."))
						.addProperty("offset", new IntegerSchema().description("How many were skipped."))
						.addProperty("limit", new IntegerSchema().description("The page's size, as asked."))
						.addProperty("data", new ArraySchema().items(ApiDescriptions.ref(INVOICE)))
						.required(List.of("total", "offset", "limit", "data")))
			.addSchemas("Token",
					new ObjectSchema().addProperty("access_token", new StringSchema().description("A signed JWT"))
						.addProperty("token_type", new StringSchema()._enum(List.of("bearer")))
						.required(List.of("access_token", "token_type")))
			.addSchemas(HTTP_ERROR,
					new ObjectSchema().addProperty("detail", new StringSchema().description("What is wrong"))
						.required(List.of("detail")))
			.addSchemas(VALIDATION_ERROR,
					new ObjectSchema().addProperty("detail",
							new ArraySchema().items(ApiDescriptions.ref("ValidationError"))))
			.addSchemas("ValidationError", new ObjectSchema()
				.addProperty("loc",
						new ArraySchema().items(new Schema<>().anyOf(List.of(new StringSchema(), new IntegerSchema())))
							.description("Where: `body`, `query`, `path` or `header`, then the field's names and "
									+ "list indexes"))
				.addProperty("msg", new StringSchema().description("What is wrong"))
				.addProperty("type", new StringSchema().description("A machine-readable kind, such as `missing`"))
				.required(List.of("loc", "msg", "type")));
	}

}
