package tech.aiqem.chimera.planner.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.planner.config.PlannerProperties;
import tech.aiqem.chimera.toolclient.MemoryRanking;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

/**
 * Keeps a plan from repeating, by meaning, what the agent said recently: every planned topic is looked up
 * in the agent's memories of the last {@value #SINCE_DAYS} days (search_memory, ranked by similarity
 * alone), and a topic whose best match reaches {@code chimera.planner.repeat-similarity} counts as covered.
 * Covered topics are replaced by one more planning call told to avoid them — never more than one extra
 * model call per planning step. Memory helps, it does not gate planning: when it cannot be reached, or no
 * fresh topic comes back, the plan stands as it was.
 */
@Component
public class FreshTopics {

	private static final Logger log = LoggerFactory.getLogger(FreshTopics.class);

	static final int SINCE_DAYS = 7;

	private final ToolsClient tools;

	private final ModelGateway models;

	private final double threshold;

	FreshTopics(ToolsClient tools, ModelGateway models, PlannerProperties properties) {
		this.tools = tools;
		this.models = models;
		this.threshold = properties.repeatSimilarity();
	}

	/**
	 * The plan without topics memory says were covered recently.
	 * @param recent the topics the planner already told the model to avoid (from the tasks table)
	 */
	public List<PlannedPost> keepFresh(CampaignRow campaign, int firstSlot, int count, List<String> recent,
			List<PlannedPost> posts) {
		Set<String> covered = covered(campaign, posts);
		if (covered.isEmpty()) {
			return posts;
		}
		List<PlannedPost> fresh = new ArrayList<>(posts.stream().filter(p -> !covered.contains(key(p.topic()))).toList());
		List<String> avoid = new ArrayList<>(recent);
		posts.stream().map(PlannedPost::topic).filter(t -> covered.contains(key(t))).forEach(avoid::add);
		try {
			String answer = this.models.chat(ModelRole.PLANNER, PlanPrompt.of(campaign, firstSlot, count, avoid)).text();
			List<PlannedPost> candidates = PlanPrompt.parse(answer, campaign, count)
				.stream()
				.filter(p -> !covered.contains(key(p.topic())) && !topics(fresh).contains(key(p.topic())))
				.toList();
			Set<String> alsoCovered = covered(campaign, candidates);
			for (PlannedPost candidate : candidates) {
				if (fresh.size() < count && !alsoCovered.contains(key(candidate.topic()))
						&& !topics(fresh).contains(key(candidate.topic()))) {
					fresh.add(candidate);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Re-planning covered topics of campaign {} failed; keeping the fresh part of the plan: {}", campaign.id(),
					ex.getMessage());
		}
		if (fresh.isEmpty()) {
			log.info("Every topic planned for campaign {} was covered in the last {} days and no fresh one came back; "
					+ "keeping the plan", campaign.id(), SINCE_DAYS);
			return posts;
		}
		log.info("Campaign {}: replaced {} recently covered topic(s) {}", campaign.id(), covered.size(), covered);
		return List.copyOf(fresh);
	}

	/** Topics (normalised) whose best memory of the period is at least as similar as the threshold. */
	private Set<String> covered(CampaignRow campaign, List<PlannedPost> posts) {
		ToolCallContext context = new ToolCallContext(campaign.agent(), campaign.tenant(), null);
		Set<String> checked = new LinkedHashSet<>();
		Set<String> covered = new LinkedHashSet<>();
		for (PlannedPost post : posts) {
			String topic = key(post.topic());
			if (!checked.add(topic)) {
				continue;
			}
			List<ToolResults.FoundMemory> best;
			try {
				best = this.tools.searchMemory(context, post.topic(), null, 1, SINCE_DAYS, MemoryRanking.SIMILARITY);
			}
			catch (RuntimeException ex) {
				// one failure is enough: asking again for every topic would hold the campaign's lock for nothing
				log.warn("Memory could not be searched for campaign {}; not checking topics for repeats: {}", campaign.id(),
						ex.getMessage());
				return covered;
			}
			if (!best.isEmpty() && best.get(0).similarity() >= this.threshold) {
				covered.add(topic);
			}
		}
		return covered;
	}

	private static Set<String> topics(List<PlannedPost> posts) {
		Set<String> topics = new LinkedHashSet<>();
		posts.forEach(p -> topics.add(key(p.topic())));
		return topics;
	}

	private static String key(String topic) {
		return topic.strip().toLowerCase(Locale.ROOT);
	}
}
