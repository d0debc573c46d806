/**
 * vetbill. Each top-level package is an application module, packaged by feature; module
 * boundaries are verified by {@code ModularityTests}.
 */
@NullMarked
package org.vetbill;

import org.jspecify.annotations.NullMarked;
