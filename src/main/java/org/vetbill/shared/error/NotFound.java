package org.vetbill.shared.error;

/**
 * An object that does not exist in the caller's organization (HTTP 404). Objects of other
 * organizations are reported exactly like missing ones.
 */
public final class NotFound extends BusinessError {

	private final String entity;

	public NotFound(String entity, Object id) {
		this("not_found", entity, entity + " " + id + " not found");
	}

	private NotFound(String code, String entity, String detail) {
		super(code, detail);
		this.entity = entity;
	}

	/**
	 * A page number past the last page of a list.
	 * @param number the page asked for
	 * @return the error, code {@code invalid_page}
	 */
	public static NotFound page(long number) {
		return new NotFound("invalid_page", "page", "page " + number + " is past the last page of the list");
	}

	public String entity() {
		return this.entity;
	}

}
