package org.vetbill.clinic.domain;

import org.jspecify.annotations.Nullable;

/**
 * The kind of a catalog item, with the number integrations know it by.
 */
public enum ItemType {

	/** A procedure, consultation or fee. */
	PROCEDURE(1),
	/** A medicine. */
	MEDICINE(2),
	/** A supply used in treatment. */
	SUPPLY(3),
	/** Food sold to clients. */
	FOOD(4);

	private final int code;

	ItemType(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	public static @Nullable ItemType ofCode(int code) {
		for (ItemType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return null;
	}

}
