package org.vetbill.support;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.security.Credentials;
import org.vetbill.security.Tenants;
import org.vetbill.shared.Caller;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization created for one test, with master data set up through the services and
 * an HTTP client holding a bearer token with every permission.
 */
public final class TestTenant {

	public final String provetId;

	public final long organizationId;

	public final Caller caller;

	/** A client with read, billing and settings permissions. */
	public final Api api;

	/** A client without credentials, for the same server. */
	public final Api anonymous;

	/** Department "Main" with invoice prefix {@code INV}. */
	public final long department;

	/** VAT 24 % (GL 2930) and 10 % (GL 2931). */
	public final long vat24;

	public final long vat10;

	/**
	 * Consultation, 50.00 at 24 %, accounts 3000 / 9000, dimensions VET, D2, D3, I1, I2.
	 */
	public final long consultationItem;

	/** Medicine, 12.35 at 10 %, account 3100, no dimensions. */
	public final long medicineItem;

	/** A private client with 21 days' payment terms, and her patient. */
	public final long client;

	public final long patient;

	private final ApplicationContext context;

	private final String adminSecret;

	private TestTenant(ApplicationContext context, Api anonymous, String provetId, OrganizationSettings settings) {
		this.context = context;
		this.provetId = provetId;
		Tenants.CreatedTenant created = context.getBean(Tenants.class).create(provetId, settings);
		this.organizationId = created.organization().id();
		this.caller = Caller.system(this.organizationId, "test");
		this.anonymous = anonymous;
		this.adminSecret = created.apiClient().clientSecret();
		this.api = anonymous.as("Bearer " + token(anonymous, provetId, "admin", this.adminSecret));
		this.department = bean(Departments.class).create(this.caller, new DepartmentDetails("Main", "INV", false)).id();
		VatGroups vatGroups = bean(VatGroups.class);
		this.vat24 = vatGroups.create(this.caller, new VatGroupDetails("24%", new BigDecimal("24"), "2930", false))
			.id();
		this.vat10 = vatGroups.create(this.caller, new VatGroupDetails("10%", new BigDecimal("10"), "2931", false))
			.id();
		Items items = bean(Items.class);
		this.consultationItem = items
			.create(this.caller,
					new ItemDetails("CONS", "Consultation", new BigDecimal("50.00"), this.vat24, "3000", "9000", "VET",
							"D2", "D3", "I1", "I2", false, ItemType.PROCEDURE.code()))
			.id();
		this.medicineItem = items
			.create(this.caller,
					new ItemDetails("MED", "Medicine", new BigDecimal("12.35"), this.vat10, "3100", null, null, null,
							null, null, null, false, ItemType.MEDICINE.code()))
			.id();
		this.client = bean(Clients.class)
			.create(this.caller,
					new ClientDetails(0, "Anna", "Virtanen", null, null, null, "Mannerheimintie 1", "B 2", "00100",
							"Helsinki", null, "FI", "anna@example.com", 21, null, false))
			.id();
		this.patient = bean(Patients.class)
			.create(this.caller, new PatientDetails(this.client, "Musti", "Dog", "Lapphund", null, false))
			.id();
	}

	static TestTenant create(ApplicationContext context, Api anonymous, String provetId,
			OrganizationSettings settings) {
		return new TestTenant(context, anonymous, provetId, settings);
	}

	/**
	 * A client with a newly issued token, for tests that move the clock past the 10 hours
	 * a token lives.
	 * @return the client
	 */
	public Api freshApi() {
		return this.anonymous.as("Bearer " + token(this.anonymous, this.provetId, "admin", this.adminSecret));
	}

	public <T> T bean(Class<T> type) {

		return this.context.getBean(type);
	}

	/**
	 * The base path of vetbill's own API for this tenant.
	 * @param path the path below it, such as {@code /invoices}
	 * @return the full path
	 */
	public String path(String path) {
		return "/" + this.provetId + "/vetbill/v1" + path;
	}

	/**
	 * A client holding a token of a new API client with the given permissions.
	 * @param permissions read, billing, settings
	 * @return the client
	 */
	public Api apiWith(String... permissions) {
		Credentials.IssuedApiClient issued = bean(Credentials.class).createApiClient(this.caller,
				new Credentials.NewApiClient("test client", null, List.of(permissions)));
		return this.anonymous
			.as("Bearer " + token(this.anonymous, this.provetId, issued.client().clientId(), issued.clientSecret()));
	}

	/**
	 * A finalized invoice of the tenant's client, made through vetbill's own API: 2 x
	 * consultation + 1 x medicine.
	 * @return its id
	 */
	public long finalizedInvoice() {
		ApiResponse draft = this.api.post(path("/invoices"),
				Map.of("department_id", this.department, "client_id", this.client, "rows",
						List.of(Map.of("item_id", this.consultationItem, "quantity", 2),
								Map.of("item_id", this.medicineItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.api.post(path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	/**
	 * Records a cash payment on an invoice through vetbill's own API, expecting it taken.
	 * @param invoice the invoice
	 * @param amount the amount, as written
	 */
	public void pay(long invoice, String amount) {
		ApiResponse payment = this.api.post(path("/invoices/" + invoice + "/payments"),
				Map.of("payment_type", 0, "paid", amount));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
	}

	public static String token(Api anonymous, String provetId, String clientId, String secret) {
		ApiResponse response = anonymous.postForm("/" + provetId + "/oauth2/token/",
				"grant_type=client_credentials&scope=restapi&client_id=" + encode(clientId) + "&client_secret="
						+ encode(secret));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.get("access_token").asString();
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
