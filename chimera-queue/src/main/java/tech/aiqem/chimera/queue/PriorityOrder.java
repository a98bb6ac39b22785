package tech.aiqem.chimera.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * The order a consumer tries priority lists in: high before medium before low, except that every
 * seventh pop tries low first and two in seven try medium first, so that a steady stream of high
 * tasks cannot starve the others (weights 4:2:1 when all lists are backlogged).
 */
public final class PriorityOrder {

	private static final int[] FIRST_CHOICE = { 0, 0, 1, 0, 1, 0, 2 };

	private PriorityOrder() {
	}

	/** The lists to try for the {@code n}-th pop, given the lists from highest to lowest priority. */
	public static List<String> forPop(long n, List<String> byPriority) {
		if (byPriority.size() != 3) {
			return byPriority;
		}
		int first = FIRST_CHOICE[(int) Math.floorMod(n, (long) FIRST_CHOICE.length)];
		List<String> order = new ArrayList<>(3);
		order.add(byPriority.get(first));
		for (int i = 0; i < byPriority.size(); i++) {
			if (i != first) {
				order.add(byPriority.get(i));
			}
		}
		return order;
	}
}
