package org.vetbill.api.cloud;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.Permission;
import org.vetbill.shared.access.SettingsAccess;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * OPTIONS on any Cloud API endpoint, answered with Django REST framework's metadata:
 * {@code name} ({@code "Invoice List"}, {@code "Invoice Instance"}), {@code description},
 * {@code renders}, {@code parses}, and {@code actions}: for a list that takes a POST and
 * a detail that takes a PUT, when the caller may make it, each field of the body with its
 * {@code type}, {@code required}, {@code read_only}, {@code label} and
 * {@code max_length}. The fields come from the same schemas as the OpenAPI document
 * ({@link CloudApiDocs#definitions()}): the answer's schema gives every field, the
 * request's schema which of them are writable and required. The methods come from the
 * endpoints themselves, as the {@code Allow} header lists them.
 */
@Component
class CloudOptions implements HandlerInterceptor, WebMvcConfigurer {

	private static final String BASE = CloudApi.BASE;

	private static final List<String> ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private final RequestMappingHandlerMapping mappings;

	private final JsonMapper json;

	@SuppressWarnings("rawtypes")
	private final Map<String, Schema> schemas = CloudApiDocs.definitions();

	CloudOptions(@Lazy @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
			JsonMapper json) {
		this.mappings = mappings;
		this.json = json;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(BASE.replace("{provet_id}", "*") + "/**");
	}

	/**
	 * Answers an OPTIONS request itself (an interceptor rather than a handler, so that a
	 * catch-all OPTIONS mapping does not turn other methods on unknown paths into 405s).
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!"OPTIONS".equals(request.getMethod())
				|| request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
			// a CORS pre-flight request is CORS's
			return true;
		}
		ResponseEntity<Object> answer = mayRead() ? options(request) : ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("detail", "You do not have permission to perform this action."));
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(answer.getBody()));
		return false;
	}

	ResponseEntity<Object> options(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		Map<String, HandlerMethod> handlers = new LinkedHashMap<>();
		String template = null;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			if (info.getPathPatternsCondition() == null) {
				continue;
			}
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				if (!pattern.getPatternString().startsWith(BASE) || !pattern.matches(path)) {
					continue;
				}
				template = pattern.getPatternString();
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					handlers.putIfAbsent(method.name(), entry.getValue());
				}
			}
		}
		if (template == null || !handlers.containsKey("GET")) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("detail", "Not found."));
		}
		String relative = template.substring(template.indexOf("/api/0.1") + "/api/0.1".length());
		boolean detail = relative.endsWith("/{id}/");
		String resource = relative.replaceAll("^/|/$", "").replaceAll("/\\{id}$", "");
		CloudApiDocs.Doc doc = CloudApiDocs.doc(resource);
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("name", title(resource, doc) + (detail ? " Instance" : " List"));
		body.put("description", (doc != null) ? doc.description() : "");
		body.put("renders", List.of("application/json"));
		body.put("parses", List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data"));
		Map<String, Object> actions = new LinkedHashMap<>();
		String write = detail ? "PUT" : "POST";
		HandlerMethod writer = handlers.get(write);
		if (writer != null && permitted(writer)) {
			actions.put(write, fields(write + " " + relative, doc));
		}
		if (!actions.isEmpty()) {
			body.put("actions", actions);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.ALLOW, String.join(", ", allowed(handlers.keySet())))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	/**
	 * The fields of a write's body: every field of its answer, then those only the
	 * request has; writable and required as the request's schema says.
	 */
	@SuppressWarnings("rawtypes")
	private Map<String, Object> fields(String operation, CloudApiDocs.@Nullable Doc doc) {
		CloudApiDocs.Body described = CloudApiDocs.body(operation);
		Schema answer = this.schemas.get((described != null) ? described.answer() : (doc != null) ? doc.schema() : "");
		Schema request = (described != null && described.request() != null) ? this.schemas.get(described.request())
				: null;
		Map<String, Schema> read = properties(answer);
		Map<String, Schema> written = properties(request);
		Set<String> names = new LinkedHashSet<>(read.keySet());
		names.addAll(written.keySet());
		List<?> required = (request != null && request.getRequired() != null) ? request.getRequired() : List.of();
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : names) {
			boolean writable = written.containsKey(name);
			Schema schema = java.util.Objects.requireNonNull(writable ? written.get(name) : read.get(name), name);
			Map<String, Object> field = new LinkedHashMap<>();
			field.put("type", type(schema));
			field.put("required", writable && required.contains(name));
			field.put("read_only", !writable);
			field.put("label", label(name));
			if (schema.getMaxLength() != null) {
				field.put("max_length", schema.getMaxLength());
			}
			if (writable && schema.getEnum() != null) {
				List<Map<String, Object>> choices = new ArrayList<>();
				for (Object value : schema.getEnum()) {
					Map<String, Object> choice = new LinkedHashMap<>();
					choice.put("value", value);
					choice.put("display_name", String.valueOf(value));
					choices.add(choice);
				}
				field.put("choices", choices);
			}
			fields.put(name, field);
		}
		return fields;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Map<String, Schema> properties(@Nullable Schema schema) {
		return (schema != null && schema.getProperties() != null) ? schema.getProperties() : Map.of();
	}

	/** The type Django REST framework's metadata gives a field of this schema. */
	@SuppressWarnings("rawtypes")
	private static String type(Schema schema) {
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return "choice";
		}
		if (schema instanceof IntegerSchema) {
			return "integer";
		}
		if (schema instanceof NumberSchema) {
			return "decimal";
		}
		if (schema instanceof BooleanSchema) {
			return "boolean";
		}
		if (schema instanceof DateTimeSchema) {
			return "datetime";
		}
		if (schema instanceof DateSchema) {
			return "date";
		}
		if (schema instanceof ArraySchema array) {
			return (array.getItems() != null && "uri".equals(array.getItems().getFormat())) ? "field" : "list";
		}
		if ("uri".equals(schema.getFormat())
				|| (schema.getExtensions() != null && schema.getExtensions().containsKey(CloudApiDocs.RELATION))) {
			return "field";
		}
		if ("object".equals(schema.getType()) || schema.get$ref() != null) {
			return "nested object";
		}
		return "string";
	}

	/**
	 * A field's label as Django writes it by default: {@code invoice_date} is "Invoice
	 * date".
	 */
	private static String label(String name) {
		String words = name.replace('_', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	/**
	 * The name of a resource's views, as Django REST framework derives it from the view's
	 * class: {@code InvoiceRow} is "Invoice Row".
	 */
	private static String title(String resource, CloudApiDocs.@Nullable Doc doc) {
		String schema = (doc != null && !doc.schema().equals("CloudObject")) ? doc.schema() : null;
		if (schema == null) {
			String last = resource.substring(resource.lastIndexOf('/') + 1);
			return last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1);
		}
		return schema.replaceAll("([a-z])([A-Z])", "$1 $2");
	}

	/** The methods in the order Django REST framework lists them. */
	static List<String> allowed(Set<String> methods) {
		List<String> allowed = new ArrayList<>();
		for (String method : ORDER) {
			if (methods.contains(method)) {
				allowed.add(method);
			}
		}
		if (methods.contains("GET")) {
			allowed.add("HEAD");
		}
		allowed.add("OPTIONS");
		return allowed;
	}

	private static boolean mayRead() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String authority = Permission.READ.authority();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((held) -> authority.equals(held.getAuthority()));
	}

	/** Whether the caller holds the permission a handler asks for. */
	private static boolean permitted(HandlerMethod handler) {
		Permission needed = needed(handler, BillingAccess.class, Permission.BILLING);
		if (needed == null) {
			needed = needed(handler, SettingsAccess.class, Permission.SETTINGS);
		}
		if (needed == null) {
			needed = Permission.READ;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String authority = needed.authority();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((held) -> authority.equals(held.getAuthority()));
	}

	private static @Nullable Permission needed(HandlerMethod handler,
			Class<? extends java.lang.annotation.Annotation> annotation, Permission permission) {
		return (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), annotation)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), annotation)) ? permission : null;
	}

}
