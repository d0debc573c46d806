package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.VatGroup;
import org.vetbill.clinic.VatGroups;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code vatgroup/}, and the {@code invoicerow_vat_group} object an invoice row carries
 * when exposed: the VAT group's title, percentage and GL account for VAT.
 */
@Configuration(proxyBeanMethods = false)
class VatGroupResource {

	static final String NAME = "vatgroup";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "title", "percentage", "account_number", "archived", "created", "modified")
		.build();

	static final String INVOICEROW_VAT_GROUP = "invoicerow_vat_group";

	@Bean
	CloudResource<VatGroup> vatGroupCloudResource(VatGroups vatGroups) {
		return new Resource(NAME, vatGroups, true);
	}

	@Bean
	CloudResource<VatGroup> invoiceRowVatGroupCloudResource(VatGroups vatGroups) {
		return new Resource(INVOICEROW_VAT_GROUP, vatGroups, false);
	}

	static final class Resource extends CloudResource<VatGroup> {

		private final VatGroups vatGroups;

		private final boolean full;

		Resource(String name, VatGroups vatGroups, boolean full) {
			super(name);
			this.vatGroups = vatGroups;
			this.full = full;
		}

		@Override
		Counted<VatGroup> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
			return this.vatGroups.search(caller, criteria, order, page);
		}

		@Override
		CloudFilters filters() {
			return FILTERS;
		}

		@Override
		List<VatGroup> byIds(Caller caller, Collection<Long> ids) {
			return this.vatGroups.getAll(caller, ids);
		}

		@Override
		long id(VatGroup vatGroup) {
			return vatGroup.id();
		}

		@Override
		void write(VatGroup vatGroup, CloudObject out) {
			if (this.full) {
				out.self(NAME, vatGroup.id());
			}
			out.put("title", vatGroup.details().title())
				.put("percentage", Decimals.trim(vatGroup.details().percentage(), 1))
				.put("account_number", vatGroup.details().accountNumber());
			if (this.full) {
				out.put("archived", vatGroup.details().archived())
					.dateTime("created", vatGroup.created())
					.dateTime("modified", vatGroup.modified());
			}
		}

	}

}
