package org.vetbill.api.vetbill;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.InvoicingDetails;
import org.vetbill.clinic.PhoneNumber;
import org.vetbill.clinic.PhoneNumbers;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.ClientInvoicing;
import org.vetbill.clinic.domain.PhoneNumberDetails;
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
 * The client records of vetbill's own API: list, create, read and merge-patch, and each
 * client's phone numbers.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/clients")
class ClientController {

	private final Clients service;

	private final MergePatch mergePatch;

	private final PhoneNumbers phoneNumbers;

	private final InvoicingDetails invoicing;

	ClientController(Clients service, MergePatch mergePatch, PhoneNumbers phoneNumbers, InvoicingDetails invoicing) {
		this.service = service;
		this.mergePatch = mergePatch;
		this.phoneNumbers = phoneNumbers;
		this.invoicing = invoicing;
	}

	@GetMapping
	@ReadAccess
	Page<Client> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable Boolean archived) {
		return this.service.list(caller, PageRequest.of(after, limit), search, archived);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Client create(Caller caller, @RequestBody ClientDetails details) {
		return this.service.create(caller, details);
	}

	@GetMapping("/{id}")
	@ReadAccess
	Client get(Caller caller, @PathVariable long id) {
		return this.service.get(caller, id);
	}

	@PatchMapping("/{id}")
	@BillingAccess
	Client patch(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Client current = this.service.get(caller, id);
		ClientDetails merged = this.mergePatch.apply(current.details(), patch, ClientDetails.class);
		return this.service.update(caller, id, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

	/** How the client's invoices reach them: language, email or e-invoice, addresses. */
	@GetMapping("/{id}/invoicing")
	@ReadAccess
	ClientInvoicing invoicing(Caller caller, @PathVariable long id) {
		return this.invoicing.client(caller, id);
	}

	/** Merge-patches how the client's invoices reach them. */
	@PatchMapping("/{id}/invoicing")
	@BillingAccess
	ClientInvoicing patchInvoicing(Caller caller, @PathVariable long id, @RequestBody JsonNode patch) {
		ClientInvoicing merged = this.mergePatch.apply(this.invoicing.client(caller, id), patch, ClientInvoicing.class);
		return this.invoicing.updateClient(caller, id, merged);
	}

	@GetMapping("/{id}/phone-numbers")
	@ReadAccess
	List<PhoneNumber> phoneNumbers(Caller caller, @PathVariable long id) {
		return this.phoneNumbers.ofClient(caller, this.service.get(caller, id).id());
	}

	@PostMapping("/{id}/phone-numbers")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	PhoneNumber addPhoneNumber(Caller caller, @PathVariable long id, @RequestBody NewPhoneNumber body) {
		return this.phoneNumbers.create(caller, new PhoneNumberDetails(this.service.get(caller, id).id(),
				body.typeCode(), body.number(), body.description()));
	}

	/**
	 * A phone number to add to a client; a missing field is refused by the use case.
	 *
	 * @param typeCode 0 other, 1 mobile, 2 home, 3 work
	 * @param number the number
	 * @param description what it is for
	 */
	record NewPhoneNumber(Integer typeCode, String number, @Nullable String description) {
	}

}
