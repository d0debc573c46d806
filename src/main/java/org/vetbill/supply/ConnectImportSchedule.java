package org.vetbill.supply;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for Connect sources that are due every {@code vetbill.connect.scan-interval}, on
 * the nodes where {@code vetbill.connect.importer-enabled} is true (the default).
 */
@Component
class ConnectImportSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConnectImportSchedule.class);

	private final ConnectImporter importer;

	private final ConnectProperties properties;

	private volatile @Nullable ScheduledExecutorService executor;

	ConnectImportSchedule(ConnectImporter importer, ConnectProperties properties) {
		this.importer = importer;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.importerEnabled()) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vetbill-connect-import").daemon().factory());
		long every = this.properties.scanInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::scan, every, every, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	private void scan() {
		try {
			this.importer.pollDue();
		}
		catch (RuntimeException ex) {
			log.error("Connect import failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
