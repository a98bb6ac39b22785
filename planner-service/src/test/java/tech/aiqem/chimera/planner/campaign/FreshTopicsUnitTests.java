package tech.aiqem.chimera.planner.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.CampaignSchedule;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's "covered recently?" check, with memory's answers faked and the offline model. */
class FreshTopicsUnitTests {

	private final PlannerFakes.Memory memory = new PlannerFakes.Memory();

	private final PlannerFakes.CountingModel model = new PlannerFakes.CountingModel();

	private final FreshTopics fresh = new FreshTopics(this.memory, this.model, PlannerFakes.properties());

	private final CampaignRow campaign = new CampaignRow(CampaignId.random(), TenantId.random(), AgentId.random(),
			"Grow the kemis audience", "active", SoulMarkdown.parse(PlannerFakes.SOUL), List.of("twitter"),
			new CampaignSchedule(Instant.parse("2026-03-01T00:00:00Z"), 1, 3), 0, 1, 1, null, BigDecimal.ZERO);

	private static PlannedPost post(String topic) {
		return new PlannedPost(topic, "Create a post on " + topic, Platform.TWITTER);
	}

	private final List<PlannedPost> plan = List.of(post("Ethiopian fashion — designer spotlight"),
			post("Habesha kemis — designer spotlight"), post("Ethiopian fashion — styling tip"));

	@Test
	void aTopicCoveredInTheLastWeekIsReplacedWithOneMorePlanningCall() {
		this.memory.similarity.put("Habesha kemis — designer spotlight", 0.82);

		List<PlannedPost> kept = this.fresh.keepFresh(this.campaign, 0, 3, List.of("older topic"), this.plan);

		assertThat(kept).extracting(PlannedPost::topic)
			.containsExactly("Ethiopian fashion — designer spotlight", "Ethiopian fashion — styling tip",
					"Habesha kemis — styling tip");
		assertThat(this.model.calls).hasValue(1);
		assertThat(this.model.prompts.get(0).facts().get("recent_topics"))
			.isEqualTo(List.of("older topic", "Habesha kemis — designer spotlight"));
		assertThat(this.memory.searched).contains("Habesha kemis — styling tip");
	}

	@Test
	void aTopicJustBelowTheThresholdIsKeptAndNoModelIsAsked() {
		this.memory.similarity.put("Habesha kemis — designer spotlight", 0.74);

		assertThat(this.fresh.keepFresh(this.campaign, 0, 3, List.of(), this.plan)).isSameAs(this.plan);
		assertThat(this.model.calls).hasValue(0);
		assertThat(this.memory.searched).hasSize(3);
	}

	@Test
	void whenEverythingComesBackCoveredThePlanStandsAfterOneExtraCall() {
		for (String topic : List.of("Ethiopian fashion", "Habesha kemis")) {
			for (String angle : List.of("designer spotlight", "styling tip", "behind the scenes", "question for followers",
					"trend report", "fabric and craft story", "weekend look")) {
				this.memory.similarity.put(topic + " — " + angle, 0.9);
			}
		}

		assertThat(this.fresh.keepFresh(this.campaign, 0, 3, List.of(), this.plan)).isSameAs(this.plan);
		assertThat(this.model.calls).hasValue(1);
	}

	@Test
	void unreachableMemoryLeavesThePlanAloneAfterOneTry() {
		this.memory.failure = ChimeraException.toolsUnavailable("MCP server unavailable", null);

		assertThat(this.fresh.keepFresh(this.campaign, 0, 3, List.of(), this.plan)).isSameAs(this.plan);
		assertThat(this.memory.searched).hasSize(1);
		assertThat(this.model.calls).hasValue(0);
	}
}
