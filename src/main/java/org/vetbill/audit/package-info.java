/**
 * The append-only audit log: every state change of billing and master data, with who made
 * it, when, and the state before and after. Other modules record into it in their own
 * transaction.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package org.vetbill.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
