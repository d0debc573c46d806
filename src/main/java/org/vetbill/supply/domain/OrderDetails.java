package org.vetbill.supply.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An electronic order placed with a supplier.
 *
 * @param orderId the supplier's electronic order id; null to take the supplier's next
 * (when the supplier records its own orders)
 * @param purchaseOrderNumber the practice's purchase order number
 * @param accountCode the practice's account with the supplier
 * @param lines the lines, at least one
 */
public record OrderDetails(@Nullable @Positive Long orderId, @NotBlank @Size(max = 100) String purchaseOrderNumber,
		@NotBlank @Size(max = 50) String accountCode, @NotEmpty List<@Valid @NotNull OrderLineDetails> lines) {

}
