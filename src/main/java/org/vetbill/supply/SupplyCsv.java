package org.vetbill.supply;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.web.FieldNames;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.OrderLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

/**
 * The CSV files a supplier imports its orders and invoices from: a header row naming the
 * columns (any case), then one row per line; the columns of the order or invoice itself
 * repeat on each of its rows (or stay empty after the first), rows of one order or
 * invoice are grouped by their order id or invoice number column. Errors name the file
 * line (the header is line 1) and the column, as the client wrote them.
 */
final class SupplyCsv {

	/**
	 * Invoice columns and the input each fills, as the use case names it (its property
	 * path).
	 */
	static final Map<String, String> INVOICE_COLUMNS = columns("InvoiceNumber=invoiceNumber", "OrderId=orderId",
			"PurchaseOrderNumber=purchaseOrderNumber", "AccountCode=accountCode", "Date=date", "Notes=notes",
			"ShippingName=shipping.name", "AddressLine1=shipping.address.addressLine1",
			"AddressLine2=shipping.address.addressLine2", "Suburb=shipping.address.suburb",
			"State=shipping.address.state", "Postcode=shipping.address.postcode", "Country=shipping.address.country",
			"Carrier=shipping.carrier", "TrackingId=shipping.trackingId", "PaymentDue=paymentDue", "Freight=freight",
			"Tax=tax", "Total=total");

	static final Map<String, String> INVOICE_LINE_COLUMNS = columns("ProductCode=productCode",
			"Description=description", "QuantityOrdered=quantityOrdered", "QuantityShipped=quantityShipped",
			"LinePurchaseOrderNumber=purchaseOrderNumber", "Price=price", "ListPrice=listPrice", "RRP=rrp",
			"LineTax=tax", "Batch=batch", "Expiry=expiry", "MiscellaneousItem=miscellaneousItem");

	static final Map<String, String> ORDER_COLUMNS = columns("OrderId=orderId",
			"PurchaseOrderNumber=purchaseOrderNumber", "AccountCode=accountCode");

	static final Map<String, String> ORDER_LINE_COLUMNS = columns("ProductCode=productCode", "Description=description",
			"Quantity=quantity", "Price=price");

	/** The variant of a conflict's code that says where in the file it was met. */
	static final String LOCATED = "located";

	private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)](?:\\.(.+))?");

	/** The field of an error about the file as a whole. */
	private static final String FILE = "file";

	private SupplyCsv() {
	}

	/**
	 * One order or invoice read from the file, with the file lines it came from.
	 *
	 * @param <T> what was read
	 * @param value the order or invoice
	 * @param lines the file line of each of its lines, in order
	 * @param columns the header columns for its own fields
	 * @param lineColumns the header columns for its lines' fields
	 */
	record Read<T>(T value, List<Long> lines, Map<String, String> columns, Map<String, String> lineColumns) {

		/**
		 * An error of the use case, for the file: each input becomes a file line and a
		 * column, as the client wrote them; the code and facts stay.
		 * @param error the use case's error
		 * @return the same errors, located in the file
		 */
		InvalidInput located(InvalidInput error) {
			return new InvalidInput(error.errors().stream().map(this::located).toList());
		}

		private FieldError located(FieldError error) {
			Matcher line = LINE_FIELD.matcher(error.field());
			if (line.matches()) {
				int index = Integer.parseInt(line.group(1));
				long fileLine = this.lines.get(Math.min(index, this.lines.size() - 1));
				String column = (line.group(2) != null) ? column(this.lineColumns, line.group(2))
						: String.join("/", this.lineColumns.keySet().stream().limit(2).toList());
				return error.at(at(fileLine, column));
			}
			return error.at(at(this.lines.get(0), column(this.columns, error.field())));
		}

		/**
		 * The column an input is read from; an input no column fills (which the file
		 * cannot get wrong) keeps the name the default wording gives it.
		 */
		private static String column(Map<String, String> columns, String field) {
			return columns.entrySet()
				.stream()
				.filter((column) -> column.getValue().equals(field))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseGet(() -> FieldNames.snakeCase(field));
		}

	}

	/**
	 * Records what a file holds, one order or invoice at a time, locating the use case's
	 * errors in the file: a field's error at its line and column, a conflict at the line
	 * that starts the order or invoice (the conflict's {@value #LOCATED} variant, with
	 * the fact {@code at}).
	 * @param <T> orders or invoices
	 * @param reads what the file holds
	 * @param keyColumn the column that groups the rows
	 * @param record the use case recording one
	 * @return how many were recorded, with how many lines
	 */
	static <T> CsvImport record(List<Read<T>> reads, String keyColumn, Consumer<T> record) {
		int lines = 0;
		for (Read<T> read : reads) {
			try {
				record.accept(read.value());
			}
			catch (InvalidInput ex) {
				throw read.located(ex);
			}
			catch (Conflict ex) {
				throw new Conflict(ex.code(), (ex.variant() != null) ? ex.variant() + "_" + LOCATED : LOCATED,
						Facts.with(ex.facts(), "at", at(read.lines().get(0), keyColumn)));
			}
			lines += read.lines().size();
		}
		return new CsvImport(reads.size(), lines);
	}

	static List<Read<SupplierInvoiceDetails>> invoices(Reader csv) {
		return read(csv, "InvoiceNumber", INVOICE_COLUMNS, INVOICE_LINE_COLUMNS, (rows) -> {
			Row first = rows.get(0);
			Address address = new Address(first.text("AddressLine1"), first.text("AddressLine2"), first.text("Suburb"),
					first.text("State"), first.text("Postcode"), first.text("Country"));
			Shipping shipping = new Shipping(first.text("ShippingName"), address.blank() ? null : address,
					first.text("Carrier"), first.text("TrackingId"));
			List<InvoiceLineDetails> lines = rows.stream()
				.map((row) -> new InvoiceLineDetails(row.text("ProductCode"), row.text("Description"),
						row.integer("QuantityOrdered", 0), row.integer("QuantityShipped", 0),
						row.text("LinePurchaseOrderNumber"), required(row.decimal("Price")), row.decimal("ListPrice"),
						row.decimal("RRP"), required(row.decimal("LineTax")), row.text("Batch"), row.date("Expiry"),
						row.bool("MiscellaneousItem")))
				.toList();
			return new SupplierInvoiceDetails(first.number("InvoiceNumber"), first.number("OrderId"),
					first.text("PurchaseOrderNumber"), Objects.requireNonNullElse(first.text("AccountCode"), ""),
					required(first.date("Date")), first.text("Notes"), shipping, first.date("PaymentDue"),
					first.decimal("Freight"), first.decimal("Tax"), first.decimal("Total"), lines);
		});
	}

	static List<Read<OrderDetails>> orders(Reader csv) {
		return read(csv, "OrderId", ORDER_COLUMNS, ORDER_LINE_COLUMNS, (rows) -> {
			Row first = rows.get(0);
			return new OrderDetails(first.number("OrderId"),
					Objects.requireNonNullElse(first.text("PurchaseOrderNumber"), ""),
					Objects.requireNonNullElse(first.text("AccountCode"), ""),
					rows.stream()
						.map((row) -> new OrderLineDetails(row.text("ProductCode"), row.text("Description"),
								row.integer("Quantity", 0), row.decimal("Price")))
						.toList());
		});
	}

	private static <T> List<Read<T>> read(Reader csv, String key, Map<String, String> columns,
			Map<String, String> lineColumns, Function<List<Row>, T> build) {
		Map<String, String> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		columns.keySet().forEach((column) -> known.put(column, column));
		lineColumns.keySet().forEach((column) -> known.put(column, column));
		List<FieldError> errors = new ArrayList<>();
		Map<String, List<Row>> groups = new LinkedHashMap<>();
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(csv)) {
			Map<String, String> header = new LinkedHashMap<>();
			for (String name : parser.getHeaderNames()) {
				String column = known.get(name);
				if (column == null) {
					errors.add(FieldError.written(at(1, name), "csv_unknown_column", "columns",
							List.copyOf(known.values())));
				}
				else {
					header.put(column, name);
				}
			}
			if (!header.containsKey(key)) {
				errors.add(FieldError.written(at(1, key), "csv_group_column_missing"));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInput(errors);
			}
			for (CSVRecord record : parser) {
				Row row = new Row(record, header, errors);
				String group = row.raw(key);
				if (group == null) {
					errors.add(FieldError.written(at(row.line(), key), "csv_group_value_missing"));
					continue;
				}
				groups.computeIfAbsent(group, (k) -> new ArrayList<>()).add(row);
			}
		}
		catch (CSVException ex) {
			// malformed CSV (a character after a closing quote): the file's fault
			throw InvalidInput.written(FILE, "csv_unreadable", "reason", String.valueOf(ex.getMessage()));
		}
		catch (UncheckedIOException ex) {
			// the same, found while iterating the records
			if (ex.getCause() instanceof CSVException malformed) {
				throw InvalidInput.written(FILE, "csv_unreadable", "reason", String.valueOf(malformed.getMessage()));
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw InvalidInput.written(FILE, "csv_unreadable", "reason", String.valueOf(ex.getMessage()));
		}
		if (groups.isEmpty() && errors.isEmpty()) {
			errors.add(FieldError.written(FILE, "csv_no_rows"));
		}
		List<Read<T>> read = new ArrayList<>();
		for (List<Row> rows : groups.values()) {
			rows.get(0).sameOnEveryRow(rows, columns.keySet());
			T value = build.apply(rows);
			read.add(new Read<>(value, rows.stream().map(Row::line).toList(), columns, lineColumns));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return read;
	}

	/**
	 * A value the use case requires, passed on even when the file left it empty: the use
	 * case's validation then names it.
	 */
	@SuppressWarnings("NullAway")
	private static <T> T required(@Nullable T value) {
		return value;
	}

	static String at(long line, String column) {
		return "line " + line + ", " + column;
	}

	private static Map<String, String> columns(String... pairs) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String pair : pairs) {
			int at = pair.indexOf('=');
			columns.put(pair.substring(0, at), pair.substring(at + 1));
		}
		return columns;
	}

	/** One row of the file, reading its cells and noting what is wrong with them. */
	private static final class Row {

		private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");

		private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

		private final CSVRecord record;

		private final Map<String, String> header;

		private final List<FieldError> errors;

		Row(CSVRecord record, Map<String, String> header, List<FieldError> errors) {
			this.record = record;
			this.header = header;
			this.errors = errors;
		}

		/** The file line: the header is line 1, the first record line 2. */
		long line() {
			return this.record.getRecordNumber() + 1;
		}

		@Nullable String raw(String column) {
			String name = this.header.get(column);
			if (name == null || !this.record.isSet(name)) {
				return null;
			}
			String value = this.record.get(name);
			return value.isEmpty() ? null : value;
		}

		@Nullable String text(String column) {
			return raw(column);
		}

		@Nullable Long number(String column) {
			String value = raw(column);
			try {
				return (value != null) ? Long.valueOf(value) : null;
			}
			catch (NumberFormatException ex) {
				return fail(column, "csv_not_whole_number", value);
			}
		}

		int integer(String column, int otherwise) {
			Long value = number(column);
			return (value != null) ? Math.toIntExact(value) : otherwise;
		}

		@Nullable BigDecimal decimal(String column) {
			String value = raw(column);
			try {
				return (value != null) ? new BigDecimal(value) : null;
			}
			catch (NumberFormatException ex) {
				return fail(column, "csv_not_decimal", value);
			}
		}

		@Nullable LocalDate date(String column) {
			String value = raw(column);
			try {
				return (value != null) ? LocalDate.parse(value) : null;
			}
			catch (DateTimeParseException ex) {
				return fail(column, "csv_not_date", value);
			}
		}

		boolean bool(String column) {
			String value = raw(column);
			if (value == null || FALSE.contains(value.toLowerCase(Locale.ROOT))) {
				return false;
			}
			if (TRUE.contains(value.toLowerCase(Locale.ROOT))) {
				return true;
			}
			fail(column, "csv_not_boolean", value);
			return false;
		}

		/**
		 * The columns of the order or invoice itself: a later row either leaves them
		 * empty or repeats the first row's value.
		 */
		void sameOnEveryRow(List<Row> rows, Set<String> columns) {
			for (Row row : rows.subList(1, rows.size())) {
				for (String column : columns) {
					String value = row.raw(column);
					String first = raw(column);
					if (value != null && !value.equals(first)) {
						this.errors.add(FieldError.written(at(row.line(), column),
								(first != null) ? "csv_not_as_first_row" : "csv_first_row_empty", "value", value,
								"firstLine", line(), "first", first));
					}
				}
			}
		}

		private <T> @Nullable T fail(String column, String code, @Nullable String value) {
			this.errors.add(FieldError.written(at(line(), column), code, "value", value));
			return null;
		}

	}

}
