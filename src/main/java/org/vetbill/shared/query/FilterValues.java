package org.vetbill.shared.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vetbill.shared.error.InvalidInput;

/**
 * Reads filter values as integrators write them. Date-times come in every form seen in
 * the wild: {@code 2024-03-20T00:00:00}, {@code 2017-12-24 15:30+00:00}, {@code Z} or an
 * offset, a bare date; a value without offset is in the organization's time zone, and an
 * offset whose {@code +} arrived as a space (not URL-encoded) is read as {@code +}.
 */
public final class FilterValues {

	private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.appendLiteral('T')
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart()
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	/** A time followed by a space where an offset's unencoded {@code +} was. */
	private static final Pattern SPACE_OFFSET = Pattern
		.compile("(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}(?::?\\d{2})?)$");

	/** The first moment a filter may name: the databases store years 1 to 9999. */
	private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

	/** The last moment a filter may name. */
	private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private FilterValues() {
	}

	/**
	 * Whether a date lies in the years every database stores (1 to 9999); beyond them a
	 * filter is refused naming its parameter, before any query is made.
	 * @param date the date
	 * @return whether it may be compared in a query
	 */
	public static boolean storable(LocalDate date) {
		return date.getYear() >= 1 && date.getYear() <= 9999;
	}

	/**
	 * Whether a point in time lies in the years every database stores, in UTC.
	 * @param instant the point in time
	 * @return whether it may be compared in a query
	 */
	public static boolean storable(Instant instant) {
		return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
	}

	public static long id(Criterion criterion, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(criterion, value, "filter_not_id");
		}
	}

	public static long integer(Criterion criterion, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(criterion, value, "filter_not_integer");
		}
	}

	public static BigDecimal decimal(Criterion criterion, String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(criterion, value, "filter_not_number");
		}
	}

	public static boolean bool(Criterion criterion, String value) {
		return switch (value) {
			case "true", "True", "1" -> true;
			case "false", "False", "0" -> false;
			default -> throw invalid(criterion, value, "filter_not_boolean");
		};
	}

	/**
	 * A date; a date-time is taken as its date in the organization's time zone.
	 * @param criterion the filter, named in errors
	 * @param value the value
	 * @param zone the organization's time zone
	 * @return the date
	 */
	public static LocalDate date(Criterion criterion, String value, ZoneId zone) {
		LocalDate date;
		if (value.length() == 10) {
			try {
				date = LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw invalid(criterion, value, "filter_not_date");
			}
		}
		else {
			date = dateTime(criterion, value, zone).atZone(zone).toLocalDate();
		}
		if (!storable(date)) {
			throw invalid(criterion, value, "filter_date_out_of_range");
		}
		return date;
	}

	/**
	 * A point in time; a bare date is its first moment in the organization's time zone.
	 * @param criterion the filter, named in errors
	 * @param value the value
	 * @param zone the organization's time zone
	 * @return the instant
	 */
	public static Instant dateTime(Criterion criterion, String value, ZoneId zone) {
		Instant instant = parseDateTime(criterion, value, zone);
		if (!storable(instant)) {
			throw invalid(criterion, value, "filter_date_out_of_range");
		}
		return instant;
	}

	private static Instant parseDateTime(Criterion criterion, String value, ZoneId zone) {
		String text = value.trim();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(zone).toInstant();
			}
			if (text.length() > 10 && text.charAt(10) == ' ') {
				text = text.substring(0, 10) + "T" + text.substring(11);
			}
			Matcher spaceOffset = SPACE_OFFSET.matcher(text);
			if (spaceOffset.find()) {
				text = text.substring(0, spaceOffset.start()) + spaceOffset.group(1) + "+" + spaceOffset.group(2);
			}
			var parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
			if (parsed instanceof OffsetDateTime offset) {
				return offset.toInstant();
			}
			return ((LocalDateTime) parsed).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(criterion, value, "filter_not_date_time");
		}
	}

	private static InvalidInput invalid(Criterion criterion, String value, String code) {
		return InvalidInput.written(criterion.parameter(), code, "value", value);
	}

}
