package org.vetbill.supply;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The importer of supplier invoices from Connect endpoints ({@code vetbill.connect.*}).
 *
 * @param importerEnabled whether this node polls the sources that are due
 * @param pollInterval the time between two polls of a source; Connect asks for five
 * minutes at least, so shorter values are raised to five minutes
 * @param maxBackoff the longest wait after failed polls (the wait doubles after each)
 * @param overlap how far before the start of the last successful poll the next one asks
 * for changes, covering clock differences and late commits; the invoices seen twice are
 * recognised and left alone
 * @param scanInterval how often this node looks for sources that are due
 * @param lease how long a poll keeps its source to itself (other nodes leave it alone)
 */
@ConfigurationProperties("vetbill.connect")
public record ConnectProperties(@DefaultValue("true") boolean importerEnabled,
		@DefaultValue("5m") Duration pollInterval, @DefaultValue("6h") Duration maxBackoff,
		@DefaultValue("5m") Duration overlap, @DefaultValue("30s") Duration scanInterval,
		@DefaultValue("10m") Duration lease) {

	/** The shortest time between two polls of one source. */
	public static final Duration MIN_POLL_INTERVAL = Duration.ofMinutes(5);

	public ConnectProperties {
		pollInterval = (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) ? MIN_POLL_INTERVAL : pollInterval;
	}

}
