/**
 * The application clock.
 */
@NullMarked
package org.vetbill.shared.time;

import org.jspecify.annotations.NullMarked;
