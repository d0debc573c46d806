package org.vetbill.payments;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Repository;

/**
 * SQL over the payment methods, a table of constants (one row per payment type a clinic
 * records at its desk), so that lists of them filter, order and page as every other list
 * does.
 */
@Repository
class PaymentMethodStore {

	private static final Field<Long> ID = DSL.field(DSL.name("payment_method", "id"), Long.class);

	private static final Field<Integer> TYPE = DSL.field(DSL.name("payment_method", "payment_type"), Integer.class);

	private static final Field<Boolean> ARCHIVED = DSL.field(DSL.name("payment_method", "archived"), Boolean.class);

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", ID)
		.integer("type", TYPE)
		.bool("archived", ARCHIVED)
		.build();

	private final DSLContext dsl;

	PaymentMethodStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	Counted<PaymentMethods.Method> search(Criteria criteria, List<Sort> order, OffsetPage page) {
		return ListQueries.page(this.dsl, methods(), FILTERS.condition(criteria, java.time.ZoneOffset.UTC),
				FILTERS.order(order, ID), page, PaymentMethodStore::map);
	}

	List<PaymentMethods.Method> getAll(Collection<Long> ids) {
		return this.dsl.select(ID, TYPE, ARCHIVED)
			.from(methods())
			.where(ID.in(ids))
			.orderBy(ID)
			.fetch(PaymentMethodStore::map);
	}

	/**
	 * The methods as a table: each method's id is its payment type's code plus one, so
	 * that ids start at 1 as database ids do and never change.
	 */
	private static Table<?> methods() {
		@SuppressWarnings("unchecked")
		Row3<Long, Integer, Boolean>[] rows = Arrays.stream(PaymentType.values())
			.filter(PaymentMethods::isDeskMethod)
			.map((type) -> DSL.row(DSL.inline((long) type.code() + 1), DSL.inline(type.code()), DSL.inline(false)))
			.toArray(Row3[]::new);
		return DSL.values(rows).as("payment_method", "id", "payment_type", "archived");
	}

	private static PaymentMethods.Method map(Record r) {
		return new PaymentMethods.Method(r.get(ID), PaymentType.of(r.get(TYPE)), r.get(ARCHIVED));
	}

}
