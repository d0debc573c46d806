/**
 * Clinic master data rules, free of frameworks: customer types, the financial period
 * lock, validation of clients, items and organization settings.
 */
@NullMarked
@NamedInterface("domain")
package org.vetbill.clinic.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
