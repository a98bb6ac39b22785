package tech.aiqem.chimera.model;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignScheduleUnitTests {

	private final Instant start = Instant.parse("2026-02-06T10:30:00Z");

	@Test
	void specificationExampleFourteenDaysIsFortyTwoPosts() {
		assertThat(new CampaignSchedule(this.start, 14, CampaignSchedule.postsPerDayIn(
				"Promote Ethiopian fashion designers and summer collection")).estimatedPosts()).isEqualTo(42);
	}

	@Test
	void postingRateIsReadFromTheGoals() {
		assertThat(CampaignSchedule.postsPerDayIn("Two posts a day about coffee")).isEqualTo(2);
		assertThat(CampaignSchedule.postsPerDayIn("5 posts per day")).isEqualTo(5);
		assertThat(CampaignSchedule.postsPerDayIn("post twice a day")).isEqualTo(2);
		assertThat(CampaignSchedule.postsPerDayIn("99 posts per day")).isEqualTo(48);
	}

	@Test
	void slotsAreSpreadOverTheDuration() {
		CampaignSchedule schedule = new CampaignSchedule(this.start, 14, 3);
		assertThat(schedule.slotTime(0)).isEqualTo(this.start);
		assertThat(schedule.slotTime(1)).isEqualTo(Instant.parse("2026-02-06T18:30:00Z"));
		assertThat(schedule.slotTime(41)).isBefore(schedule.end());
		assertThatThrownBy(() -> schedule.slotTime(42)).isInstanceOf(IllegalArgumentException.class);
	}
}
