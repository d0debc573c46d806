package org.vetbill.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vetbill.fuzz.SampleOrganization;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;

/**
 * An organization of the benchmark: made through the admin API and vetbill's API (so its
 * master data is what vetbill writes), with four template invoices made and paid through
 * the API, then grown to any number of finalized invoices by cloning them in SQL
 * ({@code bench/generate.sql}).
 *
 * @param sample the organization, its API client and master data
 * @param id its database id
 */
record BenchOrganization(SampleOrganization sample, long id) {

	static BenchOrganization create(String baseUrl, String adminKey, String provetId, BenchDatabase database) {
		SampleOrganization sample = SampleOrganization.create(baseUrl, adminKey, provetId, 0);
		long id = database.one("select id from organization where provet_id = ?", provetId);
		return new BenchOrganization(sample, id);
	}

	Api api() {
		return this.sample.api();
	}

	String cloud(String path) {
		return this.sample.cloud(path);
	}

	/**
	 * Makes the templates through the API, then clones them into {@code count} invoices
	 * with psql, printing each step with its duration.
	 * @return how long the cloning took, and where its ids start
	 */
	Generated generate(BenchDatabase database, long count) {
		String base = "/" + this.sample.provetId() + "/vetbill/v1";
		long item = database.one("select id from item where organization_id = ? and code = 'C100'", this.id);
		List<Long> templates = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long draft = expect(
					api().post(base + "/invoices", Map.of("department_id", this.sample.department(), "client_id",
							this.sample.client(), "rows", List.of(Map.of("item_id", item, "quantity", 1),
									Map.of("item_id", item, "quantity", 2), Map.of("item_id", item, "quantity", 3)))),
					201)
				.id();
			expect(api().post(base + "/invoices/" + draft + "/finalize", null), 200);
			templates.add(draft);
		}
		BigDecimal total = new BigDecimal(
				database.text("select total_with_vat from invoice where id = " + templates.get(1)));
		expect(api().post(base + "/invoices/" + templates.get(1) + "/payments",
				Map.of("payment_type", 0, "paid", total.setScale(2).toPlainString())), 201);
		expect(api().post(base + "/invoices/" + templates.get(2) + "/payments",
				Map.of("payment_type", 1, "paid", "10.00")), 201);
		long prepayment = expect(api().post(cloud("unallocatedpayment/"), Map.of("department", this.sample.department(),
				"client", this.sample.client(), "payment_type", 2, "paid", "30.00")), 201)
			.id();
		ApiResponse applied = api().post(base + "/invoices/" + templates.get(3) + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment, "amount", "20.00"));
		if (applied.status() / 100 != 2) {
			throw new IllegalStateException("apply-prepayment answered " + applied);
		}
		long idBase = database.one("select max(id) from invoice");
		long started = System.nanoTime();
		List<String> command = new ArrayList<>(List.of("psql", "-X", "-q"));
		command.addAll(database.connectionArguments());
		command.addAll(List.of("-v", "n=" + count, "-v", "org=" + this.id, "-v", "t_open=" + templates.get(0), "-v",
				"t_paid=" + templates.get(1), "-v", "t_part=" + templates.get(2), "-v", "t_prepaid=" + templates.get(3),
				"-f", "bench/generate.sql"));
		Process psql = database.start(command, true);
		try {
			if (psql.waitFor() != 0) {
				throw new IllegalStateException("bench/generate.sql failed (exit " + psql.exitValue() + ")");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new Generated(Duration.ofNanos(System.nanoTime() - started), idBase);
	}

	/**
	 * What the generator did.
	 *
	 * @param took how long it took
	 * @param base the id before the first generated invoice's: invoice {@code g} (from 1)
	 * is {@code base + g}
	 */
	record Generated(Duration took, long base) {
	}

	private static ApiResponse expect(ApiResponse response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("Expected " + status + ", got " + response);
		}
		return response;
	}

}
