package org.vetbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's table: one line per figure, vetbill's against its limit, the ratio and
 * the goal it is held to.
 */
final class Results {

	/**
	 * A line of the table.
	 *
	 * @param workload what was measured, with its unit
	 * @param vetbill vetbill's figure
	 * @param limit the limit's figure (or the reference it is compared with)
	 * @param ratio the ratio the goal is about
	 * @param goal the goal, as text
	 * @param met whether the goal is met ({@code null}: no goal)
	 */
	record Line(String workload, String vetbill, String limit, String ratio, String goal, Boolean met) {
	}

	private final List<Line> lines = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(String workload, String vetbill, String limit, double ratio, String goal, Boolean met) {
		this.lines.add(new Line(workload, vetbill, limit, format(ratio, 2), goal, met));
		System.out
			.println("  => " + workload + ": vetbill " + vetbill + ", limit " + limit + ", ratio " + format(ratio, 2));
	}

	void figure(String workload, String vetbill, String goal, Boolean met) {
		this.lines.add(new Line(workload, vetbill, "", "", goal, met));
		System.out.println("  => " + workload + ": " + vetbill);
	}

	void note(String note) {
		this.notes.add(note);
	}

	static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	String markdown(String header) {
		StringBuilder text = new StringBuilder(header).append("\n\n");
		text.append("| workload | vetbill | limit | ratio | goal | met? |\n|---|---:|---:|---:|---|---|\n");
		for (Line line : this.lines) {
			text.append("| ")
				.append(String.join(" | ", line.workload(), line.vetbill(), line.limit(), line.ratio(), line.goal(),
						(line.met() == null) ? "" : line.met() ? "yes" : "**no**"))
				.append(" |\n");
		}
		if (!this.notes.isEmpty()) {
			text.append('\n');
			this.notes.forEach((note) -> text.append("- ").append(note).append('\n'));
		}
		return text.toString();
	}

	void write(Path file, String header) {
		String text = markdown(header);
		System.out.println();
		System.out.println(text);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		System.out.println("(written to " + file + ")");
	}

}
