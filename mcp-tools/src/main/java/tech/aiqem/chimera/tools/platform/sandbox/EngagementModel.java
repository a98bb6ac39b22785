package tech.aiqem.chimera.tools.platform.sandbox;

import java.time.Duration;

/**
 * The sandbox's engagement simulation: a pure function of the post id, the text length, the account's
 * base followers and the hours since posting, so the same post shows the same numbers at the same age
 * on every run, and numbers only grow. Written out in the module README.
 */
final class EngagementModel {

	/** Text length that does best; longer and shorter texts lose up to half their reach. */
	static final int IDEAL_LENGTH = 110;

	/** Hours in which a post reaches about 63 % of its final engagement. */
	static final double HALF_LIFE_HOURS = 5.0;

	/** One follower gained per this many likes. */
	static final long LIKES_PER_FOLLOWER = 40;

	private EngagementModel() {
	}

	record Engagement(long likes, long reposts, long replies, long impressions) {
	}

	static long baseFollowers(String platform, String account) {
		return 800 + Math.floorMod(Seeds.of("account:" + platform + ":" + account), 4200);
	}

	static Engagement at(String postId, int textLength, long baseFollowers, Duration sincePosting) {
		long seed = Seeds.of("post:" + postId);
		double quality = 0.5 + Seeds.unit(seed, 0);
		double lengthFit = 1.0 - Math.min(1.0, Math.abs(textLength - IDEAL_LENGTH) / 300.0) * 0.5;
		double reach = 15 + baseFollowers * 0.04;
		double hours = Math.max(0, sincePosting.toSeconds() / 3600.0);
		double growth = 1 - Math.exp(-hours / HALF_LIFE_HOURS);
		long likes = (long) Math.floor(reach * quality * lengthFit * growth);
		long reposts = (long) Math.floor(likes * (0.06 + 0.08 * Seeds.unit(seed, 1)));
		long replies = (long) Math.floor(likes * (0.02 + 0.05 * Seeds.unit(seed, 2)));
		long impressions = likes + (long) Math.floor(reach * 12 * growth * (0.8 + 0.4 * Seeds.unit(seed, 3)));
		return new Engagement(likes, reposts, replies, impressions);
	}

	static long followers(long baseFollowers, long totalLikes) {
		return baseFollowers + totalLikes / LIKES_PER_FOLLOWER;
	}
}
