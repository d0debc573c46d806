/**
 * List queries as every API dialect asks them: filter criteria in the
 * {@code field__operator=value} grammar, offset pages and counted results. The modules
 * that own the data turn criteria into SQL; the dialects only parse them from requests.
 */
@NullMarked
package org.vetbill.shared.query;

import org.jspecify.annotations.NullMarked;
