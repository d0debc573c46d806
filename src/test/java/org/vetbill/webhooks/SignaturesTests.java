package org.vetbill.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignaturesTests {

	@Test
	void aSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
		String secret = Signatures.newSecret();
		assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(Signatures.newSecret()).isNotEqualTo(secret);
	}

	@Test
	void theSignatureIsTheHmacSha256OfIdTimestampAndBodyUnderTheDecodedSecret() throws Exception {
		// the example of the Standard Webhooks specification
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		String body = "{\"test\": 2432232314}";
		String signature = Signatures.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		String expected = Base64.getEncoder()
			.encodeToString(
					mac.doFinal(("msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330." + body).getBytes(StandardCharsets.UTF_8)));
		assertThat(signature).isEqualTo("v1," + expected);
	}

	@Test
	void aReceiverWithTheLibraryAcceptsTheSignatureAndRefusesAnyChange() throws Exception {
		String secret = Signatures.newSecret();
		long now = System.currentTimeMillis() / 1000;
		String signature = Signatures.sign(secret, "42", now, "invoice_id=7");
		Webhook receiver = new Webhook(secret);
		receiver.verify("invoice_id=7", headers("42", now, signature));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> receiver.verify("invoice_id=8", headers("42", now, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> receiver.verify("invoice_id=7", headers("43", now, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(
				() -> new Webhook(Signatures.newSecret()).verify("invoice_id=7", headers("42", now, signature)));
	}

	private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(String.valueOf(timestamp)),
				"webhook-signature", List.of(signature));
	}

}
