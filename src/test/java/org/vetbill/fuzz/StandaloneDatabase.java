package org.vetbill.fuzz;

import org.jooq.CloseableDSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * jOOQ on a server's database from outside the server (to check the ledger's invariants),
 * with the application's settings: names unquoted, as the schema writes them.
 */
final class StandaloneDatabase {

	private StandaloneDatabase() {
	}

	static CloseableDSLContext open(String url, String user, String password) {
		System.setProperty("org.jooq.no-logo", "true");
		System.setProperty("org.jooq.no-tips", "true");
		CloseableDSLContext dsl = DSL.using(url, user, password);
		dsl.configuration()
			.set(new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
				.withRenderSchema(false)
				.withExecuteLogging(false));
		return dsl;
	}

}
