package org.vetbill.documents.sending;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sending invoices ({@code vetbill.sending.*}). The mail server itself is
 * Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} emails are
 * written as {@code .eml} files to {@code mailFolder} instead.
 *
 * @param workerEnabled whether this node sends (every node may: they share the queue
 * without making one attempt twice)
 * @param pollInterval how often the worker looks for sendings that are due (a sending
 * committed on this node wakes it at once)
 * @param lease how long an attempt is reserved for the node that claimed it; longer than
 * the mail timeouts, since a node that dies leaves its attempt to others after this
 * @param retryBase the wait after the first failed attempt; it doubles after each further
 * failure
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts attempts before a sending is given up (failed)
 * @param from the sender address of the emails (the clinic's own address, when it has
 * one, is the Reply-To)
 * @param mailFolder where emails are written as {@code .eml} files when no mail server is
 * configured
 * @param einvoiceOutbox the folder e-invoice files are written to, which the e-invoicing
 * operator's connector reads
 * @param einvoiceFormat which file the outbox takes: {@code FINVOICE} or {@code UBL}
 */
@ConfigurationProperties("vetbill.sending")
record SendingProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("5m") Duration lease, @DefaultValue("1m") Duration retryBase,
		@DefaultValue("1h") Duration retryMax, @DefaultValue("8") int maxAttempts,
		@DefaultValue("vetbill@localhost") String from, @DefaultValue("data/mail") Path mailFolder,
		@DefaultValue("data/einvoice-outbox") Path einvoiceOutbox,
		@DefaultValue("FINVOICE") EInvoiceFormat einvoiceFormat) {

	SendingProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("vetbill.sending.max-attempts must be at least 1");
		}
		if (pollInterval.isNegative() || pollInterval.isZero() || retryBase.isNegative() || retryBase.isZero()
				|| retryMax.compareTo(retryBase) < 0 || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("vetbill.sending.poll-interval, lease and retry-base must be positive "
					+ "and retry-max at least retry-base");
		}
	}

	/** The e-invoice formats the outbox can take. */
	enum EInvoiceFormat {

		/** Finvoice 3.0, for Finnish e-invoicing operators. */
		FINVOICE,

		/** Peppol BIS Billing 3.0 UBL, for Peppol access points. */
		UBL

	}

	/**
	 * When to try again after a failed attempt: retryBase × 2^(attempt − 1), at most
	 * retryMax.
	 * @param attempt the attempt that failed, from 1
	 * @return the wait, or null when that was the last attempt
	 */
	@org.jspecify.annotations.Nullable
	Duration retryAfter(int attempt) {
		if (attempt >= this.maxAttempts) {
			return null;
		}
		int doublings = attempt - 1;
		if (doublings >= 62 || this.retryBase.toMillis() > (this.retryMax.toMillis() >> doublings)) {
			return this.retryMax;
		}
		return this.retryBase.multipliedBy(1L << doublings);
	}

}
