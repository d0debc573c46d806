package org.vetbill.supply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.SUPPLIER;
import static org.vetbill.shared.db.Tables.SUPPLY_ACCOUNT;
import static org.vetbill.shared.db.Tables.SUPPLY_CLIENT_KEY;
import static org.vetbill.shared.db.Tables.SUPPLY_PRACTICE;
import static org.vetbill.shared.db.Tables.SUPPLY_PRODUCT;

/**
 * Suppliers and what belongs to each: the practices' accounts, the practices enrolled
 * with its Connect API (and their user tokens), the keys of the practice management
 * systems allowed to call it, and its products.
 */
@Service
public class Suppliers {

	private static final int HINT = 8;

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	Suppliers(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Supplier create(Caller caller, SupplierDetails details) {
		this.validator.validate(details);
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(SUPPLIER)
			.set(SUPPLIER.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLIER.NAME, details.name().trim())
			.set(SUPPLIER.CREATED, now)
			.set(SUPPLIER.MODIFIED, now)
			.set(SUPPLIER.VERSION, 0)
			.returningResult(SUPPLIER.ID)
			.fetchSingle()
			.value1();
		Supplier created = get(caller, id);
		this.audit.record(caller, "supplier.created", "supplier", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Supplier get(Caller caller, long id) {
		return this.dsl.selectFrom(SUPPLIER)
			.where(SUPPLIER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER.ID.eq(id))
			.fetchOptional((r) -> new Supplier(r.getId(), r.getName(), r.getCreated(), r.getModified()))
			.orElseThrow(() -> new NotFound("supplier", id));
	}

	@Transactional(readOnly = true)
	public List<Supplier> list(Caller caller) {
		return this.dsl.selectFrom(SUPPLIER)
			.where(SUPPLIER.ORGANIZATION_ID.eq(caller.organizationId()))
			.orderBy(SUPPLIER.ID)
			.fetch((r) -> new Supplier(r.getId(), r.getName(), r.getCreated(), r.getModified()));
	}

	/**
	 * Locks a supplier's row, so that its orders and invoices are numbered one at a time.
	 * @param caller the caller
	 * @param id the supplier
	 */
	void lock(Caller caller, long id) {
		var unused = this.dsl.select(SUPPLIER.ID)
			.from(SUPPLIER)
			.where(SUPPLIER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER.ID.eq(id))
			.forUpdate()
			.fetchOptional()
			.orElseThrow(() -> new NotFound("supplier", id));
	}

	@Transactional
	public SupplyAccount addAccount(Caller caller, long supplierId, SupplyAccount account) {
		this.validator.validate(account);
		if (account.practiceId() != null) {
			throw InvalidInput.field("practice_id", "is set by enrolling the practice (POST .../practices), not here");
		}
		get(caller, supplierId);
		try {
			this.dsl.insertInto(SUPPLY_ACCOUNT)
				.set(SUPPLY_ACCOUNT.ORGANIZATION_ID, caller.organizationId())
				.set(SUPPLY_ACCOUNT.SUPPLIER_ID, supplierId)
				.set(SUPPLY_ACCOUNT.ACCOUNT_CODE, account.accountCode())
				.set(SUPPLY_ACCOUNT.NAME, account.name().trim())
				.set(SUPPLY_ACCOUNT.CREATED, Timestamps.now(this.clock))
				.execute();
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("duplicate_account_code",
					"the supplier already has an account " + account.accountCode());
		}
		this.audit.record(caller, "supply_account.created", "supplier", supplierId, null, account);
		return account;
	}

	@Transactional(readOnly = true)
	public List<SupplyAccount> accounts(Caller caller, long supplierId) {
		get(caller, supplierId);
		return this.dsl.selectFrom(SUPPLY_ACCOUNT)
			.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
			.orderBy(SUPPLY_ACCOUNT.ACCOUNT_CODE)
			.fetch((r) -> new SupplyAccount(r.getAccountCode(), r.getName(), r.getPracticeId()));
	}

	/**
	 * Whether the supplier has an account with this code.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param accountCode the code
	 * @return true when it has
	 */
	boolean hasAccount(Caller caller, long supplierId, String accountCode) {
		return this.dsl.fetchExists(SUPPLY_ACCOUNT,
				SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId())
					.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
					.and(SUPPLY_ACCOUNT.ACCOUNT_CODE.eq(accountCode)));
	}

	/**
	 * Enrols a practice with the supplier's Connect API: its accounts become its own and
	 * it receives a user token, shown this once.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param enrolment the practice's name and account codes
	 * @return the practice with its token
	 */
	@Transactional
	public EnrolledPractice enrol(Caller caller, long supplierId, PracticeEnrolment enrolment) {
		return enrol(caller, supplierId, enrolment, "cnu_" + Secrets.random(32));
	}

	/**
	 * Enrols a practice with a token chosen by the caller, as the demo does so that its
	 * token can be printed in the README.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param enrolment the practice's name and account codes
	 * @param token the user token
	 * @return the practice with its token
	 */
	@Transactional
	public EnrolledPractice enrol(Caller caller, long supplierId, PracticeEnrolment enrolment, String token) {
		this.validator.validate(enrolment);
		get(caller, supplierId);
		List<String> codes = List.copyOf(new LinkedHashSet<>(enrolment.accountCodes()));
		Map<String, Long> owners = new HashMap<>();
		this.dsl.selectFrom(SUPPLY_ACCOUNT)
			.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ACCOUNT.ACCOUNT_CODE.in(codes))
			.forUpdate()
			.forEach((r) -> owners.put(r.getAccountCode(), (r.getPracticeId() != null) ? r.getPracticeId() : 0L));
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			Long owner = owners.get(codes.get(i));
			if (owner == null) {
				errors.add(new FieldError("account_codes[" + i + "]",
						"the supplier has no account " + codes.get(i) + "; record it first"));
			}
			else if (owner != 0L) {
				errors.add(new FieldError("account_codes[" + i + "]",
						"account " + codes.get(i) + " belongs to another enrolled practice"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(SUPPLY_PRACTICE)
			.set(SUPPLY_PRACTICE.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_PRACTICE.SUPPLIER_ID, supplierId)
			.set(SUPPLY_PRACTICE.NAME, enrolment.name().trim())
			.set(SUPPLY_PRACTICE.TOKEN_HASH, Secrets.sha256(token))
			.set(SUPPLY_PRACTICE.TOKEN_HINT, token.substring(0, HINT))
			.set(SUPPLY_PRACTICE.ACTIVE, true)
			.set(SUPPLY_PRACTICE.CREATED, now)
			.returningResult(SUPPLY_PRACTICE.ID)
			.fetchSingle()
			.value1();
		this.dsl.update(SUPPLY_ACCOUNT)
			.set(SUPPLY_ACCOUNT.PRACTICE_ID, id)
			.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ACCOUNT.ACCOUNT_CODE.in(codes))
			.execute();
		EnrolledPractice practice = new EnrolledPractice(id, enrolment.name().trim(), codes, token,
				token.substring(0, HINT), true, now);
		this.audit.record(caller, "supply_practice.enrolled", "supplier", supplierId, null,
				Map.of("practice", id, "name", practice.name(), "account_codes", codes));
		return practice;
	}

	@Transactional(readOnly = true)
	public List<EnrolledPractice> practices(Caller caller, long supplierId) {
		get(caller, supplierId);
		Map<Long, List<String>> codes = this.dsl.selectFrom(SUPPLY_ACCOUNT)
			.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ACCOUNT.PRACTICE_ID.isNotNull())
			.orderBy(SUPPLY_ACCOUNT.ACCOUNT_CODE)
			.stream()
			.collect(Collectors.groupingBy((r) -> r.getPracticeId(),
					Collectors.mapping((r) -> r.getAccountCode(), Collectors.toList())));
		return this.dsl.selectFrom(SUPPLY_PRACTICE)
			.where(SUPPLY_PRACTICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_PRACTICE.SUPPLIER_ID.eq(supplierId))
			.orderBy(SUPPLY_PRACTICE.ID)
			.fetch((r) -> new EnrolledPractice(r.getId(), r.getName(), codes.getOrDefault(r.getId(), List.of()), null,
					r.getTokenHint(), r.getActive(), r.getCreated()));
	}

	/**
	 * Makes a key for a practice management system, shown this once.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the system's name
	 * @return the key
	 */
	@Transactional
	public ClientKey addClientKey(Caller caller, long supplierId, SupplierDetails details) {
		return addClientKey(caller, supplierId, details, "cnk_" + Secrets.random(32));
	}

	/**
	 * Makes a key chosen by the caller for a practice management system, as the demo
	 * does.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the system's name
	 * @param key the key
	 * @return the key
	 */
	@Transactional
	public ClientKey addClientKey(Caller caller, long supplierId, SupplierDetails details, String key) {
		this.validator.validate(details);
		get(caller, supplierId);
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(SUPPLY_CLIENT_KEY)
			.set(SUPPLY_CLIENT_KEY.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_CLIENT_KEY.SUPPLIER_ID, supplierId)
			.set(SUPPLY_CLIENT_KEY.NAME, details.name().trim())
			.set(SUPPLY_CLIENT_KEY.KEY_HASH, Secrets.sha256(key))
			.set(SUPPLY_CLIENT_KEY.KEY_HINT, key.substring(0, HINT))
			.set(SUPPLY_CLIENT_KEY.ACTIVE, true)
			.set(SUPPLY_CLIENT_KEY.CREATED, now)
			.returningResult(SUPPLY_CLIENT_KEY.ID)
			.fetchSingle()
			.value1();
		this.audit.record(caller, "supply_client_key.created", "supplier", supplierId, null,
				Map.of("client_key", id, "name", details.name().trim()));
		return new ClientKey(id, details.name().trim(), key, key.substring(0, HINT), true, now);
	}

	/**
	 * Records a product, or replaces the one with the same code.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param productCode the code the product is recorded under
	 * @param product the product, with the same code
	 * @return the product as stored
	 */
	@Transactional
	public Product putProduct(Caller caller, long supplierId, String productCode, Product product) {
		this.validator.validate(product, () -> productCode.equals(product.productCode()) ? List.of() : List
			.of(new FieldError("product_code", "is " + product.productCode() + " but the path names " + productCode)));
		lock(caller, supplierId);
		Instant now = Timestamps.now(this.clock);
		int updated = this.dsl.update(SUPPLY_PRODUCT)
			.set(SUPPLY_PRODUCT.DESCRIPTION, product.description())
			.set(SUPPLY_PRODUCT.LIST_PRICE, product.listPrice())
			.set(SUPPLY_PRODUCT.PRICE, product.price())
			.set(SUPPLY_PRODUCT.RRP, product.rrp())
			.set(SUPPLY_PRODUCT.MODIFIED, now)
			.where(SUPPLY_PRODUCT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_PRODUCT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_PRODUCT.PRODUCT_CODE.eq(product.productCode()))
			.execute();
		if (updated == 0) {
			this.dsl.insertInto(SUPPLY_PRODUCT)
				.set(SUPPLY_PRODUCT.ORGANIZATION_ID, caller.organizationId())
				.set(SUPPLY_PRODUCT.SUPPLIER_ID, supplierId)
				.set(SUPPLY_PRODUCT.PRODUCT_CODE, product.productCode())
				.set(SUPPLY_PRODUCT.DESCRIPTION, product.description())
				.set(SUPPLY_PRODUCT.LIST_PRICE, product.listPrice())
				.set(SUPPLY_PRODUCT.PRICE, product.price())
				.set(SUPPLY_PRODUCT.RRP, product.rrp())
				.set(SUPPLY_PRODUCT.CREATED, now)
				.set(SUPPLY_PRODUCT.MODIFIED, now)
				.execute();
		}
		this.audit.record(caller, (updated == 0) ? "supply_product.created" : "supply_product.updated", "supplier",
				supplierId, null, product);
		return product;
	}

	@Transactional(readOnly = true)
	public List<Product> products(Caller caller, long supplierId) {
		get(caller, supplierId);
		return this.dsl.selectFrom(SUPPLY_PRODUCT)
			.where(SUPPLY_PRODUCT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_PRODUCT.SUPPLIER_ID.eq(supplierId))
			.orderBy(SUPPLY_PRODUCT.PRODUCT_CODE)
			.fetch(Suppliers::product);
	}

	private static Product product(Record r) {
		return new Product(r.get(SUPPLY_PRODUCT.PRODUCT_CODE), r.get(SUPPLY_PRODUCT.DESCRIPTION),
				price(r.get(SUPPLY_PRODUCT.LIST_PRICE)), price(r.get(SUPPLY_PRODUCT.PRICE)),
				price(r.get(SUPPLY_PRODUCT.RRP)));
	}

	private static @Nullable BigDecimal price(@Nullable BigDecimal value) {
		return (value != null) ? Decimals.trim(value, 2) : null;
	}

}
