/**
 * Who may call vetbill and for which organization: API clients (OAuth2 client
 * credentials), users (password grant), apps acting for a user (authorization code with
 * PKCE, refresh tokens, revocation, userinfo, and the sign-in and consent pages), legacy
 * API tokens, the per-tenant token endpoint, bearer-token authentication, and the
 * resolution of every request to its tenant. A credential of one organization asking for
 * another's data gets 404.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "clinic", "clinic :: domain", "shared" })
package org.vetbill.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
