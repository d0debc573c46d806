package org.vetbill.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of amounts, unit prices and quantities hold in the core: a figure beyond
 * them (or beyond what can be read at all) is a 400 naming the field in every API, never
 * a 409 or 500, and nothing is stored; the largest figures allowed are accepted.
 */
class AmountBoundsIntegrationTests extends MoneyIntegrationTest {

	/**
	 * Figures beyond every bound, as JSON: numbers, strings, huge exponents, many digits.
	 */
	private static final List<String> BEYOND = List.of("1e309", "\"1e309\"", "1e2147483648", "1000000000000",
			"\"1000000000000\"", "1e-2147483648", "1" + "0".repeat(4999));

	private long draft() {
		ApiResponse response = this.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows", List.of(Map
					.of("item_id", this.tenant.consultationItem, "quantity", 2, "patient_id", this.tenant.patient))));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private long invoice() {
		long id = draft();
		ApiResponse response = this.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return id;
	}

	private static void assertNamed(ApiResponse response, String field, String sent) {
		assertNamed(response, 400, field, sent);
	}

	private static void assertNamed(ApiResponse response, int status, String field, String sent) {
		// a number longer than the JSON reader takes (1,000 characters) is refused before
		// any field is read: a 400 about the body
		String named = (sent.length() > 1000) ? "\"body\"" : field;
		String shown = (sent.length() > 40) ? sent.substring(0, 20) + "... (" + sent.length() + " characters)" : sent;
		assertThat(response.status()).as(shown + " -> " + response).isEqualTo(status);
		assertThat(response.raw()).as(shown).contains(named);
	}

	@Test
	void ownApiPaymentBeyondTheBoundIsA400NamingPaid() {
		long invoice = invoice();
		String payments = this.tenant.path("/invoices/" + invoice + "/payments");
		for (String paid : BEYOND) {
			assertNamed(this.api.post(payments, "{\"payment_type\": 1, \"paid\": " + paid + "}"), "paid", paid);
		}
		assertThat(this.api.get(payments).raw()).doesNotContain("\"paid\"");
	}

	@Test
	void ownApiRowPriceAndQuantityBeyondTheirBoundsAreA400NamingThem() {
		long draft = draft();
		String rows = this.tenant.path("/invoices/" + draft + "/rows");
		String before = this.api.get(this.tenant.path("/invoices/" + draft)).raw();
		for (String value : BEYOND) {
			assertNamed(this.api.post(rows, "{\"item_id\": " + this.tenant.consultationItem + ", \"quantity\": " + value
					+ ", \"patient_id\": " + this.tenant.patient + "}"), "quantity", value);
			assertNamed(
					this.api
						.post(rows,
								"{\"item_id\": " + this.tenant.consultationItem + ", \"quantity\": 1, \"unit_price\": "
										+ value + ", \"patient_id\": " + this.tenant.patient + "}"),
					"unit_price", value);
		}
		// just beyond the bounds, and below what the columns hold
		assertNamed(
				this.api.post(rows, "{\"item_id\": " + this.tenant.consultationItem
						+ ", \"quantity\": 100000, \"patient_id\": " + this.tenant.patient + "}"),
				"quantity", "100000");
		assertNamed(
				this.api.post(rows, "{\"item_id\": " + this.tenant.consultationItem
						+ ", \"quantity\": 1, \"unit_price\": 100000000, \"patient_id\": " + this.tenant.patient + "}"),
				"unit_price", "100000000");
		assertThat(this.api.get(this.tenant.path("/invoices/" + draft)).raw()).isEqualTo(before);
		// the largest figures allowed, together, with the largest surcharge
		ApiResponse largest = this.api.post(rows,
				"{\"item_id\": " + this.tenant.consultationItem + ", \"quantity\": 99999.999, \"unit_price\": "
						+ "99999999.9999, \"percentage_change\": 1000, \"patient_id\": " + this.tenant.patient + "}");
		assertThat(largest.status()).as(largest.toString()).isEqualTo(201);
	}

	@Test
	void cloudPaymentBeyondTheBoundIsA400NamingPaidAndTheLargestAmountIsTaken() {
		long invoice = invoice();
		String cloud = "/" + this.tenant.provetId + "/api/0.1/";
		for (String paid : List.of("1e309", "\"1e309\"", "1e2147483648", "1000000000000", "\"1000000000.00\"")) {
			assertNamed(
					this.api.post(cloud + "invoicepayment/",
							"{\"invoice\": " + invoice + ", \"payment_type\": 1, \"paid\": " + paid + "}"),
					"{\"paid\":[", paid);
		}
		assertThat(this.api.get(cloud + "invoicepayment/?invoice__is=" + invoice).body().path("count").asLong())
			.isZero();
		String prepayment = "{\"department\": " + this.tenant.department + ", \"client\": " + this.tenant.client
				+ ", \"payment_type\": 1, \"paid\": ";
		assertNamed(this.api.post(cloud + "unallocatedpayment/", prepayment + "\"1000000000.00\"}"), "{\"paid\":[",
				"1000000000.00");
		ApiResponse largest = this.api.post(cloud + "unallocatedpayment/", prepayment + "\"999999999.99\"}");
		assertThat(largest.status()).as(largest.toString()).isEqualTo(201);
		assertThat(largest.body().path("paid").asString()).isEqualTo("999999999.99");
	}

	@Test
	void clinicApiItemPriceBeyondTheBoundIsA400NamingIt() {
		long before = this.api.get("/invoice/").body().path("total").asLong();
		for (String value : BEYOND) {
			String body = "{\"status\": \"DRAFT\", \"discount_amount\": 0, \"discount_percent\": 0, \"paid_amount\": 0,"
					+ " \"items\": [{\"description\": \"Nail clipping\", \"quantity\": 1, \"unit_price\": " + value
					+ ", \"tax_rate\": 10}]}";
			// the Clinic API answers a field it refuses with 422, in FastAPI's shape
			// an exponent beyond what a number can hold is refused while the body is
			// read,
			// before any field is: a refusal of the body
			String field = value.contains("2147483648") ? "\"body\"" : "\"unit_price\"";
			assertNamed(this.api.post("/invoice/", body), 422, field, value);
		}
		assertThat(this.api.get("/invoice/").body().path("total").asLong()).isEqualTo(before);
	}

}
