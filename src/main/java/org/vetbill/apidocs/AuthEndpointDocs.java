package org.vetbill.apidocs;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * The descriptions of the authorization code's endpoints besides the token endpoint:
 * {@code authorize/} (HTML pages for the user), {@code revoke_token/} and
 * {@code userinfo/}; and the admin API's signing keys and backups.
 */
final class AuthEndpointDocs {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String MULTIPART = "multipart/form-data";

	private static final String JSON = "application/json";

	private AuthEndpointDocs() {
	}

	static void authorize(Operation operation, String method, String slash) {
		operation.setSecurity(List.of(new SecurityRequirement()));
		operation.setResponses(new ApiResponses());
		if ("GET".equals(method)) {
			operation.setSummary("Sign the user in and ask for approval" + slash);
			operation.setDescription("Where an app sends a clinic user (RFC 6749 section 4.1.1, PKCE by RFC 7636): "
					+ "a sign-in page, then a consent page. An unknown client or an unregistered redirect URI is an "
					+ "error page; other errors go back to the redirect URI with `error` and `state`.");
			List<Parameter> parameters = new ArrayList<>(
					(operation.getParameters() != null) ? operation.getParameters() : List.of());
			query(parameters, "response_type", true, "`code`");
			query(parameters, "client_id", true, "The app's client id, registered with this organization");
			query(parameters, "redirect_uri", false,
					"One of the app's registered redirect URIs; may be left out " + "when it registered exactly one");
			query(parameters, "scope", false,
					"`restapi` (the default), `read`, `billing`, `settings`, `openid`, space-separated");
			query(parameters, "state", false, "Returned to the app as it came");
			query(parameters, "code_challenge", false,
					"PKCE: the base64url SHA-256 digest of the code verifier; required for public clients");
			query(parameters, "code_challenge_method", false, "`S256`, the only method");
			operation.setParameters(parameters);
			operation.getResponses()
				.addApiResponse("200", html("The sign-in page, or the consent page once the user signed in"))
				.addApiResponse("302",
						redirect("Back to the app's redirect URI with `error`, `error_description` " + "and `state`"))
				.addApiResponse("400", html("An error page: unknown client, unregistered redirect URI"))
				.addApiResponse("404", html("No such organization"));
			return;
		}
		operation.setSummary("Submit the sign-in or consent form" + slash);
		operation.setDescription("The pages' own forms post here, with their CSRF token: `username` and "
				+ "`password`, or `decision` (`allow`, `deny`, `sign_out`).");
		ObjectSchema form = new ObjectSchema();
		form.addProperty("username", new StringSchema())
			.addProperty("password", new StringSchema())
			.addProperty("decision", new StringSchema()._enum(List.of("allow", "deny", "sign_out")))
			.addProperty("_csrf", new StringSchema().description("The page's CSRF token"));
		operation.setRequestBody(new RequestBody().required(true)
			.content(new Content().addMediaType(FORM, new MediaType().schema(form))));
		operation.getResponses()
			.addApiResponse("200", html("The page again (a wrong password says so)"))
			.addApiResponse("302", redirect("Back to the app: `code` and `state`, or `error=access_denied`"))
			.addApiResponse("303", redirect("To the consent page after signing in"))
			.addApiResponse("400", html("An error page"))
			.addApiResponse("403", new ApiResponse().description("A form without its CSRF token"));
	}

	static void revoke(Operation operation, String slash, String clientBasic) {
		operation.setSummary("Revoke a token" + slash);
		operation.setDescription("RFC 7009. A refresh token or an access token of the authorization code ends "
				+ "every token of its authorization. Unknown tokens are answered 200 too.");
		AuthApiDocs.withoutAuthorizationHeader(operation);
		operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(clientBasic)));
		MediaType form = new MediaType().schema(ApiDescriptions.ref("RevokeRequest"));
		operation.setRequestBody(new RequestBody().required(true)
			.content(new Content().addMediaType(FORM, form).addMediaType(MULTIPART, form)));
		operation.setResponses(new ApiResponses());
		operation.getResponses()
			.addApiResponse("200", new ApiResponse().description("Revoked, or nothing to revoke; no body"))
			.addApiResponse("400", ApiDescriptions.response("`invalid_request`: no `token`", JSON, "OAuth2Error"))
			.addApiResponse("401",
					ApiDescriptions.response(
							"`invalid_client`: no client authentication, an unknown client or a wrong secret", JSON,
							"OAuth2Error"));
	}

	static void userinfo(Operation operation, String slash, String bearer) {
		operation.setSummary("Who the signed-in user is" + slash);
		operation.setDescription(
				"OpenID Connect userinfo, for an access token of the authorization code with the " + "`openid` scope.");
		AuthApiDocs.withoutAuthorizationHeader(operation);
		operation.setSecurity(List.of(new SecurityRequirement().addList(bearer)));
		operation.setResponses(new ApiResponses());
		operation.getResponses()
			.addApiResponse("200", ApiDescriptions.response("The user's claims", JSON, "UserInfo"))
			.addApiResponse("401",
					new ApiResponse().description("No token, or an invalid or revoked one")
						.addHeaderObject("WWW-Authenticate", ApiDescriptions.wwwAuthenticate()))
			.addApiResponse("403",
					ApiDescriptions.response("`insufficient_scope`: not a token of a user with the `openid` scope",
							JSON, "OAuth2Error"))
			.addApiResponse("404", new ApiResponse().description("Another organization's path"));
	}

	/**
	 * The admin API's signing keys: listing and rotating.
	 * @param operation the operation
	 * @param path its path
	 */
	static void signingKeys(Operation operation, String path) {
		operation.setTags(List.of("signing-keys"));
		if (path.endsWith("/rotate")) {
			operation.setSummary("Rotate the token signing key");
			operation.setDescription("Makes a new key (its id is the `kid` of the tokens it signs) the one "
					+ "that signs new access tokens. The previous keys are retired: they still verify the tokens "
					+ "they signed until these expire (10 hours), so no client notices. Other nodes take the new "
					+ "key within a minute. Answers the new key (201).");
		}
		else {
			operation.setSummary("List the token signing keys");
			operation.setDescription("Every key, newest first: its `kid`, when it was made, when a newer key "
					+ "retired it, and whether it signs new tokens. Secrets are never shown; they are stored "
					+ "encrypted with `vetbill.security.key-encryption-key`.");
		}
	}

	static void backups(Operation operation) {
		operation.setTags(List.of("backups"));
		operation.setSummary("Back up the embedded database");
		operation.setDescription("Writes the whole embedded H2 database (schema, data, Flyway's history, the audit "
				+ "chain), as one consistent snapshot taken while requests go on, as a gzip-compressed SQL script "
				+ "into the folder `backups` of the server's data folder (`vetbill.data-dir`). The body is optional: "
				+ "`{\"file\": \"name.sql.gz\"}` names the file (letters, digits, `.`, `_` and `-`, at most 100, "
				+ "ending in `.sql.gz`; never a path); without it the name is "
				+ "`vetbill-backup-<UTC yyyyMMdd-HHmmss>.sql.gz`. Answers the file's name, its size in bytes and "
				+ "when it was taken (201). `./vetbill restore <file>` reads it back, with the server stopped.");
		ApiDescriptions.respond(operation, 400,
				VetbillApiDocs.problem("The file name is not a plain name ending in `.sql.gz` (`invalid_input`)."));
		ApiDescriptions.respond(operation, 409,
				VetbillApiDocs.problem("A backup of that name is already there (`backup_file_exists`)."));
		ApiDescriptions.respond(operation, 422, VetbillApiDocs
			.problem("The server runs on PostgreSQL, which is backed up with pg_dump (`backup_not_embedded`)."));
	}

	private static void query(List<Parameter> parameters, String name, boolean required, String description) {
		parameters.add(new Parameter().in("query")
			.name(name)
			.required(required)
			.description(description)
			.schema(new StringSchema()));
	}

	private static ApiResponse html(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("text/html", new MediaType().schema(new StringSchema())));
	}

	private static ApiResponse redirect(String description) {
		return new ApiResponse().description(description)
			.addHeaderObject("Location", new Header().description("Where the browser goes").schema(new StringSchema()));
	}

}
