/**
 * The business errors every module raises and every API dialect translates.
 */
@NullMarked
package org.vetbill.shared.error;

import org.jspecify.annotations.NullMarked;
