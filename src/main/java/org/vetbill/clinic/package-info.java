/**
 * Clinic master data: organizations (tenants) and their settings, departments with their
 * financial settings (period lock), clients, patients, VAT groups, items and
 * consultations with their charged items. Invoices are built from this data by the
 * invoicing module.
 */
@NullMarked
package org.vetbill.clinic;

import org.jspecify.annotations.NullMarked;
