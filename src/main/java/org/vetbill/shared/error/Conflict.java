package org.vetbill.shared.error;

/**
 * A request that lost a race or was based on a stale version (HTTP 409); retrying after
 * reading the current state is safe.
 */
public final class Conflict extends BusinessError {

	public Conflict(String code, String message) {
		super(code, message);
	}

	/**
	 * A change based on a version of a record that is no longer the current one.
	 * @param entity the kind of record
	 * @param id its id
	 * @return the conflict, code {@code stale_version}
	 */
	public static Conflict staleVersion(String entity, long id) {
		return new Conflict("stale_version",
				entity + " " + id + " was changed by another request since it was read; read it again and retry");
	}

}
