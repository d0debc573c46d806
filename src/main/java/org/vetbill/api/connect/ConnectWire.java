package org.vetbill.api.connect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.vetbill.supply.InvoiceSummary;
import org.vetbill.supply.SupplierInvoice;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.Shipping;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The Connect API's resources on the wire, written by the server and read by the client,
 * with the document's names and in its order. Where the document is silent or wrong:
 * <ul>
 * <li>{@code Total} is the invoice's total, a decimal (the document's table types it
 * "Array of InvoiceLine", a slip: the lines travel in their own array,
 * {@code InvoiceLines}, as an order's travel in {@code OrderLines});</li>
 * <li>{@code Postcode} is a string, so that a postcode such as {@code 0800} keeps its
 * leading zero (the document says Integer);</li>
 * <li>a value that is not there is written as {@code null} in JSON, as Json.NET does by
 * default, and as an empty element with {@code xsi:nil="true"} in XML, as .NET's data
 * contract serializer does;</li>
 * <li>decimals are numbers, written exactly as stored (amounts with two decimals, unit
 * prices with two to four); dates are {@code yyyy-MM-dd}.</li>
 * </ul>
 * Every field is nullable here so that the client can read a supplier's answer and say
 * what is missing; the server always fills the required ones.
 */
final class ConnectWire {

	private ConnectWire() {
	}

	/**
	 * Connect's InvoiceSummary: one invoice of a list.
	 */
	record Summary(@JsonProperty("InvoiceNumber") @Nullable Long invoiceNumber,
			@JsonProperty("OrderId") @Nullable Long orderId, @JsonProperty("Date") @Nullable LocalDate date,
			@JsonProperty("PurchaseOrderNumber") @Nullable String purchaseOrderNumber,
			@JsonProperty("Total") @Nullable BigDecimal total,
			@JsonProperty("AccountCode") @Nullable String accountCode) {

		static Summary of(InvoiceSummary summary) {
			return new Summary(summary.invoiceNumber(), summary.orderId(), summary.date(),
					summary.purchaseOrderNumber(), summary.total(), summary.accountCode());
		}

	}

	/**
	 * The invoice list in XML, {@code <ArrayOfInvoiceSummary>} with an
	 * {@code <InvoiceSummary>} element per invoice, as ASP.NET Web API names a list (in
	 * JSON the list is a bare array).
	 */
	@JacksonXmlRootElement(localName = "ArrayOfInvoiceSummary")
	record SummaryList(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(
			localName = "InvoiceSummary") @JsonProperty("InvoiceSummary") List<Summary> invoices) {

	}

	/**
	 * Connect's Invoice, with its lines.
	 */
	@JacksonXmlRootElement(localName = "Invoice")
	record Invoice(@JsonProperty("InvoiceNumber") @Nullable Long invoiceNumber,
			@JsonProperty("OrderId") @Nullable Long orderId,
			@JsonProperty("PurchaseOrderNumber") @Nullable String purchaseOrderNumber,
			@JsonProperty("AccountCode") @Nullable String accountCode, @JsonProperty("Date") @Nullable LocalDate date,
			@JsonProperty("Notes") @Nullable String notes, @JsonProperty("Shipping") @Nullable WireShipping shipping,
			@JsonProperty("PaymentDue") @Nullable LocalDate paymentDue,
			@JsonProperty("Freight") @Nullable BigDecimal freight, @JsonProperty("Tax") @Nullable BigDecimal tax,
			@JsonProperty("Total") @Nullable BigDecimal total,
			@JacksonXmlElementWrapper(localName = "InvoiceLines") @JacksonXmlProperty(
					localName = "InvoiceLine") @JsonProperty("InvoiceLines") @JsonAlias("Lines") @Nullable List<Line> invoiceLines) {

		static Invoice of(SupplierInvoice invoice) {
			return new Invoice(invoice.invoiceNumber(), invoice.orderId(), invoice.purchaseOrderNumber(),
					invoice.accountCode(), invoice.date(), invoice.notes(), WireShipping.of(invoice.shipping()),
					invoice.paymentDue(), invoice.freight(), invoice.tax(), invoice.total(),
					invoice.lines().stream().map(Line::of).toList());
		}

	}

	/**
	 * Connect's Shipping.
	 */
	record WireShipping(@JsonProperty("Name") @Nullable String name,
			@JsonProperty("Address") @Nullable WireAddress address, @JsonProperty("Carrier") @Nullable String carrier,
			@JsonProperty("TrackingId") @Nullable String trackingId) {

		static @Nullable WireShipping of(@Nullable Shipping shipping) {
			return (shipping != null) ? new WireShipping(shipping.name(), WireAddress.of(shipping.address()),
					shipping.carrier(), shipping.trackingId()) : null;
		}

		Shipping toDomain() {
			return new Shipping(this.name, (this.address != null) ? this.address.toDomain() : null, this.carrier,
					this.trackingId);
		}

	}

	/**
	 * Connect's Address; the postcode is text.
	 */
	record WireAddress(@JsonProperty("AddressLine1") @Nullable String addressLine1,
			@JsonProperty("AddressLine2") @Nullable String addressLine2,
			@JsonProperty("Suburb") @Nullable String suburb, @JsonProperty("State") @Nullable String state,
			@JsonProperty("Postcode") @Nullable String postcode, @JsonProperty("Country") @Nullable String country) {

		static @Nullable WireAddress of(@Nullable Address address) {
			return (address != null) ? new WireAddress(address.addressLine1(), address.addressLine2(), address.suburb(),
					address.state(), address.postcode(), address.country()) : null;
		}

		Address toDomain() {
			return new Address(this.addressLine1, this.addressLine2, this.suburb, this.state, this.postcode,
					this.country);
		}

	}

	/**
	 * Connect's InvoiceLine.
	 */
	record Line(@JsonProperty("ProductCode") @Nullable String productCode,
			@JsonProperty("Description") @Nullable String description,
			@JsonProperty("QuantityOrdered") @Nullable Integer quantityOrdered,
			@JsonProperty("QuantityShipped") @Nullable Integer quantityShipped,
			@JsonProperty("PurchaseOrderNumber") @Nullable String purchaseOrderNumber,
			@JsonProperty("Price") @Nullable BigDecimal price,
			@JsonProperty("ListPrice") @Nullable BigDecimal listPrice, @JsonProperty("RRP") @Nullable BigDecimal rrp,
			@JsonProperty("Tax") @Nullable BigDecimal tax, @JsonProperty("Batch") @Nullable String batch,
			@JsonProperty("Expiry") @Nullable LocalDate expiry,
			@JsonProperty("MiscellaneousItem") @Nullable Boolean miscellaneousItem) {

		static Line of(InvoiceLineDetails line) {
			return new Line(line.productCode(), line.description(), line.quantityOrdered(), line.quantityShipped(),
					line.purchaseOrderNumber(), line.price(), line.listPrice(), line.rrp(), line.tax(), line.batch(),
					line.expiry(), line.miscellaneousItem());
		}

	}

	/**
	 * An error, as ASP.NET Web API writes one: {@code {"Message": "..."}}, in XML
	 * {@code <Error><Message>...</Message></Error>}.
	 */
	@JacksonXmlRootElement(localName = "Error")
	record Error(@JsonProperty("Message") @Nullable String message) {

	}

}
