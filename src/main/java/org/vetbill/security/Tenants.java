package org.vetbill.security;

import java.util.List;

import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.shared.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboards a tenant: the organization and its first credential, in one transaction.
 */
@Service
public class Tenants {

	private final Organizations organizations;

	private final Credentials credentials;

	Tenants(Organizations organizations, Credentials credentials) {
		this.organizations = organizations;
		this.credentials = credentials;
	}

	/**
	 * Creates an organization with an API client {@code admin} holding every permission.
	 * @param provetId the public tenant id
	 * @param settings the organization's settings
	 * @return the organization and the client's secret, shown once
	 */
	@Transactional
	public CreatedTenant create(String provetId, OrganizationSettings settings) {
		Organization organization = this.organizations.create(provetId, settings);
		Credentials.IssuedApiClient client = this.credentials.createApiClient(Caller.system(organization.id(), "admin"),
				new Credentials.NewApiClient("Administrator", "admin", List.of("read", "billing", "settings")));
		return new CreatedTenant(organization, client);
	}

	/**
	 * A created organization and its first API client.
	 *
	 * @param organization the organization
	 * @param apiClient the client and its secret (shown once)
	 */
	public record CreatedTenant(Organization organization, Credentials.IssuedApiClient apiClient) {
	}

}
