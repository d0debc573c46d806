package org.vetbill.shared.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which peers' forwarded headers are believed.
 */
class ForwardedHeadersTests {

	private static final ForwardedHeaders.TrustedProxyFilter LOOPBACK = new ForwardedHeaders.TrustedProxyFilter(
			new ForwardedHeaders.Properties(List.of("127.0.0.0/8", "::1")).trustedProxies());

	@Test
	void byDefaultOnlyTheLoopbackIsTrustedNotEveryPrivateAddress() {
		assertThat(LOOPBACK.trusts("127.0.0.1")).isTrue();
		assertThat(LOOPBACK.trusts("127.10.0.3")).isTrue();
		assertThat(LOOPBACK.trusts("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(LOOPBACK.trusts("::1")).isTrue();
		assertThat(LOOPBACK.trusts("10.0.0.1")).isFalse();
		assertThat(LOOPBACK.trusts("172.16.0.1")).isFalse();
		assertThat(LOOPBACK.trusts("192.168.1.10")).isFalse();
		assertThat(LOOPBACK.trusts("169.254.0.1")).isFalse();
		assertThat(LOOPBACK.trusts("fe80::1")).isFalse();
		ForwardedHeaders.TrustedProxyFilter subnet = new ForwardedHeaders.TrustedProxyFilter(
				List.of("10.1.2.0/24", " 192.0.2.7"));
		assertThat(subnet.trusts("10.1.2.200")).isTrue();
		assertThat(subnet.trusts("10.1.3.1")).isFalse();
		assertThat(subnet.trusts("192.0.2.7")).isTrue();
		assertThat(subnet.trusts("127.0.0.1")).isFalse();
		assertThat(new ForwardedHeaders.TrustedProxyFilter(List.of()).trusts("127.0.0.1")).isFalse();
	}

	@Test
	void aTrustedProxysHeadersAreAppliedAndAnyoneElsesRemoved() throws Exception {
		assertThat(seen("127.0.0.1")).containsExactly("https", "erp.example", "8443", "null");
		assertThat(seen("192.168.1.10")).containsExactly("http", "localhost", "80", "null");
	}

	/** Scheme, host, port and X-Forwarded-Host as the application sees the request. */
	private static List<String> seen(String peer) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/1234/api/0.1/invoice/");
		request.setRemoteAddr(peer);
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "erp.example:8443");
		List<String> seen = new ArrayList<>();
		LOOPBACK.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				HttpServletRequest http = (HttpServletRequest) req;
				seen.add(http.getScheme());
				seen.add(http.getServerName());
				seen.add(String.valueOf(http.getServerPort()));
				seen.add(String.valueOf(http.getHeader("X-Forwarded-Host")));
			}
		});
		return seen;
	}

}
