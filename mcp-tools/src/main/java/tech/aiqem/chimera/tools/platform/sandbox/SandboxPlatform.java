package tech.aiqem.chimera.tools.platform.sandbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

/**
 * A platform inside Chimera: a post is a row of {@code sandbox_posts}, its id derived from the
 * idempotency key so that publishing twice leaves one row and answers the same id.
 */
public final class SandboxPlatform implements SocialPlatform {

	private static final String ENSURE_ACCOUNT = """
			INSERT INTO sandbox_accounts (platform, account, agent_id, tenant_id, base_followers, followers, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (platform, account) DO NOTHING
			""";

	private static final String INSERT_POST = """
			INSERT INTO sandbox_posts (id, agent_id, tenant_id, platform, account, text, media_urls, disclosure, ai_generated,
			    idempotency_key, in_reply_to, posted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
			ON CONFLICT (idempotency_key) DO NOTHING
			""";

	private static final String FIND_POST = "SELECT id, posted_at FROM sandbox_posts WHERE idempotency_key = ?";

	private static final String MENTIONS = """
			SELECT external_id, text, author, created_at, likes, retweets FROM sandbox_mentions
			WHERE agent_id = ? AND platform = ? AND created_at >= ? AND created_at <= ?
			ORDER BY created_at DESC, external_id LIMIT 100
			""";

	private final Platform platform;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public SandboxPlatform(Platform platform, JdbcTemplate jdbc, Clock clock) {
		this.platform = platform;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Platform platform() {
		return this.platform;
	}

	@Override
	public String adapter() {
		return "sandbox";
	}

	@Override
	public PublishedPost publish(OutgoingPost post) {
		Instant now = this.clock.instant();
		AccountRef account = post.account();
		ensureAccount(account, now);
		UUID id = UUID.nameUUIDFromBytes(("sandbox-post:" + post.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
		this.jdbc.update(INSERT_POST, id, account.agent().value(), account.tenant().value(), this.platform.wire(),
				account.username(), post.text(), ChimeraJson.write(post.mediaUrls()), post.disclosure().wire(),
				post.disclosure() != DisclosureLevel.NONE, post.idempotencyKey(), post.inReplyTo(), Timestamp.from(now));
		return this.jdbc.queryForObject(FIND_POST,
				(rs, n) -> new PublishedPost(rs.getObject("id", UUID.class).toString(), rs.getTimestamp("posted_at").toInstant()),
				post.idempotencyKey());
	}

	@Override
	public Optional<PublishedPost> find(OutgoingPost post, Instant since) {
		return this.jdbc.query(FIND_POST,
				(rs, n) -> new PublishedPost(rs.getObject("id", UUID.class).toString(), rs.getTimestamp("posted_at").toInstant()),
				post.idempotencyKey()).stream().findFirst();
	}

	@Override
	public List<RecentMention> mentions(AccountRef account, Instant since, Instant until) {
		ensureAccount(account, this.clock.instant());
		return this.jdbc.query(MENTIONS,
				(rs, n) -> new RecentMention(rs.getString("external_id"), rs.getString("text"), rs.getString("author"),
						rs.getTimestamp("created_at").toInstant(), rs.getLong("likes"), rs.getLong("retweets")),
				account.agent().value(), this.platform.wire(), Timestamp.from(since), Timestamp.from(until));
	}

	void ensureAccount(AccountRef account, Instant now) {
		long base = EngagementModel.baseFollowers(this.platform.wire(), account.username());
		this.jdbc.update(ENSURE_ACCOUNT, this.platform.wire(), account.username(), account.agent().value(),
				account.tenant().value(), base, base, Timestamp.from(now), Timestamp.from(now));
	}
}
