package org.vetbill.security;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.shared.Caller;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.APP_USER;

/**
 * SQL for reading the organization's users as others see them: never their passwords.
 */
@Repository
class UserRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", APP_USER.ID)
		.text("username", APP_USER.USERNAME)
		.text("displayName", APP_USER.DISPLAY_NAME)
		.bool("active", APP_USER.ACTIVE)
		.dateTime("created", APP_USER.CREATED)
		.dateTime("modified", APP_USER.MODIFIED)
		.build();

	private final DSLContext dsl;

	UserRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	Counted<Users.Profile> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return ListQueries.page(this.dsl, APP_USER,
				APP_USER.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				FILTERS.order(order, APP_USER.ID), page, UserRepository::map);
	}

	List<Users.Profile> getAll(Caller caller, Collection<Long> ids) {
		return this.dsl
			.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ACTIVE, APP_USER.CREATED,
					APP_USER.MODIFIED, APP_USER.EMAIL)
			.from(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(APP_USER.ID.in(ids))
			.orderBy(APP_USER.ID)
			.fetch(UserRepository::map);
	}

	private static Users.Profile map(Record r) {
		return new Users.Profile(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
				r.get(APP_USER.ACTIVE), r.get(APP_USER.CREATED), r.get(APP_USER.MODIFIED), r.get(APP_USER.EMAIL));
	}

}
