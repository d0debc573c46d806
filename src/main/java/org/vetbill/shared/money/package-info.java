/**
 * Money: amounts at their currency's scale, rounding in one place, exact allocation.
 */
@NullMarked
package org.vetbill.shared.money;

import org.jspecify.annotations.NullMarked;
