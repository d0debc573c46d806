package org.vetbill.apidocs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.models.GroupedOpenApi;
import org.vetbill.shared.web.ApiPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of vetbill's own API ({@code /{provet_id}/vetbill/v1}): its operations
 * come from the controllers (request and answer schemas from their records); this adds
 * the summaries, the tags, the paging parameters and the RFC 9457 problem answers.
 */
@Configuration(proxyBeanMethods = false)
class VetbillApiDocs {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	/** Summaries by method and path below the API's base. */
	private static final Map<String, String> SUMMARIES = Map.ofEntries(
			Map.entry("GET /organization", "Get the organization and its settings"),
			Map.entry("PATCH /organization", "Change the organization's settings"),
			Map.entry("PUT /organization/hard-lock", "Move the organization's hard lock date forward"),
			Map.entry("GET /organization/seller", "Get the organization's details as the seller on its invoices"),
			Map.entry("PATCH /organization/seller",
					"Change the organization's details as the seller (business id, bank account, e-invoice address)"),
			Map.entry("GET /clients/{id}/invoicing", "Get how a client's invoices reach them"),
			Map.entry("PATCH /clients/{id}/invoicing",
					"Change how a client's invoices reach them (language, email or e-invoice, buyer reference)"),
			Map.entry("GET /audit/verification", "Check the organization's audit chain"),
			Map.entry("GET /departments", "List departments"), Map.entry("POST /departments", "Create a department"),
			Map.entry("GET /departments/{id}", "Get a department"),
			Map.entry("PATCH /departments/{id}", "Change a department"),
			Map.entry("GET /departments/{id}/settings", "Get a department's financial settings and period lock"),
			Map.entry("PATCH /departments/{id}/settings", "Change a department's financial settings and period lock"),
			Map.entry("GET /clients", "List clients"), Map.entry("POST /clients", "Create a client"),
			Map.entry("GET /clients/{id}", "Get a client"), Map.entry("PATCH /clients/{id}", "Change a client"),
			Map.entry("GET /patients", "List patients"), Map.entry("POST /patients", "Create a patient"),
			Map.entry("GET /patients/{id}", "Get a patient"), Map.entry("PATCH /patients/{id}", "Change a patient"),
			Map.entry("GET /vat-groups", "List VAT groups"), Map.entry("POST /vat-groups", "Create a VAT group"),
			Map.entry("GET /vat-groups/{id}", "Get a VAT group"),
			Map.entry("PATCH /vat-groups/{id}", "Change a VAT group"), Map.entry("GET /items", "List items"),
			Map.entry("POST /items", "Create an item"), Map.entry("GET /items/{id}", "Get an item"),
			Map.entry("PATCH /items/{id}", "Change an item"), Map.entry("GET /consultations", "List consultations"),
			Map.entry("POST /consultations", "Open a consultation"),
			Map.entry("GET /consultations/{id}", "Get a consultation"),
			Map.entry("POST /consultations/{id}/items", "Charge an item in a consultation"),
			Map.entry("PATCH /consultations/{id}/items/{itemId}", "Change a charged item"),
			Map.entry("DELETE /consultations/{id}/items/{itemId}", "Remove a charged item"),
			Map.entry("POST /consultations/{id}/finalize", "Finalize a consultation into a finalized invoice"),
			Map.entry("GET /invoices", "List invoices"), Map.entry("POST /invoices", "Create a countersale draft"),
			Map.entry("GET /invoices/{id}", "Get an invoice with its rows"),
			Map.entry("PATCH /invoices/{id}",
					"Change a draft's header, or move a finalized invoice between status 3 and 4"),
			Map.entry("POST /invoices/{id}/rows", "Add a row to a draft"),
			Map.entry("PATCH /invoices/{id}/rows/{rowId}", "Change a draft's row"),
			Map.entry("DELETE /invoices/{id}/rows/{rowId}", "Remove a draft's row"),
			Map.entry("POST /invoices/{id}/finalize", "Finalize an invoice: number, reference, payer snapshot"),
			Map.entry("POST /invoices/{id}/void", "Void an invoice"),
			Map.entry("GET /invoices/{id}/payments", "List an invoice's payments"),
			Map.entry("POST /invoices/{id}/payments", "Record a payment on a finalized invoice"),
			Map.entry("POST /payments/{id}/cancel", "Cancel a payment"),
			Map.entry("POST /invoices/{id}/credit-notes", "Credit an invoice: all rows not yet credited, or some"),
			Map.entry("POST /invoices/{id}/apply-prepayment", "Apply a client's prepayment to an invoice"),
			Map.entry("POST /invoices/{id}/move-overpayment", "Move an overpayment to the client's prepayments"),
			Map.entry("POST /invoices/{id}/pay-out", "Pay out an overpayment"),
			Map.entry("POST /invoices/{id}/write-off", "Write off the remaining balance as bad debt"),
			Map.entry("GET /invoices/{id}/sendings", "List an invoice's sendings and how each went"),
			Map.entry("POST /invoices/{id}/sendings",
					"Send a finalized invoice or credit note by email (PDF attached) or as an e-invoice"),
			Map.entry("GET /me", "Who the caller is and what it may do"),
			Map.entry("GET /api-clients", "List API clients"),
			Map.entry("POST /api-clients", "Register an API client (its secret is shown once)"),
			Map.entry("POST /api-clients/{id}/deactivate", "Deactivate an API client"),
			Map.entry("GET /users", "List users"), Map.entry("POST /users", "Create a user"),
			Map.entry("GET /api-tokens", "List legacy API tokens"),
			Map.entry("POST /api-tokens", "Create a legacy API token (its key is shown once)"),
			Map.entry("DELETE /api-tokens/{id}", "Revoke a legacy API token"));

	private static final List<Tag> TAGS = List.of(
			new Tag().name("invoices")
				.description("Invoices and their rows: countersale drafts, finalization, voiding, and the money "
						+ "of one invoice (payments, credit notes, prepayment use, overpayments, write-off)."),
			new Tag().name("payments").description("A payment's cancellation."),
			new Tag().name("consultations")
				.description("Consultations and their charged items; finalizing one creates its invoice."),
			new Tag().name("clients").description("The clinic's clients (the payers)."),
			new Tag().name("patients").description("The clients' animals."),
			new Tag().name("items").description("The price list: items with VAT group, GL account and dimensions."),
			new Tag().name("vat-groups").description("VAT rates with their GL accounts."),
			new Tag().name("departments")
				.description("Departments with their invoice prefix, and their financial settings (period lock)."),
			new Tag().name("organization").description("The organization's own settings."),
			new Tag().name("me").description("The caller."),
			new Tag().name("audit").description("The audit log's hash chain and its check."),
			new Tag().name("api-clients").description("API clients for integrations (client credentials grant)."),
			new Tag().name("users").description("Users (password grant)."),
			new Tag().name("api-tokens").description("Legacy `Authorization: Token <key>` keys."));

	@Bean
	GroupedOpenApi vetbillApiDescription() {
		Info info = new Info().title("vetbill API").version("1").description("""
				vetbill's own API for the clinic side and for integrations, under `/{provet_id}/vetbill/v1`.

				- **JSON** is snake_case. Amounts are JSON numbers at the currency's scale (`124.00`), never \
				floating point; amounts and quantities may also be sent as decimal strings (`"124.00"`). \
				Dates are `YYYY-MM-DD`, timestamps ISO 8601 in UTC.
				- **Lists** use keyset paging: `limit` (1–500, default 50) and `after` (the `next_after` of \
				the previous page); the answer is `{"items": [...], "next_after": <id or null>}`.
				- **PATCH** is a JSON Merge Patch (RFC 7396): fields present replace, `null` clears, absent \
				fields stay. Send `If-Match: <version>` to refuse the change (409) when someone changed the \
				record since you read it.
				- **POST** takes an optional `Idempotency-Key` header, so a retry never moves money twice.
				- **Errors** are RFC 9457 problem details (`application/problem+json`) with a stable `code`: \
				400 `invalid_input` naming each field in `errors`, 401, 403 `forbidden`, 404 `not_found`, 409 \
				for lost races and stale versions, 422 for business rules (`period_locked`, \
				`invoice_not_editable`, ...) with the `field` concerned. A refused request writes nothing.
				- **Authentication**: a bearer token from the organization's token endpoint \
				(`/{provet_id}/oauth2/token/`, see the authentication description) or a legacy \
				`Authorization: Token <key>`. Each operation names the permission it needs (`read`, \
				`billing`, `settings`).""");
		return ApiDescriptions.group("vetbill", "vetbill API", ApiPaths.VETBILL, info, VetbillApiDocs::describe);
	}

	static void describe(OpenAPI openApi) {
		ApiDescriptions.tenantSecurity(openApi);
		problemSchemas(openApi);
		openApi.setTags(TAGS);
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			String relative = path.substring(ApiPaths.VETBILL.length());
			String summary = SUMMARIES.get(method + " " + relative);
			if (summary != null) {
				operation.setSummary(summary);
			}
			describeParameters(operation);
			if (method == PathItem.HttpMethod.POST) {
				addParameter(operation, ApiDescriptions.idempotencyKey());
			}
			errors(method, operation);
		});
	}

	private static void describeParameters(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			if (parameter.getDescription() != null || !"query".equals(parameter.getIn())) {
				continue;
			}
			if ("limit".equals(parameter.getName())) {
				parameter.description("Items per page, 1 to 500 (default 50).");
			}
			else if ("after".equals(parameter.getName())) {
				parameter.description("The `next_after` of the previous page; absent for the first page.");
			}
		}
	}

	private static void addParameter(Operation operation, Parameter parameter) {
		operation.addParametersItem(parameter);
	}

	/**
	 * The problem answers an operation can give.
	 */
	private static void errors(PathItem.HttpMethod method, Operation operation) {
		boolean input = operation.getRequestBody() != null
				|| (operation.getParameters() != null && operation.getParameters()
					.stream()
					.anyMatch((parameter) -> !ApiDescriptions.TENANT.equals(parameter.getName())
							&& !"header".equals(parameter.getIn())));
		if (input) {
			ApiDescriptions.respond(operation, 400,
					problem("Invalid input (`invalid_input`): `errors` names each field and what is wrong with it."));
		}
		ApiDescriptions.respond(operation, 401,
				problem("No valid credentials: no token, an expired or invalid token, or an unknown legacy key.")
					.addHeaderObject("WWW-Authenticate", ApiDescriptions.wwwAuthenticate()));
		if (ApiDescriptions.permission(operation) != null) {
			ApiDescriptions.respond(operation, 403, problem("The credential lacks the permission (`forbidden`)."));
		}
		ApiDescriptions.respond(operation, 404,
				problem("No such record in the organization, or another organization's id (`not_found`)."));
		ApiDescriptions.respond(operation, 429,
				problem("Over the rate limit of this credential and endpoint action (`throttled`): wait "
						+ "`Retry-After` seconds.")
					.addHeaderObject("Retry-After",
							new Header().description("Whole seconds until enough budget returns")
								.schema(new IntegerSchema())));
		if (method != PathItem.HttpMethod.GET) {
			ApiDescriptions.respond(operation, 409, problem(
					"A lost race or a stale `If-Match` version (`stale_version`, `concurrent_update`, ...): read "
							+ "again and retry."));
			ApiDescriptions.respond(operation, 422, problem(
					"A business rule refuses the change (`period_locked`, `invoice_not_editable`, ...; `field` names "
							+ "the field concerned), or an `Idempotency-Key` reused for another request "
							+ "(`idempotency_key_reused`)."));
		}
	}

	static ApiResponse problem(String description) {
		return ApiDescriptions.response(description, PROBLEM_JSON, PROBLEM);
	}

	/**
	 * RFC 9457 problem details as vetbill writes them.
	 * @param openApi the description
	 */
	static void problemSchemas(OpenAPI openApi) {
		ApiDescriptions.components(openApi)
			.addSchemas(PROBLEM, new ObjectSchema()
				.description("An error, as RFC 9457 problem details with vetbill's stable `code`.")
				.addProperty("type",
						new StringSchema().description("`urn:vetbill:problem:<code>`")
							.example("urn:vetbill:problem:period_locked"))
				.addProperty("title", new StringSchema().description("The HTTP status's reason phrase"))
				.addProperty("status", new IntegerSchema().description("The HTTP status"))
				.addProperty("detail", new StringSchema().description("What is wrong and what to do instead"))
				.addProperty("instance", new StringSchema().description("The request's path, where known"))
				.addProperty("code",
						new StringSchema().description("A stable, machine-readable reason").example("period_locked"))
				.addProperty("field",
						new StringSchema().description("The request field a business rule is about (422 only)"))
				.addProperty("errors",
						new ArraySchema().items(ApiDescriptions.ref("ProblemFieldError"))
							.description("What is wrong with each field (400 `invalid_input` only)"))
				.required(List.of("type", "title", "status", "detail", "code")))
			.addSchemas("ProblemFieldError",
					new ObjectSchema()
						.addProperty("field",
								new StringSchema().description("The field's JSON path, such as `rows[0].quantity`"))
						.addProperty("message", new StringSchema())
						.required(List.of("field", "message")));
	}

}
