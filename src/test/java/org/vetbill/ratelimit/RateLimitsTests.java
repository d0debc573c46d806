package org.vetbill.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The limits of each action, the weight of a request, the wording of a refusal, and the
 * settings.
 */
class RateLimitsTests {

	private static final RateLimitedApi CLOUD = new RateLimitedApi("cloud", "/{provet_id}/api/0.1", "page_size", 50,
			300, Map.of("GET /invoice/", 60, "GET /invoice/{id}/", 250));

	private static final RateLimitedApi OWN = new RateLimitedApi("vetbill", "/{provet_id}/vetbill/v1", "limit", 50, 300,
			Map.of());

	private static RateLimitProperties properties(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("vetbill.rate-limit",
				RateLimitProperties.class);
	}

	private static RateLimits limits(Map<String, String> settings) {
		return new RateLimits(List.of(CLOUD, OWN), properties(settings));
	}

	@Test
	void anActionIsTheMethodAndTheHandlersPathTemplateBelowTheApisRoot() {
		RateLimits limits = limits(Map.of());
		RateLimits.Action list = limits.action("GET", "/{provet_id}/api/0.1/invoice/");
		assertThat(list).isNotNull();
		assertThat(list.api()).isEqualTo(CLOUD);
		assertThat(list.name()).isEqualTo("GET /invoice/");
		assertThat(list.limit()).isEqualTo(60);
		assertThat(limits.action("HEAD", "/{provet_id}/api/0.1/invoice/{id}/").limit()).isEqualTo(250);
		assertThat(limits.action("GET", "/{provet_id}/api/0.1/patient/").limit()).isEqualTo(300);
		assertThat(limits.action("GET", "/{provet_id}/vetbill/v1/invoices").name()).isEqualTo("GET /invoices");
		assertThat(limits.action("POST", "/{provet_id}/oauth2/token/")).isNull();
		assertThat(limits.action("GET", "/admin/v1/organizations")).isNull();
		assertThat(limits.action("GET", "/{provet_id}/api/0.10/invoice/")).isNull();
	}

	@Test
	void anApiAtTheServersRootHasOnlyThePathsItNames() {
		RateLimitedApi clinic = new RateLimitedApi("clinic", "", "limit", 100, 300, Map.of("GET /invoice/", 20),
				Pattern.compile("^/invoice(/.*)?$"));
		RateLimits limits = new RateLimits(List.of(clinic, CLOUD, OWN),
				properties(Map.of("vetbill.rate-limit.apis.clinic.limits", "PUT /invoice/{id} = 7")));
		RateLimits.Action list = limits.action("GET", "/invoice/");
		assertThat(list).isNotNull();
		assertThat(list.api()).isEqualTo(clinic);
		assertThat(list.name()).isEqualTo("GET /invoice/");
		assertThat(list.limit()).isEqualTo(20);
		assertThat(limits.action("GET", "/invoice/{id}").name()).isEqualTo("GET /invoice/{id}");
		assertThat(limits.action("GET", "/invoice/{id}").limit()).isEqualTo(300);
		assertThat(limits.action("PUT", "/invoice/{id}").limit()).isEqualTo(7);
		// the other APIs keep theirs, and what no API names is not limited
		assertThat(limits.action("GET", "/{provet_id}/api/0.1/invoice/").api()).isEqualTo(CLOUD);
		assertThat(limits.action("GET", "/{provet_id}/vetbill/v1/invoices").api()).isEqualTo(OWN);
		assertThat(limits.action("POST", "/token")).isNull();
		assertThat(limits.action("POST", "/{provet_id}/oauth2/token/")).isNull();
		assertThat(limits.action("GET", "/v3/api-docs/{group}")).isNull();
		assertThat(limits.action("GET", "/invoices")).isNull();
	}

	@Test
	void configuredLimitsReplaceThePublishedOnes() {
		RateLimits limits = limits(Map.of("vetbill.rate-limit.apis.cloud.limits",
				"GET /invoice/=120, post  /invoicepayment/ = 7", "vetbill.rate-limit.apis.cloud.default-limit", "250",
				"vetbill.rate-limit.apis.vetbill.limits[0]", "GET /invoices = 5"));
		assertThat(limits.limit("cloud", "GET /invoice/")).isEqualTo(120);
		assertThat(limits.limit("cloud", "GET /invoice/{id}/")).isEqualTo(250);
		assertThat(limits.limit("cloud", "POST /invoicepayment/")).isEqualTo(7);
		assertThat(limits.limit("cloud", "GET /patient/")).isEqualTo(250);
		assertThat(limits.limit("vetbill", "GET /invoices")).isEqualTo(5);
		assertThat(limits.limit("vetbill", "GET /clients")).isEqualTo(300);
	}

	@Test
	void theSettingsCanBeGivenAsEnvironmentVariables() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("VETBILL_RATELIMIT_APIS_CLOUD_LIMITS", "GET /invoice/ = 120, GET /client/{id}/=7",
						"VETBILL_RATELIMIT_APIS_CLOUD_DEFAULTLIMIT", "200", "VETBILL_RATELIMIT_STORE", "redis",
						"VETBILL_RATELIMIT_REDISURL", "redis://cache:6379/2"));
		RateLimitProperties properties = new Binder(ConfigurationPropertySources.from(environment))
			.bindOrCreate("vetbill.rate-limit", RateLimitProperties.class);
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.store()).isEqualTo(RateLimitProperties.Store.REDIS);
		assertThat(properties.redisUrl()).isEqualTo("redis://cache:6379/2");
		RateLimits limits = new RateLimits(List.of(CLOUD, OWN), properties);
		assertThat(limits.limit("cloud", "GET /invoice/")).isEqualTo(120);
		assertThat(limits.limit("cloud", "GET /client/{id}/")).isEqualTo(7);
		assertThat(limits.limit("cloud", "GET /invoice/{id}/")).isEqualTo(250);
		assertThat(limits.limit("cloud", "GET /patient/")).isEqualTo(200);
	}

	@Test
	void aMistakeInTheSettingsStopsTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits(Map.of("vetbill.rate-limit.apis.cloud.limits", "GET /invoice/")))
			.withMessageContaining("METHOD /path/template/ = requests per minute");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits(Map.of("vetbill.rate-limit.apis.cloud.limits", "GET invoice/ = 5")))
			.withMessageContaining("starts with /");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits(Map.of("vetbill.rate-limit.apis.cloud.limits", "FETCH /invoice/ = 5")))
			.withMessageContaining("the method must be one of");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits(Map.of("vetbill.rate-limit.apis.cloud.limits", "GET /invoice/ = 0")))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits(Map.of("vetbill.rate-limit.apis.cloud.limits", "GET /invoice/ = many")))
			.withMessageContaining("not a whole number");
		assertThatIllegalStateException()
			.isThrownBy(() -> limits(Map.of("vetbill.rate-limit.apis.clinic.default-limit", "5")))
			.withMessageContaining("names no such API: [clinic]");
	}

	@Test
	void aListWeighsItsPageSizeInDefaultPagesRoundedUp() {
		RateLimits.Action list = limits(Map.of()).action("GET", "/{provet_id}/api/0.1/invoice/");
		assertThat(weight(list, "GET", null)).isEqualTo(1);
		assertThat(weight(list, "GET", "1")).isEqualTo(1);
		assertThat(weight(list, "GET", "50")).isEqualTo(1);
		assertThat(weight(list, "GET", "51")).isEqualTo(2);
		assertThat(weight(list, "GET", "500")).isEqualTo(10);
		assertThat(weight(list, "GET", " 1000 ")).isEqualTo(20);
		// never more than the whole budget; what the handler refuses weighs 1
		assertThat(weight(list, "GET", "100000")).isEqualTo(60);
		assertThat(weight(list, "GET", "0")).isEqualTo(1);
		assertThat(weight(list, "GET", "-5")).isEqualTo(1);
		assertThat(weight(list, "GET", "ten")).isEqualTo(1);
		assertThat(weight(list, "POST", "500")).isEqualTo(1);
		RateLimits.Action own = limits(Map.of()).action("GET", "/{provet_id}/vetbill/v1/invoices");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/1234/vetbill/v1/invoices");
		request.setQueryString("limit=120&page_size=500");
		assertThat(own.weight(request)).isEqualTo(3);
		// the page size is read from the query alone, never from a body
		MockHttpServletRequest inBody = new MockHttpServletRequest("GET", "/1234/vetbill/v1/invoices");
		inBody.setParameter("limit", "120");
		assertThat(own.weight(inBody)).isEqualTo(1);
		assertThat(weight(list, "GET", "%zz")).isEqualTo(1);
	}

	private static long weight(RateLimits.Action action, String method, String pageSize) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/1234/api/0.1/invoice/");
		if (pageSize != null) {
			request.setQueryString("page_size=" + pageSize.replace(" ", "+"));
		}
		return action.weight(request);
	}

	@Test
	void aRefusalIsWordedAsDjangoRestFrameworkDoesInWholeSecondsRoundedUp() {
		assertThat(RateLimitFilter.retryAfterSeconds(0)).isEqualTo(1);
		assertThat(RateLimitFilter.retryAfterSeconds(1)).isEqualTo(1);
		assertThat(RateLimitFilter.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
		assertThat(RateLimitFilter.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
		assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofMillis(22_400).toNanos())).isEqualTo(23);
		assertThat(RateLimitFilter.detail(1)).isEqualTo("Request was throttled. Expected available in 1 second.");
		assertThat(RateLimitFilter.detail(23)).isEqualTo("Request was throttled. Expected available in 23 seconds.");
	}

	@Test
	void aBucketRefillsItsLimitInAMinuteEvenlyAndNeverBeyondIt() {
		FakeTime time = new FakeTime();
		try (MemoryRateLimiter limiter = new MemoryRateLimiter(time, 10, time::nanos)) {
			for (int i = 0; i < 60; i++) {
				assertThat(limiter.tryConsume("k", 60, 1).isConsumed()).isTrue();
			}
			assertThat(limiter.tryConsume("k", 60, 1).getNanosToWaitForRefill()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
			time.advance(Duration.ofMillis(30_500));
			for (int i = 0; i < 30; i++) {
				assertThat(limiter.tryConsume("k", 60, 1).isConsumed()).isTrue();
			}
			assertThat(limiter.tryConsume("k", 60, 1).isConsumed()).isFalse();
			time.advance(Duration.ofHours(1));
			assertThat(limiter.tryConsume("k", 60, 61).isConsumed()).isFalse();
			assertThat(limiter.tryConsume("k", 60, 60).isConsumed()).isTrue();
		}
	}

	@Test
	void memoryBucketsLeftAloneForAMinuteAreDropped() {
		FakeTime time = new FakeTime();
		try (MemoryRateLimiter limiter = new MemoryRateLimiter(time, 1000, time::nanos)) {
			for (int i = 0; i < 100; i++) {
				limiter.tryConsume("client " + i, 60, 1);
			}
			assertThat(limiter.size()).isEqualTo(100);
			time.advance(Duration.ofSeconds(30));
			limiter.tryConsume("client 7", 60, 1);
			time.advance(Duration.ofSeconds(31));
			assertThat(limiter.size()).isEqualTo(1);
			time.advance(Duration.ofSeconds(30));
			assertThat(limiter.size()).isZero();
		}
		try (MemoryRateLimiter bounded = new MemoryRateLimiter(time, 10, time::nanos)) {
			for (int i = 0; i < 100; i++) {
				bounded.tryConsume("client " + i, 60, 1);
			}
			assertThat(bounded.size()).isLessThanOrEqualTo(10);
		}
	}

	@Test
	void theSwitchTurnsRateLimitingOff() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withUserConfiguration(RateLimitConfiguration.class);
		runner.withPropertyValues("vetbill.rate-limit.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RateLimiter.class)
				.doesNotHaveBean(RateLimits.class)
				.doesNotHaveBean("rateLimitFilter"));
	}

	/**
	 * A time that moves only when told, for the buckets and the cache alike.
	 */
	private static final class FakeTime implements TimeMeter {

		private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

		long nanos() {
			return this.nanos.get();
		}

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
