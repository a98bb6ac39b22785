package tech.aiqem.chimera.planner.mention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.ledger.Incident;
import tech.aiqem.chimera.ledger.Incidents;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Mention;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.planner.campaign.CampaignRow;
import tech.aiqem.chimera.planner.campaign.TaskWriter;
import tech.aiqem.chimera.planner.config.PlannerProperties;
import tech.aiqem.chimera.safety.InjectionDetector;
import tech.aiqem.chimera.safety.InjectionScan;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

/**
 * One step: claim the agent whose mentions were checked longest ago, read its recent mentions on each
 * of its platforms, and plan a high-priority reply for each new one worth answering, under the agent's
 * newest active campaign. A mention is answered at most once ({@code UNIQUE (agent_id,
 * source_mention_id)}); an injection attempt gets no task, only an incident.
 */
@Component
public class MentionWatcher {

	private static final Logger log = LoggerFactory.getLogger(MentionWatcher.class);

	private static final String CLAIM = """
			SELECT c.*, c.goals->>'text' AS goals_text, a.status AS agent_status, a.persona_source, a.social_accounts
			  FROM agents a
			  JOIN LATERAL (SELECT * FROM campaigns c WHERE c.agent_id = a.id AND c.status = 'active'
			                 ORDER BY c.created_at DESC LIMIT 1) c ON TRUE
			 WHERE a.status = 'active'
			   AND COALESCE((a.metadata->>'mentions_checked_at')::timestamptz, 'epoch') <= :due
			 ORDER BY COALESCE((a.metadata->>'mentions_checked_at')::timestamptz, 'epoch')
			 LIMIT 1
			 FOR NO KEY UPDATE OF a SKIP LOCKED
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ToolsClient tools;

	private final TaskWriter writer;

	private final Incidents incidents;

	private final PlannerProperties properties;

	private final Clock clock;

	MentionWatcher(JdbcClient jdbc, TransactionTemplate transactions, ToolsClient tools, TaskWriter writer,
			Incidents incidents, PlannerProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tools = tools;
		this.writer = writer;
		this.incidents = incidents;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Checks one agent's mentions; true when an agent was due. The claim is its own short transaction:
	 * no lock is held while the mentions resource is read (mcp-tools writes rows that reference the agent).
	 */
	public boolean checkNextAgent() {
		Instant now = this.clock.instant();
		CampaignRow campaign = this.transactions.execute(status -> {
			Instant due = now.minus(this.properties.mentionInterval());
			CampaignRow claimed = this.jdbc.sql(CLAIM).param("due", Timestamp.from(due)).query(CampaignRow::map)
				.optional().orElse(null);
			if (claimed != null) {
				this.jdbc.sql("UPDATE agents SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object('mentions_checked_at', CAST(:now AS text)) WHERE id = :id")
					.param("now", now.toString())
					.param("id", claimed.agent().value())
					.update();
			}
			return claimed;
		});
		if (campaign == null) {
			return false;
		}
		for (String name : campaign.platforms()) {
			Platform platform = Platform.of(name);
			ToolResults.RecentMentions recent = this.tools.recentMentions(
					new ToolCallContext(campaign.agent(), campaign.tenant(), null), platform);
			for (ToolResults.MentionItem mention : recent.mentions()) {
				this.transactions.executeWithoutResult(status -> consider(campaign, platform, mention, now));
			}
		}
		return true;
	}

	private void consider(CampaignRow campaign, Platform platform, ToolResults.MentionItem item, Instant now) {
		String key = platform.wire() + ":" + item.id();
		if (alreadyHandled(campaign, key)) {
			return;
		}
		InjectionScan verdict = InjectionDetector.shared().scan(item.text());
		if (verdict.injection()) {
			this.incidents.raise(Incident.of(ErrorCode.E1003, campaign.tenant().value(), campaign.agent().value(),
					campaign.id().value(), null, "Prompt injection in a mention from @" + item.author()
							+ " rejected before planning (" + String.join(", ", verdict.reasons()) + ")",
					Map.of("mention_key", key, "platform", platform.wire(), "author", String.valueOf(item.author()), "text",
							item.text(), "score", verdict.score()),
					now));
			log.warn("Mention {} from @{} looks like prompt injection (score {}); no task planned", key, item.author(),
					verdict.score());
			return;
		}
		if (!worthAnswering(item.text())) {
			return;
		}
		Mention mention = new Mention(item.id(), platform, item.author(), item.text(), item.createdAt());
		TaskContext context = new TaskContext("Reply to @" + item.author() + "'s mention on " + platform.wire()
				+ " in the persona's voice, in service of the campaign goal: " + campaign.goals(),
				campaign.persona().constraints(), List.of("mcp://memory/" + campaign.agent()), platform, null,
				campaign.persona().disclosure(), mention, null);
		this.writer.insert(new TaskWriter.NewTask(TaskId.random(), campaign, TaskType.REPLY_COMMENT, Priority.HIGH, context,
				null, key, null, null, now, now.plus(Duration.ofHours(1)), now));
	}

	private boolean alreadyHandled(CampaignRow campaign, String key) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM tasks WHERE agent_id = :agent AND source_mention_id = :key)
				    OR EXISTS (SELECT 1 FROM incidents WHERE agent_id = :agent AND code = 'E1003' AND detail->>'mention_key' = :key)
				""")
			.param("agent", campaign.agent().value())
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	/** Mentions with something to answer: not empty, not only links or tags. */
	static boolean worthAnswering(String text) {
		if (text == null) {
			return false;
		}
		String words = text.replaceAll("https?://\\S+", "").replaceAll("[@#]\\w+", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		return words.length() >= 3;
	}
}
