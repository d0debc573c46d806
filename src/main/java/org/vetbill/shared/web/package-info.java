/**
 * HTTP conventions of vetbill's own API: JSON settings and RFC 9457 problem details.
 */
@NullMarked
package org.vetbill.shared.web;

import org.jspecify.annotations.NullMarked;
