package org.vetbill.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.shared.error.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform operator's API: creating organizations (tenants). Creating one also
 * registers its first API client, with every permission, whose secret is returned once.
 */
@RestController
@RequestMapping("/admin/v1/organizations")
class AdminController {

	private final Organizations organizations;

	private final Tenants tenants;

	AdminController(Organizations organizations, Tenants tenants) {
		this.organizations = organizations;
		this.tenants = tenants;
	}

	@GetMapping
	List<Organization> list() {
		return this.organizations.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Tenants.CreatedTenant create(@RequestBody NewOrganization request) {
		String provetId = request.provetId();
		if (provetId == null) {
			throw InvalidInput.of("provetId", "provet_id_required");
		}
		return this.tenants.create(provetId,
				new OrganizationSettings(request.name(), request.currency(), request.country(), request.timeZone(),
						request.referenceNumberFormat(), request.pricesIncludeVat(),
						request.defaultPaymentTermsDays()));
	}

	/**
	 * An organization to create: its public id and its settings.
	 *
	 * @param provetId its public id (digits)
	 * @param name see {@link OrganizationSettings}
	 * @param currency see {@link OrganizationSettings}
	 * @param country see {@link OrganizationSettings}
	 * @param timeZone see {@link OrganizationSettings}
	 * @param referenceNumberFormat see {@link OrganizationSettings}
	 * @param pricesIncludeVat see {@link OrganizationSettings}
	 * @param defaultPaymentTermsDays see {@link OrganizationSettings}
	 */
	record NewOrganization(@Nullable String provetId, String name, String currency, String country, String timeZone,
			ReferenceNumberFormat referenceNumberFormat, Boolean pricesIncludeVat, Integer defaultPaymentTermsDays) {
	}

}
