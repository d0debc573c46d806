package org.vetbill.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit chains: recomputes every event's hash from its fields and the hash of
 * the event before it, and reports the first broken link.
 * <p>
 * The check reads one snapshot (repeatable read), so events appended while it runs are
 * neither counted nor mistaken for a broken head.
 */
@Service
public class AuditVerification {

	private static final int BATCH = 500;

	private final AuditChainStore chain;

	AuditVerification(AuditChainStore chain) {
		this.chain = chain;
	}

	/**
	 * Checks one organization's chain.
	 * @param organizationId the organization
	 * @return the report
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainReport verify(long organizationId) {
		return check(organizationId);
	}

	/**
	 * Checks every organization's chain.
	 * @return one report per organization with audit events, by organization id
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<ChainReport> verifyAll() {
		return this.chain.organizations().stream().map(this::check).toList();
	}

	private ChainReport check(long organizationId) {
		Long unchained = this.chain.firstUnchained(organizationId);
		if (unchained != null) {
			return broken(organizationId, 0, AuditHash.GENESIS,
					new ChainReport.BrokenLink(unchained, 0, "unchained", "a position and a hash", null));
		}
		String previous = AuditHash.GENESIS;
		long count = 0;
		List<AuditChainStore.Stored> batch;
		do {
			batch = this.chain.chained(organizationId, count, BATCH);
			for (AuditChainStore.Stored event : batch) {
				long expected = count + 1;
				ChainReport.BrokenLink link = link(event, expected, previous);
				if (link != null) {
					return broken(organizationId, count, previous, link);
				}
				previous = AuditHash.of(event.fields());
				count = expected;
			}
		}
		while (batch.size() == BATCH);
		AuditChainStore.Head head = this.chain.head(organizationId);
		long headPosition = (head != null) ? head.position() : 0;
		String headHash = (head != null) ? head.hash() : AuditHash.GENESIS;
		if (headPosition != count || !headHash.equals(previous)) {
			return broken(organizationId, count, previous,
					new ChainReport.BrokenLink(null, count + 1, "head",
							"last position " + headPosition + " with hash " + headHash,
							"last position " + count + " with hash " + previous));
		}
		return new ChainReport(organizationId, true, count, previous, null);
	}

	private static ChainReport.@Nullable BrokenLink link(AuditChainStore.Stored event, long position, String previous) {
		if (event.position() != position) {
			return new ChainReport.BrokenLink(event.id(), position, "position", Long.toString(position),
					Long.toString(event.position()));
		}
		if (!previous.equals(event.previousHash())) {
			return new ChainReport.BrokenLink(event.id(), position, "previous_hash", previous, event.previousHash());
		}
		String recomputed = AuditHash.of(event.fields());
		if (!recomputed.equals(event.hash())) {
			return new ChainReport.BrokenLink(event.id(), position, "hash", recomputed, event.hash());
		}
		return null;
	}

	private static ChainReport broken(long organizationId, long records, String lastHash, ChainReport.BrokenLink link) {
		return new ChainReport(organizationId, false, records, lastHash, link);
	}

}
