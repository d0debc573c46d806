package org.vetbill.supply.domain;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A delivery address. The postcode is text: Australian postcodes such as {@code 0800}
 * keep their leading zero.
 *
 * @param addressLine1 first line
 * @param addressLine2 second line
 * @param suburb suburb or town
 * @param state state or region
 * @param postcode postcode, as written
 * @param country country
 */
public record Address(@Nullable @Size(max = 200) String addressLine1, @Nullable @Size(max = 200) String addressLine2,
		@Nullable @Size(max = 100) String suburb, @Nullable @Size(max = 100) String state,
		@Nullable @Size(max = 16) String postcode, @Nullable @Size(max = 100) String country) {

	public boolean blank() {
		return this.addressLine1 == null && this.addressLine2 == null && this.suburb == null && this.state == null
				&& this.postcode == null && this.country == null;
	}

}
