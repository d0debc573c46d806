package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One object of a Cloud API response being written: fields in order, relations as
 * absolute URLs or, when exposed, inline.
 */
final class CloudObject {

	private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

	private final Rendering rendering;

	CloudObject(Rendering rendering) {
		this.rendering = rendering;
	}

	CloudObject put(String name, @Nullable Object value) {
		this.fields.put(name, value);
		return this;
	}

	/**
	 * The object's own {@code id} and {@code url}.
	 * @param resource the resource
	 * @param id the id
	 * @return this
	 */
	CloudObject self(String resource, long id) {
		put("id", id);
		return put("url", this.rendering.links().url(resource, id));
	}

	/**
	 * A to-one relation: the related object's URL, the object itself when exposed, null
	 * when there is none.
	 * @param name the field
	 * @param resource the related resource
	 * @param id the related id
	 * @return this
	 */
	CloudObject link(String name, String resource, @Nullable Long id) {
		if (id == null) {
			return put(name, null);
		}
		return put(name, this.rendering.isExposed(name) ? this.rendering.inline(name, id)
				: this.rendering.links().url(resource, id));
	}

	/**
	 * A to-many relation: a list of URLs, or of objects when exposed.
	 * @param name the field
	 * @param resource the related resource
	 * @param ids the related ids
	 * @return this
	 */
	CloudObject links(String name, String resource, Collection<Long> ids) {
		boolean exposed = this.rendering.isExposed(name);
		List<@Nullable Object> values = ids.stream()
			.<@Nullable Object>map(
					(id) -> exposed ? this.rendering.inline(name, id) : this.rendering.links().url(resource, id))
			.toList();
		return put(name, values);
	}

	/**
	 * A related object written only when {@code expose_<name>} asks for it.
	 * @param name the field
	 * @param id the related id, or null
	 * @return this
	 */
	CloudObject exposedOnly(String name, @Nullable Long id) {
		if (this.rendering.isExposed(name)) {
			put(name, (id != null) ? this.rendering.inline(name, id) : null);
		}
		return this;
	}

	/**
	 * An amount, at the currency's scale.
	 * @param name the field
	 * @param amount the amount
	 * @return this
	 */
	CloudObject amount(String name, @Nullable BigDecimal amount) {
		return put(name, (amount != null) ? this.rendering.amount(amount) : null);
	}

	CloudObject dateTime(String name, @Nullable Instant instant) {
		return put(name, (instant != null) ? OffsetDateTime.ofInstant(instant, this.rendering.zone())
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : null);
	}

	CloudObject date(String name, @Nullable LocalDate date) {
		return put(name, (date != null) ? date.toString() : null);
	}

	CloudObject nested(String name, Map<String, @Nullable Object> object) {
		return put(name, object);
	}

	/**
	 * The organization's time zone, for dates derived from instants.
	 * @return the zone
	 */
	java.time.ZoneId zone() {
		return this.rendering.zone();
	}

	Map<String, @Nullable Object> fields() {
		return this.fields;
	}

}
