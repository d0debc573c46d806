package org.vetbill.supply.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Within;

/**
 * A line of a supplier invoice.
 *
 * @param productCode the supplier's product code (null for a miscellaneous item)
 * @param description what the line is
 * @param quantityOrdered the quantity the order asked for
 * @param quantityShipped the quantity shipped with this invoice
 * @param purchaseOrderNumber the purchase order number of the order
 * @param price the unit price without tax, up to 4 decimals
 * @param listPrice the supplier's list price
 * @param rrp the recommended retail price
 * @param tax the tax of the whole line (not per unit), in cents
 * @param batch the batch number
 * @param expiry the batch's expiry date
 * @param miscellaneousItem whether the product is a one-off item that is neither stocked
 * nor orderable
 */
public record InvoiceLineDetails(@Nullable @Size(max = 50) String productCode,
		@Nullable @Size(max = 500) String description, @Min(0) int quantityOrdered, @Min(0) int quantityShipped,
		@Nullable @Size(max = 100) String purchaseOrderNumber,
		@NotNull @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 13, fraction = 4) BigDecimal price,
		@Nullable @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 13, fraction = 4) BigDecimal listPrice,
		@Nullable @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 13, fraction = 4) BigDecimal rrp,
		@NotNull @DecimalMin("0") @Within(Bound.AMOUNT) @Digits(integer = 15, fraction = 2) BigDecimal tax,
		@Nullable @Size(max = 100) String batch, @Nullable LocalDate expiry, boolean miscellaneousItem) {

}
