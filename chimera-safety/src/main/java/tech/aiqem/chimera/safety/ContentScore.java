package tech.aiqem.chimera.safety;

import java.util.List;

/**
 * Content-safety probabilities for a text (each 0..1, calibrated): {@code hate} (attacks a group),
 * {@code insult} (offensive, abusive or insulting), {@code toxic} (any of the unsafe classes, i.e. not
 * clean); {@code flagged} when {@code toxic} crosses the calibrated threshold; {@code label} is
 * "hate" | "insult" | "toxic" (unsafe, class unclear) | "clean"; reasons are human-readable.
 */
public record ContentScore(double hate, double insult, double toxic, boolean flagged, String label, List<String> reasons) {

	public ContentScore {
		reasons = List.copyOf(reasons);
	}
}
