/**
 * Webhooks: an organization's subscriptions to changes (numbered triggers, the numbers
 * integrations already subscribe with), the outbox the core's use cases write their
 * changes into within their own transaction, and the dispatcher that delivers them at
 * least once, in order per object, signed the Standard Webhooks way, with retries and
 * exponential backoff. Listens to the core through
 * {@link org.vetbill.shared.events.ChangeEvents}; the core never depends on it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "clinic", "shared" })
package org.vetbill.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
