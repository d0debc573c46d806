package org.vetbill.api.vetbill;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.access.BillingAccess;
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
 * The patient records of vetbill's own API: list, create, read and merge-patch.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/patients")
class PatientController {

	private final Patients service;

	private final MergePatch mergePatch;

	PatientController(Patients service, MergePatch mergePatch) {
		this.service = service;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	@ReadAccess
	Page<Patient> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(name = "client_id", required = false) @Nullable Long clientId) {
		return this.service.list(caller, PageRequest.of(after, limit), clientId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Patient create(Caller caller, @RequestBody PatientDetails details) {
		return this.service.create(caller, details);
	}

	@GetMapping("/{id}")
	@ReadAccess
	Patient get(Caller caller, @PathVariable long id) {
		return this.service.get(caller, id);
	}

	@PatchMapping("/{id}")
	@BillingAccess
	Patient patch(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Patient current = this.service.get(caller, id);
		PatientDetails merged = this.mergePatch.apply(current.details(), patch, PatientDetails.class);
		return this.service.update(caller, id, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

}
