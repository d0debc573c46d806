package org.vetbill.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code vetbill.demo.reset=true} (the run command's {@code --reset}): empties the
 * database before migrating it, so the demo is created again from scratch. It erases
 * every tenant's data, which is why it is a flag of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vetbill.demo.reset", havingValue = "true")
class DemoReset {

	private static final Log logger = LogFactory.getLog(DemoReset.class);

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (flyway) -> {
			logger.warn("vetbill.demo.reset=true: erasing the database before migrating it");
			Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
			flyway.migrate();
		};
	}

}
