/**
 * Changes the core modules announce, for the integrations that subscribe to them (the
 * webhooks module). The core only declares what changed; it never knows who listens.
 */
@NullMarked
package org.vetbill.shared.events;

import org.jspecify.annotations.NullMarked;
