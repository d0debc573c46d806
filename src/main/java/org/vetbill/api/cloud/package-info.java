/**
 * The Cloud API dialect ({@code /{provet_id}/api/0.1/}): the Provet Cloud REST API's
 * resources, Django REST framework conventions (trailing slashes, hyperlinked relations,
 * {@code field__op} filters, numbered pages, {@code expose_<relation>}, DRF error bodies)
 * over the core modules' use cases. No rule and no SQL here.
 */
@NullMarked
package org.vetbill.api.cloud;

import org.jspecify.annotations.NullMarked;
