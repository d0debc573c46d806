package org.vetbill.demo;

/**
 * The fixed credentials of the demo organization, as written in the README.
 */
public final class DemoCredentials {

	public static final String PROVET_ID = "1234";

	public static final String ERP_CLIENT_ID = "erp-demo";

	public static final String ERP_CLIENT_SECRET = "erp-demo-secret";

	public static final String FRONT_DESK_USER = "frontdesk";

	public static final String FRONT_DESK_PASSWORD = "frontdesk-demo";

	public static final String MANAGER_USER = "manager";

	public static final String MANAGER_PASSWORD = "manager-demo";

	public static final String LEGACY_TOKEN = "vbt_demo_legacy_read_only_token_0001";

	private DemoCredentials() {
	}

}
