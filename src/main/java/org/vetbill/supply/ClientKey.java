package org.vetbill.supply;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The key of a practice management system allowed to read a supplier's invoices for the
 * practices enrolled with it.
 *
 * @param id its id
 * @param name the system's name
 * @param key the key, shown once when it is made and never again
 * @param keyHint the key's first characters
 * @param active whether the key is accepted
 * @param created when it was made
 */
public record ClientKey(long id, String name, @Nullable String key, String keyHint, boolean active, Instant created) {

}
