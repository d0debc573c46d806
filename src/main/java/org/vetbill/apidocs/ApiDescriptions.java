package org.vetbill.apidocs;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.access.SettingsAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Builds the OpenAPI description of one of vetbill's APIs as a springdoc group, and what
 * the groups share: the tenant's path parameter, the security schemes of the tenant APIs,
 * the permission each operation needs (read from its {@code @ReadAccess},
 * {@code @BillingAccess} or {@code @SettingsAccess}), one tag per resource (the first
 * path segment below the API's base), operation ids in Django REST framework's style
 * ({@code invoice_list}, {@code invoicepayment_cancel_payment_create}), a summary for
 * every operation, and schemas whose properties are named as vetbill's JSON names them
 * (snake_case, numbers set apart).
 */
public final class ApiDescriptions {

	/** The path variable that names the organization in every tenant path. */
	public static final String TENANT = "provet_id";

	/** The OAuth2 security scheme (client credentials and password grants). */
	public static final String OAUTH2 = "oauth2";

	/** An access token sent as {@code Authorization: Bearer <token>}. */
	public static final String BEARER = "bearer";

	/** The legacy {@code Authorization: Token <key>} scheme. */
	public static final String LEGACY_TOKEN = "legacyToken";

	/** The only OAuth2 scope. */
	public static final String SCOPE = "restapi";

	/** Each organization's token endpoint. */
	public static final String TOKEN_URL = "/{provet_id}/oauth2/token/";

	/** The extension naming the permission an operation needs. */
	public static final String PERMISSION = "x-vetbill-permission";

	/** The header that makes a POST safe to retry. */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static {
		// the caller comes from the token, and PATCH bodies are JSON Merge Patch
		// documents
		SpringDocUtils.getConfig()
			.addRequestWrapperToIgnore(Caller.class)
			.replaceWithSchema(JsonNode.class,
					new ObjectSchema().description("A JSON object: the fields to change (JSON Merge Patch)."))
			.replaceWithSchema(ObjectNode.class, new ObjectSchema());
	}

	private ApiDescriptions() {
	}

	/**
	 * A group describing the operations whose path starts with {@code base}: its info,
	 * then what {@code describe} adds, then the steps every group shares.
	 * @param name the group's name, as in {@code /v3/api-docs/<name>}
	 * @param displayName the name Swagger UI shows
	 * @param base the API's base path, such as {@code /{provet_id}/api/0.1}
	 * @param info the title, version and description
	 * @param describe adds what is particular to this API (schemas, summaries, errors)
	 * @return the group
	 */
	public static GroupedOpenApi group(String name, String displayName, String base, Info info,
			OpenApiCustomizer describe) {
		return group(name, displayName, base, List.of(base.replaceAll("\\{[^/]+}", "*") + "/**"), info, describe);
	}

	/**
	 * A group describing an API at the server's root, whose path patterns are named one
	 * by one (its first path segment is its tag).
	 * @param name the group's name, as in {@code /v3/api-docs/<name>}
	 * @param displayName the name Swagger UI shows
	 * @param paths the API's path patterns, such as {@code /invoice/**}
	 * @param info the title, version and description
	 * @param describe adds what is particular to this API (schemas, summaries, errors)
	 * @return the group
	 */
	public static GroupedOpenApi rootGroup(String name, String displayName, List<String> paths, Info info,
			OpenApiCustomizer describe) {
		return group(name, displayName, "", paths, info, describe);
	}

	/**
	 * A group like {@link #group(String, String, String, Info, OpenApiCustomizer)} for an
	 * API whose field names are not snake_case (the Connect API's are PascalCase): its
	 * schemas keep the names they are given.
	 * @param name the group's name, as in {@code /v3/api-docs/<name>}
	 * @param displayName the name Swagger UI shows
	 * @param base the API's base path, such as {@code /connect}
	 * @param info the title, version and description
	 * @param describe adds what is particular to this API (schemas, summaries, errors)
	 * @return the group
	 */
	public static GroupedOpenApi groupKeepingFieldNames(String name, String displayName, String base, Info info,
			OpenApiCustomizer describe) {
		return group(name, displayName, base, List.of(base + "/**"), info, describe, false);
	}

	private static GroupedOpenApi group(String name, String displayName, String base, List<String> paths, Info info,
			OpenApiCustomizer describe) {
		return group(name, displayName, base, paths, info, describe, true);
	}

	private static GroupedOpenApi group(String name, String displayName, String base, List<String> paths, Info info,
			OpenApiCustomizer describe, boolean snakeCaseSchemas) {
		return GroupedOpenApi.builder()
			.group(name)
			.displayName(displayName)
			.pathsToMatch(paths.toArray(String[]::new))
			.addOperationCustomizer(ApiDescriptions::permission)
			.addOpenApiCustomizer((openApi) -> openApi.info(info))
			.addOpenApiCustomizer(describe)
			.addOpenApiCustomizer((openApi) -> DescriptionTidying.tidy(openApi, base, snakeCaseSchemas))
			.build();
	}

	/**
	 * Adds the security schemes of the tenant APIs, any one of which authenticates a
	 * request: OAuth2 (client credentials, password), a bearer token, and the legacy
	 * {@code Token} key.
	 * @param openApi the description
	 */
	public static void tenantSecurity(OpenAPI openApi) {
		OAuthFlow flow = new OAuthFlow().tokenUrl(TOKEN_URL)
			.scopes(new Scopes()
				.addString(SCOPE, "the REST API with every permission of the client or user (the default)")
				.addString("read", "reading only (bounded by the client's or user's permissions)")
				.addString("billing", "billing and payments only (bounded by the client's or user's permissions)")
				.addString("settings", "settings only (bounded by the client's or user's permissions)"));
		components(openApi).addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("OAuth2 with the organization's own token endpoint, `" + TOKEN_URL
					+ "` (replace `{provet_id}` with the organization's id): the `client_credentials` grant for "
					+ "integrations (client id and secret by HTTP Basic or in the form body) and the `password` "
					+ "grant for users. Tokens are signed JWTs valid for 10 hours (`expires_in: 36000`), without "
					+ "refresh token; a scope other than `restapi` bounds what the token may do. In Swagger UI, get a token from the authentication group's token endpoint "
					+ "and paste it as `bearer`.")
			.flows(new OAuthFlows().clientCredentials(flow).password(flow)))
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("`Authorization: Bearer <access_token>` with a token from `" + TOKEN_URL + "`."))
			.addSecuritySchemes(LEGACY_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("Authorization")
						.description("The legacy API token scheme for older clients: send the header value "
								+ "`Token <key>` (the word `Token`, a space, then the key). Keys are created at "
								+ "`/{provet_id}/vetbill/v1/api-tokens`."));
		openApi.setSecurity(List.of(new SecurityRequirement().addList(OAUTH2, SCOPE),
				new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(LEGACY_TOKEN)));
	}

	/**
	 * The optional {@code Idempotency-Key} header of a POST.
	 * @return the parameter
	 */
	public static Parameter idempotencyKey() {
		return new HeaderParameter().name(IDEMPOTENCY_KEY)
			.required(false)
			.schema(new StringSchema().minLength(1).maxLength(255))
			.description("Makes the request safe to retry: a retry with the same key, method, path and body "
					+ "answers the first answer again (with `Idempotent-Replayed: true`) and moves no money twice; "
					+ "the same key with another request is a 422. Keys belong to the API client or user. Only "
					+ "successful answers are kept. A concurrent request with the same key waits for the first "
					+ "(rarely a 409: retry it).");
	}

	/**
	 * Calls the visitor for every operation of the description, path by path.
	 * @param openApi the description
	 * @param visitor the visitor
	 */
	public static void operations(OpenAPI openApi, OperationVisitor visitor) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> visitor.visit(path, method, operation)));
	}

	/**
	 * The permission an operation needs, if any.
	 * @param operation the operation
	 * @return {@code read}, {@code billing}, {@code settings} or null
	 */
	public static @Nullable String permission(Operation operation) {
		Map<String, Object> extensions = operation.getExtensions();
		Object permission = (extensions != null) ? extensions.get(PERMISSION) : null;
		return (permission != null) ? permission.toString() : null;
	}

	/**
	 * Adds a response unless the operation already documents that status.
	 * @param operation the operation
	 * @param status the status code
	 * @param response the response
	 */
	public static void respond(Operation operation, int status, ApiResponse response) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		operation.getResponses().putIfAbsent(String.valueOf(status), response);
	}

	/**
	 * A response with a JSON body given by a schema reference.
	 * @param description what it means
	 * @param mediaType the body's media type
	 * @param schema the component schema's name
	 * @return the response
	 */
	public static ApiResponse response(String description, String mediaType, String schema) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(mediaType, new MediaType().schema(ref(schema))));
	}

	/**
	 * The 401 answer's {@code WWW-Authenticate: Bearer} header.
	 * @return the header
	 */
	public static Header wwwAuthenticate() {
		return new Header()
			.description("`Bearer`, with `error=\"invalid_token\"` when a token was sent but is "
					+ "not valid (expired, wrong signature, revoked key)")
			.schema(new StringSchema());
	}

	/**
	 * A reference to a component schema.
	 * @param name the schema's name
	 * @return the reference
	 */
	public static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	/**
	 * The components of the description, created when missing.
	 * @param openApi the description
	 * @return its components
	 */
	public static io.swagger.v3.oas.models.Components components(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new io.swagger.v3.oas.models.Components());
		}
		return openApi.getComponents();
	}

	static io.swagger.v3.oas.models.Operation permission(Operation operation, HandlerMethod handler) {
		String permission = requiredPermission(handler);
		if (permission != null) {
			operation.addExtension(PERMISSION, permission);
		}
		return operation;
	}

	private static @Nullable String requiredPermission(HandlerMethod handler) {
		for (AnnotatedElement element : List.<AnnotatedElement>of(handler.getMethod(), handler.getBeanType())) {
			if (AnnotatedElementUtils.hasAnnotation(element, SettingsAccess.class)) {
				return "settings";
			}
			if (AnnotatedElementUtils.hasAnnotation(element, BillingAccess.class)) {
				return "billing";
			}
			if (AnnotatedElementUtils.hasAnnotation(element, ReadAccess.class)) {
				return "read";
			}
		}
		return null;
	}

	/**
	 * Visits one operation of a description.
	 */
	@FunctionalInterface
	public interface OperationVisitor {

		/**
		 * @param path the path template, such as {@code /{provet_id}/api/0.1/invoice/}
		 * @param method the HTTP method
		 * @param operation the operation
		 */
		void visit(String path, PathItem.HttpMethod method, Operation operation);

	}

}
