package org.vetbill.shared.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which addresses outbound requests reach: public ones, and the ones the setting allows.
 */
class OutboundGuardTests {

	private final OutboundGuard strict = new OutboundGuard(new OutboundProperties(List.of()));

	@Test
	void internalAddressesAreNotPublic() throws UnknownHostException {
		for (String address : List.of("127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.0.1", "172.31.255.255",
				"192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
				"fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
				"2002:7f00:1::1", "ff02::1")) {
			assertThat(OutboundGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		for (String address : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34",
				"2606:4700:4700::1111", "2a00:1450:4001::1")) {
			assertThat(OutboundGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

	@Test
	void theSettingAllowsAddressesAndRanges() throws UnknownHostException {
		OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of(" 10.1.0.0/16", "::1", "192.168.5.5")));
		assertThat(guard.permits(InetAddress.getByName("10.1.200.3"))).isTrue();
		assertThat(guard.permits(InetAddress.getByName("10.2.0.1"))).isFalse();
		assertThat(guard.permits(InetAddress.getByName("::1"))).isTrue();
		assertThat(guard.permits(InetAddress.getByName("127.0.0.1"))).isFalse();
		assertThat(guard.permits(InetAddress.getByName("192.168.5.5"))).isTrue();
		assertThat(guard.permits(InetAddress.getByName("192.168.5.6"))).isFalse();
		assertThat(guard.permits(InetAddress.getByName("8.8.8.8"))).isTrue();
	}

	@Test
	void aSettingThatIsNoAddressStopsTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboundGuard(new OutboundProperties(List.of("intranet.example"))))
			.withMessageContaining("intranet.example");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboundGuard(new OutboundProperties(List.of("10.0.0.0/33"))));
	}

	@Test
	void aNameIsCheckedByTheAddressesItResolvesTo() throws UnknownHostException {
		assertThatExceptionOfType(OutboundRefused.class).isThrownBy(() -> this.strict.resolve("localhost"))
			.withMessageStartingWith("vetbill does not connect to localhost (")
			.withMessageEndingWith("): not a public address, and not in vetbill.outbound.allowed-addresses");
		assertThatExceptionOfType(OutboundRefused.class).isThrownBy(() -> this.strict.resolve("169.254.169.254"));
		OutboundGuard loopback = new OutboundGuard(new OutboundProperties(List.of("127.0.0.0/8")));
		assertThat(loopback.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
	}

	@Test
	void aUrlWithAnInternalAddressLiteralIsFoundWithoutALookUp() {
		assertThat(this.strict.literalProblem("http://127.0.0.1:8080/connect")).isEqualTo("127.0.0.1");
		assertThat(this.strict.literalProblem("http://10.0.0.1/")).isEqualTo("10.0.0.1");
		assertThat(this.strict.literalProblem("http://169.254.169.254/latest/meta-data/")).isEqualTo("169.254.169.254");
		assertThat(this.strict.literalProblem("https://[::1]/hook")).isEqualTo("0:0:0:0:0:0:0:1");
		assertThat(this.strict.literalProblem("https://8.8.8.8/hook")).isNull();
		// a name is checked when it is connected to
		assertThat(this.strict.literalProblem("http://localhost:8080/")).isNull();
		assertThat(this.strict.literalProblem("not a url")).isNull();
	}

}
