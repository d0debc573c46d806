package org.vetbill.supply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new supplier.
 *
 * @param name its name
 */
public record SupplierDetails(@NotBlank @Size(max = 200) String name) {

}
