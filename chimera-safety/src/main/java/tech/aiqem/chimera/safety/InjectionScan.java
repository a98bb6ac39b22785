package tech.aiqem.chimera.safety;

import java.util.List;

/**
 * A scan's outcome: whether the text is a prompt-injection or jailbreak attempt, the fused, calibrated
 * probability that it is (0..1), and human-readable reasons ("rule: override", "classifier 0.93").
 */
public record InjectionScan(boolean injection, double score, List<String> reasons) {

	public InjectionScan {
		reasons = List.copyOf(reasons);
	}
}
