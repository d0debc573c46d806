package org.vetbill.api.vetbill;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.InvoicingDetails;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.SellerDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.shared.web.MergePatch;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own organization and its settings.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/organization")
class OrganizationController {

	private final Organizations organizations;

	private final MergePatch mergePatch;

	private final InputValidator validator;

	private final InvoicingDetails invoicing;

	OrganizationController(Organizations organizations, MergePatch mergePatch, InputValidator validator,
			InvoicingDetails invoicing) {
		this.organizations = organizations;
		this.invoicing = invoicing;
		this.mergePatch = mergePatch;
		this.validator = validator;
	}

	@GetMapping
	@ReadAccess
	Organization get(Caller caller) {
		return this.organizations.get(caller.organizationId());
	}

	@PatchMapping
	@SettingsAccess
	Organization patch(Caller caller, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Organization current = this.organizations.get(caller.organizationId());
		OrganizationSettings merged = this.mergePatch.apply(current.settings(), patch, OrganizationSettings.class);
		return this.organizations.update(caller, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

	/**
	 * The organization as the seller on its invoices: business id, VAT number, address,
	 * contact, bank account, e-invoice address and the default language of documents.
	 */
	@GetMapping("/seller")
	@ReadAccess
	SellerDetails seller(Caller caller) {
		return this.invoicing.seller(caller.organizationId());
	}

	/** Merge-patches the organization's details as the seller. */
	@PatchMapping("/seller")
	@SettingsAccess
	SellerDetails patchSeller(Caller caller, @RequestBody JsonNode patch) {
		SellerDetails merged = this.mergePatch.apply(this.invoicing.seller(caller.organizationId()), patch,
				SellerDetails.class);
		return this.invoicing.updateSeller(caller, merged);
	}

	/**
	 * Moves the hard lock date forward; the answer is the organization with its
	 * {@code hard_lock_date}.
	 */
	@PutMapping("/hard-lock")
	@SettingsAccess
	Organization moveHardLock(Caller caller, @RequestBody HardLockRequest request) {
		this.validator.validate(request);
		return this.organizations.moveHardLock(caller, request.hardLockDate());
	}

	/**
	 * A new hard lock date.
	 *
	 * @param hardLockDate nothing may be dated before it
	 */
	record HardLockRequest(@NotNull LocalDate hardLockDate) {
	}

}
