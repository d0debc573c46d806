package org.vetbill.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The authorization endpoint's pages: sign-in, consent and errors. Small, self-contained
 * HTML (no scripts, no external resources), every value escaped.
 */
final class AuthorizationPages {

	private AuthorizationPages() {
	}

	/**
	 * Where a form of the page posts, and its CSRF token.
	 *
	 * @param action the URL the form posts to
	 * @param csrfParameter the CSRF parameter's name
	 * @param csrfToken the CSRF token
	 */
	record Form(String action, String csrfParameter, String csrfToken) {
	}

	static String signIn(String organization, String app, Form form, @Nullable String error) {
		return page("Sign in", "<h1>Sign in to " + esc(organization) + "</h1>\n<p><strong>" + esc(app)
				+ "</strong> asks to use vetbill on your behalf. Sign in with your user name and password.</p>\n"
				+ ((error != null) ? "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>\n" : "")
				+ formStart(form) + "<label>User name <input name=\"username\" autocomplete=\"username\" required"
				+ " autofocus></label>\n"
				+ "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\""
				+ " required></label>\n<button type=\"submit\">Sign in</button>\n</form>");
	}

	static String consent(String organization, String app, String user, List<String> scopes, Form form) {
		StringBuilder list = new StringBuilder("<ul>\n");
		for (String scope : scopes) {
			list.append("<li><code>").append(esc(scope)).append("</code>: ").append(switch (scope) {
				case TokenScopes.OPENID -> "know who you are (your name and e-mail address)";
				case "read" -> "read the clinic's data, if your permissions allow";
				case "billing" -> "bill and record payments, if your permissions allow";
				case "settings" -> "change the clinic's settings, if your permissions allow";
				default -> "read and change the clinic's data with your permissions";
			}).append("</li>\n");
		}
		return page("Allow access",
				"<h1>Allow " + esc(app) + "?</h1>\n<p>Signed in to " + esc(organization) + " as <strong>" + esc(user)
						+ "</strong>.</p>\n<p><strong>" + esc(app) + "</strong> asks to:</p>\n" + list + "</ul>\n"
						+ formStart(form) + "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\n"
						+ "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n"
						+ "<button type=\"submit\" name=\"decision\" value=\"sign_out\">Not you? Sign out</button>\n"
						+ "</form>");
	}

	static String error(String description) {
		return page("Cannot authorize", "<h1>This app cannot be authorized</h1>\n<p class=\"error\" role=\"alert\">"
				+ esc(description) + "</p>\n<p>Ask the app's maker or the clinic's administrator.</p>");
	}

	private static String formStart(Form form) {
		return "<form method=\"post\" action=\"" + esc(form.action()) + "\">\n<input type=\"hidden\" name=\""
				+ esc(form.csrfParameter()) + "\" value=\"" + esc(form.csrfToken()) + "\">\n";
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title)
				+ " · vetbill</title>\n<style>body{font-family:sans-serif;max-width:30rem;margin:3rem auto;"
				+ "padding:0 1rem}label{display:block;margin:.8rem 0}input{display:block;width:100%;padding:.4rem}"
				+ "button{margin:.8rem .4rem 0 0;padding:.4rem 1rem}.error{color:#b00020}</style>\n</head>\n<body>\n"
				+ body + "\n</body>\n</html>\n";
	}

	private static String esc(String value) {
		return HtmlUtils.htmlEscape(value);
	}

}
