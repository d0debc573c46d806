package org.vetbill.api.vetbill;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.VatGroup;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.shared.web.MergePatch;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vat group records of vetbill's own API: list, create, read and merge-patch.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/vat-groups")
class VatGroupController {

	private final VatGroups service;

	private final MergePatch mergePatch;

	VatGroupController(VatGroups service, MergePatch mergePatch) {
		this.service = service;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	@ReadAccess
	Page<VatGroup> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit) {
		return this.service.list(caller, PageRequest.of(after, limit));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	VatGroup create(Caller caller, @RequestBody VatGroupDetails details) {
		return this.service.create(caller, details);
	}

	@GetMapping("/{id}")
	@ReadAccess
	VatGroup get(Caller caller, @PathVariable long id) {
		return this.service.get(caller, id);
	}

	@PatchMapping("/{id}")
	@SettingsAccess
	VatGroup patch(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		VatGroup current = this.service.get(caller, id);
		VatGroupDetails merged = this.mergePatch.apply(current.details(), patch, VatGroupDetails.class);
		return this.service.update(caller, id, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

}
