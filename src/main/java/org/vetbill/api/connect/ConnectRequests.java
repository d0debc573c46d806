package org.vetbill.api.connect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.supply.SupplierInvoices.InvoiceFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;

/**
 * Reads a Connect request: the format it accepts, its headers and its parameters. Query
 * parameter names are matched ignoring case, as ASP.NET Web API binds them
 * ({@code updatedafter} is {@code UpdatedAfter}).
 */
final class ConnectRequests {

	/** An offset whose {@code +} arrived as a space: {@code 06:00:00 10:00}. */
	private static final Pattern UNENCODED_PLUS = Pattern.compile(".*T.* \\d{2}(:?\\d{2})?$");

	private ConnectRequests() {
	}

	/**
	 * The format the request asks for.
	 * @param request the request
	 * @return the format
	 * @throws ConnectRefusal 406 when it accepts none of JSON and XML
	 * @throws InvalidInput when the {@code Accept} header cannot be read
	 */
	static ConnectFormat format(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		ConnectFormat format;
		try {
			format = ConnectFormat.negotiate(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw InvalidInput.worded(HttpHeaders.ACCEPT, "'" + accept + "' is not a list of media types");
		}
		if (format == null) {
			throw new ConnectRefusal(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "The Connect API answers in "
					+ "application/json, application/xml or text/xml, none of which Accept allows: '" + accept + "'.");
		}
		return format;
	}

	/**
	 * The request's Connect headers, each required one checked.
	 * @param request the request
	 * @return the headers
	 * @throws InvalidInput naming every required header that is missing or blank, or an
	 * {@code Api-Version} other than 1
	 */
	static ConnectHeaders headers(HttpServletRequest request) {
		List<FieldError> missing = new ArrayList<>();
		for (String name : ConnectApi.REQUIRED_HEADERS) {
			String value = request.getHeader(name);
			if (value == null || value.isBlank()) {
				missing.add(FieldError.worded(name, "header is required"));
			}
		}
		if (!missing.isEmpty()) {
			throw new InvalidInput(missing);
		}
		String version = header(request, ConnectApi.API_VERSION);
		if (!version.equals(String.valueOf(ConnectApi.VERSION))) {
			throw InvalidInput.worded(ConnectApi.API_VERSION,
					"'" + version + "' is not a supported version; the supported version is " + ConnectApi.VERSION);
		}
		String accountCode = request.getHeader(ConnectApi.ACCOUNT_CODE);
		return new ConnectHeaders(header(request, ConnectApi.CLIENT), header(request, ConnectApi.CLIENT_AUTH),
				header(request, ConnectApi.USER_AUTH), header(request, ConnectApi.PRACTICE),
				header(request, ConnectApi.USER),
				(accountCode == null || accountCode.isBlank()) ? null : accountCode.trim());
	}

	private static String header(HttpServletRequest request, String name) {
		String value = request.getHeader(name);
		return (value != null) ? value.trim() : "";
	}

	/**
	 * The list's filters: {@code DateFrom} and {@code DateTo} (inclusive, on the invoice
	 * date) and {@code UpdatedAfter}.
	 * @param request the request
	 * @return the filter
	 * @throws InvalidInput naming each parameter that cannot be read, or dates the wrong
	 * way round
	 */
	static InvoiceFilter filter(HttpServletRequest request) {
		List<FieldError> problems = new ArrayList<>();
		LocalDate from = date(parameter(request, ConnectApi.DATE_FROM), ConnectApi.DATE_FROM, problems);
		LocalDate to = date(parameter(request, ConnectApi.DATE_TO), ConnectApi.DATE_TO, problems);
		Instant updatedAfter = updatedAfter(parameter(request, ConnectApi.UPDATED_AFTER), problems);
		if (from != null && to != null && from.isAfter(to)) {
			problems.add(FieldError.worded(ConnectApi.DATE_FROM,
					"'" + from + "' is after " + ConnectApi.DATE_TO + " '" + to + "'"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new InvoiceFilter(from, to, updatedAfter, null);
	}

	/**
	 * The invoice number of the path.
	 * @param value the path segment
	 * @return the number
	 * @throws InvalidInput when it is not a positive whole number
	 */
	static long invoiceNumber(String value) {
		try {
			long number = Long.parseLong(value.trim());
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw InvalidInput.worded(ConnectApi.INVOICE_NUMBER, "'" + value + "' is not a positive whole number");
	}

	private static @Nullable String parameter(HttpServletRequest request, String name) {
		for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().length > 0) {
				String value = entry.getValue()[0].strip();
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	private static @Nullable LocalDate date(@Nullable String value, String name, List<FieldError> problems) {
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (FilterValues.storable(date)) {
				return date;
			}
			problems.add(FieldError.worded(name, "'" + value + "' lies outside the years 1 to 9999"));
			return null;
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldError.worded(name, "'" + value + "' is not a date (yyyy-MM-dd, such as 2015-07-17)"));
			return null;
		}
	}

	/**
	 * {@code UpdatedAfter}: an ISO 8601 date-time with an offset ({@code +10:00} or
	 * {@code Z}); one without an offset is read as UTC, as the document specifies the
	 * parameter in UTC.
	 */
	private static @Nullable Instant updatedAfter(@Nullable String value, List<FieldError> problems) {
		if (value == null) {
			return null;
		}
		if (UNENCODED_PLUS.matcher(value).matches()) {
			problems.add(FieldError.worded(ConnectApi.UPDATED_AFTER,
					"'" + value + "' has a space where its offset's "
							+ "'+' should be: a '+' in a URL reads as a space, so encode it as %2B "
							+ "(UpdatedAfter=2015-07-17T06:00:00%2B10:00)"));
			return null;
		}
		Instant instant = null;
		try {
			instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			// perhaps without an offset
		}
		try {
			if (instant == null) {
				instant = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
			}
			if (FilterValues.storable(instant)) {
				return instant;
			}
			problems
				.add(FieldError.worded(ConnectApi.UPDATED_AFTER, "'" + value + "' lies outside the years 1 to 9999"));
			return null;
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldError.worded(ConnectApi.UPDATED_AFTER, "'" + value + "' is not an ISO 8601 date-time "
					+ "(such as 2015-07-17T06:00:00%2B10:00 or 2015-07-16T20:00:00Z)"));
			return null;
		}
	}

	/**
	 * The Connect headers of a request.
	 *
	 * @param client the practice management system's name and version
	 * @param clientAuth its key
	 * @param userAuth the practice's user token
	 * @param practice the practice's name
	 * @param user the end user's name
	 * @param accountCode the one account asked for, or null for all the practice's
	 */
	record ConnectHeaders(String client, String clientAuth, String userAuth, String practice, String user,
			@Nullable String accountCode) {

	}

}
