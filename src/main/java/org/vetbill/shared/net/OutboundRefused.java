package org.vetbill.shared.net;

import java.net.UnknownHostException;

/**
 * An outbound request refused before connecting, because its host is or resolves to an
 * address that is not public and that {@code vetbill.outbound.allowed-addresses} does not
 * allow. An {@link UnknownHostException}, so HTTP clients pass it on from their resolver
 * as they would a name that does not resolve.
 */
public final class OutboundRefused extends UnknownHostException {

	private static final long serialVersionUID = 1L;

	OutboundRefused(String host, String addresses) {
		super("vetbill does not connect to " + host + " (" + addresses + "): not a public address, and not in "
				+ "vetbill.outbound.allowed-addresses");
	}

}
