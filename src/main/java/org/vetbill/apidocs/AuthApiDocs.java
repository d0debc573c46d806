package org.vetbill.apidocs;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The descriptions of authentication (each organization's OAuth2 token endpoint) and of
 * the platform operator's admin API.
 */
@Configuration(proxyBeanMethods = false)
class AuthApiDocs {

	private static final String CLIENT_BASIC = "clientBasic";

	private static final String ADMIN_KEY = "adminKey";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String MULTIPART = "multipart/form-data";

	@Bean
	GroupedOpenApi authApiDescription() {
		Info info = new Info().title("vetbill authentication").version("1").description("""
				Each organization (tenant) has its own OAuth2 token endpoint, `/{provet_id}/oauth2/token/` \
				(RFC 6749). Parameters travel in the form body (`application/x-www-form-urlencoded` or \
				`multipart/form-data`), never in the URL; errors are RFC 6749 `{"error", \
				"error_description"}` bodies.

				- `grant_type=client_credentials` for integrations such as an ERP: the API client's id and \
				secret by HTTP Basic (preferred) or as `client_id` and `client_secret` in the body.
				- `grant_type=password` for users (`username`, `password`); a client id and secret may be \
				given too and are then checked.
				- The scope is `restapi` (the only one, and the default). Tokens are signed JWTs valid for 10 \
				hours (`expires_in: 36000`); there is no refresh token: ask for a new one.
				- Use the token as `Authorization: Bearer <access_token>` on the Cloud API \
				(`/{provet_id}/api/0.1/`) and on vetbill's API (`/{provet_id}/vetbill/v1`). Older clients \
				may send a legacy key as `Authorization: Token <key>` instead.
				- What a token may do follows its client's or user's permissions: `read`, `billing` (moving \
				money, invoices, clients, patients) and `settings` (items, VAT groups, departments, \
				credentials). A deactivated API client gets no new token; a token already issued stays \
				valid until it expires.""");
		return ApiDescriptions.group("auth", "Authentication", "/{provet_id}/oauth2", info, AuthApiDocs::describeAuth);
	}

	@Bean
	GroupedOpenApi adminApiDescription() {
		Info info = new Info().title("vetbill platform admin API").version("1").description("""
				The platform operator's API, `/admin/v1`: creating organizations (tenants). Creating one \
				also registers its first API client, `admin`, with every permission; its secret is \
				returned once. Authenticate with `Authorization: Bearer <key>`, the key configured as \
				`vetbill.admin.key` (`VETBILL_ADMIN_KEY`); without a configured key the admin API is \
				closed (403 `admin_api_disabled`). Errors are RFC 9457 problem details.""");
		return ApiDescriptions.group("admin", "Platform admin", "/admin/v1", info, AuthApiDocs::describeAdmin);
	}

	static void describeAuth(OpenAPI openApi) {
		ApiDescriptions.components(openApi)
			.addSecuritySchemes(CLIENT_BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("The API client's id and secret (the client credentials grant's preferred "
								+ "way; they may also go in the form body)."))
			.addSchemas("TokenRequest",
					new ObjectSchema()
						.addProperty("grant_type",
								new StringSchema()._enum(List.of("client_credentials", "password"))
									.description("`client_credentials` for integrations, `password` for users"))
						.addProperty("scope",
								new StringSchema()._enum(List.of(ApiDescriptions.SCOPE))
									.description("Optional; `restapi` is the only scope"))
						.addProperty("client_id", new StringSchema().description("When not sent by HTTP Basic"))
						.addProperty("client_secret", new StringSchema().description("When not sent by HTTP Basic"))
						.addProperty("username", new StringSchema().description("Password grant only"))
						.addProperty("password", new StringSchema().description("Password grant only"))
						.required(List.of("grant_type")))
			.addSchemas("TokenResponse",
					new ObjectSchema().addProperty("access_token", new StringSchema().description("A signed JWT"))
						.addProperty("token_type", new StringSchema()._enum(List.of("Bearer")))
						.addProperty("expires_in",
								new IntegerSchema().description("Seconds: 36000 (10 hours)").example(36000))
						.addProperty("scope", new StringSchema()._enum(List.of(ApiDescriptions.SCOPE)))
						.required(List.of("access_token", "token_type", "expires_in", "scope")))
			.addSchemas("OAuth2Error",
					new ObjectSchema()
						.addProperty("error",
								new StringSchema()._enum(List.of("invalid_request", "invalid_client", "invalid_grant",
										"unsupported_grant_type", "invalid_scope")))
						.addProperty("error_description", new StringSchema())
						.required(List.of("error", "error_description")));
		openApi.setTags(List.of(new Tag().name("token").description("The OAuth2 token endpoint.")));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			if (!path.endsWith("/token/") && !path.endsWith("/token")) {
				return;
			}
			operation.setSummary(path.endsWith("/") ? "Issue an access token"
					: "Issue an access token (the same endpoint without its trailing slash)");
			withoutAuthorizationHeader(operation);
			if (operation.getParameters() != null) {
				operation.getParameters()
					.stream()
					.filter((parameter) -> ApiDescriptions.TENANT.equals(parameter.getName()))
					.forEach((parameter) -> parameter
						.description("The organization the token is for; an unknown organization is "
								+ "answered as wrong credentials are."));
			}
			operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(CLIENT_BASIC)));
			MediaType form = new MediaType().schema(ApiDescriptions.ref("TokenRequest"));
			operation.setRequestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(FORM, form).addMediaType(MULTIPART, form)));
			operation.setResponses(new ApiResponses());
			operation.getResponses()
				.addApiResponse("200",
						ApiDescriptions.response("The token", "application/json", "TokenResponse")
							.addHeaderObject("Cache-Control",
									new Header().description("`no-store`").schema(new StringSchema())))
				.addApiResponse("400", ApiDescriptions
					.response("`invalid_request` (a missing or repeated parameter, parameters in the URL), "
							+ "`unsupported_grant_type`, `invalid_scope`, or `invalid_grant` (wrong username or "
							+ "password)", "application/json", "OAuth2Error"))
				.addApiResponse("401", ApiDescriptions
					.response("`invalid_client`: no client authentication, an unknown client or a wrong " + "secret",
							"application/json", "OAuth2Error")
					.addHeaderObject("WWW-Authenticate",
							new Header().description("`Basic realm=\"vetbill\"`").schema(new StringSchema())));
		});
	}

	static void describeAdmin(OpenAPI openApi) {
		VetbillApiDocs.problemSchemas(openApi);
		ApiDescriptions.components(openApi)
			.addSecuritySchemes(ADMIN_KEY,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("The platform admin key, `vetbill.admin.key` (`VETBILL_ADMIN_KEY`)."));
		openApi.setSecurity(List.of(new SecurityRequirement().addList(ADMIN_KEY)));
		openApi.setTags(List.of(new Tag().name("organizations").description("Organizations (tenants).")));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			switch (method) {
				case GET -> operation.setSummary("List organizations");
				case POST -> {
					operation.setSummary("Create an organization with its first API client");
					operation.setDescription("The answer holds the API client `admin` with every permission and "
							+ "its `client_secret`, shown this once.");
					ApiDescriptions.respond(operation, 400,
							VetbillApiDocs.problem("Invalid input, naming each field."));
				}
				default -> {
				}
			}
			ApiDescriptions.respond(operation, 401, VetbillApiDocs.problem("No or a wrong admin key."));
			ApiDescriptions.respond(operation, 403,
					VetbillApiDocs.problem("The admin API is closed: no key is configured (`admin_api_disabled`)."));
		});
	}

	private static void withoutAuthorizationHeader(Operation operation) {
		if (operation.getParameters() != null) {
			List<Parameter> parameters = new ArrayList<>(operation.getParameters());
			parameters.removeIf((parameter) -> "Authorization".equalsIgnoreCase(parameter.getName()));
			operation.setParameters(parameters);
		}
	}

}
