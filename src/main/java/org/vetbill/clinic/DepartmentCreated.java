package org.vetbill.clinic;

/**
 * Published, inside the creating transaction, when a department is created.
 *
 * @param organizationId the organization
 * @param departmentId the new department
 */
public record DepartmentCreated(long organizationId, long departmentId) {

}
