package org.vetbill.clinic;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * An item charged during a consultation.
 *
 * @param id the id
 * @param consultationId the consultation it was charged in (left out of vetbill's own
 * representation, where the item is nested in its consultation)
 * @param itemId the catalog item
 * @param patientId the patient it was for
 * @param name the name to invoice it under
 * @param quantity how many
 * @param unitPrice the price overriding the item's, or null
 * @param percentageChange discount (negative) or surcharge (positive) in percent
 * @param created when it was charged
 * @param modified when it last changed
 */
public record ConsultationItem(long id, @JsonIgnore long consultationId, long itemId, @Nullable Long patientId,
		String name, BigDecimal quantity, @Nullable BigDecimal unitPrice, BigDecimal percentageChange, Instant created,
		Instant modified) {

}
