package org.vetbill.api.clinic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.shared.error.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes the Clinic API's values as a FastAPI (pydantic) service does: UUIDs,
 * statuses by name, decimals given as numbers or numeric strings, and date-times in ISO
 * 8601 written like Python's {@code isoformat()} (seconds always, microseconds when not
 * zero). A value that cannot be read adds a problem for its field and reads as null.
 */
final class ClinicValues {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private ClinicValues() {
	}

	/**
	 * A date as the client wrote it, and the instant behind it when a time was given.
	 *
	 * @param date the date as written
	 * @param instant the instant, or null for a date without time
	 */
	record DateAndTime(LocalDate date, @Nullable Instant instant) {
	}

	static @Nullable Integer integer(@Nullable String text, String field, int absent, int min, int max,
			List<FieldError> problems) {
		if (text == null || text.isBlank()) {
			return absent;
		}
		try {
			int value = Integer.parseInt(text.trim());
			if (value < min || value > max) {
				problems.add(FieldError.worded(field, "Input should be between " + min + " and " + max));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems
				.add(FieldError.worded(field, "Input should be a valid integer, unable to parse string as an integer"));
			return null;
		}
	}

	static @Nullable UUID uuid(@Nullable String text, String field, List<FieldError> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldError.worded(field, "Input should be a valid UUID, not '" + text + "'"));
			return null;
		}
	}

	static @Nullable InvoiceState state(@Nullable String text, String field, List<FieldError> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (InvoiceState state : InvoiceState.values()) {
			if (state.name().equals(text.trim())) {
				return state;
			}
		}
		problems.add(FieldError.worded(field,
				"Input should be 'DRAFT', 'ISSUED', 'PARTIALY_PAID', 'PAID', 'VOID' or " + "'WRITTEN_OFF'"));
		return null;
	}

	static @Nullable UUID uuid(JsonNode node, String field, List<FieldError> problems) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (!node.isString()) {
			problems.add(FieldError.worded(field, "Input should be a valid UUID string"));
			return null;
		}
		return uuid(node.asString(), field, problems);
	}

	static @Nullable BigDecimal decimal(JsonNode node, String field, List<FieldError> problems) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		try {
			if (node.isNumber()) {
				return node.decimalValue();
			}
			if (node.isString()) {
				return new BigDecimal(node.asString().trim());
			}
		}
		catch (NumberFormatException | ArithmeticException | JacksonException ex) {
			// beyond what can be read (1e2147483648): reported below
		}
		problems.add(FieldError.worded(field, "Input should be a valid decimal"));
		return null;
	}

	static @Nullable String text(JsonNode node, String field, List<FieldError> problems) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (!node.isString()) {
			problems.add(FieldError.worded(field, "Input should be a valid string"));
			return null;
		}
		return node.asString();
	}

	/**
	 * A date-time ({@code 2026-06-01T05:53:48.451968}, with or without an offset) or a
	 * date. Without an offset the time is the organization's local time.
	 */
	static @Nullable DateAndTime dateTime(JsonNode node, String field, ZoneId zone, List<FieldError> problems) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		String text = node.isString() ? node.asString().trim() : "";
		try {
			if (text.length() == 10) {
				return new DateAndTime(LocalDate.parse(text), null);
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
				OffsetDateTime time = OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"));
				return new DateAndTime(time.toLocalDate(), time.toInstant());
			}
			LocalDateTime local = LocalDateTime.parse(text);
			return new DateAndTime(local.toLocalDate(), local.atZone(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldError.worded(field,
					"Input should be a valid datetime, such as 2026-06-01T05:53:48 or 2019-08-24T14:15:22Z"));
			return null;
		}
	}

	/**
	 * A local date-time as Python writes it: {@code 2026-06-01T05:53:48.451968}.
	 */
	static String local(LocalDateTime time) {
		String text = SECONDS.format(time);
		int micros = time.getNano() / 1000;
		return (micros == 0) ? text : text + "." + String.format("%06d", micros);
	}

	/**
	 * An instant in UTC as pydantic writes it: {@code 2019-08-24T14:15:22Z}.
	 */
	static String utc(Instant instant) {
		return local(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
	}

}
