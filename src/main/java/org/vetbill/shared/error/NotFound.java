package org.vetbill.shared.error;

/**
 * An object that does not exist in the caller's organization (HTTP 404). Objects of other
 * organizations are reported exactly like missing ones.
 */
public final class NotFound extends BusinessError {

	private final String entity;

	public NotFound(String entity, Object id) {
		super("not_found", entity + " " + id + " not found");
		this.entity = entity;
	}

	public String entity() {
		return this.entity;
	}

}
