package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of figures, each with its target and PASS/FAIL, and the notes that explain them. */
final class BenchReport {

	static final String START = "<!-- bench:start -->";

	static final String END = "<!-- bench:end -->";

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	/** A figure that must be at least {@code target}. */
	void atLeast(String figure, double value, double target, String unit) {
		add(figure, value, unit, "≥ " + format(target) + " " + unit, !Double.isNaN(value) && value >= target);
	}

	/** A figure that must be at most {@code target}. */
	void atMost(String figure, double value, double target, String unit) {
		add(figure, value, unit, "≤ " + format(target) + " " + unit, !Double.isNaN(value) && value <= target);
	}

	/** A figure without a target of its own. */
	void info(String figure, double value, String unit) {
		this.rows.add(new String[] { figure, format(value) + " " + unit, "", "" });
	}

	void info(String figure, String value) {
		this.rows.add(new String[] { figure, value, "", "" });
	}

	void note(String note) {
		this.notes.add(note);
	}

	private void add(String figure, double value, String unit, String target, boolean pass) {
		this.rows.add(new String[] { figure, format(value) + " " + unit, target, pass ? "PASS" : "FAIL" });
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	String markdown(String header) {
		int[] widths = { 6, 5, 6, 6 };
		for (String[] row : this.rows) {
			for (int i = 0; i < 4; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder out = new StringBuilder(header).append("\n\n");
		out.append(line(new String[] { "Figure", "Value", "Target", "Result" }, widths));
		out.append("|").append("-".repeat(widths[0] + 2)).append("|").append("-".repeat(widths[1] + 2)).append("|")
			.append("-".repeat(widths[2] + 2)).append("|").append("-".repeat(widths[3] + 2)).append("|\n");
		for (String[] row : this.rows) {
			out.append(line(row, widths));
		}
		if (!this.notes.isEmpty()) {
			out.append('\n');
			for (String note : this.notes) {
				out.append("- ").append(note).append('\n');
			}
		}
		return out.toString();
	}

	private static String line(String[] cells, int[] widths) {
		StringBuilder out = new StringBuilder("|");
		for (int i = 0; i < cells.length; i++) {
			out.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
		}
		return out.append('\n').toString();
	}

	/** Replaces the section between the markers of the file (or appends it) with this run's table. */
	static void write(Path file, String section) {
		try {
			String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
			String block = START + "\n" + section + END;
			int start = text.indexOf(START);
			int end = text.indexOf(END);
			if (start >= 0 && end > start) {
				text = text.substring(0, start) + block + text.substring(end + END.length());
			}
			else {
				text = text + "\n" + block + "\n";
			}
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
