package org.vetbill.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.TestTenant;

/**
 * An organization set up over HTTP on a server running as a process of its own (through
 * the admin API and vetbill's own API): a department, a VAT group, an item, a client and
 * finalized invoices large enough to take many small payments.
 *
 * @param provetId its {@code provet_id}
 * @param api a client with every permission
 * @param department the department's id
 * @param client the client's id
 * @param invoices the finalized invoices' ids
 */
public record SampleOrganization(String provetId, Api api, long department, long client, List<Long> invoices) {

	/**
	 * Creates one.
	 * @param baseUrl the server
	 * @param adminKey the server's {@code vetbill.admin.key}
	 * @param provetId the new organization's {@code provet_id}
	 * @param invoiceCount how many finalized invoices (each of 6,275.00)
	 * @return the organization
	 */
	public static SampleOrganization create(String baseUrl, String adminKey, String provetId, int invoiceCount) {
		Api anonymous = new Api(baseUrl, null);
		ApiResponse created = anonymous.as("Bearer " + adminKey)
			.post("/admin/v1/organizations",
					Map.of("provet_id", provetId, "name", "Clinic " + provetId, "currency", "EUR", "country", "FI",
							"time_zone", "Europe/Helsinki", "reference_number_format", "FINNISH", "prices_include_vat",
							false, "default_payment_terms_days", 14));
		expect(created, 201);
		String secret = created.body().path("api_client").path("client_secret").asString();
		String clientId = created.body().path("api_client").path("client").path("client_id").asString();
		Api api = anonymous.as("Bearer " + TestTenant.token(anonymous, provetId, clientId, secret));
		String base = "/" + provetId + "/vetbill/v1";
		long department = expect(api.post(base + "/departments", Map.of("name", "Main", "invoice_prefix", "INV")), 201)
			.id();
		long vat = expect(
				api.post(base + "/vat-groups", Map.of("title", "25.5%", "percentage", new BigDecimal("25.5"))), 201)
			.id();
		long item = expect(api.post(base + "/items",
				Map.of("code", "C100", "name", "Consultation", "price", new BigDecimal("50.00"), "vat_group_id", vat)),
				201)
			.id();
		long client = expect(api.post(base + "/clients",
				Map.of("customer_type", 0, "firstname", "Anna", "lastname", "Virtanen", "email", "anna@example.com")),
				201)
			.id();
		List<Long> invoices = new ArrayList<>();
		for (int i = 0; i < invoiceCount; i++) {
			long draft = expect(api.post(base + "/invoices", Map.of("department_id", department, "client_id", client,
					"rows", List.of(Map.of("item_id", item, "quantity", 100)))), 201)
				.id();
			expect(api.post(base + "/invoices/" + draft + "/finalize", null), 200);
			invoices.add(draft);
		}
		return new SampleOrganization(provetId, api, department, client, List.copyOf(invoices));
	}

	/**
	 * A Cloud API path of this organization.
	 * @param path below {@code /api/0.1/}, such as {@code invoicepayment/}
	 * @return the full path
	 */
	public String cloud(String path) {
		return "/" + this.provetId + "/api/0.1/" + path;
	}

	static ApiResponse expect(ApiResponse response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("Expected " + status + ", got " + response);
		}
		return response;
	}

}
