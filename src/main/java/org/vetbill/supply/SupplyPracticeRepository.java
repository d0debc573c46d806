package org.vetbill.supply;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.vetbill.shared.Caller;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SUPPLY_ACCOUNT;
import static org.vetbill.shared.db.Tables.SUPPLY_CLIENT_KEY;
import static org.vetbill.shared.db.Tables.SUPPLY_PRACTICE;

/**
 * SQL for who may read a supplier's invoices: the practices enrolled with it (with their
 * accounts and the hashes of their user tokens) and the keys of the practice management
 * systems they call through. Statements for a supplier are scoped to the caller's
 * organization; a token is looked up across organizations, as it identifies one.
 */
@Repository
class SupplyPracticeRepository {

	private final DSLContext dsl;

	SupplyPracticeRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A practice to enrol.
	 */
	record NewPractice(String name, String tokenHash, String tokenHint) {
	}

	/**
	 * A key to record.
	 */
	record NewClientKey(String name, String keyHash, String keyHint) {
	}

	/**
	 * Locks the supplier's accounts with these codes, to hand them to a practice.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param accountCodes the codes
	 * @return the accounts the supplier has, each with the practice it belongs to, if any
	 */
	List<SupplyAccount> lockAccounts(Caller caller, long supplierId, List<String> accountCodes) {
		return this.dsl.selectFrom(SUPPLY_ACCOUNT)
			.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ACCOUNT.ACCOUNT_CODE.in(accountCodes))
			.forUpdate()
			.fetch((r) -> new SupplyAccount(r.getAccountCode(), r.getName(), r.getPracticeId()));
	}

	/**
	 * Records a practice and makes the accounts with these codes its own.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param practice the practice
	 * @param accountCodes its accounts' codes
	 * @param now the time
	 * @return the practice's id
	 */
	long insertPractice(Caller caller, long supplierId, NewPractice practice, List<String> accountCodes, Instant now) {
		long id = this.dsl.insertInto(SUPPLY_PRACTICE)
			.set(SUPPLY_PRACTICE.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_PRACTICE.SUPPLIER_ID, supplierId)
			.set(SUPPLY_PRACTICE.NAME, practice.name())
			.set(SUPPLY_PRACTICE.TOKEN_HASH, practice.tokenHash())
			.set(SUPPLY_PRACTICE.TOKEN_HINT, practice.tokenHint())
			.set(SUPPLY_PRACTICE.ACTIVE, true)
			.set(SUPPLY_PRACTICE.CREATED, now)
			.returningResult(SUPPLY_PRACTICE.ID)
			.fetchSingle()
			.value1();
		this.dsl.update(SUPPLY_ACCOUNT)
			.set(SUPPLY_ACCOUNT.PRACTICE_ID, id)
			.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ACCOUNT.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ACCOUNT.ACCOUNT_CODE.in(accountCodes))
			.execute();
		return id;
	}

	/**
	 * The practices enrolled with the supplier, in the order they were enrolled, without
	 * their tokens.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @return the practices with their accounts
	 */
	List<EnrolledPractice> practices(Caller caller, long supplierId) {
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
	 * The active practice whose user token has this hash, in whichever organization.
	 * @param tokenHash the token's hash
	 * @return the practice with its accounts, or empty
	 */
	Optional<ConnectPractice> activePractice(String tokenHash) {
		return this.dsl.selectFrom(SUPPLY_PRACTICE)
			.where(SUPPLY_PRACTICE.TOKEN_HASH.eq(tokenHash))
			.and(SUPPLY_PRACTICE.ACTIVE.isTrue())
			.fetchOptional()
			.map((p) -> new ConnectPractice(p.getOrganizationId(), p.getSupplierId(), p.getId(), p.getName(),
					this.dsl.select(SUPPLY_ACCOUNT.ACCOUNT_CODE)
						.from(SUPPLY_ACCOUNT)
						.where(SUPPLY_ACCOUNT.ORGANIZATION_ID.eq(p.getOrganizationId()))
						.and(SUPPLY_ACCOUNT.PRACTICE_ID.eq(p.getId()))
						.orderBy(SUPPLY_ACCOUNT.ACCOUNT_CODE)
						.fetch(SUPPLY_ACCOUNT.ACCOUNT_CODE)));
	}

	long insertClientKey(Caller caller, long supplierId, NewClientKey key, Instant now) {
		return this.dsl.insertInto(SUPPLY_CLIENT_KEY)
			.set(SUPPLY_CLIENT_KEY.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_CLIENT_KEY.SUPPLIER_ID, supplierId)
			.set(SUPPLY_CLIENT_KEY.NAME, key.name())
			.set(SUPPLY_CLIENT_KEY.KEY_HASH, key.keyHash())
			.set(SUPPLY_CLIENT_KEY.KEY_HINT, key.keyHint())
			.set(SUPPLY_CLIENT_KEY.ACTIVE, true)
			.set(SUPPLY_CLIENT_KEY.CREATED, now)
			.returningResult(SUPPLY_CLIENT_KEY.ID)
			.fetchSingle()
			.value1();
	}

	/**
	 * Whether the supplier has an active key with this hash.
	 * @param organizationId the supplier's organization
	 * @param supplierId the supplier
	 * @param keyHash the key's hash
	 * @return true when it has
	 */
	boolean activeClientKey(long organizationId, long supplierId, String keyHash) {
		return this.dsl.fetchExists(SUPPLY_CLIENT_KEY,
				SUPPLY_CLIENT_KEY.ORGANIZATION_ID.eq(organizationId)
					.and(SUPPLY_CLIENT_KEY.SUPPLIER_ID.eq(supplierId))
					.and(SUPPLY_CLIENT_KEY.KEY_HASH.eq(keyHash))
					.and(SUPPLY_CLIENT_KEY.ACTIVE.isTrue()));
	}

}
