package org.vetbill.api.cloud;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of Cloud API objects, built from the request's scheme and host (behind a
 * proxy, from its forwarded headers).
 *
 * @param base the API root, such as {@code https://host/1234/api/0.1/}
 */
record Links(String base) {

	static Links of(HttpServletRequest request, String provetId) {
		return new Links(
				ServletUriComponentsBuilder.fromContextPath(request).toUriString() + "/" + provetId + "/api/0.1/");
	}

	String url(String resource, long id) {
		return this.base + resource + "/" + id + "/";
	}

}
