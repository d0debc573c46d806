/**
 * Demo data for trying vetbill out: a clinic group with two departments, clients of every
 * customer type, patients, VAT groups, items, consultations and about 500 invoices over
 * the last 18 months in every status, with fixed credentials. Loaded by the run command
 * on an empty database; depends on the core modules, none depends on it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "clinic", "clinic :: domain", "invoicing", "invoicing :: domain", "payments",
		"payments :: domain", "security", "shared", "supply", "supply :: domain" })
package org.vetbill.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
