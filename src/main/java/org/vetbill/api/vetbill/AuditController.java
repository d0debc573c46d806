package org.vetbill.api.vetbill;

import org.vetbill.audit.AuditVerification;
import org.vetbill.audit.ChainReport;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.web.ApiPaths;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check of the organization's audit chain.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/audit")
class AuditController {

	private final AuditVerification verification;

	AuditController(AuditVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/verification")
	@SettingsAccess
	ChainReport verification(Caller caller) {
		return this.verification.verify(caller.organizationId());
	}

}
