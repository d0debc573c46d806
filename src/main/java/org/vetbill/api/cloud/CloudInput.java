package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.shared.query.Operator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of a Cloud API request body as Django REST framework does: relations
 * as hyperlinks (or bare ids), amounts as numbers or decimal strings, date-times in the
 * forms integrators send. Every problem is collected, and {@link #check()} answers them
 * all at once as a 400 naming each field with DRF's messages.
 */
final class CloudInput {

	private static final String REQUIRED = "This field is required.";

	private static final String DATE_FORMAT = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

	/**
	 * The most digits an amount has before its decimal point: the columns keep 19 digits,
	 * 4 of them decimals, so 10^15 is far beyond any sum a clinic handles.
	 */
	static final int MAX_WHOLE_DIGITS = 15;

	private static final Pattern HYPERLINK = Pattern
		.compile("^(?:https?://[^/]+)?/([^/]+)/api/0\\.1/([a-z_/]+)/(\\d+)/?$");

	private final ObjectNode body;

	private final ZoneId zone;

	private final String provetId;

	private final List<FieldError> problems = new ArrayList<>();

	/**
	 * @param body the request body
	 * @param zone the organization's time zone, for date-times without offset
	 * @param provetId the organization's id in URLs: a link to another tenant is refused
	 */
	CloudInput(ObjectNode body, ZoneId zone, String provetId) {
		this.body = body;
		this.zone = zone;
		this.provetId = provetId;
	}

	/**
	 * A relation given as a hyperlink to an object of a resource, or as its id.
	 * @param name the field
	 * @param resource the resource the link must point to
	 * @param required whether the field must be given
	 * @return the id, or null when absent or wrong
	 */
	@Nullable Long relation(String name, String resource, boolean required) {
		return relation(name, this.body.get(name), resource, required);
	}

	@Nullable Long relation(String name, @Nullable JsonNode value, String resource, boolean required) {
		if (value == null || absent(value)) {
			return missing(name, required);
		}
		if (value.isIntegralNumber()) {
			return value.canConvertToLong() ? Long.valueOf(value.asLong())
					: problem(name, noSuchObject(resource, value.asString()));
		}
		String text = value.isString() ? value.asString().trim() : null;
		if (text != null && text.matches("\\d+")) {
			return (text.length() <= 18) ? Long.valueOf(text) : problem(name, noSuchObject(resource, text));
		}
		Matcher link = (text != null) ? HYPERLINK.matcher(text) : null;
		if (link == null || !link.matches()) {
			return problem(name, "Invalid hyperlink - No URL match.");
		}
		if (!link.group(1).equals(this.provetId) || !link.group(2).equals(resource)) {
			return problem(name, "Invalid hyperlink - Incorrect URL match.");
		}
		String id = link.group(3);
		return (id.length() <= 18) ? Long.valueOf(id) : problem(name, noSuchObject(resource, id));
	}

	@Nullable BigDecimal decimal(String name, boolean required) {
		JsonNode value = this.body.get(name);
		if (value == null || absent(value)) {
			return missing(name, required);
		}
		BigDecimal number = null;
		try {
			if (value.isNumber()) {
				number = value.decimalValue();
			}
			else if (value.isString()) {
				number = new BigDecimal(value.asString().trim());
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// answered below
		}
		if (number == null) {
			return problem(name, "A valid number is required.");
		}
		if (number.precision() - number.scale() > MAX_WHOLE_DIGITS) {
			return problem(name,
					"Ensure that there are no more than " + MAX_WHOLE_DIGITS + " digits before the decimal point.");
		}
		return number;
	}

	private static String noSuchObject(String resource, String id) {
		return "Invalid hyperlink - " + resource + " " + id + " does not exist.";
	}

	@Nullable Integer integer(String name, boolean required) {
		JsonNode value = this.body.get(name);
		if (value == null || absent(value)) {
			return missing(name, required);
		}
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			return value.asInt();
		}
		if (value.isString() && value.asString().trim().matches("-?\\d{1,9}")) {
			return Integer.parseInt(value.asString().trim());
		}
		return problem(name, "A valid integer is required.");
	}

	@Nullable Instant dateTime(String name, boolean required) {
		JsonNode value = this.body.get(name);
		if (value == null || absent(value)) {
			return missing(name, required);
		}
		if (!value.isString()) {
			return problem(name, dateTimeFormat());
		}
		try {
			return FilterValues.dateTime(Criterion.of(name, name, Operator.IS, value.asString()), value.asString(),
					this.zone);
		}
		catch (InvalidInput ex) {
			return problem(name, dateTimeFormat());
		}
	}

	/**
	 * A date, {@code YYYY-MM-DD}, as DRF's DateField reads it.
	 */
	@Nullable LocalDate date(String name, boolean required) {
		JsonNode value = this.body.get(name);
		if (value == null || absent(value)) {
			return missing(name, required);
		}
		try {
			return value.isString() ? LocalDate.parse(value.asString().trim()) : problem(name, DATE_FORMAT);
		}
		catch (DateTimeParseException ex) {
			return problem(name, DATE_FORMAT);
		}
	}

	@Nullable String text(String name, boolean required, int maxLength) {
		JsonNode value = this.body.get(name);
		if (value == null || absent(value)) {
			return missing(name, required);
		}
		if (!value.isString() && !value.isNumber()) {
			return problem(name, "Not a valid string.");
		}
		String text = value.asString();
		if (text.isBlank()) {
			return required ? problem(name, "This field may not be blank.") : null;
		}
		if (text.length() > maxLength) {
			return problem(name, "Ensure this field has no more than " + maxLength + " characters.");
		}
		return text;
	}

	boolean bool(String name, boolean otherwise) {
		JsonNode value = this.body.get(name);
		if (value == null || absent(value)) {
			return otherwise;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		String text = value.isString() ? value.asString().trim().toLowerCase(java.util.Locale.ROOT) : "";
		return switch (text) {
			case "true", "1", "yes", "on" -> true;
			case "false", "0", "no", "off" -> false;
			default -> {
				problem(name, "Must be a valid boolean.");
				yield otherwise;
			}
		};
	}

	/**
	 * Whether the body gives a field at all (null included), as a partial update asks.
	 * @param name the field
	 * @return whether it is given
	 */
	boolean given(String name) {
		return this.body.has(name);
	}

	/**
	 * A date written {@code YYYY-MM-DD}.
	 * @param name the field
	 * @param required whether the field must be given
	 * @return the date, or null when absent or wrong
	 */
	@Nullable JsonNode node(String name) {
		return this.body.get(name);
	}

	void problem(FieldError error) {
		this.problems.add(error);
	}

	/**
	 * Refuses the request if any field was wrong.
	 * @throws InvalidInput naming every wrong field
	 */
	void check() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInput(this.problems);
		}
	}

	private <T> @Nullable T missing(String name, boolean required) {
		return required ? problem(name, REQUIRED) : null;
	}

	private <T> @Nullable T problem(String name, String message) {
		this.problems.add(FieldError.worded(name, message));
		return null;
	}

	private static boolean absent(@Nullable JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode();
	}

	private static String dateTimeFormat() {
		return "Datetime has wrong format. Use one of these formats instead: "
				+ "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
	}

}
