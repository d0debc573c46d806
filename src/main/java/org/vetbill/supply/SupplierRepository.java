package org.vetbill.supply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.vetbill.shared.Caller;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SUPPLIER;
import static org.vetbill.shared.db.Tables.SUPPLY_ACCOUNT;
import static org.vetbill.shared.db.Tables.SUPPLY_PRODUCT;

/**
 * SQL for suppliers, the accounts practices hold with them and their products. Every
 * statement is scoped to the caller's organization.
 */
@Repository
class SupplierRepository {

	private final DSLContext dsl;

	SupplierRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	long insert(Caller caller, String name, Instant now) {
		return this.dsl.insertInto(SUPPLIER)
			.set(SUPPLIER.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLIER.NAME, name)
			.set(SUPPLIER.CREATED, now)
			.set(SUPPLIER.MODIFIED, now)
			.set(SUPPLIER.VERSION, 0)
			.returningResult(SUPPLIER.ID)
			.fetchSingle()
			.value1();
	}

	Optional<Supplier> find(Caller caller, long id) {
		return this.dsl.selectFrom(SUPPLIER)
			.where(SUPPLIER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER.ID.eq(id))
			.fetchOptional((r) -> new Supplier(r.getId(), r.getName(), r.getCreated(), r.getModified()));
	}

	List<Supplier> list(Caller caller) {
		return this.dsl.selectFrom(SUPPLIER)
			.where(SUPPLIER.ORGANIZATION_ID.eq(caller.organizationId()))
			.orderBy(SUPPLIER.ID)
			.fetch((r) -> new Supplier(r.getId(), r.getName(), r.getCreated(), r.getModified()));
	}

	/**
	 * Locks a supplier's row until the transaction ends.
	 * @param caller the caller
	 * @param id the supplier
	 * @return whether the supplier exists
	 */
	boolean lock(Caller caller, long id) {
		return this.dsl.select(SUPPLIER.ID)
			.from(SUPPLIER)
			.where(SUPPLIER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER.ID.eq(id))
			.forUpdate()
			.fetchOptional()
			.isPresent();
	}

	/**
	 * Records an account.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param accountCode the account's code
	 * @param name whose account it is
	 * @param now the time
	 * @throws org.springframework.dao.DuplicateKeyException when the supplier has an
	 * account with this code
	 */
	void insertAccount(Caller caller, long supplierId, String accountCode, String name, Instant now) {
		this.dsl.insertInto(SUPPLY_ACCOUNT)
			.set(SUPPLY_ACCOUNT.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_ACCOUNT.SUPPLIER_ID, supplierId)
			.set(SUPPLY_ACCOUNT.ACCOUNT_CODE, accountCode)
			.set(SUPPLY_ACCOUNT.NAME, name)
			.set(SUPPLY_ACCOUNT.CREATED, now)
			.execute();
	}

	List<SupplyAccount> accounts(Caller caller, long supplierId) {
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
	 * Changes a product recorded under its code.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param product the product
	 * @param now the time
	 * @return whether the supplier had the product
	 */
	boolean updateProduct(Caller caller, long supplierId, Product product, Instant now) {
		return this.dsl.update(SUPPLY_PRODUCT)
			.set(SUPPLY_PRODUCT.DESCRIPTION, product.description())
			.set(SUPPLY_PRODUCT.LIST_PRICE, product.listPrice())
			.set(SUPPLY_PRODUCT.PRICE, product.price())
			.set(SUPPLY_PRODUCT.RRP, product.rrp())
			.set(SUPPLY_PRODUCT.MODIFIED, now)
			.where(SUPPLY_PRODUCT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_PRODUCT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_PRODUCT.PRODUCT_CODE.eq(product.productCode()))
			.execute() != 0;
	}

	void insertProduct(Caller caller, long supplierId, Product product, Instant now) {
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

	List<Product> products(Caller caller, long supplierId) {
		return this.dsl.selectFrom(SUPPLY_PRODUCT)
			.where(SUPPLY_PRODUCT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_PRODUCT.SUPPLIER_ID.eq(supplierId))
			.orderBy(SUPPLY_PRODUCT.PRODUCT_CODE)
			.fetch((r) -> new Product(r.getProductCode(), r.getDescription(), StoredAmounts.price(r.getListPrice()),
					StoredAmounts.price(r.getPrice()), StoredAmounts.price(r.getRrp())));
	}

}
