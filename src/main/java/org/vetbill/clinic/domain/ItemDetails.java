package org.vetbill.clinic.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Within;

/**
 * A billable item of the catalog (medicine, procedure, supply, fee) with the accounts and
 * reporting dimensions its invoice rows are posted to.
 *
 * @param code the clinic's own code, unique within the organization
 * @param name the name printed on invoices
 * @param price unit price, net or gross as the organization's {@code pricesIncludeVat}
 * says; up to 4 decimals
 * @param vatGroupId the VAT group
 * @param accountNumber revenue GL account
 * @param internalAccountNumber secondary or internal GL account
 * @param reportingDimension1 reporting dimension 1 (cost centre, ...)
 * @param reportingDimension2 reporting dimension 2
 * @param reportingDimension3 reporting dimension 3
 * @param internalReportingDimension1 internal reporting dimension 1
 * @param internalReportingDimension2 internal reporting dimension 2
 * @param archived whether the item is archived
 * @param typeCode the kind of item ({@link ItemType}); null when not given, which the
 * catalog stores as a procedure
 */
public record ItemDetails(@Nullable @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
		@NotNull @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 15, fraction = 4) BigDecimal price,
		@NotNull Long vatGroupId, @Nullable @Size(max = 50) String accountNumber,
		@Nullable @Size(max = 50) String internalAccountNumber, @Nullable @Size(max = 100) String reportingDimension1,
		@Nullable @Size(max = 100) String reportingDimension2, @Nullable @Size(max = 100) String reportingDimension3,
		@Nullable @Size(max = 100) String internalReportingDimension1,
		@Nullable @Size(max = 100) String internalReportingDimension2, boolean archived,
		@Nullable @Min(1) @Max(4) Integer typeCode) {

	/**
	 * The same item of another kind.
	 * @param type the kind
	 * @return the item's details with that type
	 */
	public ItemDetails withType(ItemType type) {
		return new ItemDetails(this.code, this.name, this.price, this.vatGroupId, this.accountNumber,
				this.internalAccountNumber, this.reportingDimension1, this.reportingDimension2,
				this.reportingDimension3, this.internalReportingDimension1, this.internalReportingDimension2,
				this.archived, type.code());
	}

	/**
	 * The kind of item, a procedure when none was given.
	 * @return the kind
	 */
	public ItemType type() {
		ItemType type = (this.typeCode != null) ? ItemType.ofCode(this.typeCode) : null;
		return (type != null) ? type : ItemType.PROCEDURE;
	}

	/**
	 * The same item, archived or restored.
	 * @param archived whether archived
	 * @return the item's details with that flag
	 */
	public ItemDetails withArchived(boolean archived) {
		return new ItemDetails(this.code, this.name, this.price, this.vatGroupId, this.accountNumber,
				this.internalAccountNumber, this.reportingDimension1, this.reportingDimension2,
				this.reportingDimension3, this.internalReportingDimension1, this.internalReportingDimension2, archived,
				this.typeCode);
	}

}
