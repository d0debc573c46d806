package org.vetbill.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.vetbill.supply.ConnectSources;
import org.vetbill.webhooks.WebhookQueue;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gauges of the queues the nodes share, read from the database at each scrape (one
 * indexed count each): webhook deliveries pending and failed
 * ({@code vetbill_webhook_deliveries{state}}), and Connect import sources due and failing
 * ({@code vetbill_connect_sources{state}}). Every node reports the same figures, which
 * are the database's.
 */
@Component
class QueueMetrics implements SmartInitializingSingleton {

	private final MeterRegistry registry;

	private final WebhookQueue webhooks;

	private final ConnectSources sources;

	QueueMetrics(MeterRegistry registry, WebhookQueue webhooks, ConnectSources sources) {
		this.registry = registry;
		this.webhooks = webhooks;
		this.sources = sources;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Gauge.builder("vetbill.webhook.deliveries", this.webhooks, (queue) -> queue.count(false))
			.description("Webhook deliveries waiting for an attempt, of every organization")
			.tag("state", "pending")
			.register(this.registry);
		Gauge.builder("vetbill.webhook.deliveries", this.webhooks, (queue) -> queue.count(true))
			.description("Webhook deliveries that gave up after their last attempt, kept in the log")
			.tag("state", "failed")
			.register(this.registry);
		Gauge.builder("vetbill.connect.sources", this.sources, (sources) -> sources.due().size())
			.description("Connect import sources whose poll is due and that no node is polling")
			.tag("state", "due")
			.register(this.registry);
		Gauge.builder("vetbill.connect.sources", this.sources, ConnectSources::failingCount)
			.description("Connect import sources whose last poll failed (tried again later)")
			.tag("state", "failing")
			.register(this.registry);
	}

}
