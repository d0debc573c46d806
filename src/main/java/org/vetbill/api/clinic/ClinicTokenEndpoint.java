package org.vetbill.api.clinic;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.security.UserSignIn;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Clinic API's token endpoint, FastAPI's OAuth2 password flow
 * ({@code OAuth2PasswordRequestForm}): a form with {@code username} and {@code password}
 * ({@code grant_type}, if sent, must be {@code password}; {@code scope},
 * {@code client_id} and {@code client_secret} are accepted and ignored), answered with
 * {@code {"access_token": "...", "token_type": "bearer"}}. The path names no
 * organization: the user's does ({@link UserSignIn}). Only the form body counts, never
 * the URL's query.
 */
@RestController
class ClinicTokenEndpoint {

	static final String INCORRECT = "Incorrect username or password";

	private final UserSignIn signIn;

	ClinicTokenEndpoint(UserSignIn signIn) {
		this.signIn = signIn;
	}

	@PostMapping(path = { ClinicApi.TOKEN, ClinicApi.TOKEN + "/" })
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		Map<String, String> form = form(request);
		String username = form.get("username");
		String password = form.get("password");
		String grantType = form.get("grant_type");
		List<FieldError> errors = new ArrayList<>();
		if (grantType != null && !grantType.equals("password")) {
			errors.add(FieldError.worded("grant_type", "String should match pattern '^password$'",
					"string_pattern_mismatch"));
		}
		if (username == null) {
			errors.add(FieldError.worded("username", "Field required", "missing"));
		}
		if (password == null) {
			errors.add(FieldError.worded("password", "Field required", "missing"));
		}
		if (!errors.isEmpty() || username == null || password == null) {
			throw new InvalidInput(errors);
		}
		return switch (this.signIn.signIn(username, password)) {
			case UserSignIn.Issued issued -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("access_token", issued.accessToken());
				body.put("token_type", "bearer");
				yield ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
			}
			case UserSignIn.Refused refused -> badRequest(INCORRECT);
			case UserSignIn.Locked locked -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(locked.retryAfterSeconds()))
				.body(Map.of("detail",
						"Too many failed sign-ins; try again in " + locked.retryAfterSeconds() + " seconds"));
			case UserSignIn.Ambiguous ambiguous -> badRequest("The username '" + username
					+ "' exists in several organizations: sign in as <provet_id>/" + username);
		};
	}

	private static ResponseEntity<Map<String, Object>> badRequest(String detail) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.cacheControl(CacheControl.noStore())
			.body(Map.of("detail", detail));
	}

	/**
	 * The form body's fields, the last value of each as Starlette reads them; an empty
	 * value counts as not sent, as FastAPI has it for form fields. The servlet API mixes
	 * the query's parameters into the form's (first), so those are taken off.
	 * @param request the request
	 * @return the fields
	 */
	private static Map<String, String> form(HttpServletRequest request) {
		Map<String, Integer> inQuery = queryCounts(request.getQueryString());
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			int fromQuery = inQuery.getOrDefault(name, 0);
			if (values.length > fromQuery && !values[values.length - 1].isEmpty()) {
				form.put(name, values[values.length - 1]);
			}
		});
		return form;
	}

	private static Map<String, Integer> queryCounts(@Nullable String query) {
		Map<String, Integer> counts = new HashMap<>();
		if (query == null || query.isEmpty()) {
			return counts;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			try {
				name = URLDecoder.decode(name, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// the container skips a parameter it cannot decode, and so does this
				// count
				continue;
			}
			counts.merge(name, 1, Integer::sum);
		}
		return counts;
	}

}
