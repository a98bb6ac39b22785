package tech.aiqem.chimera.planner.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.CampaignSchedule;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.persona.Persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The planning prompt as a model reads it, and what the planner accepts of the model's answer. */
class PlanPromptUnitTests {

	private final Persona persona = new Persona("Selam", "A fashion insider from Addis Ababa", List.of("Warm", "Upbeat"),
			List.of("Ethiopian fashion", "Habesha kemis"), List.of("politics"), List.of("Zemen"), DisclosureLevel.ASSISTED,
			List.of("en"));

	private final CampaignRow campaign = new CampaignRow(CampaignId.random(), TenantId.random(), AgentId.random(),
			"Grow the kemis audience", "active", this.persona, List.of("instagram", "twitter"),
			new CampaignSchedule(Instant.parse("2026-03-01T00:00:00Z"), 1, 3), 0, 1, 1, null, BigDecimal.ZERO);

	@Test
	void thePromptStatesPersonaGoalsPlatformsAndHowManyPostsInText() {
		var prompt = PlanPrompt.of(this.campaign, 4, 3, List.of());
		assertThat(prompt.user())
			.contains("Persona: Selam. Voice: Warm; Upbeat. Topics: Ethiopian fashion, Habesha kemis. Forbidden topics: politics.")
			.contains("Campaign goals: Grow the kemis audience")
			.contains("Platforms: instagram, twitter")
			.contains("Recently covered topics (do not repeat): none")
			.contains("Plan 3 posts.");
		assertThat(prompt.system()).contains("forbidden topics").contains("JSON only");
		assertThat(prompt.expectJson()).isTrue();
		assertThat(prompt.agentId()).isEqualTo(this.campaign.agent().toString());
		assertThat(prompt.taskId()).isNull();
	}

	@Test
	void theSameFactsTravelAsDataForTheOfflineModel() {
		var prompt = PlanPrompt.of(this.campaign, 4, 3, List.of("kemis care"));
		assertThat(prompt.facts().keySet()).containsExactly("purpose", "persona", "goals", "count", "first_slot", "platforms",
				"recent_topics");
		assertThat(prompt.facts()).containsEntry("purpose", "plan_posts")
			.containsEntry("goals", "Grow the kemis audience")
			.containsEntry("count", 3)
			.containsEntry("first_slot", 4)
			.containsEntry("platforms", List.of("instagram", "twitter"))
			.containsEntry("recent_topics", List.of("kemis care"));
		assertThat(prompt.facts().get("persona")).isEqualTo(Map.of("name", "Selam", "voice", List.of("Warm", "Upbeat"), "topics",
				List.of("Ethiopian fashion", "Habesha kemis"), "forbidden_topics", List.of("politics"), "approved_brands",
				List.of("Zemen")));
	}

	@Test
	void recentTopicsAreListedSoThatTheyAreNotRepeated() {
		var prompt = PlanPrompt.of(this.campaign, 0, 2, List.of("kemis care", "coffee ceremony looks"));
		assertThat(prompt.user()).contains("Recently covered topics (do not repeat): kemis care; coffee ceremony looks")
			.doesNotContain("(do not repeat): none");
	}

	@Test
	void anAnswerBecomesPostsInItsOrderWithTheirPlatforms() {
		List<PlannedPost> posts = PlanPrompt.parse("""
				{"tasks":[{"topic":"  Kemis care ","goal_description":" Teach washing by hand ","platform":"twitter"},
				          {"topic":"Designer spotlight","goal_description":"Feature a designer","platform":" Instagram "}]}""",
				this.campaign, 5);
		assertThat(posts).containsExactly(new PlannedPost("Kemis care", "Teach washing by hand", Platform.TWITTER),
				new PlannedPost("Designer spotlight", "Feature a designer", Platform.INSTAGRAM));
	}

	@Test
	void aPostWithAnUnknownOrMissingPlatformGoesToTheCampaignsFirstPlatform() {
		List<PlannedPost> posts = PlanPrompt.parse("""
				{"tasks":[{"topic":"a","goal_description":"A","platform":"myspace"},{"topic":"b","goal_description":"B"}]}""",
				this.campaign, 5);
		assertThat(posts).extracting(PlannedPost::platform).containsExactly(Platform.INSTAGRAM, Platform.INSTAGRAM);
	}

	@Test
	void postsWithoutTopicOrGoalAreSkippedAndNoMoreThanExpectedAreTaken() {
		List<PlannedPost> posts = PlanPrompt.parse("""
				{"tasks":[{"topic":" ","goal_description":"nothing to say"},{"goal_description":"no topic"},
				          {"topic":"first","goal_description":"1"},{"topic":"second","goal_description":"2"},
				          {"topic":"third","goal_description":"3"}]}""", this.campaign, 2);
		assertThat(posts).extracting(PlannedPost::topic).containsExactly("first", "second");
	}

	@Test
	void anAnswerWithoutUsableTasksIsRefusedAsMalformed() {
		assertThatExceptionOfType(MessageFormatException.class)
			.isThrownBy(() -> PlanPrompt.parse("{\"posts\":[]}", this.campaign, 3))
			.withMessageContaining("no \"tasks\" array");
		assertThatExceptionOfType(MessageFormatException.class)
			.isThrownBy(() -> PlanPrompt.parse("{\"tasks\":[]}", this.campaign, 3));
		assertThatExceptionOfType(MessageFormatException.class)
			.isThrownBy(() -> PlanPrompt.parse("{\"tasks\":{\"topic\":\"a\",\"goal_description\":\"A\"}}", this.campaign, 3));
		assertThatExceptionOfType(MessageFormatException.class)
			.isThrownBy(() -> PlanPrompt.parse("{\"tasks\":[{\"topic\":\"\",\"goal_description\":\"\"}]}", this.campaign, 3))
			.withMessageContaining("no topic and goal_description");
		assertThatExceptionOfType(MessageFormatException.class)
			.isThrownBy(() -> PlanPrompt.parse("Here is your plan: 1. kemis", this.campaign, 3))
			.withMessageContaining("malformed JSON");
	}

	@Test
	void aContentTaskCarriesThePostAndThePersonasRules() {
		TaskContext context = PlanPrompt.contextOf(this.campaign, new PlannedPost("Kemis care", "Teach washing by hand",
				Platform.TWITTER));
		assertThat(context.goalDescription()).isEqualTo("Teach washing by hand");
		assertThat(context.topic()).isEqualTo("Kemis care");
		assertThat(context.platform()).isEqualTo(Platform.TWITTER);
		assertThat(context.personaConstraints()).isEqualTo(this.persona.constraints())
			.contains("Never discuss: politics", "Only endorse approved brands: Zemen");
		assertThat(context.requiredResources()).containsExactly("mcp://memory/" + this.campaign.agent());
		assertThat(context.disclosureLevel()).isEqualTo(DisclosureLevel.ASSISTED);
		assertThat(context.mention()).isNull();
		assertThat(context.payment()).isNull();
	}
}
