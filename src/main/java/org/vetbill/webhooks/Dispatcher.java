package org.vetbill.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetbill.shared.net.OutboundGuard;
import org.vetbill.shared.net.OutboundRefused;
import org.vetbill.shared.time.Timestamps;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Delivers the webhook queue, in three steps any number of nodes may run at once on one
 * database: {@link #claim} reserves due deliveries for one attempt each (a lease), with a
 * conditional update that only one node can win per attempt; {@link #attempt} posts one
 * and {@link #record} writes how it went, if this node still holds the lease. A node that
 * dies between posting and recording leaves the lease to run out, and another node posts
 * the delivery again: delivery is at least once, and receivers deduplicate by
 * {@code webhook-id}. A delivery is not claimed while an earlier one for the same webhook
 * and object is pending, so each receiver gets an object's events in order. Statements
 * run outside any transaction, each committing on its own. Posts go only where
 * {@link OutboundGuard} permits (public addresses, unless allowed otherwise), follow no
 * redirect, and read nothing of the answer but its status.
 */
@Component
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final int MAX_ERROR = 1000;

	private final DeliveryStore deliveries;

	private final WebhookProperties properties;

	private final RetryPolicy retries;

	private final Clock clock;

	private final CloseableHttpClient http;

	Dispatcher(DeliveryStore deliveries, WebhookProperties properties, Clock clock, OutboundGuard guard) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.retries = properties.retryPolicy();
		this.clock = clock;
		this.http = guard.httpClient(properties.timeout(), properties.timeout());
	}

	@PreDestroy
	void close() {
		this.http.close(CloseMode.GRACEFUL);
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
		return this.deliveries.deleteEndedBefore(now.minus(this.properties.retention()));
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
		List<DeliveryStore.Due> due = this.deliveries.due(max, now);
		List<Claim> won = new ArrayList<>(due.size());
		for (DeliveryStore.Due delivery : due) {
			if (reserve(node, delivery.organizationId(), delivery.id(), delivery.attempts(), now)) {
				Instant previousUntil = delivery.previousSecretUntil();
				String previous = (previousUntil != null && previousUntil.isAfter(now)) ? delivery.previousSecret()
						: null;
				won.add(new Claim(delivery.organizationId(), delivery.id(), delivery.attempts() + 1,
						delivery.webhookId(), delivery.objectType(), delivery.objectId(), delivery.targetUrl(),
						delivery.contentType(), delivery.secret(), previous, delivery.actor(), delivery.changed()));
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
			return this.deliveries.reserve(node, organizationId, id, attempts, now.plus(this.properties.lease()), now);
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
		Payload payload = Payload.of(claim.objectType(), claim.objectId(), claim.actor(), claim.changed(),
				claim.contentType());
		String id = String.valueOf(claim.id());
		long timestamp = at.getEpochSecond();
		String signature = Signatures.sign(claim.secret(), id, timestamp, payload.body());
		String previous = claim.previousSecret();
		if (previous != null) {
			signature += " " + Signatures.sign(previous, id, timestamp, payload.body());
		}
		try {
			HttpPost request = new HttpPost(URI.create(claim.targetUrl()));
			request.setHeader("User-Agent", "vetbill-webhooks");
			request.setHeader("webhook-id", id);
			request.setHeader("webhook-timestamp", String.valueOf(timestamp));
			request.setHeader("webhook-signature", signature);
			request.setEntity(new ByteArrayEntity(payload.body().getBytes(StandardCharsets.UTF_8),
					ContentType.parse(payload.contentType())));
			// the answer's body is never read: only its status counts
			int status = this.http.execute(request, HttpResponse::getCode);
			return new Outcome(at, status, (status == 200) ? null : "HTTP " + status);
		}
		catch (OutboundRefused ex) {
			return new Outcome(at, null, "Refused: " + ex.getMessage());
		}
		catch (SocketTimeoutException ex) {
			return new Outcome(at, null, "No answer within " + this.properties.timeout().toMillis() + " ms");
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Outcome(at, null,
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	/**
	 * Writes how an attempt went and releases the lease: delivered after HTTP 200,
	 * otherwise due again after the backoff (but with no next try while its webhook is
	 * deactivated, which holds its queue), or failed after the last attempt. Nothing is
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
		int written = this.deliveries.recordAttempt(node, claim.organizationId(), claim.id(), claim.attempt(), state,
				nextTry, outcome.at(), outcome.status(),
				(error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error, now);
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
	 * @param actor who made the change, or null when not recorded
	 * @param changed when the change was made
	 */
	record Claim(long organizationId, long id, int attempt, long webhookId, String objectType, long objectId,
			String targetUrl, int contentType, String secret, @Nullable String previousSecret, @Nullable String actor,
			Instant changed) {

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
