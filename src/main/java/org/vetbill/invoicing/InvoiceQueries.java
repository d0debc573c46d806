package org.vetbill.invoicing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patients;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Search;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads invoices with their rows. Every API searches them the same way: a {@link Search}
 * over the invoice fields below, in any order, by offset (counted) or after an id. A page
 * costs a fixed number of queries whatever its size.
 * <p>
 * Invoices are searched on {@code id}, {@code status}, {@code invoiceNumber},
 * {@code invoicePrefix}, {@code referenceNumber}, {@code additionalReference},
 * {@code invoiceDate}, {@code invoiceDueDate}, {@code created}, {@code modified},
 * {@code datePaid}, {@code clientId}, {@code departmentId}, {@code consultationId},
 * {@code creditNoteOriginalInvoiceId}, {@code creditNote}, {@code countersale},
 * {@code total}, {@code totalVat}, {@code totalWithVat}, {@code paidAmount},
 * {@code dueSum}, {@code discountAmount}, the payer's {@code payerName},
 * {@code payerOrganizationName}, {@code payerVatNumber}, {@code payerRegisterNumber},
 * {@code payerCountryCode}, {@code payerCity}, {@code payerZipCode}, {@code remarks}; and
 * with {@code is} only, on {@value #TEXT} (document number, payer, client's or patient's
 * name), {@value #TAG}, {@value #FOR_PATIENT} (the invoice's or a row's patient),
 * {@value #APPOINTMENT} (the consultation it refers to or was made from) and
 * {@value #STATE} (an {@link org.vetbill.invoicing.domain.InvoiceState} name). Each of
 * the columns can be sorted by. Rows are searched on {@code id}, {@code invoiceId},
 * {@code itemId}, {@code patientId}, {@code consultationItemId}, {@code vatGroupId},
 * {@code creditedInvoiceRowId}, {@code name}, {@code quantity}, {@code price},
 * {@code priceWithVat}, {@code percentageChange}, {@code vatPercentage},
 * {@code discountAmount}, {@code sum}, {@code sumVat}, {@code sumTotal},
 * {@code accountNumber}, {@code reportingDimension1} to {@code 3}, {@code created} and
 * {@code modified}, by offset in id order.
 */
@Service
public class InvoiceQueries {

	/** Text in the document number, the payer's, client's or a patient's name. */
	public static final String TEXT = InvoiceSearchStore.TEXT;

	/** A tag the invoice has. */
	public static final String TAG = InvoiceSearchStore.TAG;

	/** The invoice's patient or a patient of its rows, by id. */
	public static final String FOR_PATIENT = InvoiceSearchStore.FOR_PATIENT;

	/** The consultation the invoice refers to or was made from, by id. */
	public static final String APPOINTMENT = InvoiceSearchStore.APPOINTMENT;

	/** The invoice's state, by name. */
	public static final String STATE = InvoiceSearchStore.STATE;

	/** Matches of a name search taken into account, at most. */
	private static final int NAME_MATCHES = 1000;

	private final InvoiceReadStore invoices;

	private final RowReadStore rows;

	private final InvoiceStore headers;

	private final Organizations organizations;

	private final Clients clients;

	private final Patients patients;

	InvoiceQueries(InvoiceReadStore invoices, RowReadStore rows, InvoiceStore headers, Organizations organizations,
			Clients clients, Patients patients) {
		this.invoices = invoices;
		this.rows = rows;
		this.headers = headers;
		this.organizations = organizations;
		this.clients = clients;
		this.patients = patients;
	}

	@Transactional(readOnly = true)
	public InvoiceView get(Caller caller, long id) {
		return this.invoices.view(caller, id, organization(caller).currency())
			.orElseThrow(() -> new NotFound("invoice", id));
	}

	/**
	 * The id of the invoice with a UUID.
	 * @param caller the caller
	 * @param uuid the UUID
	 * @return the id
	 * @throws NotFound when the organization has no such invoice
	 */
	@Transactional(readOnly = true)
	public long idOf(Caller caller, UUID uuid) {
		return this.headers.idOf(caller, uuid).orElseThrow(() -> new NotFound("invoice", uuid.toString()));
	}

	/**
	 * The invoices a search asks for.
	 * @param caller the caller
	 * @param search the filters, order and window
	 * @return the invoices, counted for an offset window
	 */
	@Transactional(readOnly = true)
	public Found<InvoiceView> search(Caller caller, Search search) {
		Organization organization = organization(caller);
		return this.invoices.search(caller, search, organization.zone(), organization.currency(),
				names(caller, search));
	}

	/**
	 * The invoices with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the invoices, in id order
	 */
	@Transactional(readOnly = true)
	public List<InvoiceView> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.invoices.views(caller, ids, organization(caller).currency());
	}

	/**
	 * The invoice rows a search asks for, in id order.
	 * @param caller the caller
	 * @param search the filters and an offset window
	 * @return the rows and the number of matching rows
	 */
	@Transactional(readOnly = true)
	public Found<InvoiceRowView> searchRows(Caller caller, Search search) {
		Organization organization = organization(caller);
		return this.rows.search(caller, search, organization.zone(), organization.currency());
	}

	@Transactional(readOnly = true)
	public List<InvoiceRowView> getRows(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.rows.byIds(caller, ids, organization(caller).currency());
	}

	/**
	 * The invoices made from consultations.
	 * @param caller the caller
	 * @param consultationIds the consultations
	 * @return the invoice id by consultation id, for the consultations that have one
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> invoicesOfConsultations(Caller caller, Collection<Long> consultationIds) {
		return this.invoices.ofConsultations(caller, consultationIds);
	}

	/**
	 * The clients and patients whose names contain each text the search looks for.
	 */
	private Map<String, InvoiceSearchStore.NameMatches> names(Caller caller, Search search) {
		Map<String, InvoiceSearchStore.NameMatches> names = new HashMap<>();
		for (Criterion criterion : search.criteria().criteria()) {
			String text = criterion.value().trim();
			if (criterion.field().equals(TEXT) && !text.isEmpty()) {
				names.computeIfAbsent(criterion.value(),
						(key) -> new InvoiceSearchStore.NameMatches(this.clients.idsByName(caller, text, NAME_MATCHES),
								this.patients.idsByName(caller, text, NAME_MATCHES)));
			}
		}
		return names;
	}

	private Organization organization(Caller caller) {
		return this.organizations.get(caller.organizationId());
	}

}
