package tech.aiqem.chimera.tools.platform.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.agent.AgentProfile;

/**
 * The seeded mention feed ({@code chimera.tools.sandbox.mention-feed=true}): for every active agent and
 * each of its accounts, between 1 and {@code max-mentions-per-hour} plausible mentions per simulated
 * hour, each appearing at its own minute of the hour. Which mentions, their authors, texts and times are
 * a function of (agent, platform, hour), so reruns insert the same rows (idempotent on external_id).
 */
public final class MentionFeed implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(MentionFeed.class);

	private static final String ACTIVE_AGENTS = "SELECT id FROM agents WHERE status = 'active' ORDER BY id";

	private static final String INSERT = """
			INSERT INTO sandbox_mentions (agent_id, platform, account, external_id, author, text, created_at, likes, retweets, source)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'seeded')
			ON CONFLICT (platform, external_id) DO NOTHING
			""";

	static final List<String> AUTHORS = List.of("selam_styles", "abebe_k", "nairobi_threads", "coffee_and_couture",
			"mimi_designs", "dawit_m", "lagos_looks", "hanna_creates", "tsion_t", "urban_habesha", "addis_daily", "kemis_lover");

	static final List<String> TEMPLATES = List.of("@%s Love your style! Where can I find more about %s?",
			"@%s what's your take on %s this season?", "@%s this is exactly the inspiration I needed today 🙌",
			"@%s do you ever collaborate with small creators? Big fan of your %s posts",
			"@%s which piece from your last post is your favourite?", "@%s could you do a post about %s next?",
			"@%s saved this for later, the colours are perfect", "@%s how did you get into %s?");

	private final JdbcTemplate jdbc;

	private final AgentDirectory agents;

	private final Clock clock;

	private final int maxPerHour;

	public MentionFeed(JdbcTemplate jdbc, AgentDirectory agents, Clock clock, int maxPerHour) {
		this.jdbc = jdbc;
		this.agents = agents;
		this.clock = clock;
		this.maxPerHour = maxPerHour;
	}

	@Override
	public void run() {
		Instant now = this.clock.instant();
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		for (UUID id : this.jdbc.queryForList(ACTIVE_AGENTS, UUID.class)) {
			AgentProfile agent;
			try {
				agent = this.agents.get(new AgentId(id));
			}
			catch (RuntimeException ex) {
				log.debug("No seeded mentions for agent {}: {}", id, ex.getMessage());
				continue;
			}
			for (AgentProfile.SocialAccount account : agent.accounts().values()) {
				seed(agent, account, hour.minus(Duration.ofHours(1)), now);
				seed(agent, account, hour, now);
			}
		}
	}

	private void seed(AgentProfile agent, AgentProfile.SocialAccount account, Instant hour, Instant now) {
		String platform = account.platform().wire();
		long hourSeed = Seeds.of("mentions:" + agent.id() + ":" + platform + ":" + hour);
		int count = 1 + (int) Math.floorMod(hourSeed, (long) this.maxPerHour);
		List<String> topics = agent.persona().topics().isEmpty() ? List.of("your work") : agent.persona().topics();
		for (int i = 0; i < count; i++) {
			long seed = Seeds.of("mention:" + agent.id() + ":" + platform + ":" + hour + ":" + i);
			Instant createdAt = hour.plusSeconds(Math.floorMod(seed, 3600L));
			if (createdAt.isAfter(now)) {
				continue;
			}
			String template = TEMPLATES.get((int) Math.floorMod(seed >>> 8, (long) TEMPLATES.size()));
			String topic = topics.get((int) Math.floorMod(seed >>> 16, (long) topics.size()));
			this.jdbc.update(INSERT, agent.id().value(), platform, account.username(), externalId(seed),
					AUTHORS.get((int) Math.floorMod(seed >>> 24, (long) AUTHORS.size())), String.format(template, account.username(), topic),
					Timestamp.from(createdAt), Math.floorMod(seed >>> 32, 40L), Math.floorMod(seed >>> 40, 6L));
		}
	}

	/** Numeric like the platforms' ids, prefixed so it can never collide with a real one. */
	static String externalId(long seed) {
		return "sbx" + Long.toUnsignedString(seed);
	}
}
