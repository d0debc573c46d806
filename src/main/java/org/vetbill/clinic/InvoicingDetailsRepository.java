package org.vetbill.clinic;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.clinic.domain.ClientInvoicing;
import org.vetbill.clinic.domain.ClientInvoicing.InvoiceDelivery;
import org.vetbill.clinic.domain.SellerDetails;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.ORGANIZATION;

/**
 * SQL for what invoice documents need of the organization (the seller) and of a client.
 */
@Repository
class InvoicingDetailsRepository {

	private final DSLContext dsl;

	InvoicingDetailsRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	Optional<SellerDetails> seller(long organizationId) {
		return this.dsl
			.select(ORGANIZATION.BUSINESS_ID, ORGANIZATION.VAT_NUMBER, ORGANIZATION.STREET_ADDRESS,
					ORGANIZATION.ZIP_CODE, ORGANIZATION.CITY, ORGANIZATION.EMAIL, ORGANIZATION.PHONE, ORGANIZATION.IBAN,
					ORGANIZATION.BIC, ORGANIZATION.EINVOICE_ADDRESS_SCHEME, ORGANIZATION.EINVOICE_ADDRESS,
					ORGANIZATION.EINVOICE_OPERATOR, ORGANIZATION.DOCUMENT_LANGUAGE)
			.from(ORGANIZATION)
			.where(ORGANIZATION.ID.eq(organizationId))
			.fetchOptional(
					(r) -> new SellerDetails(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
							r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13()));
	}

	void updateSeller(long organizationId, SellerDetails d, Instant now) {
		this.dsl.update(ORGANIZATION)
			.set(ORGANIZATION.BUSINESS_ID, d.businessId())
			.set(ORGANIZATION.VAT_NUMBER, d.vatNumber())
			.set(ORGANIZATION.STREET_ADDRESS, d.streetAddress())
			.set(ORGANIZATION.ZIP_CODE, d.zipCode())
			.set(ORGANIZATION.CITY, d.city())
			.set(ORGANIZATION.EMAIL, d.email())
			.set(ORGANIZATION.PHONE, d.phone())
			.set(ORGANIZATION.IBAN, d.iban())
			.set(ORGANIZATION.BIC, d.bic())
			.set(ORGANIZATION.EINVOICE_ADDRESS_SCHEME, d.einvoiceAddressScheme())
			.set(ORGANIZATION.EINVOICE_ADDRESS, d.einvoiceAddress())
			.set(ORGANIZATION.EINVOICE_OPERATOR, d.einvoiceOperator())
			.set(ORGANIZATION.DOCUMENT_LANGUAGE, d.documentLanguage())
			.set(ORGANIZATION.MODIFIED, now)
			.set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
			.where(ORGANIZATION.ID.eq(organizationId))
			.execute();
	}

	Optional<ClientInvoicing> client(long organizationId, long clientId) {
		return this.dsl
			.select(CLIENT.DOCUMENT_LANGUAGE, CLIENT.INVOICE_DELIVERY, CLIENT.EINVOICE_ADDRESS_SCHEME,
					CLIENT.EINVOICE_ADDRESS, CLIENT.EINVOICE_OPERATOR, CLIENT.BUYER_REFERENCE)
			.from(CLIENT)
			.where(CLIENT.ORGANIZATION_ID.eq(organizationId))
			.and(CLIENT.ID.eq(clientId))
			.fetchOptional(InvoicingDetailsRepository::client);
	}

	private static ClientInvoicing client(Record r) {
		String delivery = r.get(CLIENT.INVOICE_DELIVERY);
		return new ClientInvoicing(r.get(CLIENT.DOCUMENT_LANGUAGE),
				(delivery == null) ? null : InvoiceDelivery.valueOf(delivery), r.get(CLIENT.EINVOICE_ADDRESS_SCHEME),
				r.get(CLIENT.EINVOICE_ADDRESS), r.get(CLIENT.EINVOICE_OPERATOR), r.get(CLIENT.BUYER_REFERENCE));
	}

	boolean updateClient(long organizationId, long clientId, ClientInvoicing d, Instant now) {
		InvoiceDelivery delivery = d.invoiceDelivery();
		return this.dsl.update(CLIENT)
			.set(CLIENT.DOCUMENT_LANGUAGE, d.documentLanguage())
			.set(CLIENT.INVOICE_DELIVERY, (delivery == null) ? null : delivery.name())
			.set(CLIENT.EINVOICE_ADDRESS_SCHEME, d.einvoiceAddressScheme())
			.set(CLIENT.EINVOICE_ADDRESS, d.einvoiceAddress())
			.set(CLIENT.EINVOICE_OPERATOR, d.einvoiceOperator())
			.set(CLIENT.BUYER_REFERENCE, d.buyerReference())
			.set(CLIENT.MODIFIED, now)
			.set(CLIENT.VERSION, CLIENT.VERSION.plus(1))
			.where(CLIENT.ORGANIZATION_ID.eq(organizationId))
			.and(CLIENT.ID.eq(clientId))
			.execute() > 0;
	}

}
