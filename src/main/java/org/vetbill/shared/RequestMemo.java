package org.vetbill.shared;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Values read once per request: a request that needs the same record in several steps
 * (its organization, read by the API leaf, the use case and the answer's rendering) reads
 * it once and reuses it. Outside a request every read goes to the source.
 */
public final class RequestMemo {

	private static final String PREFIX = RequestMemo.class.getName() + ".";

	private RequestMemo() {
	}

	/**
	 * The value of a key in the current request, read from the source the first time.
	 * @param <T> the value's type
	 * @param key the key, unique for the value (such as {@code organization:42})
	 * @param type the value's type
	 * @param source reads the value
	 * @return the value
	 */
	public static <T> T get(String key, Class<T> type, Supplier<T> source) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return source.get();
		}
		Object known = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
		if (type.isInstance(known)) {
			return type.cast(known);
		}
		T value = source.get();
		request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
		return value;
	}

	/**
	 * Forgets a value that changed, so the request reads it again.
	 * @param key the key
	 */
	public static void forget(String key) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
