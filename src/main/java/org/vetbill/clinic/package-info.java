/**
 * Clinic master data: organizations (tenants) and their settings, departments with their
 * financial settings (period lock), clients, patients, VAT groups, items and
 * consultations with their charged items. Invoices are built from this data by the
 * invoicing module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.vetbill.clinic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
