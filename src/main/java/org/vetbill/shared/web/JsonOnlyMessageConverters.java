package org.vetbill.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps Spring MVC's answers and request bodies JSON. Jackson's XML module is on the
 * class path for the Connect API, which writes its XML itself; left alone, Spring would
 * register an XML converter for every controller, so that vetbill's own API or the Cloud
 * API would answer XML to {@code Accept: application/xml} and read XML bodies, which no
 * document of theirs describes.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyMessageConverters implements WebMvcConfigurer {

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder
			.configureMessageConvertersList((converters) -> converters.removeIf(JsonOnlyMessageConverters::handlesXml));
	}

	static boolean handlesXml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.anyMatch((type) -> !type.isWildcardSubtype() && (type.isCompatibleWith(MediaType.APPLICATION_XML)
					|| type.isCompatibleWith(MediaType.TEXT_XML) || type.getSubtype().endsWith("+xml")));
	}

}
