package org.vetbill.security;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's users as integrations see them (who created or changed a record):
 * names and whether they are active, never passwords or permissions.
 */
@Service
public class Users {

	private final UserRepository users;

	private final Organizations organizations;

	Users(UserRepository users, Organizations organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	/**
	 * A numbered page of the users matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, username, displayName, active, created, modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching users
	 */
	@Transactional(readOnly = true)
	public Counted<Profile> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.users.search(caller, criteria, zone, order, page);
	}

	/**
	 * The users with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the users, in id order
	 */
	@Transactional(readOnly = true)
	public List<Profile> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.users.getAll(caller, ids);
	}

	/**
	 * A user as others see them.
	 *
	 * @param id the id
	 * @param username the login name
	 * @param displayName the name shown for the user
	 * @param active whether the user may still sign in
	 * @param created when the user was created
	 * @param modified when the user last changed
	 * @param email the e-mail address, if known
	 */
	public record Profile(long id, String username, String displayName, boolean active, Instant created,
			Instant modified, @Nullable String email) {

		/**
		 * The first word of the display name, as a first name.
		 * @return the first name, empty when the display name is blank
		 */
		public String firstName() {
			String name = this.displayName.trim();
			int space = name.indexOf(' ');
			return (space < 0) ? name : name.substring(0, space);
		}

		/**
		 * The display name after its first word, as a last name.
		 * @return the last name, empty when the display name is one word
		 */
		public String lastName() {
			String name = this.displayName.trim();
			int space = name.indexOf(' ');
			return (space < 0) ? "" : name.substring(space + 1).trim();
		}

	}

}
