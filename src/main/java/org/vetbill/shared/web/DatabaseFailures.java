package org.vetbill.shared.web;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How a failure of the database reaches a client. Only a real conflict with other data is
 * a 409, which clients are told to retry: a duplicate key, a reference to a row another
 * request removed, a lost lock or serialization race. Any other database failure (the
 * database closed or unreachable, a check constraint that validation should have caught,
 * a value the column cannot hold) is vetbill's problem, not the client's: a 503 with
 * {@code Retry-After}, logged with its cause, never worded as a conflict.
 */
public final class DatabaseFailures {

	/** Seconds a client is asked to wait before retrying after a 503. */
	public static final String RETRY_AFTER_SECONDS = "5";

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private DatabaseFailures() {
	}

	/**
	 * Whether the failure is a conflict with other data or another request, which a retry
	 * (or a changed request) can resolve.
	 * @param failure the failure
	 * @return whether it is a 409
	 */
	public static boolean isConflict(Throwable failure) {
		if (failure instanceof DuplicateKeyException || failure instanceof ConcurrencyFailureException) {
			return true;
		}
		if (failure instanceof DataIntegrityViolationException) {
			String state = sqlState(failure);
			return UNIQUE_VIOLATION.equals(state) || FOREIGN_KEY_VIOLATION.equals(state);
		}
		return false;
	}

	/**
	 * The answer to a database failure that is no conflict.
	 * @return a 503
	 */
	public static ApiError unavailable() {
		return ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
				"the request could not be completed because of a database failure; it has been logged,"
						+ " and nothing was changed; retry in a few seconds");
	}

	/**
	 * The response with {@code Retry-After} added.
	 * @param response a 503 as a dialect wrote it
	 * @return the response to send
	 */
	static ResponseEntity<Object> withRetryAfter(ResponseEntity<Object> response) {
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(response.getBody());
	}

	private static @Nullable String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
