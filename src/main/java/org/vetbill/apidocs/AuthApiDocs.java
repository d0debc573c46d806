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

	private static final String BEARER = "bearer";

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
				- `grant_type=authorization_code` for apps acting for a clinic user: the user signs in and \
				approves the app at `/{provet_id}/oauth2/authorize/`, and the app exchanges the code it gets \
				back (with its PKCE `code_verifier`; a public client authenticates with its `client_id` \
				alone). `grant_type=refresh_token` rotates the refresh token this gives: each is valid 30 \
				days from the last access token and is used once; presenting a used one again revokes every \
				token of that authorization. `/{provet_id}/oauth2/revoke_token/` revokes (RFC 7009) and \
				`/{provet_id}/oauth2/userinfo/` tells who the user is (scope `openid`).
				- The scope is `restapi` (the default: every permission of the client or user), or any of \
				`read`, `billing` and `settings`, which bound the token to those permissions (a token of \
				scope `read` is refused with 403 when it tries to bill, even for a client that may); \
				`openid` adds the userinfo endpoint to the authorization code. Tokens are signed JWTs \
				(HS256, naming their key as `kid`) valid for 10 hours (`expires_in: 36000`); client \
				credentials and passwords get no refresh token: ask for a new one.
				- Use the token as `Authorization: Bearer <access_token>` on the Cloud API \
				(`/{provet_id}/api/0.1/`) and on vetbill's API (`/{provet_id}/vetbill/v1`). Older clients \
				may send a legacy key as `Authorization: Token <key>` instead.
				- What a token may do follows its client's or user's permissions: `read`, `billing` (moving \
				money, invoices, clients, patients) and `settings` (items, VAT groups, departments, \
				credentials), bounded by its scope. Every request checks the client or user anew: once \
				an API client or user is deactivated its tokens are refused (401 `invalid_token`) at \
				once, and a permission taken away is taken from its tokens at once.
				- A token acts for its organization only: on a path naming another organization the \
				answer is 404, as for an organization that does not exist.""");
		return ApiDescriptions.group("auth", "Authentication", "/{provet_id}/oauth2", info, AuthApiDocs::describeAuth);
	}

	@Bean
	GroupedOpenApi adminApiDescription() {
		Info info = new Info().title("vetbill platform admin API").version("1").description("""
				The platform operator's API, `/admin/v1`: creating organizations (tenants), listing and \
				rotating the keys that sign access tokens, and backing up the embedded database while the \
				server runs. Creating an organization \
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
			.addSchemas("TokenRequest", new ObjectSchema()
				.addProperty("grant_type",
						new StringSchema()
							._enum(List.of("client_credentials", "password", "authorization_code", "refresh_token"))
							.description("`client_credentials` for integrations, `password` for users, "
									+ "`authorization_code` and `refresh_token` for apps a user approved"))
				.addProperty("scope",
						new StringSchema().description(
								"Optional, space-separated: `restapi` (the default), `read`, `billing`, `settings`; "
										+ "for a refresh, part of the granted scopes"))
				.addProperty("client_id", new StringSchema().description("When not sent by HTTP Basic"))
				.addProperty("client_secret", new StringSchema().description("When not sent by HTTP Basic"))
				.addProperty("username", new StringSchema().description("Password grant only"))
				.addProperty("password", new StringSchema().description("Password grant only"))
				.addProperty("code", new StringSchema().description("Authorization code grant only"))
				.addProperty("redirect_uri",
						new StringSchema().description(
								"Authorization code grant: the authorization " + "request's, when it named one"))
				.addProperty("code_verifier",
						new StringSchema().description("Authorization code grant: the PKCE verifier"))
				.addProperty("refresh_token", new StringSchema().description("Refresh token grant only"))
				.required(List.of("grant_type")))
			.addSchemas("RevokeRequest",
					new ObjectSchema().addProperty("token", new StringSchema().description("The token to revoke"))
						.addProperty("token_type_hint",
								new StringSchema()._enum(List.of("access_token", "refresh_token"))
									.description("Optional; not needed"))
						.addProperty("client_id", new StringSchema().description("When not sent by HTTP Basic"))
						.addProperty("client_secret",
								new StringSchema().description("When not sent by HTTP Basic; none for a public client"))
						.required(List.of("token")))
			.addSchemas("UserInfo",
					new ObjectSchema().addProperty("sub", new StringSchema().description("The user's id"))
						.addProperty("name", new StringSchema())
						.addProperty("preferred_username", new StringSchema())
						.addProperty("email", new StringSchema().description("Only when the user has one"))
						.required(List.of("sub", "name", "preferred_username")))
			.addSchemas("TokenResponse", new ObjectSchema()
				.addProperty("access_token", new StringSchema().description("A signed JWT"))
				.addProperty("token_type", new StringSchema()._enum(List.of("Bearer")))
				.addProperty("expires_in", new IntegerSchema().description("Seconds: 36000 (10 hours)").example(36000))
				.addProperty("scope",
						new StringSchema()
							.description("The scopes asked for (`restapi` by default), or the scopes a user "
									+ "approved, space-separated"))
				.required(List.of("access_token", "token_type", "expires_in", "scope")))
			.addSchemas("OAuth2Error",
					new ObjectSchema()
						.addProperty("error",
								new StringSchema()._enum(List.of("invalid_request", "invalid_client", "invalid_grant",
										"unsupported_grant_type", "invalid_scope", "insufficient_scope")))
						.addProperty("error_description", new StringSchema())
						.required(List.of("error", "error_description")));
		ApiDescriptions.components(openApi)
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token of the authorization code (userinfo only)."));
		openApi.setTags(List.of(new Tag().name("token").description("The OAuth2 token endpoint."),
				new Tag().name("authorize").description("The authorization endpoint: HTML pages for the user."),
				new Tag().name("revoke_token").description("Token revocation (RFC 7009)."),
				new Tag().name("userinfo").description("The OpenID Connect userinfo endpoint.")));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			String slash = path.endsWith("/") ? "" : " (the same endpoint without its trailing slash)";
			if (path.contains("/authorize")) {
				AuthEndpointDocs.authorize(operation, method.name(), slash);
				return;
			}
			if (path.contains("/revoke_token")) {
				AuthEndpointDocs.revoke(operation, slash, CLIENT_BASIC);
				return;
			}
			if (path.contains("/userinfo")) {
				AuthEndpointDocs.userinfo(operation, slash, BEARER);
				return;
			}
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
						ApiDescriptions
							.response(
									"The token. The authorization code and refresh token grants add "
											+ "`refresh_token`, the next refresh token (used once, valid 30 days).",
									"application/json", "TokenResponse")
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
		openApi.setTags(List.of(new Tag().name("organizations").description("Organizations (tenants)."),
				new Tag().name("signing-keys").description("The keys that sign access tokens."),
				new Tag().name("backups").description("Backups of the embedded database.")));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			if (path.contains("/signing-keys")) {
				AuthEndpointDocs.signingKeys(operation, path);
			}
			else if (path.contains("/backups")) {
				AuthEndpointDocs.backups(operation);
			}
			else {
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
			}
			ApiDescriptions.respond(operation, 401, VetbillApiDocs.problem("No or a wrong admin key."));
			ApiDescriptions.respond(operation, 403,
					VetbillApiDocs.problem("The admin API is closed: no key is configured (`admin_api_disabled`)."));
		});
	}

	static void withoutAuthorizationHeader(Operation operation) {
		if (operation.getParameters() != null) {
			List<Parameter> parameters = new ArrayList<>(operation.getParameters());
			parameters.removeIf((parameter) -> "Authorization".equalsIgnoreCase(parameter.getName()));
			operation.setParameters(parameters);
		}
	}

}
