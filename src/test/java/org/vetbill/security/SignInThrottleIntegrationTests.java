package org.vetbill.security;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditEvent;
import org.vetbill.audit.AuditTrail;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.SIGN_IN_FAILURE;

/**
 * Password and client-secret guessing is throttled on both token endpoints (issue 16):
 * after 5 consecutive failures an account is locked for a minute, then for twice as long
 * after each further failure, up to 15 minutes; 50 failures from one address lock it for
 * 15 minutes. A locked sign-in is refused with 429 and {@code Retry-After} even with the
 * right secret. Each test signs in from addresses of its own (a documentation range,
 * through {@code X-Forwarded-For}, which the loopback is trusted to send), so the tests
 * do not share an address's budget; the address budget is the default here (the base of
 * the integration tests raises it, since all of its tests come from the loopback).
 */
class SignInThrottleIntegrationTests extends IntegrationTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final String LOCKED = "too many failed sign-ins; try again in ";

	private TestTenant tenant;

	private String address;

	@DynamicPropertySource
	static void defaultAddressBudget(DynamicPropertyRegistry registry) {
		registry.add("vetbill.security.sign-in.address-max-failures", () -> 50);
	}

	@BeforeEach
	void setUp() {
		this.tenant = newTenant();
		this.address = newAddress();
	}

	// ---------------------------------------------------------------- helpers

	private static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (n / 250) + "." + (1 + n % 250);
	}

	private ApiResponse post(String path, String form, String from) {
		Api api = anonymous().expectingThrottling();
		return api.send(api.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", from)
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private String tenantToken(TestTenant tenant) {
		return "/" + tenant.provetId + "/oauth2/token/";
	}

	private ApiResponse clientGrant(String clientId, String secret) {
		return post(tenantToken(this.tenant), "grant_type=client_credentials&client_id=" + TestTenant.encode(clientId)
				+ "&client_secret=" + TestTenant.encode(secret), this.address);
	}

	private ApiResponse passwordGrant(TestTenant tenant, String username, String password, String from) {
		return post(tenantToken(tenant), "grant_type=password&username=" + TestTenant.encode(username) + "&password="
				+ TestTenant.encode(password), from);
	}

	private ApiResponse clinicToken(String username, String password) {
		return post("/token", "username=" + TestTenant.encode(username) + "&password=" + TestTenant.encode(password),
				this.address);
	}

	private Credentials.IssuedApiClient newClient() {
		return this.tenant.bean(Credentials.class)
			.createApiClient(this.tenant.caller, new Credentials.NewApiClient("guessed", null, List.of("read")));
	}

	private static String newUser(TestTenant tenant, String username, String password) {
		ApiResponse response = tenant.api.post(tenant.path("/users"), Map.of("username", username, "display_name",
				"User " + username, "password", password, "permissions", List.of("read")));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return username;
	}

	private static void assertLocked(ApiResponse response, String error) {
		assertThat(response.status()).as(response.toString()).isEqualTo(429);
		long retryAfter = Long.parseLong(response.header("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 15 * 60L);
		assertThat(response.get("error").asString()).isEqualTo(error);
		assertThat(response.get("error_description").asString()).isEqualTo(LOCKED + retryAfter + " seconds");
	}

	private static void assertIssued(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.get("access_token").asString()).isNotEmpty();
	}

	// ---------------------------------------------------------------- accounts

	@Test
	void fortyWrongClientSecretsLockTheClientSoTheRightOneFailsUntilTheLockIsOver() {
		Credentials.IssuedApiClient client = newClient();
		String clientId = client.client().clientId();
		for (int i = 1; i <= 40; i++) {
			ApiResponse wrong = clientGrant(clientId, "wrong-" + i);
			if (i <= 5) {
				assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
			}
			else {
				assertLocked(wrong, "invalid_client");
			}
		}
		ApiResponse right = clientGrant(clientId, client.clientSecret());
		assertLocked(right, "invalid_client");
		assertThat(right.header("Retry-After"))
			.hasValueSatisfying((s) -> assertThat(Long.parseLong(s)).isLessThanOrEqualTo(60));

		this.clock.advance(Duration.ofSeconds(61));
		assertIssued(clientGrant(clientId, client.clientSecret()));

		List<AuditEvent> events = this.tenant.bean(AuditTrail.class).of(this.tenant.organizationId, "sign_in", 0);
		assertThat(events).anySatisfy((event) -> {
			assertThat(event.action()).isEqualTo("sign_in.account_locked");
			assertThat(event.actor()).isEqualTo("client:" + clientId);
			assertThat(event.details()).contains(this.address).contains("client:" + clientId);
		});
	}

	@Test
	void fortyWrongPasswordsLockTheUserOnTheOrganizationsTokenEndpoint() {
		String username = newUser(this.tenant, "desk-" + this.tenant.provetId, "correct horse battery");
		for (int i = 1; i <= 40; i++) {
			ApiResponse wrong = passwordGrant(this.tenant, username, "guess " + i, this.address);
			if (i <= 5) {
				assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
				assertThat(wrong.get("error").asString()).isEqualTo("invalid_grant");
			}
			else {
				assertLocked(wrong, "invalid_grant");
			}
		}
		assertLocked(passwordGrant(this.tenant, username, "correct horse battery", this.address), "invalid_grant");
		// from another address too: the account is locked, not the address
		assertLocked(passwordGrant(this.tenant, username, "correct horse battery", newAddress()), "invalid_grant");

		this.clock.advance(Duration.ofSeconds(61));
		assertIssued(passwordGrant(this.tenant, username, "correct horse battery", this.address));
	}

	@Test
	void fortyWrongPasswordsLockTheUserOnTheClinicApisTokenEndpoint() {
		String username = newUser(this.tenant, "clinic-" + this.tenant.provetId, "correct horse battery");
		for (int i = 1; i <= 40; i++) {
			ApiResponse wrong = clinicToken(username, "guess " + i);
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo((i <= 5) ? 400 : 429);
		}
		for (String name : List.of(username, this.tenant.provetId + "/" + username)) {
			ApiResponse right = clinicToken(name, "correct horse battery");
			assertThat(right.status()).as(right.toString()).isEqualTo(429);
			long retryAfter = Long.parseLong(right.header("Retry-After").orElseThrow());
			assertThat(right.raw())
				.isEqualTo("{\"detail\":\"Too many failed sign-ins; try again in " + retryAfter + " seconds\"}");
		}

		this.clock.advance(Duration.ofSeconds(61));
		assertIssued(clinicToken(username, "correct horse battery"));
	}

	@Test
	void eachFailureAfterALockDoublesItUpToFifteenMinutes() {
		String username = newUser(this.tenant, "doubling-" + this.tenant.provetId, "correct horse battery");
		for (int i = 1; i <= 5; i++) {
			passwordGrant(this.tenant, username, "guess " + i, this.address);
		}
		List<Long> locks = new java.util.ArrayList<>();
		for (int round = 0; round < 6; round++) {
			ApiResponse locked = passwordGrant(this.tenant, username, "correct horse battery", this.address);
			long retryAfter = Long.parseLong(locked.header("Retry-After").orElseThrow());
			locks.add(retryAfter);
			this.clock.advance(Duration.ofSeconds(retryAfter));
			ApiResponse wrong = passwordGrant(this.tenant, username, "guess again", this.address);
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
		}
		assertThat(locks).containsExactly(60L, 120L, 240L, 480L, 900L, 900L);
	}

	@Test
	void aSuccessStartsTheCountAgain() {
		Credentials.IssuedApiClient client = newClient();
		String clientId = client.client().clientId();
		for (int round = 0; round < 3; round++) {
			for (int i = 1; i <= 4; i++) {
				assertThat(clientGrant(clientId, "wrong").status()).isEqualTo(401);
			}
			assertIssued(clientGrant(clientId, client.clientSecret()));
		}
	}

	@Test
	void oneOrganizationsLockDoesNotLockAnotherOrganizationsUserOfTheSameName() {
		TestTenant other = newTenant();
		String username = "same-name-" + this.tenant.provetId;
		newUser(this.tenant, username, "first password");
		newUser(other, username, "second password");
		for (int i = 1; i <= 10; i++) {
			passwordGrant(this.tenant, username, "guess " + i, this.address);
		}
		assertLocked(passwordGrant(this.tenant, username, "first password", this.address), "invalid_grant");
		assertIssued(passwordGrant(other, username, "second password", newAddress()));
	}

	@Test
	void theClinicApisSignInWithoutOrganizationSkipsAnotherOrganizationsLockedUser() {
		TestTenant other = newTenant();
		String username = "shared-" + this.tenant.provetId;
		newUser(this.tenant, username, "first password");
		newUser(other, username, "second password");
		for (int i = 1; i <= 5; i++) {
			passwordGrant(this.tenant, username, "guess " + i, newAddress());
		}
		assertLocked(passwordGrant(this.tenant, username, "first password", newAddress()), "invalid_grant");

		ApiResponse signedIn = clinicToken(username, "second password");
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		ApiResponse locked = clinicToken(this.tenant.provetId + "/" + username, "first password");
		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
	}

	// ---------------------------------------------------------------- addresses

	@Test
	void countersOfFailuresLongPastAreDeletedSoTheTableDoesNotGrow() {
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		String longPast = "203.0.113." + (1 + ADDRESSES.get() % 250) + "/old-" + this.tenant.provetId;
		String stillLocked = longPast + "-locked";
		Instant now = this.clock.instant();
		for (String subject : List.of(longPast, stillLocked)) {
			dsl.insertInto(SIGN_IN_FAILURE)
				.set(SIGN_IN_FAILURE.KIND, SignInThrottle.ADDRESS)
				.set(SIGN_IN_FAILURE.SUBJECT, subject)
				.set(SIGN_IN_FAILURE.FAILURES, 3)
				.set(SIGN_IN_FAILURE.LAST_FAILURE, now.minus(Duration.ofDays(2)))
				.set(SIGN_IN_FAILURE.LOCKED_UNTIL, subject.equals(stillLocked) ? now.plus(Duration.ofHours(1)) : null)
				.execute();
		}
		// the failure path deletes them once this node's last clean-up is ten minutes
		// old
		this.clock.advance(SignInThrottle.FORGET_EVERY.plusSeconds(1));
		assertThat(clientGrant("nobody-" + this.tenant.provetId, "wrong").status()).isEqualTo(401);
		assertThat(dsl.fetchCount(SIGN_IN_FAILURE, SIGN_IN_FAILURE.SUBJECT.eq(longPast))).isZero();
		assertThat(dsl.fetchCount(SIGN_IN_FAILURE, SIGN_IN_FAILURE.SUBJECT.eq(stillLocked))).isOne();
		dsl.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.SUBJECT.eq(stillLocked)).execute();
	}

	@Test
	void fiftyFailuresFromOneAddressOverManyAccountsLockTheAddress() {
		Credentials.IssuedApiClient client = newClient();
		for (int i = 1; i <= 50; i++) {
			ApiResponse wrong = clientGrant("sprayed-" + i, "wrong");
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
		}
		// no account failed more than once, but the address is locked, for every account
		assertLocked(clientGrant("sprayed-51", "wrong"), "invalid_client");
		assertLocked(clientGrant(client.client().clientId(), client.clientSecret()), "invalid_client");
		String username = newUser(this.tenant, "spray-" + this.tenant.provetId, "correct horse battery");
		assertLocked(passwordGrant(this.tenant, username, "correct horse battery", this.address), "invalid_grant");
		// other addresses still sign in
		assertIssued(passwordGrant(this.tenant, username, "correct horse battery", newAddress()));

		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertIssued(clientGrant(client.client().clientId(), client.clientSecret()));
	}

}
