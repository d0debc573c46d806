package org.vetbill.ratelimit;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weighing a list request against the rate limit reads its page size from the query: a
 * malformed multipart body used to make the weighing fail, which the filter took for a
 * failure of its store and let the request through unlimited (found by the fuzzer).
 */
class RateLimitWeightIntegrationTests extends IntegrationTest {

	@Test
	void aListWithAMalformedMultipartBodyIsStillCountedAgainstTheLimit() {
		TestTenant tenant = newTenant();
		Api api = tenant.api.expectingThrottling();
		List<Integer> statuses = new ArrayList<>();

		// GET /invoice/ allows 60 a minute; a page of 1000 weighs 20
		for (int i = 0; i < 5; i++) {
			statuses.add(api.send(api.request("/" + tenant.provetId + "/api/0.1/invoice/?page_size=1000")
				.header("Content-Type", "multipart/form-data")
				.method("GET", HttpRequest.BodyPublishers.ofString("x"))).status());
		}

		assertThat(statuses).startsWith(400, 400, 400).contains(429);
	}

}
