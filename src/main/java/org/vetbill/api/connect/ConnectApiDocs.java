package org.vetbill.api.connect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.XML;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.models.GroupedOpenApi;
import org.vetbill.apidocs.ApiDescriptions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the Connect API: its two invoice operations with the Connect
 * headers, the PascalCase schemas (written by hand, in the order the API writes them; a
 * test compares them with real answers) in JSON and XML, and the ASP.NET Web API error
 * body.
 */
@Configuration(proxyBeanMethods = false)
class ConnectApiDocs {

	static final String USER_AUTH_SCHEME = "UserAuth";

	static final String CLIENT_AUTH_SCHEME = "ClientAuth";

	private static final List<String> FORMATS = List.of("application/json", "application/xml", "text/xml");

	private static final String SUMMARY = "InvoiceSummary";

	private static final String SUMMARY_LIST = "ArrayOfInvoiceSummary";

	private static final String INVOICE = "Invoice";

	private static final String LINE = "InvoiceLine";

	private static final String SHIPPING = "Shipping";

	private static final String ADDRESS = "Address";

	private static final String ERROR = "Error";

	@Bean
	GroupedOpenApi connectApiDescription() {
		Info info = new Info().title("Connect API").version(String.valueOf(ConnectApi.VERSION)).description("""
				A supplier's invoices (each also an advance shipping notice) as Provet Connect serves them to \
				the practices enrolled with the supplier, under the prefix `/connect`: `GET /connect/invoices` \
				is the Connect document's `GET /invoices`.

				- **Headers** on every request: `Api-Version: 1`, `Client` (the practice management system's \
				name and version), `Client-Auth` (its key, made by the supplier), `User-Auth` (the practice's \
				user token, given when the supplier enrols the practice), `Practice` and `User`. A missing one \
				is a 400 naming it; an unknown `User-Auth`, or a `Client-Auth` that is not an active key of \
				that practice's supplier, is a 401. `Account-Code` (optional) asks for one of the practice's \
				accounts only.
				- **Formats**: JSON or XML by `Accept` (`application/json`, the default; `application/xml` or \
				`text/xml`); anything else is a 406. Names and values are the same in both; a value that is \
				not there is `null` in JSON and an element with `xsi:nil="true"` in XML.
				- **Values**: amounts are decimal numbers written exactly (`135.50`), dates `yyyy-MM-dd`, \
				`Postcode` a string (`0800`). `Total` is the invoice's total, a decimal (the document's table \
				types it "Array of InvoiceLine" by mistake); the lines are `InvoiceLines`.
				- **UpdatedAfter** is an ISO 8601 date-time with an offset; its `+` must be encoded as `%2B` \
				(`2015-07-17T06:00:00%2B10:00`), or use `Z`. One without an offset is read as UTC. Clients \
				should poll no more often than every 5 minutes.
				- **Errors** are ASP.NET Web API's: `{"Message": "..."}`, in XML \
				`<Error><Message>...</Message></Error>`.""");
		return ApiDescriptions.groupKeepingFieldNames("connect", "Connect API", ConnectApi.PREFIX, info,
				ConnectApiDocs::describe);
	}

	static void describe(OpenAPI openApi) {
		schemas(openApi);
		ApiDescriptions.components(openApi)
			.addSecuritySchemes(USER_AUTH_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name(ConnectApi.USER_AUTH)
						.description("The practice's user token, given once when the supplier enrols the practice."))
			.addSecuritySchemes(CLIENT_AUTH_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name(ConnectApi.CLIENT_AUTH)
				.description("The practice management system's key (the \"VPMS key\"), made by the " + "supplier."));
		openApi.setSecurity(List.of(new SecurityRequirement().addList(USER_AUTH_SCHEME).addList(CLIENT_AUTH_SCHEME)));
		openApi.setTags(List.of(new Tag().name("invoices")
			.description("A supplier's invoices, each also an advance shipping notice: they appear once the goods "
					+ "leave the warehouse.")));
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			if (method == PathItem.HttpMethod.GET) {
				invoices(path.contains("{"), operation);
			}
		});
	}

	private static void invoices(boolean one, Operation operation) {
		List<Parameter> parameters = new ArrayList<>();
		ApiResponses responses = new ApiResponses();
		if (one) {
			operation.setSummary("Get an invoice");
			operation.setDescription("One invoice of the practice's accounts, with its shipping and lines.");
			parameters.add(new PathParameter().name(ConnectApi.INVOICE_NUMBER)
				.required(true)
				.schema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE))
				.description("The invoice number"));
			responses.addApiResponse("200", new ApiResponse().description("The invoice").content(content(INVOICE)));
		}
		else {
			operation.setSummary("List invoices");
			operation.setDescription("The invoices of the practice's accounts (or of `Account-Code`) that match "
					+ "every filter given, in invoice number order; a bare array, without paging.");
			parameters.add(new QueryParameter().name(ConnectApi.DATE_FROM)
				.schema(new DateSchema())
				.description("Invoices dated on or after this date (`yyyy-MM-dd`)."));
			parameters.add(new QueryParameter().name(ConnectApi.DATE_TO)
				.schema(new DateSchema())
				.description("Invoices dated on or before this date (`yyyy-MM-dd`); not before `DateFrom`."));
			parameters.add(new QueryParameter().name(ConnectApi.UPDATED_AFTER)
				.schema(new DateTimeSchema())
				.description("Invoices changed after this moment: ISO 8601 with an offset, its `+` encoded as `%2B` "
						+ "(`2015-07-17T06:00:00%2B10:00`) or `Z`; without an offset, UTC."));
			Content list = new Content();
			list.addMediaType("application/json",
					new MediaType().schema(new ArraySchema().items(ApiDescriptions.ref(SUMMARY))));
			for (String xml : FORMATS.subList(1, FORMATS.size())) {
				list.addMediaType(xml, new MediaType().schema(ApiDescriptions.ref(SUMMARY_LIST)));
			}
			responses.addApiResponse("200", new ApiResponse().description("The invoices").content(list));
		}
		parameters.addAll(headers());
		operation.setParameters(parameters);
		responses.addApiResponse("400", error("A required header missing or blank (each named), an `Api-Version` "
				+ "other than 1, an `Account-Code` that is not the practice's, or a parameter that cannot be read "
				+ (one ? "(an `InvoiceNumber` that is not a positive whole number)."
						: "(a date, `DateFrom` after `DateTo`, an `UpdatedAfter` whose `+` arrived as a space).")));
		responses.addApiResponse("401",
				error("An unknown `User-Auth`, or a `Client-Auth` that is not a key of the practice's supplier."));
		if (one) {
			responses.addApiResponse("404",
					error("No such invoice among the practice's accounts (another practice's is not found either)."));
		}
		responses.addApiResponse("406",
				error("`Accept` allows none of `application/json`, `application/xml`, `text/xml`."));
		operation.setResponses(responses);
	}

	private static List<Parameter> headers() {
		return List.of(
				new HeaderParameter().name(ConnectApi.API_VERSION)
					.required(true)
					.schema(new IntegerSchema()._enum(List.of(ConnectApi.VERSION)))
					.description("The API version: 1."),
				header(ConnectApi.CLIENT, true, "The practice management system's name and version."),
				header(ConnectApi.PRACTICE, true, "The practice's name."),
				header(ConnectApi.USER, true, "The end user's name."), header(ConnectApi.ACCOUNT_CODE, false,
						"One of the practice's accounts, to see its invoices only (single-account mode)."));
	}

	private static Parameter header(String name, boolean required, String description) {
		return new HeaderParameter().name(name)
			.required(required)
			.schema(new StringSchema().minLength(required ? 1 : 0))
			.description(description);
	}

	private static Content content(String schema) {
		Content content = new Content();
		FORMATS.forEach((type) -> content.addMediaType(type, new MediaType().schema(ApiDescriptions.ref(schema))));
		return content;
	}

	private static ApiResponse error(String description) {
		return new ApiResponse().description(description).content(content(ERROR));
	}

	private static Schema<?> text(String description) {
		return new StringSchema().nullable(true).description(description);
	}

	private static Schema<?> decimal(String description) {
		return new NumberSchema().description(description);
	}

	private static void schemas(OpenAPI openApi) {
		ApiDescriptions.components(openApi)
			.addSchemas(SUMMARY, new ObjectSchema().description("An invoice in a list.")
				.addProperty("InvoiceNumber", new IntegerSchema().format("int64").description("The invoice number"))
				.addProperty("OrderId",
						new IntegerSchema().format("int64")
							.nullable(true)
							.description("The electronic order the invoice ships, if any"))
				.addProperty("Date", new DateSchema().description("The invoice date"))
				.addProperty("PurchaseOrderNumber", text("The purchase order number of the order"))
				.addProperty("Total", decimal("Lines, freight and tax together"))
				.addProperty("AccountCode", new StringSchema().description("The practice's account"))
				.required(List.of("InvoiceNumber", "OrderId", "Date", "PurchaseOrderNumber", "Total", "AccountCode"))
				.xml(new XML().name(SUMMARY)))
			.addSchemas(SUMMARY_LIST,
					new ArraySchema().items(ApiDescriptions.ref(SUMMARY))
						.description("The list in XML: an `InvoiceSummary` element per invoice.")
						.xml(new XML().name(SUMMARY_LIST).wrapped(true)))
			.addSchemas(INVOICE, new ObjectSchema().description("An invoice with its shipping and lines.")
				.addProperty("InvoiceNumber", new IntegerSchema().format("int64").description("The invoice number"))
				.addProperty("OrderId",
						new IntegerSchema().format("int64")
							.nullable(true)
							.description("The electronic order the invoice ships, if any"))
				.addProperty("PurchaseOrderNumber", text("The purchase order number of the order"))
				.addProperty("AccountCode", new StringSchema().description("The practice's account"))
				.addProperty("Date", new DateSchema().description("The invoice date"))
				.addProperty("Notes", text("Free notes"))
				.addProperty("Shipping",
						new Schema<>().$ref("#/components/schemas/" + SHIPPING)
							.nullable(true)
							.description("How and where the goods travel, or null"))
				.addProperty("PaymentDue", new DateSchema().nullable(true).description("When it is due"))
				.addProperty("Freight", decimal("The freight charge"))
				.addProperty("Tax", decimal("The tax of the whole invoice"))
				.addProperty("Total",
						decimal("Lines (unit price times quantity shipped), freight and tax together. The "
								+ "document's table types it \"Array of InvoiceLine\" by mistake."))
				.addProperty("InvoiceLines",
						new ArraySchema().items(ApiDescriptions.ref(LINE))
							.description("The lines, in order")
							.xml(new XML().name("InvoiceLines").wrapped(true)))
				.xml(new XML().name(INVOICE)))
			.addSchemas(SHIPPING,
					new ObjectSchema().description("How and where the goods travel.")
						.addProperty("Name", text("Who the goods are shipped to"))
						.addProperty("Address",
								new Schema<>().$ref("#/components/schemas/" + ADDRESS)
									.nullable(true)
									.description("Where to, or null"))
						.addProperty("Carrier", text("The carrier's name"))
						.addProperty("TrackingId", text("The carrier's tracking id")))
			.addSchemas(ADDRESS,
					new ObjectSchema().description("A delivery address.")
						.addProperty("AddressLine1", text("First line"))
						.addProperty("AddressLine2", text("Second line"))
						.addProperty("Suburb", text("Suburb or town"))
						.addProperty("State", text("State or region"))
						.addProperty("Postcode", text("The postcode as written, leading zeros kept (`0800`)"))
						.addProperty("Country", text("Country")))
			.addSchemas(LINE, new ObjectSchema().description("A line of an invoice.")
				.addProperty("ProductCode", text("The supplier's product code (null for a miscellaneous item)"))
				.addProperty("Description", text("What the line is"))
				.addProperty("QuantityOrdered", new IntegerSchema().description("The quantity the order asked for"))
				.addProperty("QuantityShipped",
						new IntegerSchema().description("The quantity shipped with this invoice"))
				.addProperty("PurchaseOrderNumber", text("The purchase order number of the order"))
				.addProperty("Price", decimal("The unit price without tax, two to four decimals"))
				.addProperty("ListPrice", new NumberSchema().nullable(true).description("The supplier's list price"))
				.addProperty("RRP", new NumberSchema().nullable(true).description("The recommended retail price"))
				.addProperty("Tax", decimal("The tax of the whole line"))
				.addProperty("Batch", text("The batch number"))
				.addProperty("Expiry", new DateSchema().nullable(true).description("The batch's expiry date"))
				.addProperty("MiscellaneousItem",
						new BooleanSchema().description(
								"Whether the product is a one-off item that is neither " + "stocked nor orderable"))
				.xml(new XML().name(LINE)))
			.addSchemas(ERROR,
					new ObjectSchema().description("An error, as ASP.NET Web API writes one.")
						.addProperty("Message", new StringSchema().description("What is wrong"))
						.required(List.of("Message"))
						.xml(new XML().name(ERROR)));
	}

}
