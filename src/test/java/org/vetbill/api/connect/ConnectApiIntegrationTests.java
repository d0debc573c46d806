package org.vetbill.api.connect;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.ConnectSupplier;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import org.vetbill.supply.ConnectFeed;
import org.vetbill.supply.ConnectSource;
import org.vetbill.supply.InvoiceSummary;
import org.vetbill.supply.SupplierInvoices;
import org.vetbill.supply.SupplierInvoices.InvoiceFilter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Connect API over real HTTP: a supplier's invoices as its enrolled practices read
 * them, every header rule, parameter, format and error; and the Connect client reading
 * the running server as the supply importer does.
 * <p>
 * Each test has a tenant of its own with one supplier and two practices: the Darwin
 * clinic (accounts ACC-1 and ACC-2) and the Alice Springs clinic (ACC-3). Invoices 1001
 * (ACC-1, with order 5001, shipping to postcode 0800), 1002 (ACC-2), 1003 (ACC-3) and
 * 1004 (ACC-1) are recorded an hour apart from 10:00 UTC.
 */
class ConnectApiIntegrationTests extends IntegrationTest {

	private static final String INVOICE_1001 = "{\"InvoiceNumber\":1001,\"OrderId\":5001,"
			+ "\"PurchaseOrderNumber\":\"PO-1001\",\"AccountCode\":\"ACC-1\",\"Date\":\"2026-11-18\","
			+ "\"Notes\":\"Leave at the back door\",\"Shipping\":{\"Name\":\"Darwin Vet Clinic\",\"Address\":"
			+ "{\"AddressLine1\":\"1 Smith Street\",\"AddressLine2\":null,\"Suburb\":\"Darwin\",\"State\":\"NT\","
			+ "\"Postcode\":\"0800\",\"Country\":\"Australia\"},\"Carrier\":\"StarTrack\",\"TrackingId\":\"ST-1001\"},"
			+ "\"PaymentDue\":\"2026-12-18\",\"Freight\":10.00,\"Tax\":12.50,\"Total\":147.50,\"InvoiceLines\":["
			+ "{\"ProductCode\":\"VAX-01\",\"Description\":\"Canine vaccine\",\"QuantityOrdered\":12,"
			+ "\"QuantityShipped\":10,\"PurchaseOrderNumber\":\"PO-1001\",\"Price\":12.50,\"ListPrice\":14.00,"
			+ "\"RRP\":19.95,\"Tax\":12.50,\"Batch\":null,\"Expiry\":null,\"MiscellaneousItem\":false},"
			+ "{\"ProductCode\":null,\"Description\":\"Cold pack\",\"QuantityOrdered\":1,\"QuantityShipped\":1,"
			+ "\"PurchaseOrderNumber\":\"PO-1001\",\"Price\":0.00,\"ListPrice\":null,\"RRP\":null,\"Tax\":0.00,"
			+ "\"Batch\":\"B123\",\"Expiry\":\"2027-03-31\",\"MiscellaneousItem\":true}]}";

	private static final String SUMMARY_1001 = "{\"InvoiceNumber\":1001,\"OrderId\":5001,\"Date\":\"2026-11-18\","
			+ "\"PurchaseOrderNumber\":\"PO-1001\",\"Total\":147.50,\"AccountCode\":\"ACC-1\"}";

	private static final String SUMMARY_1002 = "{\"InvoiceNumber\":1002,\"OrderId\":null,\"Date\":\"2026-11-19\","
			+ "\"PurchaseOrderNumber\":null,\"Total\":8.25,\"AccountCode\":\"ACC-2\"}";

	private static final String SUMMARY_1004 = "{\"InvoiceNumber\":1004,\"OrderId\":null,\"Date\":\"2026-11-21\","
			+ "\"PurchaseOrderNumber\":null,\"Total\":8.25,\"AccountCode\":\"ACC-1\"}";

	private static final String INVOICES = "/connect/invoices";

	private TestTenant tenant;

	private ConnectSupplier supplier;

	/** The Darwin clinic's token: accounts ACC-1 and ACC-2. */
	private String darwin;

	/** The Alice Springs clinic's token: account ACC-3. */
	private String alice;

	private Api api;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.api = anonymous();
		this.supplier = ConnectSupplier.create(this.tenant, "Top End Veterinary Wholesale");
		this.darwin = this.supplier.enrol("Darwin Vet Clinic", "ACC-1", "ACC-2");
		this.alice = this.supplier.enrol("Alice Springs Vets", "ACC-3");
		this.supplier.order(5001, "ACC-1");
		this.supplier.record(ConnectSupplier.darwinInvoice(1001, 5001L, "ACC-1", LocalDate.parse("2026-11-18")));
		this.clock.set("2026-11-21T11:00:00Z");
		this.supplier.record(ConnectSupplier.plainInvoice(1002, "ACC-2", LocalDate.parse("2026-11-19")));
		this.clock.set("2026-11-21T12:00:00Z");
		this.supplier.record(ConnectSupplier.plainInvoice(1003, "ACC-3", LocalDate.parse("2026-11-20")));
		this.clock.set("2026-11-21T13:00:00Z");
		this.supplier.record(ConnectSupplier.plainInvoice(1004, "ACC-1", LocalDate.parse("2026-11-21")));
	}

	private ApiResponse get(String path, String userAuth) {
		return this.api.get(path, this.supplier.headers(userAuth));
	}

	private ApiResponse get(String path, Map<String, String> headers) {
		return this.api.get(path, headers);
	}

	private Map<String, String> with(String userAuth, String header, String value) {
		Map<String, String> headers = this.supplier.headers(userAuth);
		headers.put(header, value);
		return headers;
	}

	private static void assertAnswer(ApiResponse response, int status, String body) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.raw()).isEqualTo(body);
	}

	private static void assertJson(ApiResponse response, int status, String body) {
		assertAnswer(response, status, body);
		assertThat(response.header("Content-Type")).contains("application/json;charset=UTF-8");
	}

	private static String message(String message) {
		return "{\"Message\":\"" + message.replace("\"", "\\\"") + "\"}";
	}

	@Test
	void aPracticeListsItsAccountsInvoicesInNumberOrderAsABareArray() {
		assertJson(get(INVOICES, this.darwin), 200, "[" + SUMMARY_1001 + "," + SUMMARY_1002 + "," + SUMMARY_1004 + "]");
		assertJson(get(INVOICES, this.alice), 200, "[{\"InvoiceNumber\":1003,\"OrderId\":null,\"Date\":\"2026-11-20\","
				+ "\"PurchaseOrderNumber\":null,\"Total\":8.25,\"AccountCode\":\"ACC-3\"}]");
		// JSON is also the answer to */* and to no Accept at all
		assertJson(get(INVOICES, with(this.darwin, "Accept", "*/*")), 200,
				"[" + SUMMARY_1001 + "," + SUMMARY_1002 + "," + SUMMARY_1004 + "]");
		assertJson(get(INVOICES, with(this.darwin, "Accept", "application/json")), 200,
				"[" + SUMMARY_1001 + "," + SUMMARY_1002 + "," + SUMMARY_1004 + "]");
	}

	@Test
	void anInvoiceHasItsShippingAndLinesInTheDocumentsOrderWithExactAmounts() {
		assertJson(get(INVOICES + "/1001", this.darwin), 200, INVOICE_1001);
		assertJson(get(INVOICES + "/1002", this.darwin), 200,
				"{\"InvoiceNumber\":1002,\"OrderId\":null,\"PurchaseOrderNumber\":null,\"AccountCode\":\"ACC-2\","
						+ "\"Date\":\"2026-11-19\",\"Notes\":null,\"Shipping\":null,\"PaymentDue\":null,"
						+ "\"Freight\":0.00,\"Tax\":0.00,\"Total\":8.25,\"InvoiceLines\":[{\"ProductCode\":\"GLV-100\","
						+ "\"Description\":\"Gloves\",\"QuantityOrdered\":2,\"QuantityShipped\":2,"
						+ "\"PurchaseOrderNumber\":null,\"Price\":4.1234,\"ListPrice\":null,\"RRP\":null,"
						+ "\"Tax\":0.00,\"Batch\":null,\"Expiry\":null,\"MiscellaneousItem\":false}]}");
	}

	@Test
	void dateFromAndDateToAreInclusiveOnTheInvoiceDate() {
		assertThat(numbers(get(INVOICES + "?DateFrom=2026-11-19", this.darwin))).containsExactly(1002L, 1004L);
		assertThat(numbers(get(INVOICES + "?DateTo=2026-11-19", this.darwin))).containsExactly(1001L, 1002L);
		assertThat(numbers(get(INVOICES + "?DateFrom=2026-11-18&DateTo=2026-11-18", this.darwin)))
			.containsExactly(1001L);
		assertThat(numbers(get(INVOICES + "?DateFrom=2026-11-19&DateTo=2026-11-21", this.darwin)))
			.containsExactly(1002L, 1004L);
		assertThat(numbers(get(INVOICES + "?DateFrom=2026-11-22", this.darwin))).isEmpty();
		assertJson(get(INVOICES + "?DateFrom=2026-11-22", this.darwin), 200, "[]");
		// ASP.NET Web API binds query parameters whatever their case
		assertThat(numbers(get(INVOICES + "?datefrom=2026-11-19&DATETO=2026-11-19", this.darwin)))
			.containsExactly(1002L);
	}

	@Test
	void updatedAfterTakesAnEncodedOffsetOrZAndReadsNoOffsetAsUtc() {
		// 1001 changed at 10:00, 1002 at 11:00, 1004 at 13:00 (UTC)
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T20:30:00%2B10:00", this.darwin)))
			.containsExactly(1002L, 1004L);
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T11:00:00Z", this.darwin))).as("after, not at")
			.containsExactly(1004L);
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T10:59:59.999999Z", this.darwin)))
			.containsExactly(1002L, 1004L);
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T09:30:00-03:00", this.darwin)))
			.containsExactly(1004L);
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T09:59:59", this.darwin))).containsExactly(1001L,
				1002L, 1004L);
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T13:00:00Z", this.darwin))).isEmpty();

		// a corrected invoice shows again
		this.clock.set("2026-11-21T14:00:00Z");
		this.tenant.bean(SupplierInvoices.class)
			.replace(this.tenant.caller, this.supplier.supplierId, 1002,
					ConnectSupplier.plainInvoice(1002, "ACC-2", LocalDate.parse("2026-11-19")));
		assertThat(numbers(get(INVOICES + "?UpdatedAfter=2026-11-21T13:00:00Z", this.darwin))).containsExactly(1002L);
		assertThat(numbers(get(INVOICES + "?updatedafter=2026-11-21T13:00:00Z&DateTo=2026-11-18", this.darwin)))
			.isEmpty();
	}

	@Test
	void anUpdatedAfterWhosePlusArrivedAsASpaceIsRefused() {
		String refused = message("UpdatedAfter: '2015-07-17T06:00:00 10:00' has a space where its offset's '+' "
				+ "should be: a '+' in a URL reads as a space, so encode it as %2B "
				+ "(UpdatedAfter=2015-07-17T06:00:00%2B10:00)");
		assertJson(get(INVOICES + "?UpdatedAfter=2015-07-17T06:00:00+10:00", this.darwin), 400, refused);
		assertJson(get(INVOICES + "?UpdatedAfter=2015-07-17T06:00:00%2010:00", this.darwin), 400, refused);
		assertThat(get(INVOICES + "?UpdatedAfter=2015-07-17T06:00:00%2B10:00", this.darwin).status()).isEqualTo(200);
	}

	@Test
	void parametersThatCannotBeReadAreRefusedNamingThem() {
		assertJson(get(INVOICES + "?DateFrom=2026-13-01", this.darwin), 400,
				message("DateFrom: '2026-13-01' is not a date (yyyy-MM-dd, such as 2015-07-17)"));
		assertJson(get(INVOICES + "?DateTo=21.11.2026", this.darwin), 400,
				message("DateTo: '21.11.2026' is not a date (yyyy-MM-dd, such as 2015-07-17)"));
		assertJson(get(INVOICES + "?UpdatedAfter=yesterday", this.darwin), 400,
				message("UpdatedAfter: 'yesterday' is not an ISO 8601 date-time (such as 2015-07-17T06:00:00%2B10:00 "
						+ "or 2015-07-16T20:00:00Z)"));
		assertJson(get(INVOICES + "?DateFrom=2026-11-21&DateTo=2026-11-20", this.darwin), 400,
				message("DateFrom: '2026-11-21' is after DateTo '2026-11-20'"));
		assertJson(get(INVOICES + "?DateFrom=x&DateTo=y", this.darwin), 400,
				message("DateFrom: 'x' is not a date (yyyy-MM-dd, such as 2015-07-17); "
						+ "DateTo: 'y' is not a date (yyyy-MM-dd, such as 2015-07-17)"));
		// dates no database stores: refused before any query (a 503 from the database
		// before)
		assertJson(get(INVOICES + "?DateFrom=%2B999999999-12-31", this.darwin), 400,
				message("DateFrom: '+999999999-12-31' lies outside the years 1 to 9999"));
		assertJson(get(INVOICES + "?DateTo=-999999999-01-01", this.darwin), 400,
				message("DateTo: '-999999999-01-01' lies outside the years 1 to 9999"));
		assertJson(get(INVOICES + "?UpdatedAfter=%2B999999999-12-31T00:00:00Z", this.darwin), 400,
				message("UpdatedAfter: '+999999999-12-31T00:00:00Z' lies outside the years 1 to 9999"));
		// a control character echoed in an XML answer, which XML 1.0 cannot hold (a 500
		// before; found by the fuzzer)
		ApiResponse control = get(INVOICES + "/%1F", with(this.darwin, "Accept", "application/xml"));
		assertThat(control.status()).as(control.toString()).isEqualTo(400);
		assertThat(control.raw()).contains("<Message>InvoiceNumber: '\uFFFD' is not a positive whole number</Message>");
		for (String number : List.of("abc", "0", "-5", "1.5", "99999999999999999999")) {
			assertJson(get(INVOICES + "/" + number, this.darwin), 400,
					message("InvoiceNumber: '" + number + "' is not a positive whole number"));
		}
		// empty parameters are left out
		assertThat(numbers(get(INVOICES + "?DateFrom=&UpdatedAfter=", this.darwin))).hasSize(3);
	}

	@Test
	void eachMissingOrBlankHeaderIsRefusedNamingIt() {
		for (String header : List.of("Api-Version", "Client", "Client-Auth", "User-Auth", "Practice", "User")) {
			Map<String, String> headers = this.supplier.headers(this.darwin);
			headers.remove(header);
			assertJson(get(INVOICES, headers), 400, message(header + ": header is required"));
			assertJson(get(INVOICES + "/1001", headers), 400, message(header + ": header is required"));
			assertJson(get(INVOICES, with(this.darwin, header, " ")), 400, message(header + ": header is required"));
		}
		assertJson(get(INVOICES, Map.of("Client", "PracticeSoft 4.2", "Practice", "Darwin Vet Clinic")), 400,
				message("Api-Version: header is required; Client-Auth: header is required; "
						+ "User-Auth: header is required; User: header is required"));
		assertJson(get(INVOICES, Map.of()), 400,
				message("Api-Version: header is required; Client: header is required; Client-Auth: header is "
						+ "required; User-Auth: header is required; Practice: header is required; "
						+ "User: header is required"));
	}

	@Test
	void onlyApiVersion1IsServed() {
		for (String version : List.of("2", "0", "1.0", "one")) {
			assertJson(get(INVOICES, with(this.darwin, "Api-Version", version)), 400,
					message("Api-Version: '" + version + "' is not a supported version; the supported version is 1"));
		}
		assertThat(get(INVOICES, with(this.darwin, "Api-Version", " 1 ")).status()).isEqualTo(200);
	}

	@Test
	void anUnknownUserTokenOrClientKeyIsRefused() {
		String badUser = message("User-Auth: the user token is not valid (unknown, or the practice's enrolment was "
				+ "withdrawn); enrol the practice again for a new token.");
		String badClient = message("Client-Auth: the key of the practice management system is not valid for this "
				+ "supplier (unknown or withdrawn).");
		assertJson(get(INVOICES, "cnu_not-a-token"), 401, badUser);
		assertJson(get(INVOICES + "/1001", "cnu_not-a-token"), 401, badUser);
		assertJson(get(INVOICES, with(this.darwin, "Client-Auth", "cnk_not-a-key")), 401, badClient);
		assertJson(get(INVOICES + "/1001", with(this.darwin, "Client-Auth", "cnk_not-a-key")), 401, badClient);
		// another supplier's key, and the user token given as the key
		ConnectSupplier other = ConnectSupplier.create(this.tenant, "Another Wholesaler");
		assertJson(get(INVOICES, with(this.darwin, "Client-Auth", other.clientKey)), 401, badClient);
		assertJson(get(INVOICES, with(this.darwin, "Client-Auth", this.darwin)), 401, badClient);
		// credentials are checked before parameters
		assertJson(get(INVOICES + "?DateFrom=x", "cnu_not-a-token"), 401, badUser);
		assertJson(get(INVOICES + "/abc", "cnu_not-a-token"), 401, badUser);
	}

	@Test
	void practicesSeeOnlyTheirOwnInvoices() {
		String notFound = message("invoice 1001 not found");
		assertThat(numbers(get(INVOICES, this.alice))).containsExactly(1003L);
		assertJson(get(INVOICES + "/1001", this.alice), 404, notFound);
		assertJson(get(INVOICES + "/1003", this.darwin), 404, message("invoice 1003 not found"));
		assertJson(get(INVOICES + "/9999", this.darwin), 404, message("invoice 9999 not found"));

		// another supplier of the same organization, with an account of the same code and
		// an invoice of the same number
		ConnectSupplier other = ConnectSupplier.create(this.tenant, "Another Wholesaler");
		String otherPractice = other.enrol("Darwin Vet Clinic", "ACC-1");
		assertJson(other.tenant.anonymous.get(INVOICES, other.headers(otherPractice)), 200, "[]");
		assertAnswer(other.tenant.anonymous.get(INVOICES + "/1001", other.headers(otherPractice)), 404, notFound);
		other.record(ConnectSupplier.plainInvoice(1001, "ACC-1", LocalDate.parse("2026-11-21")));
		assertThat(other.tenant.anonymous.get(INVOICES + "/1001", other.headers(otherPractice))
			.body()
			.path("InvoiceLines")
			.get(0)
			.path("ProductCode")
			.asString()).isEqualTo("GLV-100");
		assertJson(get(INVOICES + "/1001", this.darwin), 200, INVOICE_1001);

		// a supplier of another organization
		ConnectSupplier foreign = ConnectSupplier.create(newTenant(), "Foreign Wholesaler");
		String foreignPractice = foreign.enrol("Darwin Vet Clinic", "ACC-1");
		assertJson(this.api.get(INVOICES, foreign.headers(foreignPractice)), 200, "[]");
		assertJson(this.api.get(INVOICES + "/1004", foreign.headers(foreignPractice)), 404,
				message("invoice 1004 not found"));
		assertThat(numbers(get(INVOICES, this.darwin))).containsExactly(1001L, 1002L, 1004L);
	}

	@Test
	void accountCodeAsksForOneOfThePracticesAccounts() {
		assertJson(get(INVOICES, with(this.darwin, "Account-Code", "ACC-2")), 200, "[" + SUMMARY_1002 + "]");
		assertThat(numbers(get(INVOICES, with(this.darwin, "Account-Code", "ACC-1")))).containsExactly(1001L, 1004L);
		assertThat(numbers(get(INVOICES + "?DateFrom=2026-11-20", with(this.darwin, "Account-Code", "ACC-1"))))
			.containsExactly(1004L);
		assertJson(get(INVOICES + "/1001", with(this.darwin, "Account-Code", "ACC-1")), 200, INVOICE_1001);
		assertJson(get(INVOICES + "/1001", with(this.darwin, "Account-Code", "ACC-2")), 404,
				message("invoice 1001 not found"));
		// blank is no account code
		assertThat(numbers(get(INVOICES, with(this.darwin, "Account-Code", " ")))).hasSize(3);
		String foreign = message("Account-Code: 'ACC-3' is not an account of practice Darwin Vet Clinic "
				+ "(its accounts: ACC-1, ACC-2)");
		assertJson(get(INVOICES, with(this.darwin, "Account-Code", "ACC-3")), 400, foreign);
		assertJson(get(INVOICES + "/1003", with(this.darwin, "Account-Code", "ACC-3")), 400, foreign);
		assertJson(get(INVOICES, with(this.darwin, "Account-Code", "NOPE")), 400, message("Account-Code: 'NOPE' is "
				+ "not an account of practice Darwin Vet Clinic (its accounts: ACC-1, ACC-2)"));
	}

	@Test
	void xmlListsAndInvoicesCarryTheSameNamesAndValues() {
		ApiResponse list = get(INVOICES, with(this.darwin, "Accept", "application/xml"));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.header("Content-Type")).contains("application/xml;charset=UTF-8");
		assertThat(list.raw()).isEqualTo("<ArrayOfInvoiceSummary><InvoiceSummary><InvoiceNumber>1001</InvoiceNumber>"
				+ "<OrderId>5001</OrderId><Date>2026-11-18</Date><PurchaseOrderNumber>PO-1001</PurchaseOrderNumber>"
				+ "<Total>147.50</Total><AccountCode>ACC-1</AccountCode></InvoiceSummary><InvoiceSummary>"
				+ "<InvoiceNumber>1002</InvoiceNumber>" + nil("OrderId") + "<Date>2026-11-19</Date>"
				+ nil("PurchaseOrderNumber") + "<Total>8.25</Total><AccountCode>ACC-2</AccountCode>"
				+ "</InvoiceSummary><InvoiceSummary><InvoiceNumber>1004</InvoiceNumber>" + nil("OrderId")
				+ "<Date>2026-11-21</Date>" + nil("PurchaseOrderNumber")
				+ "<Total>8.25</Total><AccountCode>ACC-1</AccountCode></InvoiceSummary></ArrayOfInvoiceSummary>");
		ApiResponse invoice = get(INVOICES + "/1001", with(this.darwin, "Accept", "text/xml"));
		assertThat(invoice.header("Content-Type")).contains("text/xml;charset=UTF-8");
		assertThat(invoice.raw()).isEqualTo("<Invoice><InvoiceNumber>1001</InvoiceNumber><OrderId>5001</OrderId>"
				+ "<PurchaseOrderNumber>PO-1001</PurchaseOrderNumber><AccountCode>ACC-1</AccountCode>"
				+ "<Date>2026-11-18</Date><Notes>Leave at the back door</Notes><Shipping><Name>Darwin Vet Clinic</Name>"
				+ "<Address><AddressLine1>1 Smith Street</AddressLine1>" + nil("AddressLine2")
				+ "<Suburb>Darwin</Suburb><State>NT</State><Postcode>0800</Postcode><Country>Australia</Country>"
				+ "</Address><Carrier>StarTrack</Carrier><TrackingId>ST-1001</TrackingId></Shipping>"
				+ "<PaymentDue>2026-12-18</PaymentDue><Freight>10.00</Freight><Tax>12.50</Tax><Total>147.50</Total>"
				+ "<InvoiceLines><InvoiceLine><ProductCode>VAX-01</ProductCode><Description>Canine vaccine"
				+ "</Description><QuantityOrdered>12</QuantityOrdered><QuantityShipped>10</QuantityShipped>"
				+ "<PurchaseOrderNumber>PO-1001</PurchaseOrderNumber><Price>12.50</Price><ListPrice>14.00</ListPrice>"
				+ "<RRP>19.95</RRP><Tax>12.50</Tax>" + nil("Batch") + nil("Expiry")
				+ "<MiscellaneousItem>false</MiscellaneousItem></InvoiceLine><InvoiceLine>" + nil("ProductCode")
				+ "<Description>Cold pack</Description><QuantityOrdered>1</QuantityOrdered>"
				+ "<QuantityShipped>1</QuantityShipped><PurchaseOrderNumber>PO-1001</PurchaseOrderNumber>"
				+ "<Price>0.00</Price>" + nil("ListPrice") + nil("RRP") + "<Tax>0.00</Tax><Batch>B123</Batch>"
				+ "<Expiry>2027-03-31</Expiry><MiscellaneousItem>true</MiscellaneousItem></InvoiceLine>"
				+ "</InvoiceLines></Invoice>");
		assertThat(get(INVOICES + "/1002", with(this.darwin, "Accept", "application/xml")).raw())
			.contains(nil("Shipping"))
			.contains("<Price>4.1234</Price>");
		assertThat(get(INVOICES + "?DateFrom=2030-01-01", with(this.darwin, "Accept", "application/xml")).raw())
			.isEqualTo("<ArrayOfInvoiceSummary/>");
	}

	private static String nil(String element) {
		return "<" + element + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>";
	}

	@Test
	void theXmlAndJsonOfTheSameInvoicesCarryTheSameData() throws Exception {
		for (long number : List.of(1001L, 1002L, 1004L)) {
			ApiResponse json = get(INVOICES + "/" + number, this.darwin);
			ApiResponse xml = get(INVOICES + "/" + number, with(this.darwin, "Accept", "application/xml"));
			Object fromJson = plain(json.body());
			Object fromXml = plain(root(xml.raw()), false);
			assertThat(fromXml).as("invoice %d", number).isEqualTo(fromJson);
			assertThat(fromXml.toString()).as("in the same order").isEqualTo(fromJson.toString());
		}
		Object listJson = plain(get(INVOICES, this.darwin).body());
		Object listXml = plain(root(get(INVOICES, with(this.darwin, "Accept", "application/xml")).raw()), true);
		assertThat(listXml).isEqualTo(listJson);
		assertThat(listXml.toString()).isEqualTo(listJson.toString());
		assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) plain(get(INVOICES + "/1001", this.darwin).body()))
			.get("Shipping")).get("Address")).get("Postcode")).isEqualTo("0800");
	}

	@Test
	void acceptChoosesTheFormatByQualityAndRefusesOthers() {
		Map<String, String> formats = new LinkedHashMap<>();
		formats.put("application/json;q=0.5, application/xml", "application/xml");
		formats.put("application/xml;q=0.4, application/json;q=0.9", "application/json");
		formats.put("text/*", "text/xml");
		formats.put("application/xml, application/json", "application/xml");
		formats.put("application/json, application/xml", "application/json");
		formats.put("application/*", "application/json");
		formats.put("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "application/xml");
		formats.put("application/json;q=0, */*", "application/xml");
		formats.put("application/json; charset=utf-8", "application/json");
		formats.forEach((accept, type) -> {
			ApiResponse response = get(INVOICES, with(this.darwin, "Accept", accept));
			assertThat(response.status()).as(accept).isEqualTo(200);
			assertThat(response.header("Content-Type")).as(accept).contains(type + ";charset=UTF-8");
		});
		String refused = "The Connect API answers in application/json, application/xml or text/xml, none of "
				+ "which Accept allows: '%s'.";
		assertJson(get(INVOICES, with(this.darwin, "Accept", "text/html")), 406,
				message(refused.formatted("text/html")));
		assertJson(get(INVOICES + "/1001", with(this.darwin, "Accept", "text/csv, application/json;q=0")), 406,
				message(refused.formatted("text/csv, application/json;q=0")));
		// before headers and credentials
		assertJson(get(INVOICES, Map.of("Accept", "image/png")), 406, message(refused.formatted("image/png")));
		assertJson(get(INVOICES, with(this.darwin, "Accept", "not a type")), 400,
				message("Accept: 'not a type' is not a list of media types"));
	}

	@Test
	void errorsAreWebApisMessagesInTheFormatAsked() {
		Map<String, String> xml = with(this.darwin, "Accept", "application/xml");
		xml.remove("Client");
		ApiResponse missing = get(INVOICES, xml);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.header("Content-Type")).contains("application/xml;charset=UTF-8");
		assertThat(missing.raw()).isEqualTo("<Error><Message>Client: header is required</Message></Error>");
		assertAnswer(get(INVOICES, with("cnu_nope", "Accept", "text/xml")), 401,
				"<Error><Message>User-Auth: the user token is not valid (unknown, or the practice's enrolment was "
						+ "withdrawn); enrol the practice again for a new token.</Message></Error>");
		assertAnswer(get(INVOICES + "/1003", with(this.darwin, "Accept", "application/xml")), 404,
				"<Error><Message>invoice 1003 not found</Message></Error>");

		String base = "http://localhost:" + this.port;
		assertJson(get("/connect/orders", this.darwin), 404,
				message("No HTTP resource was found that matches the request URI '" + base + "/connect/orders'."));
		assertAnswer(get("/connect/invoices/1001/lines", with(this.darwin, "Accept", "application/xml")), 404,
				"<Error><Message>No HTTP resource was found that matches the request URI '" + base
						+ "/connect/invoices/1001/lines'.</Message></Error>");
		ApiResponse post = this.api.send(this.api.request(INVOICES)
			.header("Accept", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
		assertJson(post, 405, message("The requested resource does not support http method 'POST'."));
		ApiResponse delete = this.api.send(this.api.request(INVOICES + "/1001").header("Accept", "text/xml").DELETE());
		assertAnswer(delete, 405,
				"<Error><Message>The requested resource does not support http method 'DELETE'.</Message></Error>");
	}

	@Test
	void everyOtherApiStillAnswersJsonOnly() {
		Map<String, String> xml = Map.of("Accept", "application/xml");
		Map<ApiResponse, Integer> answers = new LinkedHashMap<>();
		answers.put(this.tenant.api.get(this.tenant.path("/organization"), xml), 406);
		answers.put(this.tenant.api.get("/" + this.tenant.provetId + "/api/0.1/vatgroup/", xml), 406);
		answers.put(this.tenant.api.get(this.tenant.path("/invoices/999999"), xml), 404);
		answers.put(this.tenant.anonymous.get(this.tenant.path("/organization"), xml), 401);
		answers.forEach((response, status) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(status);
			assertThat(response.raw()).as(response.toString()).doesNotStartWith("<");
			assertThat(response.header("Content-Type").orElse("")).as(response.toString()).doesNotContain("xml");
		});
		// and reads no XML bodies
		ApiResponse posted = this.tenant.api.send(this.tenant.api.request(this.tenant.path("/clients"))
			.header("Content-Type", "application/xml")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("<Client><first_name>A</first_name></Client>")));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(415);
	}

	@Test
	void theConnectFeedReadsWhatTheServerServes() {
		ConnectFeed feed = this.context.getBean(ConnectFeed.class);
		ConnectSource source = source(this.darwin, null);
		SupplierInvoices invoices = this.tenant.bean(SupplierInvoices.class);
		List<InvoiceSummary> stored = invoices.list(this.tenant.caller, this.supplier.supplierId,
				new InvoiceFilter(null, null, null, List.of("ACC-1", "ACC-2")));
		assertThat(feed.invoices(source, null)).hasSize(3).isEqualTo(stored);
		for (long number : List.of(1001L, 1002L, 1004L)) {
			assertThat(feed.invoice(source, number))
				.isEqualTo(invoices.get(this.tenant.caller, this.supplier.supplierId, number).details());
		}
		assertThat(feed.invoices(source, Instant.parse("2026-11-21T10:30:00Z")))
			.extracting(InvoiceSummary::invoiceNumber)
			.containsExactly(1002L, 1004L);
		assertThat(feed.invoices(source, Instant.parse("2026-11-21T11:00:00Z")))
			.extracting(InvoiceSummary::invoiceNumber)
			.containsExactly(1004L);
		assertThat(feed.invoices(source, Instant.parse("2026-11-21T10:59:59.999999Z")))
			.extracting(InvoiceSummary::invoiceNumber)
			.containsExactly(1002L, 1004L);
		assertThat(feed.invoices(source(this.darwin, "ACC-2"), null)).extracting(InvoiceSummary::invoiceNumber)
			.containsExactly(1002L);
		assertThat(feed.invoices(source(this.alice, null), null)).extracting(InvoiceSummary::invoiceNumber)
			.containsExactly(1003L);
		ConnectSource slash = new ConnectSource(source.baseUrl() + "/", source.client(), source.clientAuth(),
				source.userAuth(), source.practice(), source.user(), null);
		assertThat(feed.invoices(slash, null)).isEqualTo(stored);
	}

	@Test
	void theConnectFeedFailsWithAMessageABookkeeperCanActOn() {
		ConnectFeed feed = this.context.getBean(ConnectFeed.class);
		String url = "http://localhost:" + this.port + "/connect/invoices";
		assertThatExceptionOfType(ConnectFeed.FeedFailure.class)
			.isThrownBy(() -> feed.invoices(source("cnu_withdrawn", null), null))
			.withMessage("The Connect endpoint " + url + " answered 401 Unauthorized. Check the import source's "
					+ "Client-Auth key and User-Auth token with the supplier.");
		// the status alone says what failed: nothing of what the address answered shows
		assertThatExceptionOfType(ConnectFeed.FeedFailure.class)
			.isThrownBy(() -> feed.invoice(source(this.darwin, null), 1003))
			.withMessage("The Connect endpoint " + url + "/1003 answered 404 Not Found. Check the base URL (it ends "
					+ "before /invoices).");
		assertThatExceptionOfType(ConnectFeed.FeedFailure.class)
			.isThrownBy(() -> feed.invoices(source(this.darwin, "ACC-3"), null))
			.withMessage("The Connect endpoint " + url + " answered 400 Bad Request. Check the import source's "
					+ "headers (Client, Practice, User, Account-Code).");
		ConnectSource nowhere = new ConnectSource("http://localhost:1/connect", "vetbill", "k", "u", "p", "u", null);
		assertThatExceptionOfType(ConnectFeed.FeedFailure.class).isThrownBy(() -> feed.invoices(nowhere, null))
			.withMessageStartingWith("Cannot reach the Connect endpoint http://localhost:1/connect/invoices (")
			.withMessageEndingWith("); check the base URL, or try again later if the supplier's server is down.");
		// a base URL that is not a Connect API's
		ConnectSource docs = new ConnectSource("http://localhost:" + this.port + "/swagger-ui", "vetbill", "k", "u",
				"p", "u", null);
		assertThatExceptionOfType(ConnectFeed.FeedFailure.class).isThrownBy(() -> feed.invoices(docs, null))
			.withMessageContaining("answered 404");
	}

	private ConnectSource source(String userAuth, String accountCode) {
		return new ConnectSource("http://localhost:" + this.port + "/connect", "vetbill test", this.supplier.clientKey,
				userAuth, "Darwin Vet Clinic", "Importer", accountCode);
	}

	private static List<Long> numbers(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> numbers = new ArrayList<>();
		response.body().forEach((summary) -> numbers.add(summary.path("InvoiceNumber").asLong()));
		return numbers;
	}

	/** A JSON value as plain Java: objects as ordered maps, scalars as their text. */
	private static Object plain(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			node.properties().forEach((entry) -> map.put(entry.getKey(), plain(entry.getValue())));
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.forEach((item) -> list.add(plain(item)));
			return list;
		}
		if (node.isNull()) {
			return "(null)";
		}
		return node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
	}

	private static Element root(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.getDocumentElement();
	}

	/**
	 * An XML element as plain Java: a list where the element is a list (the root of a
	 * list, {@code InvoiceLines}), a map of its children, or its text; nil is null.
	 */
	private static Object plain(Element element, boolean list) {
		if ("true".equals(element.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"))) {
			return "(null)";
		}
		List<Element> children = new ArrayList<>();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				children.add(childElement);
			}
		}
		if (list || element.getTagName().equals("InvoiceLines")) {
			return children.stream().map((child) -> plain(child, false)).toList();
		}
		if (children.isEmpty()) {
			return element.getTextContent();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		children.forEach((child) -> map.put(child.getTagName(), plain(child, false)));
		return map;
	}

}
