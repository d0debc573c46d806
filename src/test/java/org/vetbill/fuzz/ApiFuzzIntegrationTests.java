package org.vetbill.fuzz;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.fuzz.FuzzTarget.Credential;
import org.vetbill.security.Credentials;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.DEPARTMENT;
import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.INVOICE_WRITE_OFF;
import static org.vetbill.shared.db.Tables.ITEM;
import static org.vetbill.shared.db.Tables.PATIENT;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;
import static org.vetbill.shared.db.Tables.VAT_GROUP;

/**
 * The fuzzer in the suite: a few thousand requests derived from the server's own OpenAPI
 * descriptions and from hostile inputs, with a fixed seed, one at a time, signed in as
 * read-only, billing and settings clients and as nobody. Every answer must be a 2xx, 3xx
 * or 4xx (a 5xx or a connection closed without an answer fails, naming the request),
 * every refused write must leave the organization's money and master data as they were,
 * and the ledger's invariants must hold at the end. {@code ./vetbill fuzz} runs any
 * number of requests against a running server.
 */
class ApiFuzzIntegrationTests extends IntegrationTest {

	private static final long SEED = 20261207L;

	private static final int REQUESTS = 2500;

	private static final Duration BUDGET = Duration.ofSeconds(40);

	@Test
	void generatedRequestsAreAnsweredWithoutServerErrorsAndRefusedWritesChangeNothing() {
		TestTenant tenant = newTenant();
		TestTenant other = newTenant();
		List<Long> ids = new ArrayList<>(List.of(tenant.department, tenant.client, tenant.patient,
				tenant.consultationItem, tenant.medicineItem, tenant.vat24, tenant.vat10));
		for (int i = 0; i < 4; i++) {
			long invoice = finalizedInvoice(tenant);
			ids.add(invoice);
			ids.add(pay(tenant, invoice));
		}
		ids.add(prepayment(tenant));
		String base = "http://localhost:" + this.port;
		FuzzTarget target = new FuzzTarget(tenant.provetId, List.of(other.provetId),
				List.of(new Credential("none", null), credential(tenant, "read"), credential(tenant, "read", "billing"),
						credential(tenant, "read", "billing", "settings")),
				Map.of());
		DSLContext dsl = this.context.getBean(DSLContext.class);
		RefusedWritesChangeNothing check = new RefusedWritesChangeNothing(dsl, tenant.organizationId);

		FuzzRun run = new FuzzRun(base, ApiOperations.read(base), target, new KnownIds(ids)).run(SEED, REQUESTS, BUDGET,
				1, check);

		System.out.println("Fuzzing, seed " + SEED + ":\n" + run.report());
		// a busy machine sends fewer within the budget; a run that hardly started proves
		// nothing
		assertThat(run.sent()).as("requests sent within the budget").isGreaterThan(100);
		assertThat(run.failures()).as(run.report()).isEmpty();
		LedgerInvariants.assertHold(dsl);
	}

	private Credential credential(TestTenant tenant, String... permissions) {
		Credentials.IssuedApiClient issued = tenant.bean(Credentials.class)
			.createApiClient(tenant.caller,
					new Credentials.NewApiClient("fuzz " + String.join(" ", permissions), null, List.of(permissions)));
		String token = TestTenant.token(tenant.anonymous, tenant.provetId, issued.client().clientId(),
				issued.clientSecret());
		return new Credential(String.join("+", permissions), "Bearer " + token);
	}

	private static long finalizedInvoice(TestTenant tenant) {
		ApiResponse draft = tenant.api.post(tenant.path("/invoices"),
				Map.of("department_id", tenant.department, "client_id", tenant.client, "rows",
						List.of(Map.of("item_id", tenant.consultationItem, "quantity", 2),
								Map.of("item_id", tenant.medicineItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = tenant.api.post(tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	private static long pay(TestTenant tenant, long invoice) {
		ApiResponse payment = tenant.api.post("/" + tenant.provetId + "/api/0.1/invoicepayment/",
				Map.of("invoice", invoice, "payment_type", 1, "paid", "10.00"));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		return payment.id();
	}

	private static long prepayment(TestTenant tenant) {
		ApiResponse prepayment = tenant.api.post("/" + tenant.provetId + "/api/0.1/unallocatedpayment/",
				Map.of("department", tenant.department, "client", tenant.client, "payment_type", 1, "paid", "200.00"));
		assertThat(prepayment.status()).as(prepayment.toString()).isEqualTo(201);
		return prepayment.id();
	}

	/**
	 * A digest of the organization's money (invoices, rows, payments, prepayments,
	 * write-offs) and master data (departments with their settings, clients, patients,
	 * items, VAT groups), taken before every write and compared after each one refused
	 * with a 4xx.
	 */
	static final class RefusedWritesChangeNothing implements FuzzRun.Check {

		private final DSLContext dsl;

		private final long organizationId;

		private @Nullable String before;

		RefusedWritesChangeNothing(DSLContext dsl, long organizationId) {
			this.dsl = dsl;
			this.organizationId = organizationId;
		}

		@Override
		public void before(FuzzRequest request) {
			this.before = request.isWrite() ? digest() : null;
		}

		@Override
		public @Nullable String after(FuzzRequest request, int status) {
			if (this.before == null || status < 400 || status >= 500) {
				return null;
			}
			String after = digest();
			return after.equals(this.before) ? null : "refused write (" + status
					+ ") changed the organization's data (digest " + this.before + " became " + after + ")";
		}

		String digest() {
			try {
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				digest(sha, INVOICE, INVOICE.ORGANIZATION_ID, INVOICE.ID);
				digest(sha, INVOICE_ROW, INVOICE_ROW.ORGANIZATION_ID, INVOICE_ROW.ID);
				digest(sha, INVOICE_PAYMENT, INVOICE_PAYMENT.ORGANIZATION_ID, INVOICE_PAYMENT.ID);
				digest(sha, UNALLOCATED_PAYMENT, UNALLOCATED_PAYMENT.ORGANIZATION_ID, UNALLOCATED_PAYMENT.ID);
				digest(sha, INVOICE_WRITE_OFF, INVOICE_WRITE_OFF.ORGANIZATION_ID, INVOICE_WRITE_OFF.ID);
				digest(sha, DEPARTMENT, DEPARTMENT.ORGANIZATION_ID, DEPARTMENT.ID);
				digest(sha, CLIENT, CLIENT.ORGANIZATION_ID, CLIENT.ID);
				digest(sha, PATIENT, PATIENT.ORGANIZATION_ID, PATIENT.ID);
				digest(sha, ITEM, ITEM.ORGANIZATION_ID, ITEM.ID);
				digest(sha, VAT_GROUP, VAT_GROUP.ORGANIZATION_ID, VAT_GROUP.ID);
				return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void digest(MessageDigest sha, Table<?> table, TableField<?, Long> organization, Field<Long> id) {
			String rows = this.dsl.selectFrom(table)
				.where(organization.eq(this.organizationId))
				.orderBy(id)
				.fetch()
				.formatCSV();
			sha.update(rows.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}

	}

}
