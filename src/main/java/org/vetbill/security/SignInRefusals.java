package org.vetbill.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a sign-in refused for too many failures ({@link SignInLocked}) on the OAuth2
 * endpoints: 429 with {@code Retry-After} in seconds and an RFC 6749 error body whose
 * {@code error} is the one a wrong secret gets ({@code invalid_client} for a client
 * secret, {@code invalid_grant} for a password), so a client that knows only RFC 6749
 * still sees why it failed.
 */
@RestControllerAdvice(assignableTypes = { TokenEndpoint.class, OAuthEndpoints.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInRefusals {

	@ExceptionHandler(SignInLocked.class)
	ResponseEntity<Map<String, Object>> locked(SignInLocked ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "client".equals(ex.credential()) ? "invalid_client" : "invalid_grant");
		body.put("error_description", ex.getMessage());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(body);
	}

}
