package org.vetbill.api.vetbill;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.access.SettingsAccess;
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
 * Departments and their financial settings.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/departments")
class DepartmentController {

	private final Departments departments;

	private final MergePatch mergePatch;

	DepartmentController(Departments departments, MergePatch mergePatch) {
		this.departments = departments;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	@ReadAccess
	Page<Department> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable Boolean archived) {
		return this.departments.list(caller, PageRequest.of(after, limit), archived);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	Department create(Caller caller, @RequestBody DepartmentDetails details) {
		return this.departments.create(caller, details);
	}

	@GetMapping("/{id}")
	@ReadAccess
	Department get(Caller caller, @PathVariable long id) {
		return this.departments.get(caller, id);
	}

	@PatchMapping("/{id}")
	@SettingsAccess
	Department patch(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Department current = this.departments.get(caller, id);
		DepartmentDetails merged = this.mergePatch.apply(current.details(), patch, DepartmentDetails.class);
		return this.departments.update(caller, id, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

	@GetMapping("/{id}/settings")
	@ReadAccess
	SettingsView settings(Caller caller, @PathVariable long id) {
		return view(caller, this.departments.get(caller, id));
	}

	@PatchMapping("/{id}/settings")
	@SettingsAccess
	SettingsView patchSettings(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Department current = this.departments.get(caller, id);
		DepartmentSettings merged = this.mergePatch.apply(this.departments.settingsInForce(caller, current), patch,
				DepartmentSettings.class);
		return view(caller, this.departments.updateSettings(caller, id,
				MergePatch.expectedVersion(ifMatch, current.version()), merged));
	}

	private SettingsView view(Caller caller, Department department) {
		return new SettingsView(department.id(), department.settings(),
				this.departments.settingsInForce(caller, department).financialPeriodLockDate(), department.version());
	}

	/**
	 * A department's settings with the lock date in force today.
	 *
	 * @param departmentId the department
	 * @param settings the stored settings
	 * @param effectiveFinancialPeriodLockDate the lock in force today (the automatic lock
	 * applied)
	 * @param version the department's version, for {@code If-Match}
	 */
	record SettingsView(long departmentId, @JsonUnwrapped DepartmentSettings settings,
			@Nullable LocalDate effectiveFinancialPeriodLockDate, int version) {
	}

}
