package org.vetbill.webhooks;

import java.net.http.HttpRequest;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;
import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.CONSULTATION;
import static org.vetbill.shared.db.Tables.CONSULTATION_ITEM;
import static org.vetbill.shared.db.Tables.DEPARTMENT;
import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.ITEM;
import static org.vetbill.shared.db.Tables.ORGANIZATION;
import static org.vetbill.shared.db.Tables.PATIENT;
import static org.vetbill.shared.db.Tables.VAT_GROUP;
import static org.vetbill.shared.db.Tables.WEBHOOK_DELIVERY;

/**
 * No change, no trace: a PATCH or PUT that changes nothing, on every update path of every
 * API, answers 200 with the resource as it was, and leaves no trace: no row's
 * {@code modified} or version moves, no audit event is written and no webhook delivery is
 * queued. A malformed multipart body is a 400, not an empty change.
 */
class NoChangeNoTraceIntegrationTests extends WebhookIntegrationTest {

	private long draft;

	private long row;

	private long consultation;

	private long consultationItem;

	private long webhook;

	@BeforeEach
	void subscribeAndPrepare() {
		this.clock.set(CHANGED);
		for (int trigger : new int[] { 9, 10, 11, 12, 23, 45, 63 }) {
			this.webhook = webhook(trigger, "/t" + trigger, 2, null).path("id").asLong();
		}
		this.draft = draft();
		this.row = ok(this.tenant.api.get(this.tenant.path("/invoices/" + this.draft))).path("rows")
			.get(0)
			.path("id")
			.asLong();
		this.consultation = created(this.tenant.api.post(this.tenant.path("/consultations"), Map.of("department_id",
				this.tenant.department, "client_id", this.tenant.client, "patient_id", this.tenant.patient)))
			.path("id")
			.asLong();
		JsonNode withItem = this.tenant.api
			.post(this.tenant.path("/consultations/" + this.consultation + "/items"),
					Map.of("item_id", this.tenant.medicineItem, "quantity", 1))
			.body();
		this.consultationItem = withItem.path("items").get(0).path("id").asLong();
		this.clock.set("2026-11-21T11:00:00Z");
	}

	@Test
	void cloudApiChangesThatChangeNothingLeaveNoTrace() {
		String before = trace();
		JsonNode client = ok(this.tenant.api.patch(cloud("client/" + this.tenant.client + "/"), Map.of()));
		ok(this.tenant.api.patch(cloud("client/" + this.tenant.client + "/"),
				Map.of("firstname", client.path("firstname").asString(), "city", client.path("city").asString())));
		JsonNode patient = ok(this.tenant.api.patch(cloud("patient/" + this.tenant.patient + "/"), Map.of()));
		ok(this.tenant.api.patch(cloud("patient/" + this.tenant.patient + "/"),
				Map.of("name", patient.path("name").asString())));
		ok(this.tenant.api.patch(cloud("item/" + this.tenant.medicineItem + "/"), Map.of()));
		ok(this.tenant.api.patch(cloud("invoice/" + this.draft + "/"), Map.of()));
		ok(this.tenant.api.patch(cloud("hook/webhook/" + this.webhook + "/"), Map.of()));

		String settings = cloud("settings/department/" + this.tenant.department + "/");
		JsonNode read = ok(this.tenant.api.get(settings));
		assertThat(ok(this.tenant.api.patch(settings, Map.of()))).isEqualTo(read);
		assertThat(ok(this.tenant.api.put(settings, read))).isEqualTo(read);
		assertThat(ok(send(settings, "PATCH", "application/x-www-form-urlencoded", "payment_cancel_set_date=false")))
			.isEqualTo(read);
		assertThat(ok(send(settings, "PATCH", "multipart/form-data; boundary=xyz",
				"--xyz\r\nContent-Disposition: form-data; name=\"payment_cancel_set_date\"\r\n\r\nfalse\r\n--xyz--\r\n")))
			.isEqualTo(read);
		assertThat(trace()).isEqualTo(before);

		// and a change that changes something leaves its trace
		ok(this.tenant.api.patch(settings, Map.of("payment_cancel_set_date", true)));
		assertThat(trace()).isNotEqualTo(before);
	}

	@Test
	void vetbillApiMergePatchesThatChangeNothingLeaveNoTrace() {
		String before = trace();
		for (String path : new String[] { "/clients/" + this.tenant.client, "/patients/" + this.tenant.patient,
				"/items/" + this.tenant.medicineItem, "/vat-groups/" + this.tenant.vat24,
				"/departments/" + this.tenant.department, "/departments/" + this.tenant.department + "/settings",
				"/organization", "/invoices/" + this.draft }) {
			JsonNode read = ok(this.tenant.api.get(this.tenant.path(path)));
			assertThat(ok(this.tenant.api.patch(this.tenant.path(path), Map.of()))).as(path).isEqualTo(read);
		}
		JsonNode invoice = ok(this.tenant.api.get(this.tenant.path("/invoices/" + this.draft)));
		assertThat(ok(this.tenant.api.patch(this.tenant.path("/invoices/" + this.draft + "/rows/" + this.row),
				Map.of("quantity", 2))))
			.isEqualTo(invoice);
		JsonNode consultation = ok(this.tenant.api.get(this.tenant.path("/consultations/" + this.consultation)));
		assertThat(ok(this.tenant.api.patch(
				this.tenant.path("/consultations/" + this.consultation + "/items/" + this.consultationItem),
				Map.of("quantity", 1))))
			.isEqualTo(consultation);
		assertThat(trace()).isEqualTo(before);

		ok(this.tenant.api.patch(this.tenant.path("/invoices/" + this.draft + "/rows/" + this.row),
				Map.of("quantity", 3)));
		assertThat(trace()).isNotEqualTo(before);
	}

	@Test
	void aMalformedMultipartBodyIsRefusedNamingTheBody() {
		String settings = cloud("settings/department/" + this.tenant.department + "/");
		String before = trace();
		for (String[] malformed : new String[][] { { "multipart/form-data; boundary=xyz", "x" },
				{ "multipart/form-data; boundary=xyz",
						"--xyz\r\nContent-Disposition: form-data; name=\"payment_cancel_set_date\"\r\n\r\ntrue" },
				{ "multipart/form-data",
						"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--\r\n" },
				{ "multipart/form-data; boundary=xyz", "--abc\r\n\r\n--abc--\r\n" } }) {
			for (String method : new String[] { "PATCH", "PUT" }) {
				ApiResponse refused = send(settings, method, malformed[0], malformed[1]);
				assertThat(refused.status()).as(method + " " + malformed[0] + " " + malformed[1] + ": " + refused)
					.isEqualTo(400);
				assertThat(refused.body().has("body")).as(refused.toString()).isTrue();
			}
		}
		ApiResponse file = send(settings, "PATCH", "multipart/form-data; boundary=xyz",
				"--xyz\r\nContent-Disposition: form-data; name=\"payment_cancel_set_date\"; filename=\"a.txt\"\r\n"
						+ "Content-Type: text/plain\r\n\r\ntrue\r\n--xyz--\r\n");
		assertThat(file.status()).as(file.toString()).isEqualTo(400);
		assertThat(file.body().has("payment_cancel_set_date")).as(file.toString()).isTrue();
		assertThat(trace()).isEqualTo(before);
	}

	private ApiResponse send(String path, String method, String contentType, String body) {
		return this.tenant.api.send(this.tenant.api.request(path)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Everything a change leaves behind in the tenant's organization: its master data,
	 * invoices and consultations as stored (times and versions included), the number of
	 * audit events and the number of webhook deliveries queued.
	 */
	private String trace() {
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		long organization = this.tenant.organizationId;
		StringBuilder trace = new StringBuilder();
		append(trace, dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(organization)).fetch());
		append(trace, dsl.selectFrom(CLIENT).where(CLIENT.ORGANIZATION_ID.eq(organization)).orderBy(CLIENT.ID).fetch());
		append(trace,
				dsl.selectFrom(PATIENT).where(PATIENT.ORGANIZATION_ID.eq(organization)).orderBy(PATIENT.ID).fetch());
		append(trace, dsl.selectFrom(ITEM).where(ITEM.ORGANIZATION_ID.eq(organization)).orderBy(ITEM.ID).fetch());
		append(trace,
				dsl.selectFrom(VAT_GROUP)
					.where(VAT_GROUP.ORGANIZATION_ID.eq(organization))
					.orderBy(VAT_GROUP.ID)
					.fetch());
		append(trace,
				dsl.selectFrom(DEPARTMENT)
					.where(DEPARTMENT.ORGANIZATION_ID.eq(organization))
					.orderBy(DEPARTMENT.ID)
					.fetch());
		append(trace,
				dsl.selectFrom(INVOICE).where(INVOICE.ORGANIZATION_ID.eq(organization)).orderBy(INVOICE.ID).fetch());
		append(trace,
				dsl.selectFrom(INVOICE_ROW)
					.where(INVOICE_ROW.ORGANIZATION_ID.eq(organization))
					.orderBy(INVOICE_ROW.ID)
					.fetch());
		append(trace,
				dsl.selectFrom(CONSULTATION)
					.where(CONSULTATION.ORGANIZATION_ID.eq(organization))
					.orderBy(CONSULTATION.ID)
					.fetch());
		append(trace,
				dsl.selectFrom(CONSULTATION_ITEM)
					.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(organization))
					.orderBy(CONSULTATION_ITEM.ID)
					.fetch());
		trace.append("audit events: ")
			.append(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(organization)))
			.append("\nwebhook deliveries: ")
			.append(dsl.fetchCount(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(organization)))
			.append('\n');
		return trace.toString();
	}

	private static void append(StringBuilder trace, Result<? extends Record> rows) {
		trace.append(rows.formatCSV()).append('\n');
	}

}
