package org.vetbill.shared.persistence;

import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ settings shared by H2 and PostgreSQL. The schema is written with unquoted names,
 * which H2 folds to upper case and PostgreSQL to lower case, so names are rendered
 * unquoted too.
 */
@Configuration(proxyBeanMethods = false)
class JooqSettings {

	@Bean
	DefaultConfigurationCustomizer vetbillJooqSettings() {
		return (configuration) -> configuration.settings()
			.withRenderQuotedNames(RenderQuotedNames.NEVER)
			.withRenderSchema(false)
			.withExecuteLogging(false);
	}

}
