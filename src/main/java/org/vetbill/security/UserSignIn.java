package org.vetbill.security;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Issues access tokens to users who sign in with a username and password without naming
 * their organization, for a token endpoint whose paths carry no tenant. Usernames are
 * unique only within an organization, so the user's organization is found from the
 * password: the password is checked against the active users of that name in every
 * organization, and exactly one must match. A user whose name is also used elsewhere with
 * the same password, or in very many organizations, signs in as
 * {@code <provet_id>/<username>}, which is always accepted. The token is the same bearer
 * token the organization's own token endpoint issues to the user.
 */
@Service
public class UserSignIn {

	/**
	 * The most organizations whose user of one name are checked: each check is a bcrypt
	 * hash, so one request may not cost more than this many.
	 */
	static final int MAX_ORGANIZATIONS = 10;

	private final Credentials credentials;

	private final AccessTokens tokens;

	UserSignIn(Credentials credentials, AccessTokens tokens) {
		this.credentials = credentials;
		this.tokens = tokens;
	}

	/**
	 * Signs a user in.
	 * @param username the username, or {@code <provet_id>/<username>} to name the
	 * organization
	 * @param password the password
	 * @return a token, or why there is none
	 */
	public Outcome signIn(String username, String password) {
		try {
			return check(username, password);
		}
		catch (SignInLocked ex) {
			return new Locked(ex.retryAfterSeconds());
		}
	}

	private Outcome check(String username, String password) {
		int slash = username.indexOf('/');
		if (slash >= 0) {
			return this.credentials
				.authenticateUser(username.substring(0, slash), username.substring(slash + 1), password)
				.<Outcome>map(this::issued)
				.orElseGet(Refused::new);
		}
		Credentials.UserMatches found = this.credentials.authenticateUserInAnyOrganization(username, password,
				MAX_ORGANIZATIONS);
		if (found.tooManyCandidates()) {
			return new Ambiguous();
		}
		List<VetbillPrincipal> matches = found.matches();
		return switch (matches.size()) {
			case 0 -> new Refused();
			case 1 -> issued(matches.get(0));
			default -> new Ambiguous();
		};
	}

	private Issued issued(VetbillPrincipal principal) {
		return new Issued(this.tokens.issue(principal), principal);
	}

	/**
	 * The outcome of a sign-in.
	 */
	public sealed interface Outcome permits Issued, Refused, Ambiguous, Locked {

	}

	/**
	 * Signed in.
	 *
	 * @param accessToken the bearer token, valid for 10 hours
	 * @param principal whom it stands for
	 */
	public record Issued(String accessToken, VetbillPrincipal principal) implements Outcome {
	}

	/**
	 * Unknown or inactive user, or a wrong password.
	 */
	public record Refused() implements Outcome {
	}

	/**
	 * The username cannot tell the organization: the password matches users of that name
	 * in several organizations, or the name is used in more organizations than are
	 * checked. The user must sign in as {@code <provet_id>/<username>}.
	 */
	public record Ambiguous() implements Outcome {
	}

	/**
	 * Refused without checking the password: the account or the client's address is
	 * locked after too many failed sign-ins ({@link SignInThrottle}).
	 *
	 * @param retryAfterSeconds whole seconds until the lock is over
	 */
	public record Locked(long retryAfterSeconds) implements Outcome {
	}

}
