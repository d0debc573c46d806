package org.vetbill.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit event in its organization's chain, version 1 of the canonical
 * encoding (documented in docs/operations.md, "Audit chain", so an auditor can check it
 * with any SHA-256 tool).
 * <p>
 * The encoded fields, in this order: the literal {@code vetbill-audit-v1}, the
 * organization id, the event's position in the chain (1 for the first), when it occurred
 * (UTC, {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, always six fraction digits), the actor, the
 * action, the entity type, the entity id, the details (the JSON text exactly as stored)
 * and the previous event's hash (64 lowercase hex digits; 64 zeros for the first event).
 * Numbers are written in decimal without sign or leading zeros. Each field is a
 * netstring: its length in UTF-8 bytes in decimal, a colon, its UTF-8 bytes, a comma; a
 * null field (only the details can be null) is the single character {@code ~}. The hash
 * is the SHA-256 of those bytes, as 64 lowercase hex digits.
 */
final class AuditHash {

	/** The previous hash of the first event of a chain. */
	static final String GENESIS = "0".repeat(64);

	private static final String VERSION = "vetbill-audit-v1";

	private static final DateTimeFormatter OCCURRED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditHash() {
	}

	/**
	 * The hash of one event.
	 * @param event the event's fields and the previous hash
	 * @return 64 lowercase hex digits
	 */
	static String of(Fields event) {
		StringBuilder text = new StringBuilder(256 + ((event.details() != null) ? event.details().length() : 0));
		field(text, VERSION);
		field(text, Long.toString(event.organizationId()));
		field(text, Long.toString(event.position()));
		field(text, OCCURRED.format(event.occurred()));
		field(text, event.actor());
		field(text, event.action());
		field(text, event.entityType());
		field(text, Long.toString(event.entityId()));
		field(text, event.details());
		field(text, event.previousHash());
		return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static void field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			text.append('~');
			return;
		}
		text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(',');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * What the hash of an event covers.
	 *
	 * @param organizationId the organization
	 * @param position the event's position in the organization's chain, from 1
	 * @param occurred when the change was made (microseconds)
	 * @param actor who made it
	 * @param action what happened
	 * @param entityType the kind of record
	 * @param entityId the record's id
	 * @param details the JSON text as stored, or null
	 * @param previousHash the hash of the event before, or {@link #GENESIS}
	 */
	record Fields(long organizationId, long position, Instant occurred, String actor, String action, String entityType,
			long entityId, @Nullable String details, String previousHash) {
	}

}
