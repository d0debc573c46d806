package org.vetbill.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetbill.shared.db.tables.WebhookDelivery;
import org.vetbill.shared.time.Timestamps;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import static org.vetbill.shared.db.Tables.WEBHOOK;
import static org.vetbill.shared.db.Tables.WEBHOOK_DELIVERY;

/**
 * Delivers the webhook queue, in three steps any number of nodes may run at once on one
 * database: {@link #claim} reserves due deliveries for one attempt each (a lease), with a
 * conditional update that only one node can win per attempt; {@link #attempt} posts one
 * and {@link #record} writes how it went, if this node still holds the lease. A node that
 * dies between posting and recording leaves the lease to run out, and another node posts
 * the delivery again: delivery is at least once, and receivers deduplicate by
 * {@code webhook-id}. A delivery is not claimed while an earlier one for the same webhook
 * and object is pending, so each receiver gets an object's events in order. Statements
 * run outside any transaction, each committing on its own.
 */
@Component
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final int MAX_ERROR = 1000;

	private final DSLContext dsl;

	private final WebhookProperties properties;

	private final RetryPolicy retries;

	private final Clock clock;

	private final HttpClient http;

	Dispatcher(DSLContext dsl, WebhookProperties properties, Clock clock) {
		this.dsl = dsl;
		this.properties = properties;
		this.retries = properties.retryPolicy();
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Instant now() {
		return Timestamps.now(this.clock);
	}

	/**
	 * Removes the deliveries that ended (delivered or given up) longer than
	 * {@code vetbill.webhooks.retention} before {@code now}, so the log does not grow
	 * without end. Pending deliveries stay, so the order per object is unaffected.
	 * @param now the time
	 * @return how many were removed
	 */
	int prune(Instant now) {
		return this.dsl.deleteFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.STATE.in(DeliveryView.DELIVERED, DeliveryView.FAILED))
			.and(WEBHOOK_DELIVERY.MODIFIED.lt(now.minus(this.properties.retention())))
			.execute();
	}

	/**
	 * Claims up to {@code max} deliveries that are due at {@code now}, for one attempt
	 * each, until the lease runs out.
	 * @param node who claims them
	 * @param max how many at most
	 * @param now the time
	 * @return the deliveries this node won
	 */
	List<Claim> claim(String node, int max, Instant now) {
		WebhookDelivery earlier = WEBHOOK_DELIVERY.as("earlier");
		List<? extends Record> due = this.dsl
			.select(WEBHOOK_DELIVERY.ORGANIZATION_ID, WEBHOOK_DELIVERY.ID, WEBHOOK_DELIVERY.ATTEMPTS,
					WEBHOOK_DELIVERY.WEBHOOK_ID, WEBHOOK_DELIVERY.OBJECT_TYPE, WEBHOOK_DELIVERY.OBJECT_ID,
					WEBHOOK.TARGET_URL, WEBHOOK.CONTENT_TYPE, WEBHOOK.SECRET, WEBHOOK.PREVIOUS_SECRET,
					WEBHOOK.PREVIOUS_SECRET_UNTIL)
			.from(WEBHOOK_DELIVERY)
			.join(WEBHOOK)
			.on(WEBHOOK.ORGANIZATION_ID.eq(WEBHOOK_DELIVERY.ORGANIZATION_ID))
			.and(WEBHOOK.ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
			.where(WEBHOOK_DELIVERY.NEXT_TRY.le(now))
			.and(WEBHOOK_DELIVERY.STATE.eq(DeliveryView.PENDING))
			.and(WEBHOOK_DELIVERY.LEASE_UNTIL.isNull().or(WEBHOOK_DELIVERY.LEASE_UNTIL.le(now)))
			.and(WEBHOOK.ACTIVE.isTrue())
			.andNotExists(this.dsl.selectOne()
				.from(earlier)
				.where(earlier.ORGANIZATION_ID.eq(WEBHOOK_DELIVERY.ORGANIZATION_ID))
				.and(earlier.WEBHOOK_ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
				.and(earlier.OBJECT_TYPE.eq(WEBHOOK_DELIVERY.OBJECT_TYPE))
				.and(earlier.OBJECT_ID.eq(WEBHOOK_DELIVERY.OBJECT_ID))
				.and(earlier.ID.lt(WEBHOOK_DELIVERY.ID))
				.and(earlier.STATE.eq(DeliveryView.PENDING)))
			.orderBy(WEBHOOK_DELIVERY.NEXT_TRY, WEBHOOK_DELIVERY.ID)
			.limit(max)
			.fetch();
		List<Claim> won = new ArrayList<>(due.size());
		for (Record r : due) {
			int attempts = r.get(WEBHOOK_DELIVERY.ATTEMPTS);
			long organizationId = r.get(WEBHOOK_DELIVERY.ORGANIZATION_ID);
			long id = r.get(WEBHOOK_DELIVERY.ID);
			if (reserve(node, organizationId, id, attempts, now)) {
				Instant previousUntil = r.get(WEBHOOK.PREVIOUS_SECRET_UNTIL);
				String previous = (previousUntil != null && previousUntil.isAfter(now)) ? r.get(WEBHOOK.PREVIOUS_SECRET)
						: null;
				won.add(new Claim(organizationId, id, attempts + 1, r.get(WEBHOOK_DELIVERY.WEBHOOK_ID),
						r.get(WEBHOOK_DELIVERY.OBJECT_TYPE), r.get(WEBHOOK_DELIVERY.OBJECT_ID),
						r.get(WEBHOOK.TARGET_URL), r.get(WEBHOOK.CONTENT_TYPE), r.get(WEBHOOK.SECRET), previous));
			}
		}
		return won;
	}

	/**
	 * Takes the lease of one attempt: succeeds for exactly one node, since the update
	 * only applies while the delivery is still pending, unleased (or its lease ran out)
	 * and at the attempt count that was read.
	 */
	private boolean reserve(String node, long organizationId, long id, int attempts, Instant now) {
		try {
			return this.dsl.update(WEBHOOK_DELIVERY)
				.set(WEBHOOK_DELIVERY.ATTEMPTS, attempts + 1)
				.set(WEBHOOK_DELIVERY.LEASE_OWNER, node)
				.set(WEBHOOK_DELIVERY.LEASE_UNTIL, now.plus(this.properties.lease()))
				.set(WEBHOOK_DELIVERY.MODIFIED, now)
				.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(organizationId))
				.and(WEBHOOK_DELIVERY.ID.eq(id))
				.and(WEBHOOK_DELIVERY.STATE.eq(DeliveryView.PENDING))
				.and(WEBHOOK_DELIVERY.ATTEMPTS.eq(attempts))
				.and(WEBHOOK_DELIVERY.LEASE_UNTIL.isNull().or(WEBHOOK_DELIVERY.LEASE_UNTIL.le(now)))
				.execute() == 1;
		}
		catch (DataAccessException ex) {
			// another node changed the row at the same moment (H2 may say so instead of
			// waiting)
			log.debug("Lost the claim of webhook delivery {} to another node: {}", id, ex.getMessage());
			return false;
		}
	}

	/**
	 * Posts one claimed attempt and waits for the answer, at most the configured timeout.
	 * @param claim the attempt
	 * @param at when it is made, the {@code webhook-timestamp}
	 * @return how it went; only HTTP 200 is a success
	 */
	Outcome attempt(Claim claim, Instant at) {
		Payload payload = Payload.of(claim.objectType(), claim.objectId(), claim.contentType());
		String id = String.valueOf(claim.id());
		long timestamp = at.getEpochSecond();
		String signature = Signatures.sign(claim.secret(), id, timestamp, payload.body());
		String previous = claim.previousSecret();
		if (previous != null) {
			signature += " " + Signatures.sign(previous, id, timestamp, payload.body());
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(claim.targetUrl()))
				.timeout(this.properties.timeout())
				.header("Content-Type", payload.contentType())
				.header("User-Agent", "vetbill-webhooks")
				.header("webhook-id", id)
				.header("webhook-timestamp", String.valueOf(timestamp))
				.header("webhook-signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(payload.body()))
				.build();
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return new Outcome(at, status, (status == 200) ? null : "HTTP " + status);
		}
		catch (HttpTimeoutException ex) {
			return new Outcome(at, null, "No answer within " + this.properties.timeout().toMillis() + " ms");
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Outcome(at, null,
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(at, null, "Interrupted");
		}
	}

	/**
	 * Writes how an attempt went and releases the lease: delivered after HTTP 200,
	 * otherwise due again after the backoff, or failed after the last attempt. Nothing is
	 * written if the lease was lost meanwhile (another node has taken the delivery over).
	 * @param claim the attempt
	 * @param node the node that claimed it
	 * @param outcome how it went
	 * @param now the time
	 * @return whether it was written
	 */
	boolean record(Claim claim, String node, Outcome outcome, Instant now) {
		Instant nextTry = outcome.succeeded() ? null : this.retries.nextTry(claim.attempt(), now);
		String state = outcome.succeeded() ? DeliveryView.DELIVERED
				: (nextTry != null) ? DeliveryView.PENDING : DeliveryView.FAILED;
		String error = outcome.error();
		// a webhook deactivated meanwhile holds its queue: no next try until it is active
		Field<Instant> next = DSL
			.when(DSL.exists(DSL.selectOne()
				.from(WEBHOOK)
				.where(WEBHOOK.ORGANIZATION_ID.eq(WEBHOOK_DELIVERY.ORGANIZATION_ID))
				.and(WEBHOOK.ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
				.and(WEBHOOK.ACTIVE.isTrue())), DSL.val(nextTry, WEBHOOK_DELIVERY.NEXT_TRY))
			.otherwise(DSL.castNull(WEBHOOK_DELIVERY.NEXT_TRY));
		int written = this.dsl.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATE, state)
			.set(WEBHOOK_DELIVERY.NEXT_TRY, next)
			.set(WEBHOOK_DELIVERY.LAST_ATTEMPT, outcome.at())
			.set(WEBHOOK_DELIVERY.LAST_STATUS, outcome.status())
			.set(WEBHOOK_DELIVERY.LAST_ERROR,
					(error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error)
			.setNull(WEBHOOK_DELIVERY.LEASE_OWNER)
			.setNull(WEBHOOK_DELIVERY.LEASE_UNTIL)
			.set(WEBHOOK_DELIVERY.MODIFIED, now)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(claim.organizationId()))
			.and(WEBHOOK_DELIVERY.ID.eq(claim.id()))
			.and(WEBHOOK_DELIVERY.LEASE_OWNER.eq(node))
			.and(WEBHOOK_DELIVERY.ATTEMPTS.eq(claim.attempt()))
			.execute();
		if (written == 0) {
			log.info("Webhook delivery {} attempt {} was taken over by another node before it was recorded", claim.id(),
					claim.attempt());
		}
		return written == 1;
	}

	/**
	 * Claims, posts and records the due deliveries one after the other, as one node.
	 * @param node the node
	 * @param max how many to claim at most
	 * @return how many were attempted
	 */
	int dispatchDue(String node, int max) {
		List<Claim> claims = claim(node, max, now());
		for (Claim claim : claims) {
			deliver(claim, node);
		}
		return claims.size();
	}

	void deliver(Claim claim, String node) {
		Outcome outcome = attempt(claim, now());
		record(claim, node, outcome, now());
	}

	/**
	 * One attempt of a delivery that a node holds the lease of.
	 *
	 * @param organizationId the tenant
	 * @param id the delivery
	 * @param attempt which attempt this is, from 1
	 * @param webhookId the webhook
	 * @param objectType the changed object's type
	 * @param objectId the changed object's id
	 * @param targetUrl where to post
	 * @param contentType 1 form, 2 JSON
	 * @param secret the signing secret
	 * @param previousSecret the secret it replaced while that still signs, or null
	 */
	record Claim(long organizationId, long id, int attempt, long webhookId, String objectType, long objectId,
			String targetUrl, int contentType, String secret, @Nullable String previousSecret) {

		@Override
		public String toString() {
			return "Claim[delivery=" + this.id + ", attempt=" + this.attempt + "]";
		}

	}

	/**
	 * How an attempt went.
	 *
	 * @param at when it was made
	 * @param status the HTTP status, null if no answer came
	 * @param error why it failed, null after HTTP 200
	 */
	record Outcome(Instant at, @Nullable Integer status, @Nullable String error) {

		boolean succeeded() {
			return this.status != null && this.status == 200;
		}

	}

}
