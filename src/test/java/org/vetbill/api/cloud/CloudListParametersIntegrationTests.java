package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.query.Operator;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django REST framework's list parameters as integrators' clients send them, over real
 * HTTP: {@code ordering} on every list (unknown fields ignored, ties broken by id, kept
 * in the page links, together with {@code id__gt} paging), {@code include_archived},
 * {@code search}, and parameters that are not filters ignored while a filter on a known
 * field stays strict.
 */
class CloudListParametersIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	// ordering

	@Test
	void aClientSyncingByModifiedDescendingGetsEveryInvoiceExactlyOnceOnEveryPageSize() {
		List<Invoice> invoices = sevenInvoicesWithTiedModifiedTimes();
		List<Long> expected = invoices.stream()
			.sorted(Comparator.comparing(Invoice::minute).thenComparing(Invoice::id).reversed())
			.map(Invoice::id)
			.toList();
		assertThat(expected).isNotEqualTo(invoices.stream().map(Invoice::id).toList().reversed());
		for (int size : List.of(1000, 2, 3)) {
			List<String> pages = new ArrayList<>();
			List<Long> synced = follow("invoice/?ordering=-modified&page_size=" + size + "&include_archived=true",
					pages);
			assertThat(synced).as("page_size=" + size).isEqualTo(expected);
			assertThat(new HashSet<>(synced)).hasSize(7);
			assertThat(pages).hasSize((7 + size - 1) / size);
		}
		List<String> pages = new ArrayList<>();
		follow("invoice/?ordering=-modified&page_size=3&include_archived=true", pages);
		assertThat(pages).containsExactly(cloud("invoice/?ordering=-modified&page_size=3&include_archived=true"),
				cloud("invoice/?ordering=-modified&page_size=3&include_archived=true&page=2"),
				cloud("invoice/?ordering=-modified&page_size=3&include_archived=true&page=3"));
		JsonNode second = ok("invoice/?ordering=-modified&page_size=3&include_archived=true&page=2");
		assertThat(second.path("previous").asString())
			.isEqualTo(cloud("invoice/?ordering=-modified&page_size=3&include_archived=true"));
		assertThat(second.path("next").asString())
			.isEqualTo(cloud("invoice/?ordering=-modified&page_size=3&include_archived=true&page=3"));
	}

	@Test
	void orderingTakesSeveralFieldsAndIgnoresThoseItCannotOrderBy() {
		List<Invoice> invoices = sevenInvoicesWithTiedModifiedTimes();
		List<Long> byId = invoices.stream().map(Invoice::id).toList();
		List<Long> byModifiedThenIdDescending = invoices.stream()
			.sorted(Comparator.comparing(Invoice::minute)
				.reversed()
				.thenComparing(Invoice::id, Comparator.reverseOrder()))
			.map(Invoice::id)
			.toList();
		List<Long> byModifiedDescendingThenId = invoices.stream()
			.sorted(Comparator.comparing(Invoice::minute).reversed().thenComparing(Invoice::id))
			.map(Invoice::id)
			.toList();
		assertThat(ids("invoice/?ordering=id")).isEqualTo(byId);
		assertThat(ids("invoice/?ordering=-id")).isEqualTo(byId.reversed());
		assertThat(ids("invoice/?ordering=-modified,id")).isEqualTo(byModifiedDescendingThenId);
		assertThat(ids("invoice/?ordering=-modified")).isEqualTo(byModifiedThenIdDescending);
		// fields that cannot be ordered by are left out, as DRF's OrderingFilter does
		assertThat(ids("invoice/?ordering=colour")).isEqualTo(byId);
		assertThat(ids("invoice/?ordering=-colour,-modified,,payer__name")).isEqualTo(byModifiedThenIdDescending);
		assertThat(ids("invoice/?ordering=")).isEqualTo(byId);
		// numbers and dates
		// numbers were given in the order of finalizing, not of the ids
		assertThat(ids("invoice/?ordering=-invoice_number&status=3")).isEqualTo(byModifiedThenIdDescending);
		assertThat(ids("invoice/?ordering=-total_with_vat,id")).isEqualTo(byId);
		assertThat(ids("invoice/?ordering=invoice_date,-id")).isEqualTo(byId.reversed());
	}

	@Test
	void orderingWorksWithKeysetPagingById() {
		List<Long> byId = sevenInvoicesWithTiedModifiedTimes().stream().map(Invoice::id).toList();
		List<Long> synced = new ArrayList<>();
		long last = 0;
		while (true) {
			List<Long> page = ids("invoice/?ordering=id&page_size=2&id__gt=" + last);
			if (page.isEmpty()) {
				break;
			}
			synced.addAll(page);
			last = page.get(page.size() - 1);
		}
		assertThat(synced).isEqualTo(byId);
		// a keyset filter combined with another order: the keys after the last, in that
		// order
		JsonNode after = ok("invoice/?ordering=-modified&id__gt=" + byId.get(3) + "&page_size=2");
		assertThat(after.path("count").asLong()).isEqualTo(3);
		assertThat(ids(after)).containsExactly(byId.get(6), byId.get(5));
		assertThat(after.path("next").asString())
			.isEqualTo(cloud("invoice/?ordering=-modified&id__gt=" + byId.get(3) + "&page_size=2&page=2"));
		assertThat(ids(ok(after.path("next").asString().substring(cloud("").length())))).containsExactly(byId.get(4));
	}

	@Test
	void everyListOrdersByEachOfItsFieldsBothWays() {
		finalized(draft());
		List<String> lists = new ArrayList<>();
		for (CloudResource<?> resource : this.context.getBeansOfType(CloudResource.class).values()) {
			if (waitingForTheRateLimit(resource.name() + "/").status() == 404) {
				continue; // a view only exposed inside another resource's objects
			}
			lists.add(resource.name());
			for (String field : resource.filters().names()) {
				for (String term : List.of(field, "-" + field)) {
					ApiResponse response = waitingForTheRateLimit(
							resource.name() + "/?ordering=" + term + ",id&include_archived=true");
					assertThat(response.status()).as(resource.name() + " ordering=" + term + ": " + response)
						.isEqualTo(200);
				}
			}
		}
		assertThat(lists).contains("invoice", "invoicerow", "invoicepayment", "unallocatedpayment", "client", "patient",
				"item", "vatgroup", "department", "consultation", "consultationitem", "settings/department",
				"hook/webhook", "hook/queue");
		assertThat(ids("item/?ordering=-price")).containsExactly(this.tenant.consultationItem,
				this.tenant.medicineItem);
		assertThat(ids("item/?ordering=price")).containsExactly(this.tenant.medicineItem, this.tenant.consultationItem);
		assertThat(ids("vatgroup/?ordering=percentage")).containsExactly(this.tenant.vat10, this.tenant.vat24);
		assertThat(ids("client/?ordering=-lastname")).containsExactly(this.tenant.client);
	}

	@Test
	void theApiDescriptionListsEachListsFilterableFieldsAndItsListParameters() {
		ApiResponse description = this.tenant.anonymous.get("/v3/api-docs/cloud");
		assertThat(description.status()).isEqualTo(200);
		JsonNode paths = description.body().path("paths");
		int described = 0;
		for (CloudResource<?> resource : this.context.getBeansOfType(CloudResource.class).values()) {
			JsonNode list = paths.path("/{provet_id}/api/0.1/" + resource.name() + "/").path("get");
			if (list.isMissingNode()) {
				continue;
			}
			described++;
			List<String> parameters = new ArrayList<>();
			List<String> fields = new ArrayList<>();
			list.path("parameters").forEach((parameter) -> {
				parameters.add(parameter.path("name").asString());
				parameter.path("x-filterable-fields").forEach((field) -> fields.add(field.asString()));
			});
			assertThat(fields).as(resource.name() + ": CloudApiDocs.RESOURCES lists its filterable fields")
				.isEqualTo(resource.filters().names().stream().filter((name) -> !name.endsWith(".id")).toList());
			assertThat(parameters).as(resource.name()).contains("ordering");
			assertThat(parameters.contains("include_archived")).as(resource.name() + " include_archived")
				.isEqualTo(resource.filters().archivable());
			assertThat(parameters.contains("search")).as(resource.name() + " search")
				.isEqualTo(!resource.filters().searched().isEmpty());
		}
		assertThat(described).isGreaterThanOrEqualTo(14);
	}

	// include_archived

	@Test
	void archivedObjectsAreLeftOutOfListsUnlessIncludedYetReadOneByOne() {
		long archivedClient = this.tenant.bean(Clients.class)
			.create(this.tenant.caller,
					new ClientDetails(0, "Old", "Customer", null, null, null, null, null, null, null, null, null,
							"old@example.com", null, null, true))
			.id();
		long archivedPatient = this.tenant.bean(Patients.class)
			.create(this.tenant.caller, new PatientDetails(this.tenant.client, "Rekku", "Dog", null, null, true))
			.id();
		long archivedItem = this.tenant.bean(Items.class)
			.create(this.tenant.caller,
					new ItemDetails("OLD", "Old medicine", new BigDecimal("1.00"), this.tenant.vat10, null, null, null,
							null, null, null, null, true, null))
			.id();

		assertThat(ids("client/")).containsExactly(this.tenant.client);
		assertThat(ids("client/?include_archived=false")).containsExactly(this.tenant.client);
		assertThat(ids("client/?include_archived=true")).containsExactly(this.tenant.client, archivedClient);
		assertThat(ids("client/?include_archived=True&ordering=-id")).containsExactly(archivedClient,
				this.tenant.client);
		assertThat(ok("client/?include_archived=true&page_size=1").path("next").asString())
			.isEqualTo(cloud("client/?include_archived=true&page_size=1&page=2"));
		assertThat(ids("patient/")).containsExactly(this.tenant.patient);
		assertThat(ids("patient/?include_archived=true")).containsExactly(this.tenant.patient, archivedPatient);
		assertThat(ids("item/")).containsExactly(this.tenant.consultationItem, this.tenant.medicineItem);
		assertThat(ids("item/?include_archived=true")).containsExactly(this.tenant.consultationItem,
				this.tenant.medicineItem, archivedItem);
		// a filter on archived says itself which objects it wants
		assertThat(ids("client/?archived=true")).containsExactly(archivedClient);
		assertThat(ids("client/?archived__is=false")).containsExactly(this.tenant.client);
		assertThat(ids("client/?archived=true&include_archived=false")).containsExactly(archivedClient);
		// with filter_type=or, the archived ones stay out whatever the filters match
		assertThat(ids("client/?firstname=Old&lastname=Virtanen&filter_type=or")).containsExactly(this.tenant.client);
		assertThat(ids("client/?firstname=Old&lastname=Virtanen&filter_type=or&include_archived=true"))
			.containsExactly(this.tenant.client, archivedClient);
		// read one by one, an archived object is there
		assertThat(ok("client/" + archivedClient + "/").path("archived").asBoolean()).isTrue();
		assertThat(ok("patient/" + archivedPatient + "/").path("archived").asBoolean()).isTrue();
		assertThat(ok("item/" + archivedItem + "/").path("archived").asBoolean()).isTrue();
		// a list without archived objects takes the parameter and ignores it
		assertThat(ok("invoice/?include_archived=true").path("count").asLong()).isZero();

		assertRefused("client/?include_archived=maybe",
				"{\"include_archived\":[\"'maybe' is not a boolean: use true or false.\"]}");
		assertRefused("invoice/?include_archived=yes",
				"{\"include_archived\":[\"'yes' is not a boolean: use true or false.\"]}");
	}

	// search

	@Test
	void searchFindsEachWordInAnyOfTheSearchedFieldsIgnoringCase() {
		long company = this.tenant.bean(Clients.class)
			.create(this.tenant.caller,
					new ClientDetails(1, null, null, "Koirapuisto Oy", null, null, null, null, null, null, null, null,
							"billing@koirapuisto.fi", null, null, false))
			.id();
		long anna = this.tenant.client;
		assertThat(ids("client/?search=virtanen")).containsExactly(anna);
		assertThat(ids("client/?search=KOIRA")).containsExactly(company);
		assertThat(ids("client/?search=example.com")).containsExactly(anna);
		assertThat(ids("client/?search=anna%20virt")).containsExactly(anna);
		assertThat(ids("client/?search=anna,koira")).isEmpty();
		assertThat(ids("client/?search=")).containsExactly(anna, company);
		assertThat(ids("client/?search=i&ordering=-id")).containsExactly(company, anna);
		assertThat(ids("client/?search=Helsinki")).isEmpty();
		assertThat(ids("patient/?search=MUST")).containsExactly(this.tenant.patient);
		assertThat(ids("patient/?search=Lapphund")).isEmpty();
		assertThat(ids("item/?search=med")).containsExactly(this.tenant.medicineItem);
		assertThat(ids("item/?search=cons")).containsExactly(this.tenant.consultationItem);
		// with filters, and with filter_type=or the search still narrows the list
		assertThat(ids("client/?search=koira&customer_type=0")).isEmpty();
		assertThat(ids("client/?search=koira&customer_type=0&firstname=Anna&filter_type=or")).isEmpty();
		assertThat(ids("client/?search=virta&customer_type=1&firstname=Anna&filter_type=or")).containsExactly(anna);
		assertThat(ok("client/?search=a&page_size=1").path("next").asString())
			.isEqualTo(cloud("client/?search=a&page_size=1&page=2"));
		// a list without searched fields ignores it
		assertThat(ids("department/?search=nothing")).containsExactly(this.tenant.department);
	}

	// parameters that are not filters, and filters that are wrong

	@Test
	void aParameterThatNamesNoFilterIsIgnoredButAFilterOnAKnownFieldStaysStrict() {
		long invoice = finalized(draft());
		assertThat(ids("invoice/?foo=1")).containsExactly(invoice);
		assertThat(ids("invoice/?fields=id,url&include=rows&colour__is=red&status__is=3")).containsExactly(invoice);
		assertThat(ids("invoice/?nonsense__is=1&a__b__c=2&__is=3")).containsExactly(invoice);
		assertThat(ids("invoice/?status=0&foo=1")).isEmpty();
		assertThat(ok("invoice/?foo=1&page_size=1").path("next").isNull()).isTrue();
		assertThat(get("invoice/" + invoice + "/?fields=id&foo=1").status()).isEqualTo(200);

		assertRefused("invoice/?status__like=3",
				"{\"status__like\":[\"Unknown filter operator 'like'. Operators: " + Operator.allNames() + ".\"]}");
		assertRefused("invoice/?client__name=Anna",
				"{\"client__name\":[\"Unknown filter operator 'name'. Operators: " + Operator.allNames() + ".\"]}");
		assertRefused("invoice/?status__is=three&foo=1", "{\"status__is\":[\"'three' is not a whole number.\"]}");
		assertRefused("invoice/?modified__gte=yesterday&ordering=-modified", "{\"modified__gte\":"
				+ "[\"'yesterday' is not a valid date-time: use YYYY-MM-DDThh:mm[:ss][+HH:MM], such as 2024-03-20T00:00:00 or "
				+ "2017-12-24 15:30%2B00:00 (URL-encode the +).\"]}");
		// a date no database stores is refused before any query (a 503 from PostgreSQL
		// before)
		assertRefused("invoice/?modified__gt=%2B999999999-12-31T00:00:00Z",
				"{\"modified__gt\":[\"'+999999999-12-31T00:00:00Z' lies outside the years 1 to 9999.\"]}");
		assertRefused("invoice/?invoice_date__gte=-999999999-01-01T00:00",
				"{\"invoice_date__gte\":[\"'-999999999-01-01T00:00' lies outside the years 1 to 9999.\"]}");
		assertRefused("client/?archived=maybe&search=x",
				"{\"archived\":[\"'maybe' is not a boolean: use true or false.\"]}");
		assertRefused("invoice/" + invoice + "/?status__is=3",
				"{\"status__is\":[\"Filters apply to lists; a single object takes only expose_ parameters.\"]}");
	}

	// support

	/** An invoice and the minute its last change was made, counted from the first. */
	private record Invoice(long id, int minute) {
	}

	/**
	 * Seven finalized invoices changed last in an order other than their ids', two pairs
	 * of them in the same instant, so only a tie broken by id keeps pages apart.
	 */
	private List<Invoice> sevenInvoicesWithTiedModifiedTimes() {
		int[] minutes = { 3, 1, 1, 5, 2, 2, 4 };
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < minutes.length; i++) {
			ids.add(draft());
		}
		List<Invoice> invoices = new ArrayList<>();
		for (int minute = 1; minute <= 5; minute++) {
			this.clock.set("2026-11-21T10:0" + minute + ":00Z");
			for (int i = 0; i < minutes.length; i++) {
				if (minutes[i] == minute) {
					finalized(ids.get(i));
				}
			}
		}
		for (int i = 0; i < minutes.length; i++) {
			invoices.add(new Invoice(ids.get(i), minutes[i]));
		}
		return invoices;
	}

	private long draft() {
		ApiResponse response = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private long finalized(long id) {
		ApiResponse response = this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return id;
	}

	/** Follows {@code next} from a first page to the last, noting each page's URL. */
	private List<Long> follow(String first, List<String> pages) {
		List<Long> ids = new ArrayList<>();
		String url = cloud(first);
		Set<String> seen = new HashSet<>();
		while (url != null) {
			assertThat(seen.add(url)).as("page read twice: " + url).isTrue();
			pages.add(url);
			JsonNode page = ok(url.substring(cloud("").length()));
			ids.addAll(ids(page));
			url = page.path("next").isNull() ? null : page.path("next").asString();
		}
		return ids;
	}

	private String cloud(String path) {
		return this.tenant.api.baseUrl() + "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private ApiResponse get(String path) {
		return this.tenant.api.get("/" + this.tenant.provetId + "/api/0.1/" + path);
	}

	/**
	 * A GET that waits (moving the clock) as {@code Retry-After} says when the published
	 * rate limit of the list is spent.
	 */
	private ApiResponse waitingForTheRateLimit(String path) {
		Api api = this.tenant.api.expectingThrottling();
		ApiResponse response = api.get("/" + this.tenant.provetId + "/api/0.1/" + path);
		while (response.status() == 429) {
			this.clock.advance(Duration.ofSeconds(Long.parseLong(response.header("Retry-After").orElseThrow())));
			response = api.get("/" + this.tenant.provetId + "/api/0.1/" + path);
		}
		return response;
	}

	private JsonNode ok(String path) {
		ApiResponse response = get(path);
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response.body();
	}

	private List<Long> ids(String path) {
		return ids(ok(path));
	}

	private static List<Long> ids(JsonNode envelope) {
		List<Long> ids = new ArrayList<>();
		envelope.path("results").forEach((object) -> ids.add(object.path("id").asLong()));
		return ids;
	}

	private void assertRefused(String path, String body) {
		ApiResponse response = get(path);
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(400);
		assertThat(response.raw()).isEqualTo(body);
	}

}
