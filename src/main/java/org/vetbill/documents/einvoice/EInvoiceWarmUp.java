package org.vetbill.documents.einvoice;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the e-invoice validation once the application has started, on a thread of its
 * own, so that start-up does not wait the 10 to 30 seconds it takes and the first
 * e-invoice validated is fast. {@code vetbill.einvoice.warm-up=false} turns it off (the
 * tests, which start many applications, do).
 */
@Component
class EInvoiceWarmUp {

	private final EInvoiceValidator validator;

	private final boolean enabled;

	EInvoiceWarmUp(EInvoiceValidator validator, @Value("${vetbill.einvoice.warm-up:true}") boolean enabled) {
		this.validator = validator;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warm() {
		if (this.enabled) {
			Thread.ofPlatform().daemon().name("einvoice-warm-up").start(this.validator::warm);
		}
	}

}
