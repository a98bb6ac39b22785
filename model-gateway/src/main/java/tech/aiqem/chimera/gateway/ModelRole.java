package tech.aiqem.chimera.gateway;

import java.util.Locale;

/** Who is asking: each role has its own provider chain and models (docs/models.md). */
public enum ModelRole {

	/** Turns goals into tasks; Gemini Pro class by default. */
	PLANNER,
	/** Executes tasks; Gemini Flash / Claude Haiku class. */
	WORKER,
	/** Scores results; Claude Opus / Gemini Pro class. */
	JUDGE;

	/** Lower-case name used in configuration keys and metric tags. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
