package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.security.Users;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code user/}: the clinic's users, what {@code created_user} and {@code modified_user}
 * link to. vetbill keeps one display name per user: its first word is written as
 * {@code first_name}, the rest as {@code last_name}. Passwords and permissions are never
 * written; an e-mail address the user does not have, and the title, which vetbill does
 * not keep, are {@code ""}.
 */
@Component
class UserResource extends CloudResource<Users.Profile> {

	static final String NAME = "user";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "username", "created", "modified")
		.field("is_active", "active")
		.build();

	private final Users users;

	UserResource(Users users) {
		super(NAME);
		this.users = users;
	}

	@Override
	Counted<Users.Profile> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.users.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<Users.Profile> byIds(Caller caller, Collection<Long> ids) {
		return this.users.getAll(caller, ids);
	}

	@Override
	long id(Users.Profile user) {
		return user.id();
	}

	@Override
	void write(Users.Profile user, CloudObject out) {
		out.self(NAME, user.id())
			.put("username", user.username())
			.put("first_name", user.firstName())
			.put("last_name", user.lastName())
			.put("email", (user.email() != null) ? user.email() : "")
			.put("title", "")
			.put("is_active", user.active())
			.dateTime("created", user.created())
			.dateTime("modified", user.modified());
	}

}
