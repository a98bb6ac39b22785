package tech.aiqem.chimera.tools.platform.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the simulated engagement of recent sandbox posts and the followers of sandbox accounts into
 * their rows, where the orchestrator reads them. Run every {@code chimera.tools.sandbox.engagement-interval}.
 */
public final class SandboxEngagement implements Runnable {

	/** Posts older than this keep their last numbers (the curve is flat by then). */
	static final Duration HORIZON = Duration.ofDays(7);

	private static final String RECENT = """
			SELECT p.id, length(p.text) AS text_length, p.posted_at, a.base_followers
			FROM sandbox_posts p JOIN sandbox_accounts a ON a.platform = p.platform AND a.account = p.account
			WHERE p.posted_at > ? AND p.posted_at <= ?
			""";

	private static final String UPDATE_POST = """
			UPDATE sandbox_posts SET likes = GREATEST(likes, ?), reposts = GREATEST(reposts, ?), replies = GREATEST(replies, ?),
			    impressions = GREATEST(impressions, ?), engagement_updated_at = ?
			WHERE id = ?
			""";

	private static final String UPDATE_FOLLOWERS = """
			UPDATE sandbox_accounts a SET followers = a.base_followers
			    + CAST(COALESCE((SELECT SUM(p.likes) FROM sandbox_posts p WHERE p.platform = a.platform AND p.account = a.account), 0) AS BIGINT) / ?,
			    updated_at = ?
			""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public SandboxEngagement(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run() {
		Instant now = this.clock.instant();
		List<Object[]> updates = new ArrayList<>();
		this.jdbc.query(RECENT, rs -> {
			String id = rs.getObject("id", UUID.class).toString();
			Instant postedAt = rs.getTimestamp("posted_at").toInstant();
			var engagement = EngagementModel.at(id, rs.getInt("text_length"), rs.getLong("base_followers"),
					Duration.between(postedAt, now));
			updates.add(new Object[] { engagement.likes(), engagement.reposts(), engagement.replies(), engagement.impressions(),
					Timestamp.from(now), UUID.fromString(id) });
		}, Timestamp.from(now.minus(HORIZON)), Timestamp.from(now));
		if (!updates.isEmpty()) {
			this.jdbc.batchUpdate(UPDATE_POST, updates);
		}
		this.jdbc.update(UPDATE_FOLLOWERS, EngagementModel.LIKES_PER_FOLLOWER, Timestamp.from(now));
	}
}
