package tech.aiqem.chimera.tools.platform.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementModelUnitTests {

	@Test
	void engagementIsDeterministicStartsAtZeroAndOnlyGrows() {
		String post = "5f1c8d2e-0000-4000-8000-000000000001";
		assertThat(EngagementModel.at(post, 110, 2000, Duration.ZERO).likes()).isZero();
		long previous = -1;
		for (int hours = 1; hours <= 48; hours++) {
			var engagement = EngagementModel.at(post, 110, 2000, Duration.ofHours(hours));
			assertThat(engagement).isEqualTo(EngagementModel.at(post, 110, 2000, Duration.ofHours(hours)));
			assertThat(engagement.likes()).isGreaterThanOrEqualTo(previous);
			assertThat(engagement.impressions()).isGreaterThanOrEqualTo(engagement.likes());
			previous = engagement.likes();
		}
		assertThat(previous).isPositive();
	}

	@Test
	void textLengthAndPostIdMatter() {
		var ideal = EngagementModel.at("a", 110, 3000, Duration.ofHours(24));
		var long_ = EngagementModel.at("a", 600, 3000, Duration.ofHours(24));
		assertThat(ideal.likes()).isGreaterThan(long_.likes());
		assertThat(EngagementModel.at("a", 110, 3000, Duration.ofHours(24)))
			.isNotEqualTo(EngagementModel.at("b", 110, 3000, Duration.ofHours(24)));
	}

	@Test
	void followersGrowWithLikes() {
		long base = EngagementModel.baseFollowers("twitter", "fashionnova_ai");
		assertThat(base).isBetween(800L, 5000L);
		assertThat(EngagementModel.followers(base, 400)).isEqualTo(base + 10);
	}
}
