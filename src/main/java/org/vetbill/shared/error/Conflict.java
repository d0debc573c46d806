package org.vetbill.shared.error;

/**
 * A request that lost a race or was based on a stale version (HTTP 409); retrying after
 * reading the current state is safe.
 */
public final class Conflict extends BusinessError {

	public Conflict(String code, String message) {
		super(code, message);
	}

}
