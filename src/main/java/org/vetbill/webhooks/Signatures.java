package org.vetbill.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Webhook signing secrets and signatures as Standard Webhooks defines them: a secret is
 * {@code whsec_} followed by the base64 of 32 random bytes, which are the HMAC key; a
 * signature is {@code v1,} followed by the base64 of HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class Signatures {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Signatures() {
	}

	static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The {@code v1,<base64>} signature of a message.
	 * @param secret the secret, {@code whsec_...}
	 * @param id the message's {@code webhook-id}
	 * @param timestamp its {@code webhook-timestamp}, in seconds
	 * @param body the body exactly as sent
	 * @return the signature
	 */
	static String sign(String secret, String id, long timestamp, String body) {
		try {
			return new Webhook(secret).sign(id, timestamp, body);
		}
		catch (EmptyWebhookSecretException | WebhookSigningException ex) {
			throw new IllegalStateException("cannot sign with the webhook's secret", ex);
		}
	}

}
