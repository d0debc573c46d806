package org.vetbill.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.security.VetbillPrincipal;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.CachedBodyRequest;
import org.vetbill.shared.web.DatabaseFailures;
import org.vetbill.shared.web.ErrorResponses;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every authenticated POST with an {@code Idempotency-Key} header idempotent. The
 * request runs in one transaction that first claims the key (per organization and caller)
 * and, for a successful answer, stores it: the money moves if and only if the answer is
 * kept. A retry with the same key and the same method, path and body gets the stored
 * answer (with {@code Idempotent-Replayed: true}); the same key with anything else is a
 * 422. A failed answer is not kept, so a retry after an error runs again (it moved no
 * money). Runs after authentication, so it knows the caller, and refuses a caller who
 * lacks the permission of the endpoint before reading the body (which
 * {@code vetbill.web.max-body-size} bounds).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final IdempotencyStore requests;

	private final TransactionTemplate transactions;

	private final ErrorResponses errors;

	private final Clock clock;

	private final HandlerAuthority authority;

	IdempotencyFilter(IdempotencyStore requests, PlatformTransactionManager transactionManager, ErrorResponses errors,
			Clock clock, HandlerAuthority authority) {
		this.authority = authority;
		this.requests = requests;
		this.transactions = new TransactionTemplate(transactionManager);
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = caller();
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > 255) {
			this.errors.write(
					ApiError.invalid(List.of(new ApiError.FieldProblem(HEADER, "must be 1 to 255 characters"))),
					request, response);
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && this.authority.lacks(request, authentication)) {
			// refused before its body is read (method security refuses it the same way)
			this.errors.write(
					ApiError.of(HttpStatus.FORBIDDEN, "forbidden", "your credentials do not permit this action"),
					request, response);
			return;
		}
		boolean form = isForm(request);
		byte[] body = form ? canonicalForm(request.getParameterMap()) : request.getInputStream().readAllBytes();
		HttpServletRequest replayable = form ? request : new CachedBodyRequest(request, body);
		String hash = hash(request, body);
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean claimed;
		try {
			claimed = Boolean.TRUE.equals(this.transactions.execute((status) -> {
				try {
					if (!this.requests.claim(caller.organizationId(), caller.actor(), key, hash,
							Timestamps.now(this.clock))) {
						status.setRollbackOnly();
						return false;
					}
				}
				catch (DataAccessException ex) {
					if (!DatabaseFailures.isConflict(ex)) {
						throw ex;
					}
					status.setRollbackOnly();
					return false;
				}
				try {
					chain.doFilter(replayable, wrapper);
				}
				catch (IOException | ServletException ex) {
					throw new FilterFailure(ex);
				}
				if (wrapper.getStatus() >= 200 && wrapper.getStatus() < 300) {
					this.requests.answer(caller.organizationId(), caller.actor(), key, wrapper.getStatus(),
							wrapper.getContentType(),
							new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
				}
				else {
					status.setRollbackOnly();
				}
				return true;
			}));
		}
		catch (FilterFailure ex) {
			throw ex.unwrap();
		}
		catch (TransactionException | DataAccessException ex) {
			wrapper.resetBuffer();
			if (DatabaseFailures.isConflict(ex)) {
				conflict(request, response);
			}
			else {
				logger.error("Database failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
				response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS);
				this.errors.write(DatabaseFailures.unavailable(), request, response);
			}
			return;
		}
		if (!claimed) {
			// the key's earlier request: committed by now, or still running where the
			// database refused the claim at once
			Optional<IdempotencyStore.Answer> earlier = this.requests.find(caller.organizationId(), caller.actor(),
					key);
			if (earlier.isPresent()) {
				answerAgain(earlier.get(), hash, request, response);
			}
			else {
				conflict(request, response);
			}
			return;
		}
		wrapper.copyBodyToResponse();
	}

	private void answerAgain(IdempotencyStore.Answer answer, String hash, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (!answer.requestHash().equals(hash)) {
			this.errors.write(new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, ApiError.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was used with another request (method, path or body); "
							+ "use a new key for a new request.",
					HEADER, List.of()), request, response);
			return;
		}
		if (answer.status() == IdempotencyStore.PENDING) {
			conflict(request, response);
			return;
		}
		response.setStatus(answer.status());
		response.setHeader(REPLAYED, "true");
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		if (answer.body() != null) {
			response.getOutputStream().write(answer.body());
		}
	}

	private void conflict(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.errors.write(
				ApiError.of(HttpStatus.CONFLICT, "idempotency_key_in_use",
						"A request with this Idempotency-Key is being processed; retry it in a moment."),
				request, response);
	}

	private static @Nullable Caller caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof VetbillPrincipal principal) {
			return principal.caller();
		}
		return null;
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
	}

	private static byte[] canonicalForm(Map<String, String[]> parameters) {
		StringBuilder form = new StringBuilder();
		new TreeMap<>(parameters).forEach((name, values) -> {
			for (String value : values) {
				form.append(name).append('=').append(value).append('\n');
			}
		});
		return form.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest
				.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Carries a checked exception of the filter chain out of the transaction callback.
	 */
	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}

		IOException unwrap() throws ServletException {
			if (getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			return (IOException) java.util.Objects.requireNonNull(getCause());
		}

	}

}
