package org.vetbill.clinic.domain;

import org.jspecify.annotations.Nullable;

/**
 * The kind of client, with its numeric code.
 */
public enum CustomerType {

	PRIVATE(0), COMPANY(1), EU_COMPANY(2), CHARITY(3), UK_CHARITY(4);

	private final int code;

	CustomerType(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/**
	 * Whether the client is an organization rather than a person.
	 * @return true for every type but {@link #PRIVATE}
	 */
	public boolean isOrganization() {
		return this != PRIVATE;
	}

	public static @Nullable CustomerType ofCode(int code) {
		for (CustomerType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return null;
	}

}
