package org.vetbill.api.connect;

import org.junit.jupiter.api.Test;

import org.springframework.http.InvalidMediaTypeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the Connect API chooses JSON or XML from {@code Accept}.
 */
class ConnectFormatTests {

	@Test
	void jsonUnlessTheClientPrefersXml() {
		assertThat(ConnectFormat.negotiate(null)).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.negotiate(" ")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.negotiate("*/*")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.negotiate("application/*")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.negotiate("application/json")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.negotiate("application/xml")).isEqualTo(ConnectFormat.XML);
		assertThat(ConnectFormat.negotiate("text/xml")).isEqualTo(ConnectFormat.TEXT_XML);
		assertThat(ConnectFormat.negotiate("text/*")).isEqualTo(ConnectFormat.TEXT_XML);
	}

	@Test
	void qualityValuesThenTheClientsOrderDecide() {
		assertThat(ConnectFormat.negotiate("application/json;q=0.5, application/xml")).isEqualTo(ConnectFormat.XML);
		assertThat(ConnectFormat.negotiate("application/xml;q=0.5, */*;q=0.6")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.negotiate("application/xml, application/json")).isEqualTo(ConnectFormat.XML);
		assertThat(ConnectFormat.negotiate("text/xml, application/xml")).isEqualTo(ConnectFormat.TEXT_XML);
		// the most specific range decides a format's quality
		assertThat(ConnectFormat.negotiate("application/json;q=0, */*")).isEqualTo(ConnectFormat.XML);
		assertThat(ConnectFormat.negotiate("*/*;q=0.1, application/json;q=0.2")).isEqualTo(ConnectFormat.JSON);
	}

	@Test
	void noFormatWhenNoneIsAcceptable() {
		assertThat(ConnectFormat.negotiate("text/html")).isNull();
		assertThat(ConnectFormat.negotiate("application/json;q=0, application/xml;q=0, text/xml;q=0")).isNull();
		assertThat(ConnectFormat.negotiate("*/*;q=0")).isNull();
		assertThatExceptionOfType(InvalidMediaTypeException.class)
			.isThrownBy(() -> ConnectFormat.negotiate("not a type"));
		assertThat(ConnectFormat.forError("text/html")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.forError("not a type")).isEqualTo(ConnectFormat.JSON);
		assertThat(ConnectFormat.forError("text/xml")).isEqualTo(ConnectFormat.TEXT_XML);
	}

}
