package org.vetbill.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestDatabase;
import org.vetbill.support.TestTenant;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits over real HTTP, in the store the database selects by default: memory on
 * H2, PostgreSQL on PostgreSQL. The clock is pinned, so buckets refill only when a test
 * moves it.
 */
class RateLimitIntegrationTests extends IntegrationTest {

	private static final String ONE_SECOND = "{\"detail\":\"Request was throttled. Expected available in 1 second.\"}";

	private TestTenant tenant;

	private Api api;

	@BeforeEach
	void setUp() {
		// the real time, so that the database store's clean-up (by the system clock)
		// keeps
		// the buckets of the test
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.tenant = newTenant();
		this.api = this.tenant.api.expectingThrottling();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private static void assertStatus(ApiResponse response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

	private static void assertThrottled(ApiResponse response, String retryAfter) {
		assertStatus(response, 429);
		assertThat(response.header("Retry-After")).hasValue(retryAfter);
	}

	@Test
	void theStoreIsTheDatabaseOnPostgresqlAndMemoryOnH2() {
		RateLimiter limiter = this.context.getBean(RateLimiter.class);
		assertThat(limiter).isInstanceOf(TestDatabase.isPostgres() ? SharedRateLimiter.class : MemoryRateLimiter.class);
	}

	@Test
	void theInvoiceListTakesExactlySixtyRequestsThenAnswers429TheWayDrfDoes() {
		for (int i = 0; i < 60; i++) {
			assertStatus(this.api.get(cloud("invoice/")), 200);
		}
		ApiResponse throttled = this.api.get(cloud("invoice/"));
		assertThrottled(throttled, "1");
		assertThat(throttled.raw()).isEqualTo(ONE_SECOND);
		assertThat(throttled.header("Content-Type")).hasValue("application/json");

		// the budget comes back at 60 a minute, one a second, and never beyond 60
		this.clock.advance(Duration.ofSeconds(1));
		assertStatus(this.api.get(cloud("invoice/")), 200);
		assertThrottled(this.api.get(cloud("invoice/")), "1");
		this.clock.advance(Duration.ofMinutes(5));
		for (int i = 0; i < 60; i++) {
			assertStatus(this.api.get(cloud("invoice/")), 200);
		}
		assertThrottled(this.api.get(cloud("invoice/")), "1");
	}

	@Test
	void aPageOfFiveHundredWeighsTenRequests() {
		for (int i = 0; i < 6; i++) {
			assertStatus(this.api.get(cloud("invoice/?page_size=500")), 200);
		}
		ApiResponse throttled = this.api.get(cloud("invoice/?page_size=500"));
		assertThrottled(throttled, "10");
		assertThat(throttled.raw())
			.isEqualTo("{\"detail\":\"Request was throttled. Expected available in 10 seconds.\"}");
		this.clock.advance(Duration.ofSeconds(9));
		assertThrottled(this.api.get(cloud("invoice/?page_size=500")), "1");
		// a default page needs only one of the nine requests back by now
		assertStatus(this.api.get(cloud("invoice/")), 200);
		this.clock.advance(Duration.ofSeconds(2));
		assertStatus(this.api.get(cloud("invoice/?page_size=500")), 200);
	}

	@Test
	void limitsArePerClientAndPerAction() {
		long invoice = this.tenant.api
			.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department, "rows",
					List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))))
			.id();
		for (int i = 0; i < 3; i++) {
			assertStatus(this.api.get(cloud("invoice/?page_size=1000")), 200);
		}
		assertThrottled(this.api.get(cloud("invoice/")), "1");

		// other actions of the same client
		assertStatus(this.api.get(cloud("invoice/" + invoice + "/")), 200);
		assertStatus(this.api.get(cloud("invoicerow/")), 200);
		assertStatus(this.api.get(this.tenant.path("/invoices")), 200);
		// another client of the same organization, and a client of another organization
		assertStatus(this.tenant.apiWith("read").get(cloud("invoice/")), 200);
		TestTenant other = newTenant();
		assertStatus(other.api.get("/" + other.provetId + "/api/0.1/invoice/"), 200);
		// the same client is still throttled
		assertThrottled(this.api.get(cloud("invoice/")), "1");
	}

	@Test
	void ofAHundredParallelRequestsExactlySixtyPass() throws Exception {
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(100)) {
			for (int i = 0; i < 100; i++) {
				answers.add(executor.submit(() -> this.api.get(cloud("invoice/")).status()));
			}
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(60);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(40);
	}

	@Test
	void vetbillsOwnApiAnswersWithItsProblemDetails() {
		// 300 a minute for every action; limit=500 weighs 10
		for (int i = 0; i < 30; i++) {
			assertStatus(this.api.get(this.tenant.path("/invoices?limit=500")), 200);
		}
		ApiResponse throttled = this.api.get(this.tenant.path("/invoices?limit=500"));
		assertThrottled(throttled, "2");
		assertThat(throttled.header("Content-Type")).hasValue("application/problem+json");
		assertThat(throttled.get("status").asInt()).isEqualTo(429);
		assertThat(throttled.get("code").asString()).isEqualTo("throttled");
		assertThat(throttled.get("title").asString()).isEqualTo("Too Many Requests");
		assertThat(throttled.get("detail").asString())
			.isEqualTo("Request was throttled. Expected available in 2 seconds.");
		// five a second come back; another action has its own budget
		assertThrottled(this.api.get(this.tenant.path("/invoices")), "1");
		assertStatus(this.api.get(this.tenant.path("/clients")), 200);
		this.clock.advance(Duration.ofSeconds(1));
		for (int i = 0; i < 5; i++) {
			assertStatus(this.api.get(this.tenant.path("/invoices")), 200);
		}
		assertThrottled(this.api.get(this.tenant.path("/invoices")), "1");
	}

	@Test
	void aThrottledPostRunsNothingAndItsIdempotencyKeyIsFree() {
		long invoice = this.tenant.api
			.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department, "rows",
					List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))))
			.id();
		assertStatus(this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/finalize"), null), 200);
		// 300 refused payments use up the budget of POST /invoicepayment/ (the limit
		// comes
		// first, whatever the request holds)
		for (int i = 0; i < 300; i++) {
			assertStatus(this.api.post(cloud("invoicepayment/"), Map.of()), 400);
		}
		Map<String, Object> payment = Map.of("invoice", invoice, "payment_type", 1, "paid", "10.00");
		ApiResponse throttled = this.api.post(cloud("invoicepayment/"), payment, "Idempotency-Key", "pay-1");
		assertThrottled(throttled, "1");
		assertThat(throttled.raw()).isEqualTo(ONE_SECOND);
		assertThat(this.api.get(cloud("invoicepayment/?invoice=" + invoice)).get("count").asInt()).isZero();

		this.clock.advance(Duration.ofSeconds(1));
		ApiResponse paid = this.api.post(cloud("invoicepayment/"), payment, "Idempotency-Key", "pay-1");
		assertStatus(paid, 201);
		assertThat(paid.header("Idempotent-Replayed")).isEmpty();
		ApiResponse replayed = this.api.post(cloud("invoicepayment/"), payment, "Idempotency-Key", "pay-1");
		assertStatus(replayed, 201);
		assertThat(replayed.header("Idempotent-Replayed")).hasValue("true");
		assertThat(this.api.get(cloud("invoicepayment/?invoice=" + invoice)).get("count").asInt()).isOne();
	}

	@Test
	void requestsWithoutCredentialsAndTheTokenEndpointAreNotCountedPerClient() {
		for (int i = 0; i < 3; i++) {
			assertStatus(this.api.get(cloud("invoice/?page_size=1000")), 200);
		}
		assertThrottled(this.api.get(cloud("invoice/")), "1");
		ApiResponse anonymous = this.tenant.anonymous.get(cloud("invoice/"));
		assertStatus(anonymous, 401);
		// a new token of the same API client is the same client
		assertThrottled(this.tenant.freshApi().expectingThrottling().get(cloud("invoice/")), "1");
		// a path without its slash is redirected before anything is counted
		assertStatus(this.api.get(cloud("invoice")), 301);
	}

	@Test
	void thePublishedNumbersApplyToTheHandlersThatServeThem() {
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> served = new HashSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/{provet_id}/api/0.1/")) {
					info.getMethodsCondition()
						.getMethods()
						.forEach((method) -> served.add(method.name() + " " + pattern.substring(20)));
				}
			}
		}
		assertThat(served).contains("GET /invoice/", "GET /invoice/{id}/", "GET /invoicerow/", "GET /invoicerow/{id}/",
				"GET /invoicepayment/", "POST /invoicepayment/", "GET /invoicepayment/{id}/",
				"POST /invoicepayment/{id}/cancel_payment/", "POST /invoice/{id}/full_refund/",
				"POST /invoice/{id}/partial_refund/", "GET /unallocatedpayment/", "POST /unallocatedpayment/",
				"GET /unallocatedpayment/{id}/", "POST /unallocatedpayment/{id}/cancel/", "GET /client/",
				"GET /client/{id}/", "GET /item/", "GET /department/", "GET /department/{id}/", "GET /vatgroup/",
				"GET /vatgroup/{id}/", "GET /settings/department/", "GET /settings/department/{id}/",
				"PATCH /settings/department/{id}/", "GET /consultation/");
		RateLimits limits = this.context.getBean(RateLimits.class);
		assertThat(limits.limit("cloud", "GET /invoice/")).isEqualTo(60);
		assertThat(limits.limit("cloud", "GET /invoice/{id}/")).isEqualTo(250);
		assertThat(limits.limit("cloud", "GET /invoicerow/")).isEqualTo(100);
		assertThat(limits.limit("cloud", "GET /unallocatedpayment/")).isEqualTo(200);
		assertThat(limits.limit("cloud", "GET /unallocatedpayment/{id}/")).isEqualTo(800);
		assertThat(limits.limit("cloud", "POST /invoicepayment/{id}/cancel_payment/")).isEqualTo(100);
		assertThat(limits.limit("cloud", "POST /invoice/{id}/full_refund/")).isEqualTo(100);
		assertThat(limits.limit("cloud", "GET /client/")).isEqualTo(125);
		assertThat(limits.limit("cloud", "GET /patient/")).isEqualTo(300);
		assertThat(limits.limit("vetbill", "GET /invoices")).isEqualTo(300);
	}

}
