package org.vetbill.shared.access;

/**
 * What a credential may do. Reading, moving money and changing settings are separate, so
 * an ERP integration can be given read and billing access without touching a clinic's
 * settings.
 */
public enum Permission {

	/** Read billing data and master data. */
	READ,

	/** Create and edit invoices, clients and patients; record and cancel payments. */
	BILLING,

	/**
	 * Change master data that shapes prices and accounts, department settings and
	 * credentials.
	 */
	SETTINGS;

	/**
	 * The Spring Security authority name of this permission.
	 * @return for example {@code perm:billing}
	 */
	public String authority() {
		return "perm:" + name().toLowerCase(java.util.Locale.ROOT);
	}

}
