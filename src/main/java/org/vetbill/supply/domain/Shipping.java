package org.vetbill.supply.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How the goods of a supplier invoice travel.
 *
 * @param name who the goods are shipped to
 * @param address where to
 * @param carrier the carrier's name
 * @param trackingId the carrier's tracking id
 */
public record Shipping(@Nullable @Size(max = 200) String name, @Nullable @Valid Address address,
		@Nullable @Size(max = 100) String carrier, @Nullable @Size(max = 100) String trackingId) {

}
