package tech.aiqem.chimera.queue;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityOrderUnitTests {

	private final List<String> lists = List.of("h", "m", "l");

	@Test
	void highComesFirstFourTimesInSevenMediumTwiceLowOnce() {
		int[] first = new int[3];
		for (int n = 0; n < 70; n++) {
			first[this.lists.indexOf(PriorityOrder.forPop(n, this.lists).get(0))]++;
		}
		assertThat(first).containsExactly(40, 20, 10);
	}

	@Test
	void fallsBackInPriorityOrder() {
		assertThat(PriorityOrder.forPop(6, this.lists)).containsExactly("l", "h", "m");
		assertThat(PriorityOrder.forPop(2, this.lists)).containsExactly("m", "h", "l");
		assertThat(PriorityOrder.forPop(0, this.lists)).containsExactly("h", "m", "l");
	}
}
