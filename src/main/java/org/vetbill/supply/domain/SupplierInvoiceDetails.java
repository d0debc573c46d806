package org.vetbill.supply.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Within;

/**
 * A supplier invoice as recorded or imported. Freight, tax and total may be left out:
 * freight is then zero, tax the sum of the lines' tax and total what
 * {@link SupplierInvoiceFigures} adds up; a total that is given must equal that sum.
 *
 * @param invoiceNumber the supplier's invoice number; null to take the supplier's next
 * @param orderId the electronic order the invoice ships, if any
 * @param purchaseOrderNumber the purchase order number of the order
 * @param accountCode the practice's account with the supplier
 * @param date the invoice date
 * @param notes free notes
 * @param shipping how and where the goods travel
 * @param paymentDue when the invoice is due
 * @param freight the freight charge
 * @param tax the tax of the whole invoice
 * @param total lines without tax, freight and tax together
 * @param lines the lines, at least one
 */
public record SupplierInvoiceDetails(@Nullable @Positive Long invoiceNumber, @Nullable @Positive Long orderId,
		@Nullable @Size(max = 100) String purchaseOrderNumber, @NotBlank @Size(max = 50) String accountCode,
		@NotNull LocalDate date, @Nullable @Size(max = 2000) String notes, @Nullable @Valid Shipping shipping,
		@Nullable LocalDate paymentDue,
		@Nullable @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15, fraction = 2) BigDecimal freight,
		@Nullable @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15, fraction = 2) BigDecimal tax,
		@Nullable @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15, fraction = 2) BigDecimal total,
		@NotEmpty List<@Valid @NotNull InvoiceLineDetails> lines) {

}
