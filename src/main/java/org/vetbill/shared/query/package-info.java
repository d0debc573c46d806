/**
 * List queries as every API asks them: a {@link org.vetbill.shared.query.Search} of
 * filter criteria (a field, an operator, a value), an order, and a window of the list
 * (after an id, or at an offset and counted). The modules that own the data turn searches
 * into SQL; each API builds them from its own parameters.
 */
@NullMarked
package org.vetbill.shared.query;

import org.jspecify.annotations.NullMarked;
