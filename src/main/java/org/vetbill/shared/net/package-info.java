/**
 * Outbound HTTP: the one guard every request vetbill makes to an address a tenant chose
 * (Connect imports, webhooks) goes through, so none reaches an internal address.
 */
@NullMarked
package org.vetbill.shared.net;

import org.jspecify.annotations.NullMarked;
