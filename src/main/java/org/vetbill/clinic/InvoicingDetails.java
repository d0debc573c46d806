package org.vetbill.clinic;

import java.time.Clock;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.ClientInvoicing;
import org.vetbill.clinic.domain.SellerDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What invoice documents need beyond the money: the organization as the seller, and how
 * each client's invoices reach them. Changes are audited.
 */
@Service
public class InvoicingDetails {

	private final InvoicingDetailsRepository details;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	InvoicingDetails(InvoicingDetailsRepository details, InputValidator validator, AuditLog audit, Clock clock) {
		this.details = details;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The organization's details as the seller.
	 * @param organizationId the organization
	 * @return its details
	 */
	@Transactional(readOnly = true)
	public SellerDetails seller(long organizationId) {
		return this.details.seller(organizationId).orElseThrow(() -> new NotFound("organization", organizationId));
	}

	/**
	 * Replaces the organization's details as the seller.
	 * @param caller the caller, scoped to the organization
	 * @param requested the new details (IBAN and BIC may have spaces)
	 * @return the details as kept
	 */
	@Transactional
	public SellerDetails updateSeller(Caller caller, SellerDetails requested) {
		SellerDetails details = requested.normalized();
		this.validator.validate(details, details::problems);
		SellerDetails before = seller(caller.organizationId());
		if (!before.equals(details)) {
			this.details.updateSeller(caller.organizationId(), details, Timestamps.now(this.clock));
			this.audit.record(caller, "organization.seller_updated", "organization", caller.organizationId(), before,
					details);
		}
		return details;
	}

	/**
	 * How a client's invoices reach them.
	 * @param caller the caller, scoped to the organization
	 * @param clientId the client
	 * @return its details
	 */
	@Transactional(readOnly = true)
	public ClientInvoicing client(Caller caller, long clientId) {
		return this.details.client(caller.organizationId(), clientId)
			.orElseThrow(() -> new NotFound("client", clientId));
	}

	/**
	 * Replaces how a client's invoices reach them.
	 * @param caller the caller, scoped to the organization
	 * @param clientId the client
	 * @param details the new details
	 * @return the details as kept
	 */
	@Transactional
	public ClientInvoicing updateClient(Caller caller, long clientId, ClientInvoicing details) {
		this.validator.validate(details, details::problems);
		ClientInvoicing before = client(caller, clientId);
		if (!before.equals(details)) {
			this.details.updateClient(caller.organizationId(), clientId, details, Timestamps.now(this.clock));
			this.audit.record(caller, "client.invoicing_updated", "client", clientId, before, details);
		}
		return details;
	}

}
