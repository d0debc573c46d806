/**
 * Idempotent POSTs: a request with an {@code Idempotency-Key} header runs in one
 * transaction together with the record of its answer, so a retry with the same key and
 * body gets the first answer again and moves no money twice, and the same key with
 * another body is refused.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "security", "shared" })
package org.vetbill.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
