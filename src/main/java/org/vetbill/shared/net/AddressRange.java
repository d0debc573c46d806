package org.vetbill.shared.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * An address or a range of addresses in CIDR notation ({@code 10.0.0.0/8},
 * {@code fc00::/7}, {@code 127.0.0.1}).
 *
 * @param network the range's first address, as bytes (4 for IPv4, 16 for IPv6)
 * @param bits how many leading bits an address must share with it
 */
record AddressRange(byte[] network, int bits) {

	/**
	 * Reads a range.
	 * @param text an address literal, with an optional {@code /bits}
	 * @return the range
	 * @throws IllegalArgumentException when it is not an address literal or the bits are
	 * out of range
	 */
	static AddressRange parse(String text) {
		String trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		String address = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address or a CIDR range");
		}
		int bits = bytes.length * 8;
		if (slash >= 0) {
			try {
				bits = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + text + "' has no valid prefix length", ex);
			}
			if (bits < 0 || bits > bytes.length * 8) {
				throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
			}
		}
		return new AddressRange(bytes, bits);
	}

	/**
	 * The bytes of an IP address literal, without any look-up.
	 * @param text the text, an IPv4 dotted quad or an IPv6 address (optionally in
	 * brackets)
	 * @return the bytes, or null when the text is not an IP address literal
	 */
	static byte @org.jspecify.annotations.Nullable [] literal(String text) {
		String address = text.strip();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = address.contains(":") && address.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+");
		if (!ipv4 && !ipv6) {
			return null;
		}
		try {
			// a literal: no name is looked up
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int whole = this.bits / 8;
		for (int i = 0; i < whole; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.bits % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[whole] & mask) == (this.network[whole] & mask);
	}

}
