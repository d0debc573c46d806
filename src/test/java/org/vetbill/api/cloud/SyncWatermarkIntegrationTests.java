package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * The {@code Sync-Watermark} header of Cloud API lists, shown on the exact interleaving
 * that makes polling by {@code modified__gte=<last poll time>} miss a change: a row
 * stamped in a transaction that commits after a later poll has read. The next poll from
 * the watermark returns it; the poll time would not. Also: numbered pages stop at an
 * offset of 10,000, and {@code id__gt} reads on at any depth.
 */
class SyncWatermarkIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = newTenant();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private ApiResponse list(String path) {
		ApiResponse response = this.tenant.api.get(cloud(path));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private static Instant watermark(ApiResponse response) {
		return Instant.parse(response.header("Sync-Watermark").orElseThrow());
	}

	private long prepayment() {
		ApiResponse response = this.tenant.api.post(cloud("unallocatedpayment/"), Map.of("department",
				this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid", "50.00"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private List<String> descriptions(ApiResponse response) {
		List<String> descriptions = new ArrayList<>();
		response.get("results")
			.forEach((item) -> descriptions
				.add(item.path("description").isNull() ? "<none>" : item.path("description").asString()));
		return descriptions;
	}

	@Test
	void everyListAnswersAWatermarkJustBeforeItsRead() {
		Instant before = Instant.now();
		for (String list : List.of("invoice/", "invoicerow/", "invoicepayment/", "unallocatedpayment/", "client/",
				"department/", "item/", "vatgroup/", "patient/", "consultation/", "consultationitem/",
				"settings/department/")) {
			ApiResponse response = list(list);
			Instant watermark = watermark(response);
			assertThat(response.header("Sync-Watermark").orElseThrow()).as(list)
				.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
			// the one-second margin for clocks of several nodes, and nothing older: no
			// transaction is left open by the requests before
			assertThat(watermark).as(list).isBefore(Instant.now().minusMillis(999)).isAfter(before.minusSeconds(5));
			// the watermark is a valid modified__gte as written
			list(list + "?modified__gte=" + response.header("Sync-Watermark").orElseThrow());
		}
		assertThat(this.tenant.api.get(cloud("invoice/1/")).header("Sync-Watermark")).isEmpty();
	}

	@Test
	void aChangeCommittedAfterALaterPollIsInTheNextPollFromTheWatermark() throws Exception {
		long id = prepayment();
		TransactionTemplate transactions = new TransactionTemplate(
				this.context.getBean(PlatformTransactionManager.class));
		DSLContext dsl = this.context.getBean(DSLContext.class);
		assertLateChangeIsCaught(id, (written, polled) -> transactions.executeWithoutResult((status) -> {
			change(dsl, id);
			written.countDown();
			await(polled);
		}));
	}

	/**
	 * The same with a transaction vetbill's transaction manager does not know, as another
	 * node's would be: on PostgreSQL the database tells the watermark about it.
	 */
	@Test
	void onPostgresqlTransactionsOfOtherNodesHoldTheWatermarkBackToo() throws Exception {
		DSLContext dsl = this.context.getBean(DSLContext.class);
		assumeThat(dsl.dialect().family()).as("another node's transactions are seen on PostgreSQL")
			.isEqualTo(SQLDialect.POSTGRES);
		long id = prepayment();
		DataSource dataSource = this.context.getBean(DataSource.class);
		assertLateChangeIsCaught(id, (written, polled) -> {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				change(DSL.using(connection, SQLDialect.POSTGRES), id);
				written.countDown();
				await(polled);
				connection.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private void change(DSLContext dsl, long id) {
		dsl.update(UNALLOCATED_PAYMENT)
			.set(UNALLOCATED_PAYMENT.DESCRIPTION, "changed late")
			.set(UNALLOCATED_PAYMENT.MODIFIED, Timestamps.now(this.clock))
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(UNALLOCATED_PAYMENT.ID.eq(id))
			.execute();
	}

	private interface Writer {

		void write(CountDownLatch written, CountDownLatch polled);

	}

	private void assertLateChangeIsCaught(long id, Writer writer) throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch polled = new CountDownLatch(1);
		CompletableFuture<Void> transaction = CompletableFuture.runAsync(() -> writer.write(written, polled));
		await(written);
		Thread.sleep(1500);
		// the poll, while the change is stamped but not committed: its time is after the
		// change's modified, the watermark before it
		Instant pollTime = Timestamps.now(this.clock);
		ApiResponse poll = list("unallocatedpayment/?id__is=" + id);
		assertThat(descriptions(poll)).containsExactly("<none>");
		Instant watermark = watermark(poll);
		polled.countDown();
		transaction.get(30, TimeUnit.SECONDS);

		JsonNode changed = list("unallocatedpayment/" + id + "/").body();
		Instant modified = Instant.parse(changed.path("modified").asString());
		assertThat(modified).isBefore(pollTime).isAfterOrEqualTo(watermark);
		assertThat(descriptions(list("unallocatedpayment/?modified__gte=" + watermark + "&id__is=" + id)))
			.containsExactly("changed late");
		assertThat(list("unallocatedpayment/?modified__gte=" + pollTime + "&id__is=" + id).get("count").asInt())
			.as("the naive poll from its own time misses the change")
			.isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void numberedPagesEndAtOffset10000AndIdGtReadsOnAtAnyDepth() {
		DSLContext dsl = this.context.getBean(DSLContext.class);
		int total = 12_000;
		Instant now = Timestamps.now(this.clock);
		for (int start = 0; start < total; start += 1000) {
			var insert = dsl.insertInto(UNALLOCATED_PAYMENT, UNALLOCATED_PAYMENT.ORGANIZATION_ID,
					UNALLOCATED_PAYMENT.DEPARTMENT_ID, UNALLOCATED_PAYMENT.CLIENT_ID, UNALLOCATED_PAYMENT.PAYMENT_TYPE,
					UNALLOCATED_PAYMENT.PAID, UNALLOCATED_PAYMENT.UNUSED_AMOUNT, UNALLOCATED_PAYMENT.CANCELLED,
					UNALLOCATED_PAYMENT.PAYMENT_DATE, UNALLOCATED_PAYMENT.CREATED, UNALLOCATED_PAYMENT.MODIFIED);
			for (int i = start; i < start + 1000; i++) {
				BigDecimal paid = new BigDecimal(i + 1).movePointLeft(2);
				insert = insert.values(this.tenant.organizationId, this.tenant.department, this.tenant.client,
						(short) 1, paid, paid, false, LocalDate.of(2026, 11, 21), now, now);
			}
			insert.execute();
		}
		List<Long> ids = dsl.select(UNALLOCATED_PAYMENT.ID)
			.from(UNALLOCATED_PAYMENT)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.orderBy(UNALLOCATED_PAYMENT.ID)
			.fetch(UNALLOCATED_PAYMENT.ID);
		assertThat(ids).hasSize(total);

		ApiResponse deepest = list("unallocatedpayment/?page=201&page_size=50");
		assertThat(ids(deepest)).isEqualTo(ids.subList(10_000, 10_050));
		assertThat(list("unallocatedpayment/?page=11&page_size=1000").get("results").size()).isEqualTo(1000);
		ApiResponse tooDeep = this.tenant.api.get(cloud("unallocatedpayment/?page=202&page_size=50"));
		assertThat(tooDeep.status()).isEqualTo(400);
		assertThat(tooDeep.raw()).isEqualTo("{\"page\":[\"Page 202 starts after result 10050; numbered pages reach "
				+ "10000 results deep. Read on with id__gt=<the last id you received> (and no page), which is fast "
				+ "at any depth.\"]}");

		long lastSeen = ids.get(11_899);
		ApiResponse keyset = list("unallocatedpayment/?id__gt=" + lastSeen + "&page_size=50");
		assertThat(ids(keyset)).isEqualTo(ids.subList(11_900, 11_950));
		assertThat(keyset.get("count").asInt()).isEqualTo(100);

		// figures, not assertions: a shallow page, the deepest numbered page, a keyset
		// page
		// as deep again
		Map<String, String> reads = Map.of("page 1", "unallocatedpayment/?page_size=50", "page 201 (offset 10000)",
				"unallocatedpayment/?page=201&page_size=50", "id__gt at 11900",
				"unallocatedpayment/?id__gt=" + lastSeen + "&page_size=50");
		reads.forEach((name, path) -> {
			for (int i = 0; i < 10; i++) {
				list(path);
			}
			long started = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				list(path);
			}
			System.out.printf("deep paging on %s, %d prepayments: %s %.1f ms per request%n", dsl.dialect(), total, name,
					Duration.ofNanos(System.nanoTime() - started).toNanos() / 20 / 1e6);
		});
	}

	private static List<Long> ids(ApiResponse response) {
		List<Long> ids = new ArrayList<>();
		response.get("results").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

}
