/**
 * The Clinic API dialect ({@code /invoice/}, {@code /token}): a FastAPI-style invoice API
 * whose tenant comes from the token, with FastAPI's OAuth2 password flow and its error
 * bodies ({@code {"detail": ...}}, validation errors as 422 lists of {@code loc},
 * {@code msg}, {@code type}) over the core modules' use cases. No rule and no SQL here.
 */
@NullMarked
package org.vetbill.api.clinic;

import org.jspecify.annotations.NullMarked;
