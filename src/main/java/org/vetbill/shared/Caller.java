package org.vetbill.shared;

/**
 * Who is calling a use case: the organization (tenant) the call is scoped to and the
 * actor recorded in the audit log.
 *
 * @param organizationId the tenant's internal id
 * @param actor who acts, such as {@code client:erp} or {@code user:frontdesk}
 */
public record Caller(long organizationId, String actor) {

	/**
	 * vetbill itself acting for a tenant, as the demo data loader does.
	 * @param organizationId the tenant
	 * @param what the system component
	 * @return the caller
	 */
	public static Caller system(long organizationId, String what) {
		return new Caller(organizationId, "system:" + what);
	}

}
