/**
 * Rate limits of the APIs, per API client and endpoint action, as each API publishes
 * them: each authenticated caller (organization and actor) has a budget of requests per
 * rolling minute for each action (HTTP method and the handler's path template), a list
 * request weighs its page size in default pages, and a request over the budget is
 * answered 429 with {@code Retry-After} before its handler (or the idempotency layer)
 * runs. The counters are Bucket4j token buckets kept in memory, in PostgreSQL or in
 * Redis, so that several nodes sharing the database or Redis share one budget. An API
 * joins by declaring a {@link org.vetbill.ratelimit.RateLimitedApi} bean.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "security", "shared" })
package org.vetbill.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
