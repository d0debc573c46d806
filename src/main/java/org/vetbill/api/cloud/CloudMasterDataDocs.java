package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The part of the Cloud API's description about master data: the directories
 * ({@code phonenumber/}, {@code paymentmethod/}, {@code user/}, the typed item
 * catalogues) and the writes of clients, patients and items, with the request schemas
 * that say which fields each write takes, their types, lengths and which are required.
 */
final class CloudMasterDataDocs {

	private static final String CLOUD_OBJECT = "CloudObject";

	private static final String ITEM_FILTERS = "account_number archived code created id modified name price "
			+ "price_with_vat reporting_dimension_1 reporting_dimension_2 reporting_dimension_3 type_code vat_group";

	private static final String DELETE = "Archives the record and answers 204: clients, patients and items carry "
			+ "the history of invoices, so they are never removed; `archived: false` restores it.";

	private CloudMasterDataDocs() {
	}

	static List<CloudApiDocs.Doc> resources() {
		return List.of(
				new CloudApiDocs.Doc(PhoneNumberResource.NAME, CLOUD_OBJECT, "a phone number", "phone numbers",
						"Clients' phone numbers: `client`, `type_code` (0 other, 1 mobile, 2 home, 3 work), `number`, "
								+ "`description`.",
						"client created description id modified number type_code"),
				new CloudApiDocs.Doc(PaymentMethodResource.NAME, CLOUD_OBJECT, "a payment method", "payment methods",
						"The methods the clinic takes payments with at its desk: `name`, `type` (the `payment_type` "
								+ "a payment made with it is recorded as) and `archived`; the id is the type plus one.",
						"archived id type"),
				new CloudApiDocs.Doc(UserResource.NAME, CLOUD_OBJECT, "a user", "users",
						"The clinic's users, what `created_user` links to: `username`, `first_name`, `last_name`, "
								+ "`email`, `title`, `is_active`; never passwords.",
						"created id is_active modified username"),
				catalogue("procedure", "a procedure", "procedures"), catalogue("medicine", "a medicine", "medicines"),
				catalogue("supply", "a supply", "supplies"), catalogue("food", "a food", "foods"));
	}

	private static CloudApiDocs.Doc catalogue(String name, String one, String many) {
		return new CloudApiDocs.Doc(name, CLOUD_OBJECT, one, many,
				"The items of one `type_code` (1 procedure, 2 medicine, 3 supply, 4 food), as `item/` writes them; "
						+ "an item's `url` is its typed path.",
				ITEM_FILTERS);
	}

	/**
	 * The filterable fields of {@code item/}.
	 */
	static String itemFilters() {
		return ITEM_FILTERS;
	}

	static Map<String, String> summaries() {
		Map<String, String> summaries = new LinkedHashMap<>();
		for (String[] resource : List.of(new String[] { "client", "a client" }, new String[] { "patient", "a patient" },
				new String[] { "item", "an item" })) {
			String path = "/" + resource[0] + "/";
			summaries.put("POST " + path, "Create " + resource[1]);
			summaries.put("PUT " + path + "{id}/", "Change " + resource[1] + " (the required fields given)");
			summaries.put("PATCH " + path + "{id}/", "Change fields of " + resource[1] + ", or archive or restore it");
			summaries.put("DELETE " + path + "{id}/", "Archive " + resource[1]);
		}
		return summaries;
	}

	static Map<String, CloudApiDocs.Body> bodies() {
		Map<String, CloudApiDocs.Body> bodies = new LinkedHashMap<>();
		String keep = " A field left out keeps its value; `archived: true` archives, `archived: false` restores.";
		bodies.put("POST /client/",
				new CloudApiDocs.Body("ClientWrite", true, CLOUD_OBJECT,
						"Needs the `billing` permission. A private client needs `lastname`, a company or charity "
								+ "`organization_name`, an EU company `vat_number`."));
		bodies.put("PUT /client/{id}/", new CloudApiDocs.Body("ClientWrite", true, CLOUD_OBJECT, "As POST." + keep));
		bodies.put("PATCH /client/{id}/",
				new CloudApiDocs.Body("ClientWrite", true, CLOUD_OBJECT, "The fields given change." + keep));
		bodies.put("POST /patient/",
				new CloudApiDocs.Body("PatientWrite", true, CLOUD_OBJECT, "Needs the `billing` permission."));
		bodies.put("PUT /patient/{id}/", new CloudApiDocs.Body("PatientWrite", true, CLOUD_OBJECT,
				"`client` and `name` are required, as on POST." + keep));
		bodies.put("PATCH /patient/{id}/",
				new CloudApiDocs.Body("PatientWrite", true, CLOUD_OBJECT, "The fields given change." + keep));
		String price = " The unit price goes in `price` where the organization enters prices without VAT and in "
				+ "`price_with_vat` where they include it; the other is derived and ignored when sent.";
		bodies.put("POST /item/", new CloudApiDocs.Body("ItemWrite", true, CLOUD_OBJECT,
				"Needs the `settings` permission. The item's `url` is its typed catalogue's." + price));
		bodies.put("PUT /item/{id}/", new CloudApiDocs.Body("ItemWrite", true, CLOUD_OBJECT,
				"`name`, `type_code`, `vat_group` and the price are required, as on POST." + keep + price));
		bodies.put("PATCH /item/{id}/",
				new CloudApiDocs.Body("ItemWrite", true, CLOUD_OBJECT, "The fields given change." + keep + price));
		return bodies;
	}

	/**
	 * The description of a DELETE of a client, patient or item.
	 */
	static String deleteDescription() {
		return DELETE;
	}

	@SuppressWarnings("rawtypes")
	static void schemas(Map<String, Schema> schemas) {
		schemas.put("ClientWrite",
				new ObjectSchema().description("The fields of a client a write takes.")
					.addProperty("customer_type",
							new IntegerSchema()._enum(List.of(0, 1, 2, 3, 4))
								._default(0)
								.description("0 private person, 1 company, 2 EU company, 3 charity, 4 UK charity"))
					.addProperty("firstname", text(100, null))
					.addProperty("lastname", text(100, "Required for a private client"))
					.addProperty("organization_name", text(200, "Required for a company or charity"))
					.addProperty("vat_number", text(20, "EU VAT number; required for an EU company"))
					.addProperty("register_number", text(50, null))
					.addProperty("street_address", text(200, null))
					.addProperty("street_address_2", text(200, null))
					.addProperty("zip_code", text(20, null))
					.addProperty("city", text(100, null))
					.addProperty("state", text(100, null))
					.addProperty("country", text(2, "ISO 3166-1 alpha-2 country code"))
					.addProperty("email", text(254, null).format("email"))
					.addProperty("due_date_delay",
							new IntegerSchema().minimum(BigDecimal.ZERO)
								.maximum(BigDecimal.valueOf(365))
								.nullable(true)
								.description("Payment terms in days; null for the organization's default"))
					.addProperty("home_department", relation("The department the client usually visits"))
					.addProperty("archived", new BooleanSchema()));
		schemas.put("PatientWrite",
				new ObjectSchema().description("The fields of a patient a write takes.")
					.addProperty("client", relation("The client the animal belongs to"))
					.addProperty("name", text(100, null).nullable(false))
					.addProperty("species", text(100, null))
					.addProperty("breed", text(100, null))
					.addProperty("date_of_birth", new DateSchema().nullable(true))
					.addProperty("archived", new BooleanSchema())
					.required(List.of("client", "name")));
		schemas.put("ItemWrite", new ObjectSchema().description("The fields of an item a write takes.")
			.addProperty("name", text(200, null).nullable(false))
			.addProperty("code", text(64, "The clinic's own code, unique within the organization"))
			.addProperty("type_code",
					new IntegerSchema()._enum(List.of(1, 2, 3, 4))
						.description("1 procedure, 2 medicine, 3 supply, 4 food"))
			.addProperty("price",
					new NumberSchema().minimum(BigDecimal.ZERO)
						.description("The unit price without VAT (up to 4 decimals), where the organization enters "
								+ "prices so; required there"))
			.addProperty("price_with_vat",
					new NumberSchema().minimum(BigDecimal.ZERO)
						.description("The unit price with VAT (up to 4 decimals), where the organization enters "
								+ "prices so; required there"))
			.addProperty("vat_group", relation("The VAT group"))
			.addProperty("account_number", text(50, "The revenue GL account"))
			.addProperty("reporting_dimension_1", text(100, null))
			.addProperty("reporting_dimension_2", text(100, null))
			.addProperty("reporting_dimension_3", text(100, null))
			.addProperty("archived", new BooleanSchema())
			.required(List.of("name", "type_code", "vat_group")));
	}

	private static Schema<String> text(int maxLength, @org.jspecify.annotations.Nullable String description) {
		return new StringSchema().maxLength(maxLength).nullable(true).description(description);
	}

	private static Schema<String> relation(String description) {
		return new StringSchema()
			.description(description + ": its URL (`https://…/{provet_id}/api/0.1/<resource>/<id>/`) or bare id")
			.nullable(true);
	}

}
