package org.vetbill.supply;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One poll of a Connect source.
 *
 * @param listed the invoices the endpoint listed as changed
 * @param imported the invoices that were new
 * @param updated the known invoices that had changed
 * @param unchanged the known invoices that were the same
 * @param error what stopped the poll, or null when it succeeded
 * @param nextPoll when the importer polls again
 */
public record ImportRun(int listed, int imported, int updated, int unchanged, @Nullable String error,
		Instant nextPoll) {

}
