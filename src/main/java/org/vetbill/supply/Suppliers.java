package org.vetbill.supply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.supply.SupplyPracticeRepository.NewClientKey;
import org.vetbill.supply.SupplyPracticeRepository.NewPractice;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suppliers and what belongs to each: the practices' accounts, the practices enrolled to
 * read its invoices (and their user tokens), the keys of the practice management systems
 * they read them through, and its products.
 */
@Service
public class Suppliers {

	private static final int HINT = 8;

	private final SupplierRepository repository;

	private final SupplyPracticeRepository practices;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	Suppliers(SupplierRepository repository, SupplyPracticeRepository practices, InputValidator validator,
			AuditLog audit, Clock clock) {
		this.repository = repository;
		this.practices = practices;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Supplier create(Caller caller, SupplierDetails details) {
		this.validator.validate(details);
		Instant now = Timestamps.now(this.clock);
		long id = this.repository.insert(caller, details.name().trim(), now);
		Supplier created = get(caller, id);
		this.audit.record(caller, "supplier.created", "supplier", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Supplier get(Caller caller, long id) {
		return this.repository.find(caller, id).orElseThrow(() -> new NotFound("supplier", id));
	}

	@Transactional(readOnly = true)
	public List<Supplier> list(Caller caller) {
		return this.repository.list(caller);
	}

	/**
	 * Locks a supplier's row, so that its orders and invoices are numbered one at a time.
	 * @param caller the caller
	 * @param id the supplier
	 */
	void lock(Caller caller, long id) {
		if (!this.repository.lock(caller, id)) {
			throw new NotFound("supplier", id);
		}
	}

	@Transactional
	public SupplyAccount addAccount(Caller caller, long supplierId, SupplyAccount account) {
		this.validator.validate(account);
		if (account.practiceId() != null) {
			throw InvalidInput.of("practiceId", "practice_id_set_by_enrolment");
		}
		get(caller, supplierId);
		try {
			this.repository.insertAccount(caller, supplierId, account.accountCode(), account.name().trim(),
					Timestamps.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("duplicate_account_code", Facts.of("account", account.accountCode()));
		}
		this.audit.record(caller, "supply_account.created", "supplier", supplierId, null, account);
		return account;
	}

	@Transactional(readOnly = true)
	public List<SupplyAccount> accounts(Caller caller, long supplierId) {
		get(caller, supplierId);
		return this.repository.accounts(caller, supplierId);
	}

	/**
	 * Enrols a practice to read the supplier's invoices: its accounts become its own and
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
		for (SupplyAccount account : this.practices.lockAccounts(caller, supplierId, codes)) {
			owners.put(account.accountCode(), (account.practiceId() != null) ? account.practiceId() : 0L);
		}
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			Long owner = owners.get(codes.get(i));
			if (owner == null) {
				errors
					.add(FieldError.of("accountCodes[" + i + "]", "supplier_has_no_account", "account", codes.get(i)));
			}
			else if (owner != 0L) {
				errors.add(
						FieldError.of("accountCodes[" + i + "]", "account_of_other_practice", "account", codes.get(i)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Instant now = Timestamps.now(this.clock);
		long id = this.practices.insertPractice(caller, supplierId,
				new NewPractice(enrolment.name().trim(), Secrets.sha256(token), token.substring(0, HINT)), codes, now);
		EnrolledPractice practice = new EnrolledPractice(id, enrolment.name().trim(), codes, token,
				token.substring(0, HINT), true, now);
		this.audit.record(caller, "supply_practice.enrolled", "supplier", supplierId, null,
				Map.of("practice", id, "name", practice.name(), "account_codes", codes));
		return practice;
	}

	@Transactional(readOnly = true)
	public List<EnrolledPractice> practices(Caller caller, long supplierId) {
		get(caller, supplierId);
		return this.practices.practices(caller, supplierId);
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
		long id = this.practices.insertClientKey(caller, supplierId,
				new NewClientKey(details.name().trim(), Secrets.sha256(key), key.substring(0, HINT)), now);
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
		this.validator.validate(product,
				() -> productCode.equals(product.productCode()) ? List.of() : List.of(FieldError.of("productCode",
						"product_code_not_path", "productCode", product.productCode(), "code", productCode)));
		lock(caller, supplierId);
		Instant now = Timestamps.now(this.clock);
		boolean updated = this.repository.updateProduct(caller, supplierId, product, now);
		if (!updated) {
			this.repository.insertProduct(caller, supplierId, product, now);
		}
		this.audit.record(caller, updated ? "supply_product.updated" : "supply_product.created", "supplier", supplierId,
				null, product);
		return product;
	}

	@Transactional(readOnly = true)
	public List<Product> products(Caller caller, long supplierId) {
		get(caller, supplierId);
		return this.repository.products(caller, supplierId);
	}

}
