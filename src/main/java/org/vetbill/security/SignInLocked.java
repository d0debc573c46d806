package org.vetbill.security;

/**
 * A sign-in refused without checking its secret, because the account or the client's
 * address is locked after too many failed sign-ins ({@link SignInThrottle}). The token
 * endpoints answer it with 429 and {@code Retry-After}.
 */
public final class SignInLocked extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String credential;

	private final long retryAfterSeconds;

	SignInLocked(String credential, long retryAfterSeconds) {
		super("too many failed sign-ins; try again in " + retryAfterSeconds + " seconds", null, false, false);
		this.credential = credential;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Which credential was being checked.
	 * @return {@code client} for a client secret, {@code user} for a password
	 */
	public String credential() {
		return this.credential;
	}

	/**
	 * Whole seconds until a sign-in is checked again, at least 1.
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
