package org.vetbill.api.vetbill;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.domain.ItemDetails;
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
 * The item records of vetbill's own API: list, create, read and merge-patch.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/items")
class ItemController {

	private final Items service;

	private final MergePatch mergePatch;

	ItemController(Items service, MergePatch mergePatch) {
		this.service = service;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	@ReadAccess
	Page<Item> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable Boolean archived) {
		return this.service.list(caller, PageRequest.of(after, limit), search, archived);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	Item create(Caller caller, @RequestBody ItemDetails details) {
		return this.service.create(caller, details);
	}

	@GetMapping("/{id}")
	@ReadAccess
	Item get(Caller caller, @PathVariable long id) {
		return this.service.get(caller, id);
	}

	@PatchMapping("/{id}")
	@SettingsAccess
	Item patch(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Item current = this.service.get(caller, id);
		ItemDetails merged = this.mergePatch.apply(current.details(), patch, ItemDetails.class);
		return this.service.update(caller, id, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

}
