package tech.aiqem.chimera.faults;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The table a fault run prints (and docs/faults.md keeps): the faults, then the invariants. */
final class FaultReport {

	private FaultReport() {
	}

	static String render(FaultSettings settings, List<Injection> injections, Invariants invariants, long slowCalls,
			long e1002Escalations, Duration wall, long threadDeaths, boolean drained) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%nFault run '%s' (seed %d): %d content agents x %d posts/day x %d days, time scale %.0f, wall %d s%n%n",
				settings.name(), settings.seed(), settings.agents(), settings.postsPerDay(), settings.days(),
				settings.timeScale(), wall.toSeconds()));
		out.append("| # | at (s) | fault | recovery (s) | seen |\n|---|---|---|---|---|\n");
		List<Injection> ordered = injections.stream().sorted(Comparator.comparing(Injection::at)).toList();
		for (int i = 0; i < ordered.size(); i++) {
			Injection injection = ordered.get(i);
			out.append(String.format("| %d | %.1f | %s | %s | %s |%n", i + 1, injection.at().toMillis() / 1000.0,
					injection.fault().label(), recovery(injection), injection.note().replace('|', '/')));
		}
		Map<String, long[]> byKind = new TreeMap<>();
		for (Injection injection : injections) {
			long[] row = byKind.computeIfAbsent(injection.fault().label(), k -> new long[3]);
			row[0]++;
			if (injection.recovery() != null && !injection.recovery().isZero()) {
				row[1] = Math.max(row[1], injection.recovery().toMillis());
				row[2] += injection.recovery().toMillis();
			}
		}
		out.append("\n| fault kind | injected | mean recovery (s) | worst recovery (s) |\n|---|---|---|---|\n");
		byKind.forEach((kind, row) -> out.append(String.format("| %s | %d | %s | %s |%n", kind, row[0],
				row[2] == 0 ? "-" : String.format("%.1f", row[2] / 1000.0 / row[0]),
				row[1] == 0 ? "-" : String.format("%.1f", row[1] / 1000.0))));
		out.append(String.format("| task over the %d s timeout (E2001: slow model share %.0f %%, or tools stalled) | %d | - | - |%n",
				settings.taskTimeout().toSeconds(), settings.slowShare() * 100, slowCalls));
		out.append("\n| faults injected | tasks | complete | failed | still waiting | lost | duplicated posts | duplicated payments | over budget | failed without code | threads died | stuck past deadline | paid after withdrawal | acted while paused |\n");
		out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		out.append(String.format("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", injections.size() + slowCalls,
				invariants.tasks(), invariants.complete(), invariants.failed(), invariants.waiting(), invariants.lost(),
				invariants.duplicatePosts(), invariants.duplicatePayments(), invariants.overBudget(),
				invariants.failedWithoutCode(), threadDeaths, invariants.stuck(), invariants.paidAfterWithdrawal(),
				invariants.lifecycleViolations().size()));
		out.append("\nFailed tasks by error code: ").append(invariants.errorCodes()).append(" (\"none\": ")
			.append(invariants.refused()).append(" refused with a recorded reason that is no fault, e.g. the platform's duplicate-text guard)")
			.append("; MCP calls escalated as E1002 after 5 attempts with backoff: ").append(e1002Escalations)
			.append(drained ? "; drained: every task of an active campaign final"
					: "; not drained within " + settings.drain().toSeconds() + " s: the waiting tasks were still due or queued")
			.append('\n');
		return out.toString();
	}

	private static String recovery(Injection injection) {
		if (injection.recovery() == null) {
			return "NOT RECOVERED";
		}
		return injection.recovery().isZero() ? "-" : String.format("%.1f", injection.recovery().toMillis() / 1000.0);
	}
}
