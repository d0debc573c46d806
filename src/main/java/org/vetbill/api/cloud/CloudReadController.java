package org.vetbill.api.cloud;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.VatGroup;
import org.vetbill.invoicing.InvoiceRowView;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.ReadAccess;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read endpoints of the Cloud API: a list and a detail per resource.
 */
@RestController
@ReadAccess
class CloudReadController {

	private static final String BASE = CloudApi.BASE;

	private final CloudLists lists;

	private final CloudResource<InvoiceView> invoices;

	private final CloudResource<InvoiceRowView> rows;

	private final CloudResource<VatGroup> vatGroups;

	private final CloudResource<ClientResource.View> clients;

	private final CloudResource<Patient> patients;

	private final CloudResource<Department> departments;

	private final CloudResource<ItemResource.View> items;

	private final CloudResource<ConsultationResource.View> consultations;

	private final CloudResource<ConsultationItemResource.View> consultationItems;

	CloudReadController(CloudLists lists, InvoiceResource invoices, InvoiceRowResource rows,
			CloudResource<VatGroup> vatGroupCloudResource, ClientResource clients, PatientResource patients,
			DepartmentResource departments, ItemResource items, ConsultationResource consultations,
			ConsultationItemResource consultationItems) {
		this.lists = lists;
		this.invoices = invoices;
		this.rows = rows;
		this.vatGroups = vatGroupCloudResource;
		this.clients = clients;
		this.patients = patients;
		this.departments = departments;
		this.items = items;
		this.consultations = consultations;
		this.consultationItems = consultationItems;
	}

	@GetMapping(BASE + "/invoice/")
	Map<String, @Nullable Object> invoices(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.invoices, request);
	}

	@GetMapping(BASE + "/invoice/{id}/")
	Map<String, @Nullable Object> invoice(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.invoices, id, request);
	}

	@GetMapping(BASE + "/invoicerow/")
	Map<String, @Nullable Object> invoiceRows(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.rows, request);
	}

	@GetMapping(BASE + "/invoicerow/{id}/")
	Map<String, @Nullable Object> invoiceRow(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.rows, id, request);
	}

	@GetMapping(BASE + "/vatgroup/")
	Map<String, @Nullable Object> vatGroups(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.vatGroups, request);
	}

	@GetMapping(BASE + "/vatgroup/{id}/")
	Map<String, @Nullable Object> vatGroup(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.vatGroups, id, request);
	}

	@GetMapping(BASE + "/client/")
	Map<String, @Nullable Object> clients(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.clients, request);
	}

	@GetMapping(BASE + "/client/{id}/")
	Map<String, @Nullable Object> client(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.clients, id, request);
	}

	@GetMapping(BASE + "/patient/")
	Map<String, @Nullable Object> patients(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.patients, request);
	}

	@GetMapping(BASE + "/patient/{id}/")
	Map<String, @Nullable Object> patient(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.patients, id, request);
	}

	@GetMapping(BASE + "/department/")
	Map<String, @Nullable Object> departments(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.departments, request);
	}

	@GetMapping(BASE + "/department/{id}/")
	Map<String, @Nullable Object> department(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.departments, id, request);
	}

	@GetMapping(BASE + "/item/")
	Map<String, @Nullable Object> items(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.items, request);
	}

	@GetMapping(BASE + "/item/{id}/")
	Map<String, @Nullable Object> item(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.items, id, request);
	}

	@GetMapping(BASE + "/consultation/")
	Map<String, @Nullable Object> consultations(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.consultations, request);
	}

	@GetMapping(BASE + "/consultation/{id}/")
	Map<String, @Nullable Object> consultation(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.consultations, id, request);
	}

	@GetMapping(BASE + "/consultationitem/")
	Map<String, @Nullable Object> consultationItems(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.consultationItems, request);
	}

	@GetMapping(BASE + "/consultationitem/{id}/")
	Map<String, @Nullable Object> consultationItem(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.consultationItems, id, request);
	}

}
