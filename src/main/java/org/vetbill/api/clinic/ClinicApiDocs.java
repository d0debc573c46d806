package org.vetbill.api.clinic;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.models.GroupedOpenApi;
import org.vetbill.apidocs.ApiDescriptions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the Clinic API, as a FastAPI application describes itself:
 * the OAuth2 password flow with its token endpoint {@code /token}, and FastAPI's error
 * schemas ({@code HTTPValidationError}, {@code ValidationError}). Every path of the API
 * ({@code /invoice/...}) is in it; this adds the token endpoint's form and answers and
 * the error answers every invoice operation can give.
 */
@Configuration(proxyBeanMethods = false)
class ClinicApiDocs {

	/** The security scheme, named as FastAPI names it. */
	static final String OAUTH2 = "OAuth2PasswordBearer";

	private static final String JSON = "application/json";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String MULTIPART = "multipart/form-data";

	private static final String VALIDATION_ERROR = "HTTPValidationError";

	private static final String DETAIL = "HTTPError";

	@Bean
	GroupedOpenApi clinicApiDescription() {
		Info info = new Info().title("Clinic API").version("1").description("""
				The clinic's invoice API (`/invoice/`, `/invoice/{id}`), in the conventions of a FastAPI \
				application. Its paths name no organization: the token does.

				- **Signing in**: `POST /token` with a form of `username` and `password` (FastAPI's OAuth2 \
				password flow; `grant_type=password`, `scope`, `client_id` and `client_secret` are accepted \
				and ignored) answers `{"access_token": "...", "token_type": "bearer"}`. The user's \
				organization is the tenant. Usernames are unique only within an organization: the password \
				is checked against the users of that name in every organization, and exactly one must match; \
				a user whose name and password match in several organizations signs in as \
				`<provet_id>/<username>`, which is always accepted. Send the token as \
				`Authorization: Bearer <access_token>`; it is valid for 10 hours, and the same token works \
				on the organization's Cloud API.
				- **Errors** are FastAPI's: `{"detail": "..."}` (401 `Not authenticated` or `Could not \
				validate credentials` with `WWW-Authenticate: Bearer`, 403 `Not enough permissions`, 404 \
				`Not Found`), and 422 `{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}` for \
				invalid input and refused business rules, `loc` starting with `body`, `query`, `path` or \
				`header`.
				- **Rate limits**: 300 requests a minute per user and action; a list's `limit` counts in \
				pages of 100. Over the limit: 429 with `Retry-After`.""");
		return ApiDescriptions.group("clinic", "Clinic API",
				List.of("/invoice", "/invoice/**", ClinicApi.TOKEN, ClinicApi.TOKEN + "/"), info,
				ClinicApiDocs::describe);
	}

	static void describe(OpenAPI openApi) {
		ApiDescriptions.components(openApi)
			.addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
				.description("FastAPI's OAuth2 password flow: a token from `/token` as "
						+ "`Authorization: Bearer <access_token>`.")
				.flows(new OAuthFlows().password(new OAuthFlow().tokenUrl(ClinicApi.TOKEN).scopes(new Scopes()))))
			.addSchemas("TokenForm",
					new ObjectSchema()
						.addProperty("grant_type",
								new StringSchema().pattern("^password$").description("Optional; if sent, `password`"))
						.addProperty("username",
								new StringSchema().description("The username, or `<provet_id>/<username>` to name the "
										+ "organization (needed when the name and password match in several)"))
						.addProperty("password", new StringSchema().format("password"))
						.addProperty("scope", new StringSchema().description("Accepted and ignored"))
						.addProperty("client_id", new StringSchema().description("Accepted and ignored"))
						.addProperty("client_secret", new StringSchema().description("Accepted and ignored"))
						.required(List.of("username", "password")))
			.addSchemas("Token",
					new ObjectSchema().addProperty("access_token", new StringSchema().description("A signed JWT"))
						.addProperty("token_type", new StringSchema()._enum(List.of("bearer")))
						.required(List.of("access_token", "token_type")))
			.addSchemas(DETAIL,
					new ObjectSchema().addProperty("detail", new StringSchema()).required(List.of("detail")))
			.addSchemas("ValidationError", new ObjectSchema()
				.addProperty("loc",
						new ArraySchema().items(new Schema<>().anyOf(List.of(new StringSchema(), new IntegerSchema())))
							.description("Where: `body`, `query`, `path` or `header`, then the field's path "
									+ "(list indexes as numbers)"))
				.addProperty("msg", new StringSchema())
				.addProperty("type",
						new StringSchema().description("`missing`, `value_error`, `json_invalid`, or the code "
								+ "of the refused business rule"))
				.required(List.of("loc", "msg", "type")))
			.addSchemas(VALIDATION_ERROR,
					new ObjectSchema()
						.addProperty("detail", new ArraySchema().items(ApiDescriptions.ref("ValidationError")))
						.required(List.of("detail")));
		openApi.setSecurity(List.of(new SecurityRequirement().addList(OAUTH2)));
		openApi.setTags(List.of(new Tag().name("token").description("Signing in (OAuth2 password flow)."),
				new Tag().name("invoice").description("Invoices.")));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			if (path.equals(ClinicApi.TOKEN) || path.equals(ClinicApi.TOKEN + "/")) {
				describeToken(path, operation);
				return;
			}
			ApiDescriptions.respond(operation, 401,
					detail("`Not authenticated` (no token) or `Could not validate credentials` (a token that is "
							+ "not valid or has expired)")
						.addHeaderObject("WWW-Authenticate",
								new Header().description("`Bearer`").schema(new StringSchema())));
			ApiDescriptions.respond(operation, 403, detail("`Not enough permissions`"));
			ApiDescriptions.respond(operation, 422, ApiDescriptions
				.response("Invalid input or a refused business rule, each naming where", JSON, VALIDATION_ERROR));
			ApiDescriptions.respond(operation, 429, detail("Over the rate limit").addHeaderObject("Retry-After",
					new Header().description("Seconds").schema(new IntegerSchema())));
		});
	}

	private static void describeToken(String path, Operation operation) {
		operation.setSummary(path.endsWith("/") ? "Sign in (the same endpoint with a trailing slash)"
				: "Sign in: an access token for a username and password");
		operation.setSecurity(List.of());
		MediaType form = new MediaType().schema(ApiDescriptions.ref("TokenForm"));
		operation.setRequestBody(new RequestBody().required(true)
			.content(new Content().addMediaType(FORM, form).addMediaType(MULTIPART, form)));
		operation.setResponses(new ApiResponses());
		operation.getResponses()
			.addApiResponse("200", ApiDescriptions.response("The token", JSON, "Token"))
			.addApiResponse("400",
					detail("`Incorrect username or password`, or a username of several "
							+ "organizations to be given as `<provet_id>/<username>`"))
			.addApiResponse("422",
					ApiDescriptions.response(
							"`username` or `password` missing, or a `grant_type` other than " + "`password`", JSON,
							VALIDATION_ERROR));
	}

	private static io.swagger.v3.oas.models.responses.ApiResponse detail(String description) {
		return ApiDescriptions.response(description, JSON, DETAIL);
	}

}
