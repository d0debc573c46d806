package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What writing the objects of one response needs: links, the organization's time zone and
 * currency, the exposed relations and the related objects fetched for them.
 *
 * @param links the URL builder
 * @param zone the organization's time zone, for date-times
 * @param currency the organization's currency, for amounts
 * @param exposed the relations to write inline
 * @param inlined the related objects written, by relation and id
 */
record Rendering(Links links, ZoneId zone, Currency currency, Set<String> exposed,
		Map<String, Map<Long, Map<String, @Nullable Object>>> inlined) {

	boolean isExposed(String relation) {
		return this.exposed.contains(relation);
	}

	@Nullable Map<String, @Nullable Object> inline(String relation, long id) {
		return this.inlined.getOrDefault(relation, Map.of()).get(id);
	}

	/**
	 * A rendering of related objects: same links and settings, nothing exposed.
	 * @return the rendering
	 */
	Rendering flat() {
		return new Rendering(this.links, this.zone, this.currency, Set.of(), Map.of());
	}

	BigDecimal amount(BigDecimal amount) {
		return amount.setScale(this.currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
	}

}
