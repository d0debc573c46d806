/**
 * The API dialects: thin translations between a published API document and the core
 * modules' use cases. Each dialect lives in its own package and never uses another's.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "apidocs", "audit", "clinic", "clinic :: domain", "documents",
		"documents :: sending", "invoicing", "invoicing :: domain", "payments", "payments :: domain", "ratelimit",
		"security", "shared", "supply", "supply :: domain", "webhooks" })
package org.vetbill.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
