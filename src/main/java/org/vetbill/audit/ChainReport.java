package org.vetbill.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking one organization's audit chain.
 *
 * @param organizationId the organization
 * @param intact whether every event is where its chain says and hashes as stored
 * @param records how many events were checked and found intact (all of them when intact;
 * those before the broken link otherwise)
 * @param lastHash the hash of the last intact event, or 64 zeros when there is none
 * @param brokenLink the first broken link, or null when intact
 */
public record ChainReport(long organizationId, boolean intact, long records, String lastHash,
		@Nullable BrokenLink brokenLink) {

	/**
	 * Where a chain breaks.
	 *
	 * @param recordId the id of the audit event found broken, or null when the chain's
	 * head disagrees with its last event (events missing at the end, or written around
	 * vetbill)
	 * @param position the position in the chain at which it breaks
	 * @param check what disagrees: {@code hash} (the event's fields do not give its
	 * stored hash: the event was edited), {@code previous_hash} (it does not point at the
	 * event before it), {@code position} (an event is missing or out of place),
	 * {@code unchained} (an event without a position or hash) or {@code head} (the
	 * chain's head names another last event)
	 * @param expected what the chain says it should be
	 * @param found what is stored
	 */
	public record BrokenLink(@Nullable Long recordId, long position, String check, String expected,
			@Nullable String found) {
	}

}
