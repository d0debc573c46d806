/**
 * Permissions and the annotations that require them on an endpoint.
 */
@NullMarked
package org.vetbill.shared.access;

import org.jspecify.annotations.NullMarked;
