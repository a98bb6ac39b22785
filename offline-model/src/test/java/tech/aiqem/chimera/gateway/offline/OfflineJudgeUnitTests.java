package tech.aiqem.chimera.gateway.offline;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.Purpose;
import tech.aiqem.chimera.model.ChimeraJson;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline judge echoes the judge's deterministic score: no hash of the task id, whatever the task. */
class OfflineJudgeUnitTests {

	private final OfflineModel model = new OfflineModel(Duration.ZERO, Duration.ZERO);

	private JsonNode judge(String taskId, Object score, List<Map<String, Object>> findings) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put(Purpose.KEY, Purpose.JUDGE_RESULT.key());
		facts.put("text", "A Habesha kemis for every season");
		facts.put("findings", findings);
		if (score != null) {
			facts.put("deterministic_score", score);
		}
		return ChimeraJson.tree(this.model.chat(ModelRole.JUDGE, new ModelPrompt(null, "judge", facts, "a", taskId, 100, true), null).text());
	}

	@Test
	void theScoreIsTheDeterministicOneForEveryTask() {
		for (String task : List.of("t-1", "t-2", "t-3", "another")) {
			JsonNode answer = judge(task, new BigDecimal("0.95"), List.of());
			assertThat(answer.get("score").asDouble()).isEqualTo(0.95);
			assertThat(answer.get("verdict").asString()).isEqualTo("approve");
		}
	}

	@Test
	void findingsAreTheReasonsAndNoScoreMeansReview() {
		JsonNode escalated = judge("t-1", new BigDecimal("0.75"), List.of(Map.of("code", "unapproved_brand", "detail", "mentions Shein")));
		assertThat(escalated.get("verdict").asString()).isEqualTo("review");
		assertThat(escalated.get("reasoning").asString()).contains("mentions Shein");
		assertThat(judge("t-1", null, List.of()).get("verdict").asString()).isEqualTo("review");
	}
}
