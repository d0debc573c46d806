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

	private final Map<String, CloudResource<?>> resources;

	CloudCatalogueController(CloudLists lists, PhoneNumberResource phoneNumbers, PaymentMethodResource methods,
			UserResource users, @Qualifier("procedureCloudResource") ItemResource procedures,
			@Qualifier("medicineCloudResource") ItemResource medicines,
			@Qualifier("supplyCloudResource") ItemResource supplies,
			@Qualifier("foodCloudResource") ItemResource foods) {
		this.lists = lists;
		this.resources = Map.of(phoneNumbers.name(), phoneNumbers, methods.name(), methods, users.name(), users,
				procedures.name(), procedures, medicines.name(), medicines, supplies.name(), supplies, foods.name(),
				foods);
	}

	@GetMapping(BASE + "/{resource:phonenumber|paymentmethod|user|procedure|medicine|supply|food}/")
	Map<String, @Nullable Object> list(Caller caller, @PathVariable String resource, HttpServletRequest request) {
		return this.lists.list(caller, resource(resource), request);
	}

	@GetMapping(BASE + "/{resource:phonenumber|paymentmethod|user|procedure|medicine|supply|food}/{id}/")
	Map<String, @Nullable Object> detail(Caller caller, @PathVariable String resource, @PathVariable long id,
			HttpServletRequest request) {
		return this.lists.detail(caller, resource(resource), id, request);
	}

	private CloudResource<?> resource(String name) {
		CloudResource<?> resource = this.resources.get(name);
		if (resource == null) {
			throw new IllegalStateException("no resource " + name);
		}
		return resource;
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
