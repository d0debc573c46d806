package org.vetbill.shared.net;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outbound requests ({@code vetbill.outbound.*}).
 *
 * @param allowedAddresses addresses (such as {@code 10.0.0.5}) and CIDR ranges (such as
 * {@code 10.0.0.0/24} or {@code 127.0.0.0/8}) that outbound requests may reach although
 * they are not public; empty (the default) to reach public addresses only
 */
@ConfigurationProperties("vetbill.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedAddresses) {

	public OutboundProperties {
		allowedAddresses = allowedAddresses.stream().map(String::strip).filter((a) -> !a.isEmpty()).toList();
	}

}
