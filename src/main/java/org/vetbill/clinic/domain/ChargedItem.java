package org.vetbill.clinic.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Within;

/**
 * An item charged to a client: on a consultation, or as a row of a draft invoice.
 *
 * @param itemId the catalog item
 * @param quantity how many, above zero, up to 3 decimals
 * @param unitPrice a price overriding the item's price (net or gross as the
 * organization's prices are), or null for the item's price
 * @param percentageChange a discount (negative, down to -100) or surcharge (positive) in
 * percent, or null for none
 * @param patientId the patient it was for
 * @param name a name overriding the item's name, or null for the item's name
 */
public record ChargedItem(@NotNull Long itemId,
		@NotNull @DecimalMin(value = "0", inclusive = false) @Within(Bound.QUANTITY) @Digits(integer = 12,
				fraction = 3) BigDecimal quantity,
		@Nullable @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
		@Nullable @DecimalMin("-100") @DecimalMax("1000") @Digits(integer = 4,
				fraction = 4) BigDecimal percentageChange,
		@Nullable Long patientId, @Nullable @Size(min = 1, max = 200) String name) {

	public BigDecimal percentageChangeOrZero() {
		return (this.percentageChange == null) ? BigDecimal.ZERO : this.percentageChange;
	}

	/**
	 * This charge as a change of an earlier one: when the item changed, a name or unit
	 * price still equal to the earlier one is dropped, so that the charge takes the new
	 * item's name and price unless the change gives its own.
	 * @param previousItemId the item charged before
	 * @param previousName the name it was charged under
	 * @param previousUnitPrice the unit price it was charged at (null for the item's
	 * price)
	 * @return the charge to apply
	 */
	public ChargedItem replacing(long previousItemId, String previousName, @Nullable BigDecimal previousUnitPrice) {
		// compared boxed: a request may leave the item out, which validation reports
		// later
		if (Long.valueOf(previousItemId).equals(this.itemId)) {
			return this;
		}

		boolean samePrice = this.unitPrice != null && previousUnitPrice != null
				&& this.unitPrice.compareTo(previousUnitPrice) == 0;
		return new ChargedItem(this.itemId, this.quantity, samePrice ? null : this.unitPrice, this.percentageChange,
				this.patientId, previousName.equals(this.name) ? null : this.name);
	}

}
