/**
 * The API dialects: thin translations between a published API document and the core
 * modules' use cases. Each dialect lives in its own package and never uses another's.
 */
@NullMarked
package org.vetbill.api;

import org.jspecify.annotations.NullMarked;
