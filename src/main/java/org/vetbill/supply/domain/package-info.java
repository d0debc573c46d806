/**
 * Supply rules, free of frameworks: the figures of a supplier invoice and which order
 * lines its shipped quantities fill.
 */
@NullMarked
@NamedInterface("domain")
package org.vetbill.supply.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
