package org.vetbill.supply;

import java.util.List;

/**
 * A practice reading a supplier's invoices, as its user token identifies it.
 *
 * @param organizationId the supplier's organization
 * @param supplierId the supplier
 * @param practiceId the practice
 * @param name the practice's name
 * @param accountCodes its accounts, whose invoices it may see
 */
public record ConnectPractice(long organizationId, long supplierId, long practiceId, String name,
		List<String> accountCodes) {

}
