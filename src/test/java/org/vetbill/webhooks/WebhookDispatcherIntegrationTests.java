package org.vetbill.webhooks;

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.vetbill.shared.db.Tables.WEBHOOK_DELIVERY;

/**
 * Delivery over real HTTP to a receiver on localhost: the bodies and Standard Webhooks
 * headers in both content types, signatures verified as a receiver would (with the
 * Standard Webhooks library and by hand), replay protection by the timestamp, retries
 * with backoff, giving up after ten attempts, only HTTP 200 counting, timeouts, order per
 * object, holding a deactivated webhook's queue, a rotated secret, a node that dies
 * between posting and recording, and two dispatchers racing on one database. The tests'
 * settings (IntegrationTest) poll every 100 ms and back off from 100 ms to 400 ms.
 */
class WebhookDispatcherIntegrationTests extends WebhookIntegrationTest {

	private static final Duration BASE = Duration.ofMillis(100);

	private Webhook verifier(JsonNode webhook) throws Exception {
		return new Webhook(webhook.path("secret").asString());
	}

	private static String hmac(String secret, String signed) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aFormDeliveryNamesTheObjectAndIsSignedTheStandardWebhooksWay() throws Exception {
		JsonNode webhook = webhook(12, "/form", 1, null);
		long before = Instant.now().getEpochSecond();
		long prepayment = prepayment(this.tenant.department);
		Receiver.Received received = this.receiver.await("/form", 1).get(0);
		long after = Instant.now().getEpochSecond();
		long delivery = queue("").get(0).path("id").asLong();

		assertThat(received.method()).isEqualTo("POST");
		// every value a string, form-encoded: the id, who made the change, and when
		assertThat(received.body()).isEqualTo(
				"unallocatedpayment_id=" + prepayment + "&user=" + URLEncoder.encode(actor(), StandardCharsets.UTF_8)
						+ "&timestamp=" + URLEncoder.encode(changedAt(delivery), StandardCharsets.UTF_8));
		assertThat(actor()).startsWith("client:");
		assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(received.header("Content-Length")).isEqualTo(String.valueOf(received.body().length()));
		assertThat(received.header("User-Agent")).isEqualTo("vetbill-webhooks");
		assertThat(received.id()).isEqualTo(String.valueOf(delivery));
		long timestamp = Long.parseLong(received.header("webhook-timestamp"));
		assertThat(timestamp).isBetween(before, after);
		String secret = webhook.path("secret").asString();
		assertThat(received.header("webhook-signature"))
			.isEqualTo("v1," + hmac(secret, delivery + "." + timestamp + "." + received.body()));

		Webhook verifier = verifier(webhook);
		verifier.verify(received.body(), received.headers());
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify("unallocatedpayment_id=" + (prepayment + 1), received.headers()));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(Signatures.newSecret()).verify(received.body(), received.headers()));

		JsonNode done = awaitState(delivery, "delivered");
		assertThat(done.path("attempts").asInt()).isEqualTo(1);
		assertThat(done.path("last_status").asInt()).isEqualTo(200);
		assertThat(done.path("next_try").isNull()).isTrue();
		assertThat(this.receiver.requests("/form")).hasSize(1);
	}

	@Test
	void aJsonDeliveryCarriesTheIdAsANumber() throws Exception {
		JsonNode webhook = webhook(12, "/json", 2, null);
		long prepayment = prepayment(this.tenant.department);
		Receiver.Received received = this.receiver.await("/json", 1).get(0);
		String changed = changedAt(queue("").get(0).path("id").asLong());
		assertThat(received.body()).isEqualTo("{\"unallocatedpayment_id\":" + prepayment + ",\"user\":\"" + actor()
				+ "\",\"timestamp\":\"" + changed + "\"}");
		assertThat(Api.parse(received.body()).path("unallocatedpayment_id").isIntegralNumber()).isTrue();
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		verifier(webhook).verify(received.body(), received.headers());
	}

	@Test
	void aReceiverRejectsADeliveryWhoseTimestampIsOld() throws Exception {
		JsonNode webhook = webhook(12, "/late", 1, null);
		this.clock.set(Instant.now().minus(Duration.ofMinutes(10)));
		prepayment(this.tenant.department);
		Receiver.Received received = this.receiver.await("/late", 1).get(0);
		assertThat(Long.parseLong(received.header("webhook-timestamp")))
			.isLessThan(Instant.now().minus(Duration.ofMinutes(9)).getEpochSecond());
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier(webhook).verify(received.body(), received.headers()))
			.withMessage("Message timestamp too old");
	}

	@Test
	void aFailedDeliveryIsRetriedWithBackoffUntilTheReceiverAnswers200() {
		webhook(12, "/flaky", 1, null);
		this.receiver.answer("/flaky", 500, 503, 200);
		prepayment(this.tenant.department);
		List<Receiver.Received> received = this.receiver.await("/flaky", 3);
		long delivery = queue("").get(0).path("id").asLong();
		JsonNode done = awaitState(delivery, "delivered");
		assertThat(done.path("attempts").asInt()).isEqualTo(3);
		assertThat(done.path("last_status").asInt()).isEqualTo(200);
		assertThat(done.path("last_error").isNull()).isTrue();
		assertThat(done.path("next_try").isNull()).isTrue();
		assertThat(received).extracting(Receiver.Received::id).containsOnly(String.valueOf(delivery));
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		// 100 ms after the first failure, 200 ms after the second
		assertThat(received.get(1).nanos() - received.get(0).nanos()).isGreaterThanOrEqualTo(BASE.toNanos());
		assertThat(received.get(2).nanos() - received.get(1).nanos()).isGreaterThanOrEqualTo(2 * BASE.toNanos());
		pause(Duration.ofMillis(500));
		assertThat(this.receiver.requests("/flaky")).hasSize(3);
	}

	@Test
	void onlyHttp200CountsAsDelivered() {
		webhook(12, "/picky", 1, null);
		this.receiver.answer("/picky", 201, 204, 302, 200);
		prepayment(this.tenant.department);
		this.receiver.await("/picky", 4);
		JsonNode done = awaitState(queue("").get(0).path("id").asLong(), "delivered");
		assertThat(done.path("attempts").asInt()).isEqualTo(4);
		assertThat(this.receiver.requests("/picky")).hasSize(4);
		assertThat(this.receiver.requests("/elsewhere")).isEmpty();
	}

	@Test
	void aDeliveryIsGivenUpAfterTenAttempts() {
		webhook(12, "/down", 1, null);
		this.receiver.answer("/down", 500);
		prepayment(this.tenant.department);
		long delivery = queue("").get(0).path("id").asLong();
		JsonNode failed = awaitState(delivery, "failed");
		assertThat(failed.path("attempts").asInt()).isEqualTo(10);
		assertThat(failed.path("last_status").asInt()).isEqualTo(500);
		assertThat(failed.path("last_error").asString()).isEqualTo("HTTP 500");
		assertThat(failed.path("next_try").isNull()).isTrue();
		assertThat(this.receiver.requests("/down")).hasSize(10);
		pause(Duration.ofMillis(800));
		assertThat(this.receiver.requests("/down")).hasSize(10);
		List<Receiver.Received> received = this.receiver.requests("/down");
		for (int i = 1; i < received.size(); i++) {
			long wait = Math.min(BASE.toNanos() << (i - 1), 4 * BASE.toNanos());
			assertThat(received.get(i).nanos() - received.get(i - 1).nanos()).as("wait before attempt " + (i + 1))
				.isGreaterThanOrEqualTo(wait);
		}
	}

	@Test
	void endedDeliveriesLeaveTheLogAfterTheRetentionAndPendingOnesStay() {
		webhook(12, "/kept", 1, null);
		this.receiver.answer("/kept", 200);
		prepayment(this.tenant.department);
		long delivered = queue("").get(0).path("id").asLong();
		awaitState(delivered, "delivered");
		// the next delivery gets no answer within the tests' 2 s timeout: it stays
		// pending
		this.receiver.answer("/kept", (request, nth) -> new Receiver.Answer(200, Duration.ofMillis(3000)));
		prepayment(this.tenant.department);
		long pending = queue("").stream()
			.mapToLong((delivery) -> delivery.path("id").asLong())
			.filter((id) -> id != delivered)
			.findFirst()
			.orElseThrow();
		Dispatcher dispatcher = this.context.getBean(Dispatcher.class);
		WebhookProperties properties = this.context.getBean(WebhookProperties.class);

		dispatcher.prune(dispatcher.now().plus(properties.retention()).minusSeconds(60));
		assertThat(queue("")).hasSize(2);
		dispatcher.prune(dispatcher.now().plus(properties.retention()).plusSeconds(60));

		assertThat(queue("")).extracting((delivery) -> delivery.path("id").asLong()).containsExactly(pending);
	}

	@Test
	void anAttemptWithoutAnAnswerWithinTheTimeoutFailsAndIsRetried() {
		webhook(12, "/slow", 1, null);
		// the first attempt gets no answer within the tests' 2 s; the second one waits 1
		// s
		this.receiver.answer("/slow",
				(request, nth) -> new Receiver.Answer(200, Duration.ofMillis((nth == 1) ? 3000 : 1000)));
		prepayment(this.tenant.department);
		long delivery = queue("").get(0).path("id").asLong();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> delivery(delivery).path("attempts").asInt() == 2);
		JsonNode retrying = delivery(delivery);
		assertThat(retrying.path("state").asString()).isEqualTo("pending");
		assertThat(retrying.path("last_status").isNull()).isTrue();
		assertThat(retrying.path("last_error").asString()).isEqualTo("No answer within 2000 ms");
		JsonNode done = awaitState(delivery, "delivered");
		assertThat(done.path("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void anObjectsDeliveriesArriveInOrderWhileOtherObjectsGoOn() {
		webhook(12, "/ordered", 1, null);
		// the receiver refuses the first delivery it gets five times: 1.5 s of retries
		AtomicReference<String> refused = new AtomicReference<>();
		this.receiver.answer("/ordered", (request, nth) -> {
			refused.compareAndSet(null, request.id());
			return new Receiver.Answer((request.id().equals(refused.get()) && nth <= 5) ? 500 : 200, Duration.ZERO);
		});
		long first = prepayment(this.tenant.department);
		for (int i = 1; i <= 4; i++) {
			ok(this.tenant.api.send(this.tenant.api.request(cloud("unallocatedpayment/" + first + "/external_info/"))
				.header("Content-Type", "application/json")
				.method("PATCH",
						java.net.http.HttpRequest.BodyPublishers.ofString("{\"external_id\":\"ERP-" + i + "\"}"))));
		}
		long second = prepayment(this.tenant.department);
		List<JsonNode> queued = queue("");
		assertThat(queued).extracting((entry) -> entry.path("object_id").asLong())
			.containsExactly(first, first, first, first, first, second);
		List<String> ids = queued.stream().map((entry) -> entry.path("id").asString()).toList();

		List<Receiver.Received> received = this.receiver.await("/ordered", 11);
		List<String> firstsOrder = received.stream()
			.filter((r) -> r.body().startsWith("unallocatedpayment_id=" + first + "&"))
			.map(Receiver.Received::id)
			.toList();
		assertThat(firstsOrder).containsExactly(ids.get(0), ids.get(0), ids.get(0), ids.get(0), ids.get(0), ids.get(0),
				ids.get(1), ids.get(2), ids.get(3), ids.get(4));
		int secondAt = received.stream().map(Receiver.Received::id).toList().indexOf(ids.get(5));
		int firstDeliveredAt = received.stream().map(Receiver.Received::id).toList().lastIndexOf(ids.get(0));
		assertThat(secondAt).as("the other object is not held up").isLessThan(firstDeliveredAt);
		for (String id : ids) {
			assertThat(awaitState(Long.parseLong(id), "delivered").path("state").asString()).isEqualTo("delivered");
		}
	}

	@Test
	void aDeactivatedWebhookQueuesNothingNewAndHoldsItsQueueUntilActivatedAgain() {
		long hook = webhook(12, "/paused", 1, null).path("id").asLong();
		this.receiver.answer("/paused", 500);
		prepayment(this.tenant.department);
		long delivery = queue("").get(0).path("id").asLong();
		this.receiver.await("/paused", 1);
		ok(this.tenant.api.send(this.tenant.api.request(cloud("hook/webhook/" + hook + "/"))
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"active\":false}"))));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> delivery(delivery).path("next_try").isNull()
					&& delivery(delivery).path("state").asString().equals("pending"));
		int attempts = this.receiver.requests("/paused").size();
		prepayment(this.tenant.department);
		assertThat(queue("")).hasSize(1);
		pause(Duration.ofMillis(600));
		assertThat(this.receiver.requests("/paused")).hasSize(attempts);
		assertThat(delivery(delivery).path("attempts").asInt()).isEqualTo(attempts);

		this.receiver.answer("/paused", 200);
		ok(this.tenant.api.send(this.tenant.api.request(cloud("hook/webhook/" + hook + "/"))
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"active\":true}"))));
		JsonNode done = awaitState(delivery, "delivered");
		assertThat(done.path("attempts").asInt()).isEqualTo(attempts + 1);
	}

	@Test
	void afterARotationDeliveriesCarryBothSignaturesForTheOverlap() throws Exception {
		JsonNode webhook = webhook(12, "/rotated", 2, null);
		JsonNode rotated = ok(
				this.tenant.api.post(cloud("hook/webhook/" + webhook.path("id").asLong() + "/rotate_secret/"), null));
		prepayment(this.tenant.department);
		Receiver.Received received = this.receiver.await("/rotated", 1).get(0);
		assertThat(received.header("webhook-signature")).matches("v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+");
		verifier(webhook).verify(received.body(), received.headers());
		verifier(rotated).verify(received.body(), received.headers());
		assertThat(received.header("webhook-signature").split(" ")[0])
			.isEqualTo("v1," + hmac(rotated.path("secret").asString(),
					received.id() + "." + received.header("webhook-timestamp") + "." + received.body()));
	}

	@Test
	void aDeliveryWhoseNodeDiedAfterPostingIsPostedAgainWhenTheLeaseRunsOut() {
		Dispatcher dispatcher = this.context.getBean(Dispatcher.class);
		DispatcherWorker worker = this.context.getBean(DispatcherWorker.class);
		webhook(12, "/crash", 1, null);
		// this node's own dispatcher stays out of it until the other node has died
		worker.stop();
		try {
			long prepayment = prepayment(this.tenant.department);
			long delivery = queue("").get(0).path("id").asLong();
			Instant now = dispatcher.now();
			List<Dispatcher.Claim> claims = dispatcher.claim("node-that-dies", 10, now);
			assertThat(claims).extracting(Dispatcher.Claim::id).containsExactly(delivery);
			Dispatcher.Outcome outcome = dispatcher.attempt(claims.get(0), now);
			assertThat(outcome.status()).isEqualTo(200);
			// ... and the node dies before recording it
			JsonNode orphan = delivery(delivery);
			assertThat(orphan.path("state").asString()).isEqualTo("pending");
			assertThat(orphan.path("attempts").asInt()).isEqualTo(1);
			// the tests' lease is 10 s
			assertThat(dispatcher.claim("another-node", 10, now.plusSeconds(9))).isEmpty();

			worker.start();
			this.clock.set(now.plusSeconds(11));
			List<Receiver.Received> received = this.receiver.await("/crash", 2);
			assertThat(received).extracting(Receiver.Received::id)
				.containsExactly(String.valueOf(delivery), String.valueOf(delivery));
			// the same body each time: the change's time, not the attempt's
			assertThat(received).extracting(Receiver.Received::body)
				.containsOnly("unallocatedpayment_id=" + prepayment + "&user="
						+ URLEncoder.encode(actor(), StandardCharsets.UTF_8) + "&timestamp="
						+ URLEncoder.encode(changedAt(delivery), StandardCharsets.UTF_8));
			JsonNode done = awaitState(delivery, "delivered");
			assertThat(done.path("attempts").asInt()).isEqualTo(2);
			assertThat(dispatcher.record(claims.get(0), "node-that-dies", outcome, now.plusSeconds(12)))
				.as("a node back from the dead cannot record over the attempt another node made")
				.isFalse();
			assertThat(delivery(delivery).path("attempts").asInt()).isEqualTo(2);
		}
		finally {
			worker.start();
		}
	}

	@Test
	void twoDispatchersOnOneDatabaseNeverSendOneAttemptTwice() throws Exception {
		Dispatcher dispatcher = this.context.getBean(Dispatcher.class);
		DispatcherWorker worker = this.context.getBean(DispatcherWorker.class);
		DSLContext dsl = this.context.getBean(DSLContext.class);
		for (String path : new String[] { "/race-a", "/race-b", "/race-c" }) {
			webhook(12, path, 1, null);
		}
		// two other nodes race for the queue; this node's own dispatcher sits it out
		worker.stop();
		try {
			for (int i = 0; i < 40; i++) {
				created(this.tenant.api.post(cloud("unallocatedpayment/"), Map.of("department", this.tenant.department,
						"client", this.tenant.client, "payment_type", 1, "paid", "5.00")));
			}
			List<JsonNode> queued = queue("");
			assertThat(queued).hasSize(120);

			Map<String, Integer> claimedBy = new ConcurrentHashMap<>();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService nodes = Executors.newFixedThreadPool(2);
			List<Future<Integer>> runs = new ArrayList<>();
			for (String node : new String[] { "node-a", "node-b" }) {
				runs.add(nodes.submit(() -> {
					start.await();
					int attempts = 0;
					// an empty claim may be a race lost: go on while anything is pending
					while (dsl.fetchExists(WEBHOOK_DELIVERY,
							WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(this.tenant.organizationId)
								.and(WEBHOOK_DELIVERY.STATE.eq("pending")))) {
						for (Dispatcher.Claim claim : dispatcher.claim(node, 5, dispatcher.now())) {
							claimedBy.merge(node, 1, Integer::sum);
							dispatcher.record(claim, node, dispatcher.attempt(claim, dispatcher.now()),
									dispatcher.now());
							attempts++;
						}
					}
					return attempts;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get(60, TimeUnit.SECONDS);
			}
			nodes.shutdown();

			assertThat(total).isEqualTo(120);
			Map<String, Integer> perId = new HashMap<>();
			for (String path : new String[] { "/race-a", "/race-b", "/race-c" }) {
				this.receiver.requests(path).forEach((r) -> perId.merge(r.id(), 1, Integer::sum));
			}
			Set<String> queuedIds = new HashSet<>();
			queued.forEach((entry) -> queuedIds.add(entry.path("id").asString()));
			assertThat(perId.keySet()).isEqualTo(queuedIds);
			assertThat(perId.values()).as("each delivery was posted exactly once").containsOnly(1);
			assertThat(queue("state=delivered&attempts=1")).hasSize(120);
			assertThat(claimedBy.keySet()).as("both nodes delivered some")
				.containsExactlyInAnyOrder("node-a", "node-b");
		}
		finally {
			worker.start();
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
