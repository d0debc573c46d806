package org.vetbill.shared.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.BusinessError;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;

import org.springframework.http.HttpStatus;

/**
 * How an API words the core's errors: message templates by error key, looked up in the
 * API's own catalog first and then in the default one, with {@code {fact}} placeholders
 * filled from the error's facts (a rule's {@code {field}} is the API's name of the input
 * it is about); and the API's names of the core's inputs (snake_case of the input's path
 * unless the API renamed it).
 */
public final class ErrorWording {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

	private final List<Map<String, String>> catalogs;

	private final UnaryOperator<String> fields;

	ErrorWording(List<Map<String, String>> catalogs, UnaryOperator<String> fields) {
		this.catalogs = List.copyOf(catalogs);
		this.fields = fields;
	}

	/**
	 * The words of an error key with its facts: the first catalog's template for the key,
	 * else for its code alone (a key is {@code code} or {@code code.variant}).
	 * @param key the error key
	 * @param facts the facts
	 * @return the message
	 */
	public String words(String key, Map<String, @Nullable Object> facts) {
		String template = template(key);
		if (template == null) {
			int dot = key.indexOf('.');
			template = (dot > 0) ? template(key.substring(0, dot)) : null;
		}
		if (template == null) {
			return key + ((facts.isEmpty()) ? "" : " " + facts);
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = facts.containsKey(name) ? format(facts.get(name)) : matcher.group();
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * The API's name of an input.
	 * @param field the input as the core names it
	 * @return the API's name
	 */
	public String field(String field) {
		return this.fields.apply(field);
	}

	/**
	 * Whether any catalog has a template for a key.
	 * @param key the key
	 * @return true when it is worded
	 */
	public boolean hasWords(String key) {
		return template(key) != null;
	}

	/**
	 * An error as the API answers it, worded.
	 * @param error the core's error
	 * @return the error answer: status, code and words
	 */
	public ApiError apiError(BusinessError error) {
		return switch (error) {
			case InvalidInput invalid -> ApiError.invalid(invalid.errors().stream().map(this::problem).toList());
			case RuleViolation rule -> {
				String field = (rule.field() != null) ? field(rule.field()) : null;
				yield new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, rule.code(),
						words(rule.key(), (field != null) ? Facts.with(rule.facts(), "field", field) : rule.facts()),
						field, List.of());
			}
			case NotFound notFound ->
				ApiError.of(HttpStatus.NOT_FOUND, notFound.code(), words(notFound.key(), notFound.facts()));
			case Conflict conflict ->
				ApiError.of(HttpStatus.CONFLICT, conflict.code(), words(conflict.key(), conflict.facts()));
		};
	}

	/**
	 * One field's error as the API answers it.
	 * @param error the error
	 * @return the field, message and type
	 */
	public ApiError.FieldProblem problem(FieldError error) {
		if (error.isWorded()) {
			Object type = error.facts().get(FieldError.TYPE);
			return new ApiError.FieldProblem(error.field(), String.valueOf(error.facts().get(FieldError.MESSAGE)),
					(type != null) ? type.toString() : null);
		}
		return new ApiError.FieldProblem(error.asWritten() ? error.field() : field(error.field()),
				words(error.code(), error.facts()), null);
	}

	private @Nullable String template(String key) {
		for (Map<String, String> catalog : this.catalogs) {
			String template = catalog.get(key);
			if (template != null) {
				return template;
			}
		}
		return null;
	}

	private static String format(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(ErrorWording::format).collect(Collectors.joining(", "));
		}
		return value.toString();
	}

}
