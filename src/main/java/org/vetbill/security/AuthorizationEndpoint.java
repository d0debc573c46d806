package org.vetbill.security;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization endpoint of each organization, {@code /{provet_id}/oauth2/authorize/}
 * (RFC 6749 section 4.1): an app sends a clinic user here; the user signs in with the
 * organization's username and password, sees what the app asks for and allows or denies
 * it; the user's browser then goes back to the app's redirect URI with a code (or an
 * error). Who signed in is kept in the session of these pages only; their forms carry a
 * CSRF token.
 */
@RestController
class AuthorizationEndpoint {

	private static final String SIGNED_IN = AuthorizationEndpoint.class.getName() + ".signedIn";

	private static final List<String> PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "scope",
			"state", "code_challenge", "code_challenge_method");

	private final Organizations organizations;

	private final AuthorizationRequests requests;

	AuthorizationEndpoint(Organizations organizations, AuthorizationRequests requests) {
		this.organizations = organizations;
		this.requests = requests;
	}

	/**
	 * The user signed in to these pages.
	 *
	 * @param organizationId the user's organization
	 * @param userId the user
	 */
	record SignedIn(long organizationId, long userId) implements Serializable {
	}

	@GetMapping(path = { "/{provet_id}/oauth2/authorize/", "/{provet_id}/oauth2/authorize" })
	ResponseEntity<String> show(@PathVariable("provet_id") String provetId, HttpServletRequest request) {
		return handle(provetId, request, false);
	}

	@PostMapping(path = { "/{provet_id}/oauth2/authorize/", "/{provet_id}/oauth2/authorize" })
	ResponseEntity<String> submit(@PathVariable("provet_id") String provetId, HttpServletRequest request) {
		return handle(provetId, request, true);
	}

	private ResponseEntity<String> handle(String provetId, HttpServletRequest request, boolean submitted) {
		Optional<Organization> found = this.organizations.findByProvetId(provetId);
		if (found.isEmpty()) {
			return html(HttpStatus.NOT_FOUND, AuthorizationPages.error("There is no such organization."));
		}
		Organization organization = found.get();
		if (PARAMETERS.stream().anyMatch((name) -> count(request, name) > 1)) {
			return html(HttpStatus.BAD_REQUEST, AuthorizationPages.error("A parameter is given more than once."));
		}
		AuthorizationRequests.Checked checked = this.requests.check(organization, request::getParameter);
		return switch (checked) {
			case AuthorizationRequests.NotRedirectable refused ->
				html(HttpStatus.BAD_REQUEST, AuthorizationPages.error(refused.description()));
			case AuthorizationRequests.RedirectedError error -> redirect(HttpStatus.FOUND, error.location());
			case AuthorizationRequests.Valid valid -> submitted ? submit(organization, valid.request(), request)
					: show(organization, valid.request(), request, null);
		};
	}

	private ResponseEntity<String> show(Organization organization,
			AuthorizationRequests.AuthorizationRequest authorization, HttpServletRequest request,
			@Nullable String error) {
		String app = authorization.app().name();
		Optional<OAuthStore.AppUser> user = signedIn(organization, request);
		if (user.isEmpty()) {
			return html(HttpStatus.OK,
					AuthorizationPages.signIn(organization.settings().name(), app, form(request), error));
		}
		return html(HttpStatus.OK, AuthorizationPages.consent(organization.settings().name(), app,
				user.get().displayName(), authorization.scopes(), form(request)));
	}

	private ResponseEntity<String> submit(Organization organization,
			AuthorizationRequests.AuthorizationRequest authorization, HttpServletRequest request) {
		String username = request.getParameter("username");
		String password = request.getParameter("password");
		if (username != null && password != null) {
			Optional<OAuthStore.AppUser> user;
			try {
				user = this.requests.signIn(organization, username, password);
			}
			catch (SignInLocked ex) {
				return show(organization, authorization, request,
						"Too many failed sign-ins. Try again in " + ex.retryAfterSeconds() + " seconds.");
			}
			if (user.isEmpty()) {
				return show(organization, authorization, request, "Wrong user name or password.");
			}
			request.changeSessionId();
			request.getSession().setAttribute(SIGNED_IN, new SignedIn(organization.id(), user.get().id()));
			return redirect(HttpStatus.SEE_OTHER, self(request));
		}
		Optional<OAuthStore.AppUser> user = signedIn(organization, request);
		String decision = request.getParameter("decision");
		if (user.isEmpty() || decision == null) {
			return show(organization, authorization, request, null);
		}
		return switch (decision) {
			case "allow" ->
				redirect(HttpStatus.FOUND, this.requests.approve(organization, authorization, user.get().id()));
			case "deny" -> redirect(HttpStatus.FOUND, this.requests.deny(authorization));
			case "sign_out" -> {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				yield redirect(HttpStatus.SEE_OTHER, self(request));
			}
			default -> html(HttpStatus.BAD_REQUEST, AuthorizationPages.error("Unknown decision."));
		};
	}

	private Optional<OAuthStore.AppUser> signedIn(Organization organization, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn)
				|| signedIn.organizationId() != organization.id()) {
			return Optional.empty();
		}
		return this.requests.activeUser(organization, signedIn.userId());
	}

	private static int count(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values != null) ? values.length : 0;
	}

	/** This page's address with the app's request, where its forms post. */
	private static String self(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	private static AuthorizationPages.Form form(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (csrf == null) {
			throw new IllegalStateException("the authorization pages need CSRF protection");
		}
		return new AuthorizationPages.Form(self(request), csrf.getParameterName(), csrf.getToken());
	}

	private static ResponseEntity<String> html(HttpStatus status, String page) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(page);
	}

	private static ResponseEntity<String> redirect(HttpStatus status, String location) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.LOCATION, location)
			.build();
	}

}
