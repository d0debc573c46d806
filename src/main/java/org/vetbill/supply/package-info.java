/**
 * The supply side of a practice: suppliers (wholesalers), the accounts held with them,
 * their products, electronic orders and supplier invoices (each also an advance shipping
 * notice). An organization may sell (record orders and invoices, which its enrolled
 * practices read) or buy (import its suppliers' invoices from a Connect endpoint and see
 * its order lines received).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.vetbill.supply;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
