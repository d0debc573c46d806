package org.vetbill.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vetbill.metrics.*}: the protection of the Prometheus scrape endpoint.
 *
 * @param scrapeToken the token a scraper sends as {@code Authorization: Bearer <token>};
 * empty (the default) keeps {@code /actuator/prometheus} closed (404)
 */
@ConfigurationProperties("vetbill.metrics")
record MetricsProperties(@DefaultValue("") String scrapeToken) {

}
