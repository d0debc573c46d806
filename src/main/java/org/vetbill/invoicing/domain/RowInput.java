package org.vetbill.invoicing.domain;

import java.math.BigDecimal;

/**
 * What a row's figures are computed from.
 *
 * @param unitPrice the unit price, net or gross as the invoice's price mode says
 * @param quantity the quantity
 * @param percentageChange discount (negative) or surcharge (positive) in percent
 * @param vatPercentage the VAT rate in percent
 */
public record RowInput(BigDecimal unitPrice, BigDecimal quantity, BigDecimal percentageChange,
		BigDecimal vatPercentage) {

}
