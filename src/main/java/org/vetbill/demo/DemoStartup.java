package org.vetbill.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code vetbill.demo.enabled=true} (the run command sets it): loads the demo data
 * into an empty database and prints the demo credentials once the server is up.
 */
@Component
@ConditionalOnProperty(name = "vetbill.demo.enabled", havingValue = "true")
class DemoStartup {

	private static final Log logger = LogFactory.getLog(DemoStartup.class);

	private final DemoData demoData;

	private final Environment environment;

	private final DemoSupply demoSupply;

	DemoStartup(DemoData demoData, DemoSupply demoSupply, Environment environment) {
		this.demoData = demoData;
		this.demoSupply = demoSupply;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAndAnnounce() {
		long started = System.nanoTime();
		boolean created = this.demoData.load();
		if (created) {
			logger.info("Demo data created in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		this.demoSupply.load(base + "/connect");
		String pid = DemoCredentials.PROVET_ID;
		logger.info(String.join(System.lineSeparator(), "", "",
				"  vetbill demo is running at " + base + "  (organization provet_id " + pid + ")", "",
				"  ERP API client     client_id " + DemoCredentials.ERP_CLIENT_ID + "  client_secret "
						+ DemoCredentials.ERP_CLIENT_SECRET + "  (read, billing)",
				"  Front-desk user    username " + DemoCredentials.FRONT_DESK_USER + "  password "
						+ DemoCredentials.FRONT_DESK_PASSWORD + "  (read, billing)",
				"  Clinic manager     username " + DemoCredentials.MANAGER_USER + "  password "
						+ DemoCredentials.MANAGER_PASSWORD + "  (read, billing, settings)",
				"  Legacy API token   Authorization: Token " + DemoCredentials.LEGACY_TOKEN + "  (read)",
				"  App for users      client_id " + DemoCredentials.APP_CLIENT_ID + "  redirect_uri "
						+ DemoCredentials.APP_REDIRECT_URI + "  (authorization code + PKCE, the user's permissions)",
				"  Connect API        User-Auth " + DemoCredentials.CONNECT_USER_AUTH + "  Client-Auth "
						+ DemoCredentials.CONNECT_CLIENT_AUTH + "  (the wholesaler, provet_id "
						+ DemoCredentials.WHOLESALER_PROVET_ID + ")",
				"",
				"  Get a token:    curl -s -u " + DemoCredentials.ERP_CLIENT_ID + ":"
						+ DemoCredentials.ERP_CLIENT_SECRET + " -d grant_type=client_credentials " + base + "/" + pid
						+ "/oauth2/token/",
				"  List invoices:  curl -s -H \"Authorization: Bearer $TOKEN\" " + base + "/" + pid
						+ "/vetbill/v1/invoices",
				""));
	}

}
