/**
 * The OpenAPI descriptions of vetbill's APIs, served with Swagger UI by springdoc: one
 * group per API (the Cloud API, the Clinic API, vetbill's own API, authentication, the
 * platform admin API), each found by its path pattern, so an endpoint added under an
 * API's path appears in its description without being listed anywhere.
 * {@link ApiDescriptions} builds a group and does what all groups share (tenant path
 * parameter, permissions, tags, operation ids, snake_case schemas); the Cloud and Clinic
 * APIs describe their own resources in their packages.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package org.vetbill.apidocs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
