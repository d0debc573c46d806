/**
 * vetbill's own API ({@code /{provet_id}/vetbill/v1}): master data, invoices and money at
 * the clinic, as JSON in snake_case with RFC 9457 problem details. It translates only:
 * requests to the core's commands, the core's views to JSON; its errors are worded with
 * the default catalogs ({@code messages/errors/}).
 */
@NullMarked
package org.vetbill.api.vetbill;

import org.jspecify.annotations.NullMarked;
