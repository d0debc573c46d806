package org.vetbill.supply;

import java.time.Instant;

/**
 * A supplier (wholesaler) of the organization.
 *
 * @param id the supplier's id
 * @param name its name
 * @param created when it was recorded
 * @param modified when it last changed
 */
public record Supplier(long id, String name, Instant created, Instant modified) {

}
