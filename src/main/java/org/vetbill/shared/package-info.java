/**
 * Small cross-cutting types every module may use: money and its rounding, the caller of a
 * use case, the clock, business errors and the HTTP conventions of vetbill's own API. An
 * open module.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.vetbill.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
