package org.vetbill.api.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vetbill.ratelimit.RateLimitedApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cloud API's published rate limits: requests per minute per API user for each
 * operation of its schema's billing part, 300 for any other (the most common number in
 * the schema), and a list's {@code page_size} counted in pages of
 * {@value CloudLists#DEFAULT_PAGE_SIZE}. The table lists every billing operation the
 * schema gives a number for, the ones vetbill does not serve too, so that it stays the
 * published table.
 */
@Configuration(proxyBeanMethods = false)
class CloudRateLimits {

	/** Requests per minute of an operation the table does not list. */
	static final int DEFAULT_LIMIT = 300;

	/**
	 * The published limits, by operation.
	 */
	static final Map<String, Integer> PUBLISHED = published();

	@Bean
	RateLimitedApi cloudApiRateLimits() {
		return new RateLimitedApi("cloud", CloudApi.BASE, "page_size", CloudLists.DEFAULT_PAGE_SIZE, DEFAULT_LIMIT,
				PUBLISHED);
	}

	private static Map<String, Integer> published() {
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("GET /invoice/", 60);
		limits.put("GET /invoice/{id}/", 250);
		limits.put("PUT /invoice/{id}/", 150);
		limits.put("PATCH /invoice/{id}/", 150);
		for (String action : List.of("add_item", "full_refund", "partial_refund", "invoice_date", "generate_qr_code",
				"cloudprnt", "pdf")) {
			limits.put("GET /invoice/{id}/" + action + "/", 100);
			limits.put("POST /invoice/{id}/" + action + "/", 100);
		}
		limits.put("GET /invoicerow/", 100);
		limits.put("GET /invoicerow/{id}/", 300);
		limits.put("GET /invoicerow_vatgroup/", 100);
		limits.put("GET /invoicepayment/", 100);
		limits.put("POST /invoicepayment/", 300);
		limits.put("GET /invoicepayment/{id}/", 300);
		limits.put("PUT /invoicepayment/{id}/", 300);
		limits.put("PATCH /invoicepayment/{id}/", 300);
		limits.put("POST /invoicepayment/{id}/cancel_payment/", 100);
		limits.put("GET /unallocatedpayment/", 200);
		limits.put("POST /unallocatedpayment/", 300);
		limits.put("GET /unallocatedpayment/{id}/", 800);
		limits.put("POST /unallocatedpayment/{id}/cancel/", 100);
		limits.put("GET /countersale/", 100);
		limits.put("POST /countersale/", 300);
		for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
			limits.put(method + " /countersale/{id}/", 300);
		}
		for (String action : List.of("add_item", "finalize", "invoice_date")) {
			limits.put("GET /countersale/{id}/" + action + "/", 100);
			limits.put("POST /countersale/{id}/" + action + "/", 100);
			limits.put("PUT /countersale/{id}/" + action + "/", 100);
		}
		limits.put("GET /client/", 125);
		limits.put("GET /client/{id}/", 500);
		limits.put("PUT /client/{id}/", 200);
		limits.put("PATCH /client/{id}/", 200);
		limits.put("GET /item/", 100);
		limits.put("GET /department/", 300);
		limits.put("GET /department/{id}/", 1200);
		limits.put("GET /vatgroup/", 100);
		limits.put("GET /vatgroup/{id}/", 300);
		limits.put("GET /settings/department/", 100);
		for (String method : List.of("GET", "PUT", "PATCH")) {
			limits.put(method + " /settings/department/{id}/", 300);
		}
		limits.put("GET /consultation/", 100);
		limits.put("GET /hook/webhook/", 100);
		limits.put("POST /hook/webhook/", 300);
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			limits.put(method + " /hook/webhook/{id}/", 300);
		}
		limits.put("GET /paymentmethod/", 100);
		return Map.copyOf(limits);
	}

}
