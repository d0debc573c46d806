package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The item catalog. Accounts and dimensions of an item are copied onto its invoice rows
 * when the invoice is finalized.
 */
@Service
public class Items {

	private final ItemRepository items;

	private final VatGroupRepository vatGroups;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Items(ItemRepository items, VatGroupRepository vatGroups, InputValidator validator, AuditLog audit, Clock clock,
			Organizations organizations) {
		this.items = items;
		this.vatGroups = vatGroups;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Item create(Caller caller, ItemDetails given) {
		ItemDetails details = given.withType(given.type());
		this.validator.validate(details, () -> problems(caller, details, null));
		Instant now = Timestamps.now(this.clock);
		long id = this.items.insert(caller, details, now);
		Item created = get(caller, id);
		this.audit.record(caller, "item.created", "item", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Item get(Caller caller, long id) {
		return this.items.find(caller, id).orElseThrow(() -> new NotFound("item", id));
	}

	/**
	 * Several items at once, for building invoice rows without a query per row.
	 * @param caller the caller
	 * @param ids the item ids
	 * @return the items found, by id
	 */
	@Transactional(readOnly = true)
	public Map<Long, Item> getAll(Caller caller, Collection<Long> ids) {
		Map<Long, Item> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.items.getAll(caller, ids).forEach((item) -> found.put(item.id(), item));
		return found;
	}

	/**
	 * A numbered page of the items matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, code, name, price (without VAT), price_with_vat,
	 * vat_group, account_number, reporting dimensions, archived, type_code, created,
	 * modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching items
	 */
	@Transactional(readOnly = true)
	public Counted<Item> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return search(caller, null, criteria, order, page);
	}

	/**
	 * A numbered page of the items of one kind matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param type only items of this kind, or all when null
	 * @param criteria filters as {@link #search(Caller, Criteria, List, OffsetPage)}
	 * takes them
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching items
	 */
	@Transactional(readOnly = true)
	public Counted<Item> search(Caller caller, @Nullable ItemType type, Criteria criteria, List<Sort> order,
			OffsetPage page) {
		Organization organization = this.organizations.get(caller.organizationId());
		return this.items.search(caller, type, criteria, organization.settings().pricesIncludeVat(),
				organization.zone(), order, page);
	}

	@Transactional(readOnly = true)
	public Page<Item> list(Caller caller, PageRequest page, @Nullable String search, @Nullable Boolean archived) {
		return this.items.list(caller, page, search, archived);
	}

	@Transactional
	public Item update(Caller caller, long id, int expectedVersion, ItemDetails given) {
		ItemDetails details = given.withType(given.type());
		this.validator.validate(details, () -> problems(caller, details, id));
		Item before = get(caller, id);
		if (!this.items.update(caller, id, expectedVersion, details, Timestamps.now(this.clock))
			.changedElse(() -> Conflict.staleVersion("item", id))) {
			return before;
		}
		Item after = get(caller, id);
		this.audit.record(caller, "item.updated", "item", id, before, after);
		return after;
	}

	private List<FieldError> problems(Caller caller, ItemDetails details, @Nullable Long itemId) {
		List<FieldError> problems = new ArrayList<>();
		long vatGroup = details.vatGroupId();
		if (!this.vatGroups.exists(caller, vatGroup)) {
			problems.add(FieldError.of("vatGroupId", "does_not_exist", "entity", "VAT group", "id", vatGroup));
		}
		String code = details.code();
		if (code != null && this.items.codeUsed(caller, code, itemId)) {
			problems.add(FieldError.of("code", "item_code_in_use", "code", code));
		}
		return problems;
	}

}
