package org.vetbill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.web.ErrorCatalogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the house that the sources show: classes stay small, the core speaks no API
 * dialect, and every error the core raises is worded by default. Each check is also run
 * on a sample that breaks it, so a check that could not fail would be noticed.
 */
class HouseRulesTests {

	private static final Path MAIN = Path.of("src", "main", "java", "org", "vetbill");

	/** The most lines a class of ours may have. */
	private static final int MAX_LINES = 400;

	/**
	 * The classes that may be longer: the OpenAPI descriptions of the APIs (generated
	 * code is not in the sources).
	 */
	private static final Pattern LONG_ALLOWED = Pattern.compile(".*/api/[a-z]+/[A-Za-z]+ApiDocs\\.java");

	/** The core: the modules that hold the rules, and the shared types below them. */
	private static final List<String> CORE = List.of("clinic", "invoicing", "payments", "supply", "audit",
			"shared/error", "shared/money", "shared/query", "shared/persistence", "shared/events", "shared/time",
			"shared/validation", "shared/access");

	/** Words of an API dialect: its name, its URLs, its field grammar, its wording. */
	private static final List<Pattern> DIALECT_WORDS = Stream
		.of("Cloud API", "Clinic API", "Connect API", "vetbill's own API", "Invalid hyperlink", "Django", "DRF",
				"FastAPI", "pydantic", "Web API", "/invoicepayment", "/unallocatedpayment", "full_refund",
				"partial_refund", "cancel_payment", "id__gt", "__op", "api/0\\.1", "/vetbill/v1", "POST /",
				"POST \\.\\.\\.", "This field ", "Ensure (this|that)")
		.map(Pattern::compile)
		.toList();

	@Test
	void noClassIsLongerThanTheHouseAllows() {
		assertThat(tooLong(mainSources())).isEmpty();
		assertThat(tooLong(Map.of("x/invoicing/Big.java", "line\n".repeat(MAX_LINES + 1))))
			.containsExactly("x/invoicing/Big.java: " + (MAX_LINES + 1) + " lines");
	}

	@Test
	void theCoreSpeaksNoDialect() {
		Map<String, String> core = mainSources();
		core.keySet().removeIf((file) -> CORE.stream().noneMatch((module) -> file.startsWith(module + "/")));
		assertThat(core).as("core sources").isNotEmpty();
		assertThat(dialectWords(core)).isEmpty();
		assertThat(dialectWords(Map.of("invoicing/Leaky.java",
				"throw InvalidInput.field(\"invoice\", \"Invalid hyperlink - invoice \" + id);\n")))
			.containsExactly("invoicing/Leaky.java:1: Invalid hyperlink");
	}

	@Test
	void everyErrorTheCoreRaisesIsWordedByDefault() {
		ErrorCatalogs catalogs = new ErrorCatalogs();
		Set<String> keys = errorKeys(mainSources());
		assertThat(keys).as("error keys found in the sources").hasSizeGreaterThan(50);
		assertThat(keys).as("keys without a default wording in messages/errors/")
			.allMatch((key) -> catalogs.defaults().hasWords(key));
		assertThat(errorKeys(Map.of("x/Y.java", "throw RuleViolation.of(\"some_rule\", \"invoice\", id);")))
			.containsExactly("some_rule");
	}

	@Test
	void aDialectRewordsOnlyErrorsThatExist() {
		ErrorCatalogs catalogs = new ErrorCatalogs();
		for (String api : List.of("cloud", "clinic", "connect")) {
			assertThat(catalogs.templates(api).keySet()).as(api + "-errors.properties")
				.allMatch((key) -> catalogs.defaults().hasWords(key));
		}
	}

	/**
	 * The sources of the application, by path below {@code org/vetbill}.
	 */
	private static Map<String, String> mainSources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			Map<String, String> sources = new java.util.TreeMap<>();
			files.filter((file) -> file.toString().endsWith(".java"))
				.forEach((file) -> sources.put(MAIN.relativize(file).toString().replace('\\', '/'), read(file)));
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> tooLong(Map<String, String> sources) {
		List<String> found = new ArrayList<>();
		sources.forEach((file, text) -> {
			long lines = text.lines().count();
			if (lines > MAX_LINES && !LONG_ALLOWED.matcher("/" + file).matches()) {
				found.add(file + ": " + lines + " lines");
			}
		});
		return found;
	}

	static List<String> dialectWords(Map<String, String> sources) {
		List<String> found = new ArrayList<>();
		sources.forEach((file, text) -> {
			List<String> lines = text.lines().toList();
			for (int i = 0; i < lines.size(); i++) {
				for (Pattern word : DIALECT_WORDS) {
					Matcher matcher = word.matcher(lines.get(i));
					if (matcher.find()) {
						found.add(file + ":" + (i + 1) + ": " + matcher.group());
					}
				}
			}
		});
		return found;
	}

	/** The calls that raise an error with a key, and which literal is the key. */
	private static final List<Pattern> KEYED_CALLS = List.of(Pattern.compile("RuleViolation\\.of\\(\\s*\"([a-z_]+)\""),
			Pattern.compile("new RuleViolation\\(\\s*\"([a-z_]+)\""),
			Pattern.compile("new Conflict\\(\\s*\"([a-z_]+)\""),
			Pattern.compile("(?:InvalidInput|FieldError)\\.(?:of|written)\\([^,;]+,\\s*\"([a-z_]+)\""));

	static Set<String> errorKeys(Map<String, String> sources) {
		Set<String> keys = new TreeSet<>();
		sources.forEach((file, text) -> {
			for (Pattern call : KEYED_CALLS) {
				Matcher matcher = call.matcher(text);
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		});
		return keys;
	}

}
