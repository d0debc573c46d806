package org.vetbill.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON conventions of every vetbill API: field names are snake_case with numbers set
 * apart, decimals are read and written exactly (never through a double), a field the
 * server does not know is an error rather than silently ignored, and an absent flag reads
 * as false. No string may hold U+0000 ({@link NulRefusingStrings}).
 */

@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer vetbillJson() {
		return (builder) -> builder.propertyNamingStrategy(new SnakeCase())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.addModule(new SimpleModule("vetbill-strings").addDeserializer(String.class, new NulRefusingStrings()));
	}

	/**
	 * snake_case with numbers set apart ({@code reporting_dimension_1}), as the Cloud API
	 * writes its fields.
	 */
	static final class SnakeCase extends PropertyNamingStrategies.NamingBase {

		private static final long serialVersionUID = 1L;

		@Override
		public String translate(String name) {
			return FieldNames.snakeCase(name);
		}

	}

}
