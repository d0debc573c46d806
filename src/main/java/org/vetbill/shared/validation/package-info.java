/**
 * Validation of use-case input with field names as clients write them.
 */
@NullMarked
package org.vetbill.shared.validation;

import org.jspecify.annotations.NullMarked;
