package org.vetbill.api.cloud;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.ReadAccess;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read endpoints of the Cloud API's directories: {@code phonenumber/},
 * {@code paymentmethod/}, {@code user/} and the typed item catalogues {@code procedure/},
 * {@code medicine/}, {@code supply/} and {@code food/}, each a list and a detail like
 * every other resource.
 */
@RestController
@ReadAccess
class CloudCatalogueController {

	private static final String BASE = CloudApi.BASE;

	private final CloudLists lists;

	private final PhoneNumberResource phoneNumbers;

	private final PaymentMethodResource paymentMethods;

	private final UserResource users;

	private final ItemResource procedures;

	private final ItemResource medicines;

	private final ItemResource supplies;

	private final ItemResource foods;

	CloudCatalogueController(CloudLists lists, PhoneNumberResource phoneNumbers, PaymentMethodResource paymentMethods,
			UserResource users, @Qualifier("procedureCloudResource") ItemResource procedures,
			@Qualifier("medicineCloudResource") ItemResource medicines,
			@Qualifier("supplyCloudResource") ItemResource supplies,
			@Qualifier("foodCloudResource") ItemResource foods) {
		this.lists = lists;
		this.phoneNumbers = phoneNumbers;
		this.paymentMethods = paymentMethods;
		this.users = users;
		this.procedures = procedures;
		this.medicines = medicines;
		this.supplies = supplies;
		this.foods = foods;
	}

	@GetMapping(BASE + "/phonenumber/")
	Map<String, @Nullable Object> listPhoneNumbers(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.phoneNumbers, request);
	}

	@GetMapping(BASE + "/phonenumber/{id}/")
	Map<String, @Nullable Object> getPhoneNumbers(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.phoneNumbers, id, request);
	}

	@GetMapping(BASE + "/paymentmethod/")
	Map<String, @Nullable Object> listPaymentMethods(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.paymentMethods, request);
	}

	@GetMapping(BASE + "/paymentmethod/{id}/")
	Map<String, @Nullable Object> getPaymentMethods(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.paymentMethods, id, request);
	}

	@GetMapping(BASE + "/user/")
	Map<String, @Nullable Object> listUsers(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.users, request);
	}

	@GetMapping(BASE + "/user/{id}/")
	Map<String, @Nullable Object> getUsers(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.users, id, request);
	}

	@GetMapping(BASE + "/procedure/")
	Map<String, @Nullable Object> listProcedures(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.procedures, request);
	}

	@GetMapping(BASE + "/procedure/{id}/")
	Map<String, @Nullable Object> getProcedures(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.procedures, id, request);
	}

	@GetMapping(BASE + "/medicine/")
	Map<String, @Nullable Object> listMedicines(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.medicines, request);
	}

	@GetMapping(BASE + "/medicine/{id}/")
	Map<String, @Nullable Object> getMedicines(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.medicines, id, request);
	}

	@GetMapping(BASE + "/supply/")
	Map<String, @Nullable Object> listSupplies(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.supplies, request);
	}

	@GetMapping(BASE + "/supply/{id}/")
	Map<String, @Nullable Object> getSupplies(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.supplies, id, request);
	}

	@GetMapping(BASE + "/food/")
	Map<String, @Nullable Object> listFoods(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.foods, request);
	}

	@GetMapping(BASE + "/food/{id}/")
	Map<String, @Nullable Object> getFoods(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.foods, id, request);
	}

	/**
	 * The typed item catalogues: the items of one kind each.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Catalogues {

		@Bean
		ItemResource procedureCloudResource(Items items, VatGroups vatGroups, Organizations organizations) {
			return typed(ItemType.PROCEDURE, items, vatGroups, organizations);
		}

		@Bean
		ItemResource medicineCloudResource(Items items, VatGroups vatGroups, Organizations organizations) {
			return typed(ItemType.MEDICINE, items, vatGroups, organizations);
		}

		@Bean
		ItemResource supplyCloudResource(Items items, VatGroups vatGroups, Organizations organizations) {
			return typed(ItemType.SUPPLY, items, vatGroups, organizations);
		}

		@Bean
		ItemResource foodCloudResource(Items items, VatGroups vatGroups, Organizations organizations) {
			return typed(ItemType.FOOD, items, vatGroups, organizations);
		}

		private static ItemResource typed(ItemType type, Items items, VatGroups vatGroups,
				Organizations organizations) {
			return new ItemResource(ItemResource.path(type), type, items, vatGroups, organizations);
		}

	}

}
