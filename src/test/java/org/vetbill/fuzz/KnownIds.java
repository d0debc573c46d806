package org.vetbill.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The ids the server has shown in its answers (and a few to start with), so that
 * generated requests reach real records: numeric ids and the Clinic API's UUIDs. Safe to
 * fill from several threads; at most a few thousand of each are kept.
 */
public final class KnownIds {

	private static final int MAX = 4000;

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final List<Long> ids = new ArrayList<>();

	private final List<String> uuids = new ArrayList<>();

	private final Random replacement = new Random(1);

	public KnownIds(List<Long> initial) {
		this.ids.addAll(initial);
		if (this.ids.isEmpty()) {
			this.ids.add(1L);
		}
	}

	/** A known id, or now and then a small number. */
	synchronized long id(Random random) {
		return (random.nextInt(10) == 0) ? random.nextInt(100) : this.ids.get(random.nextInt(this.ids.size()));
	}

	/** A known UUID, or a random one. */
	synchronized String uuid(Random random) {
		return (this.uuids.isEmpty() || random.nextInt(5) == 0)
				? new UUID(random.nextLong(), random.nextLong()).toString()
				: this.uuids.get(random.nextInt(this.uuids.size()));
	}

	/**
	 * Takes the ids of a successful answer's JSON.
	 * @param body the answer
	 */
	public void learn(JsonNode body) {
		List<Long> found = new ArrayList<>();
		List<String> foundUuids = new ArrayList<>();
		collect(body, found, foundUuids, 0);
		synchronized (this) {
			found.forEach((id) -> add(this.ids, id));
			foundUuids.forEach((uuid) -> add(this.uuids, uuid));
		}
	}

	private <T> void add(List<T> list, T value) {
		if (list.size() < MAX) {
			if (!list.contains(value)) {
				list.add(value);
			}
		}
		else {
			list.set(this.replacement.nextInt(MAX), value);
		}
	}

	private static void collect(JsonNode node, List<Long> ids, List<String> uuids, int depth) {
		if (depth > 4 || ids.size() > 200) {
			return;
		}
		if (node.isObject()) {
			for (var entry : node.properties()) {
				JsonNode value = entry.getValue();
				String name = entry.getKey().toLowerCase(java.util.Locale.ROOT);
				if (value.isIntegralNumber() && (name.equals("id") || name.endsWith("_id"))) {
					ids.add(value.asLong());
				}
				else if (value.isString() && name.endsWith("id") && UUID_TEXT.matcher(value.asString()).matches()) {
					uuids.add(value.asString());
				}
				else {
					collect(value, ids, uuids, depth + 1);
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, ids, uuids, depth + 1);
			}
		}
	}

}
