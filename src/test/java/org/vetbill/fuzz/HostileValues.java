package org.vetbill.fuzz;

import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * The hostile inputs the fuzzer mixes into requests: strings with NUL, control
 * characters, unassigned code points and lone surrogates, very long strings, numbers
 * beyond every type's range, percent-escapes that are not UTF-8, path traversal, and
 * random text from jqwik's string generators. Generators are made once and drawn from a
 * seeded {@link Random}, so a seed gives the same values again; they must be used on the
 * thread that holds the jqwik session (see {@link RequestGenerator}).
 */
final class HostileValues {

	/**
	 * Texts, sent percent-encoded as UTF-8 (or escaped in JSON), so they arrive as such.
	 */
	static final List<String> TEXTS = List.of("", " ", "\u0000", "a\u0000b", "\u0001", "\u001f", "\u007f", "\u0085",
			"\t\r\n", "\u0378", "\uFFFF", "\uFFFE", "\uDB80\uDC80", "\uDBFF\uDFFF", "\uD800", "\uDC00", "\u202Ex",
			"\u200B", "\uFEFF", "e\u0301", "🐕", "null", "undefined", "true", "false", "-1", "0", "-0", "1e309",
			"-1e309", "1e2147483648", "1e-2147483648", "NaN", "Infinity", "-Infinity", "9223372036854775807",
			"9223372036854775808", "-9223372036854775809", "18446744073709551616", "2147483648", "0x10", "1_000", "1,5",
			"١٢٣", "１２", "12.345.678", "123456789012345678901234567890.123", "0.0000000001", "' OR 1=1 --", "\"", "\\",
			"%", "%00", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "<script>alert(1)</script>",
			"${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "%s%n%x", "2026-02-30", "9999-12-31", "0000-00-00",
			"2999-01-01T00:00:00Z", "-1000000-01-01", "+999999999-12-31T23:59:59Z", "2024-03-20T25:61:61", "[1,2", "[]",
			"{}", "[,]", "a__is", "__", "id__in=[1", "http://127.0.0.1:22/", "/1234/api/0.1/invoice/1/",
			"http://localhost:8080/9000/api/0.1/invoice/1/", "ä".repeat(3000), "x".repeat(70_000));

	/**
	 * Fragments already percent-encoded as sent: escapes that decode to no valid UTF-8.
	 */
	static final List<String> RAW_ESCAPES = List.of("%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%zz", "%",
			"%0", "%00", "%1F", "%7F", "%C2%85", "%2e%2e%2f%2e%2e%2f", "..%2F..%2F", "%25", "%EF%BF%BF", "[", "]",
			"%5B", "a%00b", "+", "%2B");

	/** Numbers as JSON tokens, exactly as written. */
	static final List<String> NUMBER_TOKENS = List.of("1e309", "-1e309", "1e2147483648", "1e-2147483648",
			"9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e400", "4.9E-324", "0.0000000001",
			"123456789012345678901234567890.123", "-0", "1E+2", "0.001", "1.005", "-1", "0", "99999999999999.99",
			"1000000000000000", "2147483648", "1" + "0".repeat(5000), "0." + "1".repeat(5000), "00012", "NaN",
			"Infinity", "-", "1.", ".5", "+1", "0x10");

	private final RandomGenerator<String> anyText;

	private final RandomGenerator<String> controlText;

	private final RandomGenerator<String> longText;

	private final RandomGenerator<Long> longs;

	HostileValues() {
		this.anyText = Arbitraries.strings().all().ofMaxLength(24).generator(1000);
		this.controlText = Arbitraries.strings()
			.withCharRange('\u0000', '\u001f')
			.withChars('\u007f', '\u0085', '\u2028', '\u2029', '\uFFFF', '\uD800')
			.ofMinLength(1)
			.ofMaxLength(6)
			.generator(1000);
		this.longText = Arbitraries.strings().alpha().numeric().ofMinLength(1000).ofMaxLength(20_000).generator(1000);
		Arbitrary<Long> numbers = Arbitraries.longs();
		this.longs = numbers.generator(1000, true);
	}

	/** A hostile text: from the fixed list, or random. */
	String text(Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1 -> this.anyText.next(random).value();
			case 2 -> "x" + this.controlText.next(random).value() + "y";
			case 3 -> (random.nextInt(8) == 0) ? this.longText.next(random).value() : String.valueOf(anyLong(random));
			default -> pick(random, TEXTS);
		};
	}

	/** Any long, edge cases included. */
	long anyLong(Random random) {
		return this.longs.next(random).value();
	}

	String rawEscape(Random random) {
		return pick(random, RAW_ESCAPES);
	}

	String numberToken(Random random) {
		return pick(random, NUMBER_TOKENS);
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
