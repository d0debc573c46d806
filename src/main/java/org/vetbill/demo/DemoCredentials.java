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

	/**
	 * The demo app (a public client) that signs clinic users in with the authorization
	 * code and PKCE.
	 */
	public static final String APP_CLIENT_ID = "clinic-app-demo";

	/** Where the demo app receives its authorization codes. */
	public static final String APP_REDIRECT_URI = "http://localhost:8765/callback";

	/**
	 * The demo wholesaler, whose Connect API serves the demo clinic's supplier invoices.
	 */
	public static final String WHOLESALER_PROVET_ID = "9000";

	/** The demo clinic's Connect user token with the wholesaler ({@code User-Auth}). */
	public static final String CONNECT_USER_AUTH = "cnu_demo_clinic_token_0001";

	/**
	 * The key the wholesaler gave vetbill as a practice management system
	 * ({@code Client-Auth}).
	 */
	public static final String CONNECT_CLIENT_AUTH = "cnk_demo_vetbill_key_0001";

	/** The demo clinic's account with the wholesaler. */
	public static final String CONNECT_ACCOUNT = "VB-1234";

	private DemoCredentials() {
	}

}
