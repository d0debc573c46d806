package org.vetbill.api.vetbill;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Consultation;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.shared.web.MergePatch;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultations and their charged items. Finalizing one (which creates its invoice) is
 * served by the invoicing module at {@code /consultations/{id}/finalize}.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/consultations")
class ConsultationController {

	private final Consultations consultations;

	private final MergePatch mergePatch;

	ConsultationController(Consultations consultations, MergePatch mergePatch) {
		this.consultations = consultations;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	@ReadAccess
	Page<Consultation> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(name = "client_id", required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Integer status) {
		return this.consultations.list(caller, PageRequest.of(after, limit), clientId, status);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Consultation create(Caller caller, @RequestBody NewConsultation command) {
		return this.consultations.create(caller, command);
	}

	@GetMapping("/{id}")
	@ReadAccess
	Consultation get(Caller caller, @PathVariable long id) {
		return this.consultations.get(caller, id);
	}

	@PostMapping("/{id}/items")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Consultation addItem(Caller caller, @PathVariable long id, @RequestBody ChargedItem charge) {
		return this.consultations.addItem(caller, id, charge);
	}

	@PatchMapping("/{id}/items/{itemId}")
	@BillingAccess
	Consultation patchItem(Caller caller, @PathVariable long id, @PathVariable long itemId,
			@RequestBody JsonNode patch) {
		ChargedItem merged = this.mergePatch.apply(this.consultations.currentCharge(caller, id, itemId), patch,
				ChargedItem.class);
		return this.consultations.updateItem(caller, id, itemId, merged);
	}

	@DeleteMapping("/{id}/items/{itemId}")
	@BillingAccess
	Consultation removeItem(Caller caller, @PathVariable long id, @PathVariable long itemId) {
		return this.consultations.removeItem(caller, id, itemId);
	}

}
