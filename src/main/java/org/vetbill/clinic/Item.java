package org.vetbill.clinic;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.vetbill.clinic.domain.ItemDetails;

/**
 * A billable item of the catalog.
 *
 * @param id the id
 * @param details code, name, price, VAT group, accounts and dimensions
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record Item(long id, @JsonUnwrapped ItemDetails details, Instant created, Instant modified, int version) {

}
