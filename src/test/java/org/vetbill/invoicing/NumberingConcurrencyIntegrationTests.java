package org.vetbill.invoicing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.invoicing.InvoiceCommands.NewInvoice;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice numbers stay gapless and unique when many finalizations of one department run
 * at once, over real HTTP.
 */
class NumberingConcurrencyIntegrationTests extends IntegrationTest {

	private static final int DRAFTS = 400;

	private static final int THREADS = 8;

	@Test
	void eightThreadsFinalizingFourHundredDraftsGetNumbersOneToFourHundred() throws Exception {
		TestTenant tenant = newTenant();
		Invoices invoices = tenant.bean(Invoices.class);
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < DRAFTS; i++) {
			drafts.add(
					invoices
						.createDraft(tenant.caller,
								new NewInvoice(tenant.department, tenant.client, null, null, null, null, null, null,
										List.of(new ChargedItem(tenant.medicineItem, java.math.BigDecimal.ONE, null,
												null, null, null))))
						.id());
		}
		Collections.shuffle(drafts);
		ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(drafts);
		ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				// eight front desks, each its own API client: one client alone may
				// finalize
				// 300 invoices a minute
				Api desk = tenant.apiWith("read", "billing");
				workers.add(pool.submit(() -> {
					start.await();
					Long id;
					while ((id = queue.poll()) != null) {
						ApiResponse response = desk.post(tenant.path("/invoices/" + id + "/finalize"), null);
						if (response.status() == 200) {
							numbers.add(response.get("invoice_number").asLong());
						}
						else {
							failures.add(response.toString());
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(failures).isEmpty();
		assertThat(numbers).hasSize(DRAFTS)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, DRAFTS).boxed().toList());
		ApiResponse stored = tenant.api.get(tenant.path("/invoices?status=3&limit=500"));
		assertThat(stored.body().path("items").size()).isEqualTo(DRAFTS);
	}

	@Test
	void refusedFinalizationsAmongConcurrentOnesLeaveNoGap() throws Exception {
		TestTenant tenant = newTenant();
		tenant.api.patch(tenant.path("/departments/" + tenant.department + "/settings"),
				Map.of("financial_period_lock_date", "2026-01-01"));
		Invoices invoices = tenant.bean(Invoices.class);
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			drafts.add(
					invoices
						.createDraft(tenant.caller,
								new NewInvoice(tenant.department, null, null, null, null, null, null, null,
										List.of(new ChargedItem(tenant.medicineItem, java.math.BigDecimal.ONE, null,
												null, null, null))))
						.id());
		}
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < drafts.size(); i++) {
				long id = drafts.get(i);
				// every other one is dated inside the locked period and must be refused
				String date = (i % 2 == 0) ? "2025-12-31" : "2026-01-02";
				results.add(pool.submit(() -> {
					ApiResponse response = tenant.api.post(tenant.path("/invoices/" + id + "/finalize"),
							Map.of("invoice_date", date));
					if (response.status() == 200) {
						numbers.add(response.get("invoice_number").asLong());
					}
					return response.status();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(200, 422);
			assertThat(statuses.stream().filter((status) -> status == 422)).hasSize(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
	}

}
