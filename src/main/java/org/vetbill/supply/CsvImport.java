package org.vetbill.supply;

/**
 * What a CSV import recorded.
 *
 * @param records the orders or invoices
 * @param lines their lines
 */
public record CsvImport(int records, int lines) {

}
