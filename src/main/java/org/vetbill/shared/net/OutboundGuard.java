package org.vetbill.shared.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one guard of every request vetbill makes to a URL a tenant gave it (a Connect
 * endpoint to import from, a webhook's target): only public addresses are reached, and
 * others only where {@code vetbill.outbound.allowed-addresses} allows them. The check is
 * made where the connection is made: the client {@link #httpClient} builds resolves the
 * host once, keeps only the addresses the guard permits, and connects to those, so a name
 * that resolves to a public address when the URL is saved and to an internal one later
 * (DNS rebinding) is refused too. Redirects are never followed (a public server could
 * otherwise send the request on inward), and no system proxy is used.
 * {@link #literalProblem} lets a use case refuse a URL whose host is an internal address
 * literal when it is saved, as a clear error; the check at connection time is the guard.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundGuard {

	/**
	 * The ranges that are not public: this network, private, shared (carrier-grade NAT),
	 * loopback, link-local (cloud metadata at 169.254.169.254), protocol assignments,
	 * documentation, benchmarking, multicast, reserved and broadcast; in IPv6 the
	 * unspecified and loopback addresses, IPv4-compatible addresses, NAT64, discard,
	 * Teredo, 6to4, documentation, unique-local, link-local, site-local and multicast.
	 * (Java reads an IPv4-mapped IPv6 address as the IPv4 address it maps.)
	 */
	private static final List<AddressRange> NOT_PUBLIC = List
		.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
				"192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
				"224.0.0.0/4", "240.0.0.0/4", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32",
				"2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
		.stream()
		.map(AddressRange::parse)
		.toList();

	private final List<AddressRange> allowed;

	public OutboundGuard(OutboundProperties properties) {
		this.allowed = properties.allowedAddresses().stream().map(AddressRange::parse).toList();
	}

	/**
	 * Whether an address is public: in none of the ranges reserved for private, loopback,
	 * link-local or other special use.
	 * @param address the address
	 * @return true for a public address
	 */
	public static boolean isPublic(InetAddress address) {
		return NOT_PUBLIC.stream().noneMatch((range) -> range.contains(address));
	}

	/**
	 * Whether outbound requests may reach an address: a public one, or one the setting
	 * allows.
	 * @param address the address
	 * @return true when it may be reached
	 */
	public boolean permits(InetAddress address) {
		return isPublic(address) || this.allowed.stream().anyMatch((range) -> range.contains(address));
	}

	/**
	 * Resolves a host once and keeps the addresses that may be reached.
	 * @param host a name or an address literal
	 * @return the addresses to connect to, at least one
	 * @throws OutboundRefused when it resolves to no address that may be reached
	 * @throws UnknownHostException when it does not resolve
	 */
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] all = InetAddress.getAllByName(host);
		InetAddress[] permitted = Arrays.stream(all).filter(this::permits).toArray(InetAddress[]::new);
		if (permitted.length == 0) {
			throw new OutboundRefused(host,
					Arrays.stream(all).map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
		}
		return permitted;
	}

	/**
	 * What is wrong with a URL whose host is written as an address that may not be
	 * reached, found without a look-up (a name is checked when it is connected to).
	 * @param url the URL
	 * @return the address that may not be reached, or null
	 */
	public @Nullable String literalProblem(String url) {
		String host;
		try {
			host = new URI(url.strip()).getHost();
		}
		catch (URISyntaxException ex) {
			return null;
		}
		if (host == null) {
			return null;
		}
		byte[] bytes = AddressRange.literal(host);
		if (bytes == null) {
			return null;
		}
		try {
			InetAddress address = InetAddress.getByAddress(bytes);
			return permits(address) ? null : address.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * An HTTP client whose every connection goes through this guard, following no
	 * redirect and using no proxy. Close it when done with it.
	 * @param connectTimeout how long connecting may take
	 * @param responseTimeout how long to wait for the answer (between two packets)
	 * @return the client
	 */
	public CloseableHttpClient httpClient(Duration connectTimeout, Duration responseTimeout) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedResolver(this))
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(connectTimeout))
					.setSocketTimeout(Timeout.of(responseTimeout))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
	}

	/**
	 * The HTTP client's resolver: the guard's, so the addresses it connects to are the
	 * ones checked.
	 */
	private record GuardedResolver(OutboundGuard guard) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return this.guard.resolve(host);
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			return Arrays.stream(resolve(host)).map((address) -> new InetSocketAddress(address, port)).toList();
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			// never asked for: no Kerberos/SPNEGO authentication is configured
			return this.guard.resolve(host)[0].getCanonicalHostName();
		}

	}

}
