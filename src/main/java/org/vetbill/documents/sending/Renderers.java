package org.vetbill.documents.sending;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The renderers and the document source are looked up when a sending is attempted, not
 * when the application starts: the PDF and e-invoice modules are wired in on their own,
 * and a node without one still starts; its sendings fail with an error that says which is
 * missing, and are tried again.
 */
final class Renderers {

	private Renderers() {
	}

	/**
	 * The one bean of a kind.
	 * @param <T> the kind
	 * @param provider where it comes from
	 * @param what what it is, for the error
	 * @return the bean
	 * @throws IllegalStateException when there is none
	 */
	static <T> T required(ObjectProvider<T> provider, String what) {
		T bean = provider.getIfAvailable();
		if (bean == null) {
			throw new IllegalStateException("No " + what + " renderer is configured");
		}
		return bean;
	}

}
