package org.vetbill.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.vetbill.shared.access.Permission;
import org.vetbill.shared.error.InvalidInput;

/**
 * Reads and writes permission sets as the lower-case names clients and the database use.
 */
final class Permissions {

	private Permissions() {
	}

	static String format(Set<Permission> permissions) {
		return permissions.stream()
			.sorted()
			.map((p) -> p.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(","));
	}

	static Set<Permission> parseStored(String stored) {
		return parse(Arrays.stream(stored.split(",")).filter((s) -> !s.isBlank()).toList(), "permissions");
	}

	static Set<Permission> parse(List<String> names, String field) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String name : names) {
			if (name == null) {
				// a JSON null in the list
				throw InvalidInput.of(field, "permission_unknown", "permission", "null");
			}
			try {
				permissions.add(Permission.valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInput.of(field, "permission_unknown", "permission", name);
			}
		}
		return permissions;
	}

	static List<String> names(Set<Permission> permissions) {
		return permissions.stream().sorted().map((p) -> p.name().toLowerCase(Locale.ROOT)).toList();
	}

}
