package org.vetbill.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrape endpoint's guard: closed (404) while no token is configured, whatever the
 * request carries; with a token, only {@code Bearer <token>} passes.
 */
class ScrapeTokenFilterTests {

	@Test
	void withoutAConfiguredTokenTheEndpointIsClosedToEveryone() throws Exception {
		ScrapeSecurity.ScrapeTokenFilter filter = new ScrapeSecurity.ScrapeTokenFilter("");
		for (String header : new String[] { null, "Bearer ", "Bearer", "" }) {
			Outcome outcome = run(filter, header);
			assertThat(outcome.passed).as(String.valueOf(header)).isFalse();
			assertThat(outcome.response.getStatus()).isEqualTo(404);
		}
	}

	@Test
	void withATokenOnlyThatBearerTokenPasses() throws Exception {
		ScrapeSecurity.ScrapeTokenFilter filter = new ScrapeSecurity.ScrapeTokenFilter("s3cret");
		assertThat(run(filter, "Bearer s3cret").passed).isTrue();
		for (String header : new String[] { null, "", "Bearer", "Bearer ", "bearer s3cret", "Bearer s3cre",
				"Bearer s3cretx", "s3cret", "Basic czNjcmV0" }) {
			Outcome outcome = run(filter, header);
			assertThat(outcome.passed).as(String.valueOf(header)).isFalse();
			assertThat(outcome.response.getStatus()).isEqualTo(401);
			assertThat(outcome.response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"metrics\"");
		}
	}

	private static Outcome run(ScrapeSecurity.ScrapeTokenFilter filter, String header) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicBoolean passed = new AtomicBoolean();
		FilterChain chain = (req, res) -> passed.set(true);
		filter.doFilter(request, response, chain);
		return new Outcome(passed.get(), response);
	}

	private record Outcome(boolean passed, MockHttpServletResponse response) {
	}

}
