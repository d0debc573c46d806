/**
 * Database access conventions: jOOQ over the schema generated from the Flyway migrations
 * (in {@code org.vetbill.shared.db}); each module queries only its own tables.
 */
@NullMarked
package org.vetbill.shared.persistence;

import org.jspecify.annotations.NullMarked;
