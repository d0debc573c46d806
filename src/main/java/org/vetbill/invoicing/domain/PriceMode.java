package org.vetbill.invoicing.domain;

/**
 * Whether unit prices are net (VAT added per row) or gross (VAT derived from the row's
 * gross).
 */
public enum PriceMode {

	/** Prices exclude VAT. */
	NET,

	/** Prices include VAT. */
	GROSS;

	public static PriceMode of(boolean pricesIncludeVat) {
		return pricesIncludeVat ? GROSS : NET;
	}

}
