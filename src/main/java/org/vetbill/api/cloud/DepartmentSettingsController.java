package org.vetbill.api.cloud;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.web.MergePatch;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code settings/department/<id>/}: a department's financial period lock and payment
 * cancellation setting, read as in force today and changed with PATCH (or PUT) in JSON or
 * form encoding. While the automatic lock is on, a change of the lock date is refused
 * with a validation error.
 */
@RestController
class DepartmentSettingsController {

	private static final String SETTINGS = CloudApi.BASE + "/settings/department/{id}/";

	/** Fields a client may send back from what it read; they are not changed. */
	private static final Set<String> READ_ONLY = Set.of("id", "url", "department", "modified");

	private final Departments departments;

	private final CloudLists lists;

	private final DepartmentSettingsResource resource;

	private final CloudBodies bodies;

	private final MergePatch mergePatch;

	DepartmentSettingsController(Departments departments, CloudLists lists, DepartmentSettingsResource resource,
			CloudBodies bodies, MergePatch mergePatch) {
		this.departments = departments;
		this.lists = lists;
		this.resource = resource;
		this.bodies = bodies;
		this.mergePatch = mergePatch;
	}

	@GetMapping(CloudApi.BASE + "/settings/department/")
	@ReadAccess
	Map<String, @Nullable Object> list(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.resource, request);
	}

	@GetMapping(SETTINGS)
	@ReadAccess
	Map<String, @Nullable Object> get(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.resource, id, request);
	}

	@RequestMapping(path = SETTINGS, method = { RequestMethod.PATCH, RequestMethod.PUT })
	@SettingsAccess
	Map<String, @Nullable Object> change(Caller caller, @PathVariable long id, HttpServletRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		ObjectNode body = this.bodies.read(request);
		READ_ONLY.forEach(body::remove);
		Department current = this.departments.get(caller, id);
		DepartmentSettings merged = this.mergePatch.apply(this.departments.settingsInForce(caller, current), body,
				DepartmentSettings.class);
		Department changed = this.departments.updateSettings(caller, id,
				MergePatch.expectedVersion(ifMatch, current.version()), merged);
		return this.lists.write(caller, this.resource,
				new DepartmentSettingsResource.InForce(changed, this.departments.settingsInForce(caller, changed)),
				request);
	}

}
