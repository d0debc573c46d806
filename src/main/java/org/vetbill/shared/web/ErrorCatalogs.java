package org.vetbill.shared.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The catalogs the APIs word errors with: the default one, spread over the files
 * {@code messages/errors/*.properties} (one per module, every key in one file only), and
 * each API's own, {@code messages/<api>-errors.properties}, whose keys replace the
 * default's wording in that API.
 */
@Component
public class ErrorCatalogs {

	private static final String DEFAULT = "classpath*:messages/errors/*.properties";

	private final Map<String, String> defaults;

	private final Map<String, ErrorWording> wordings = new HashMap<>();

	private final ErrorWording defaultWording;

	/**
	 * Reads the catalogs from the class path.
	 */
	public ErrorCatalogs() {
		this.defaults = load(DEFAULT);
		this.defaultWording = new ErrorWording(List.of(this.defaults), FieldNames::snakeCase);
	}

	/**
	 * The default wording: vetbill's own API's.
	 * @return the wording
	 */
	public ErrorWording defaults() {
		return this.defaultWording;
	}

	/**
	 * An API's wording: its own catalog, then the default one.
	 * @param api the API's catalog name, such as {@code cloud}
	 * @return the wording
	 */
	public synchronized ErrorWording of(String api) {
		return this.wordings.computeIfAbsent(api,
				(name) -> new ErrorWording(
						List.of(load("classpath*:messages/" + name + "-errors.properties"), this.defaults),
						FieldNames::snakeCase));
	}

	/**
	 * The default catalog's templates, for tests that every error is worded.
	 * @return the templates by key
	 */
	public Map<String, String> defaultTemplates() {
		return this.defaults;
	}

	/**
	 * An API's own templates.
	 * @param api the API's catalog name
	 * @return the templates by key
	 */
	public Map<String, String> templates(String api) {
		return load("classpath*:messages/" + api + "-errors.properties");
	}

	static Map<String, String> load(String pattern) {
		Map<String, String> templates = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				Properties properties = new Properties();
				try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				for (String key : properties.stringPropertyNames()) {
					if (templates.put(key, properties.getProperty(key)) != null) {
						throw new IllegalStateException("error key " + key + " is worded twice (" + pattern + ")");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the error catalogs " + pattern, ex);
		}
		return Collections.unmodifiableMap(templates);
	}

}
