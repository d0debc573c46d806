/**
 * Operations metrics for Prometheus (Micrometer): the money events the core announces
 * ({@link org.vetbill.shared.events.ChangeEvents#moneyMoved}), counted and summed by
 * kind, payment type and currency; the webhook queue (deliveries pending and failed) and
 * the Connect import sources (due and failing) as gauges; and the protection of the
 * scrape endpoint {@code /actuator/prometheus} by a token of its own. A leaf: the core
 * never depends on it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "webhooks", "supply" })
package org.vetbill.metrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
