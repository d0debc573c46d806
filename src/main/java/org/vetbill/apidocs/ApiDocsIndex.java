package org.vetbill.apidocs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.models.GroupedOpenApi;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the ungrouped {@code /v3/api-docs} with 404 and the addresses of the API
 * descriptions: springdoc would serve there one undescribed mix of every API, which is no
 * use to an integrator.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsIndex {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> ungroupedApiDocs(List<GroupedOpenApi> groups, JsonMapper json,
			@Value("${springdoc.api-docs.path:/v3/api-docs}") String path,
			@Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String ui) {
		Map<String, String> descriptions = new LinkedHashMap<>();
		groups.stream()
			.map(GroupedOpenApi::getGroup)
			.sorted()
			.forEach((group) -> descriptions.put(group, path + "/" + group));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", "Each of vetbill's APIs has its own OpenAPI description; Swagger UI shows them all.");
		body.put("descriptions", descriptions);
		body.put("ui", ui);
		byte[] answer = json.writeValueAsBytes(body);
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws IOException {
						response.setStatus(HttpServletResponse.SC_NOT_FOUND);
						response.setContentType(MediaType.APPLICATION_JSON_VALUE);
						response.getOutputStream().write(answer);
					}

				});
		registration.addUrlPatterns(path, path + ".yaml");
		return registration;
	}

}
