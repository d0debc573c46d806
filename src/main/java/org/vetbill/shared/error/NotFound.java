package org.vetbill.shared.error;

import java.util.function.UnaryOperator;

/**
 * An object that does not exist in the caller's organization (HTTP 404). Objects of other
 * organizations are reported exactly like missing ones. Its facts are the {@code entity}
 * and its {@code id}.
 */
public final class NotFound extends BusinessError {

	private final String entity;

	public NotFound(String entity, Object id) {
		super("not_found", null, Facts.of("entity", entity, "id", id));
		this.entity = entity;
	}

	private NotFound(String code, String entity, Object value) {
		super(code, null, Facts.of(entity, value));
		this.entity = entity;
	}

	/**
	 * A page number past the last page of a list.
	 * @param number the page asked for
	 * @return the error, code {@code invalid_page}
	 */
	public static NotFound page(long number) {
		return new NotFound("invalid_page", "page", number);
	}

	public String entity() {
		return this.entity;
	}

	@Override
	public NotFound withFields(UnaryOperator<String> naming) {
		return this;
	}

}
