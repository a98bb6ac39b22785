package tech.aiqem.chimera.judge.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.Purpose;
import tech.aiqem.chimera.gateway.offline.OfflineModel;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the offline pipeline writes, the production judge (chimera-safety's models) approves: posts the
 * offline model writes on the persona's topics are mostly auto-approved, as the end-to-end test needs.
 */
class OfflinePostsUnitTests {

	static final String SOUL = """
			# Selam Style
			## Identity
			A warm fashion insider from Addis Ababa.
			## Voice
			- Warm and upbeat
			- Use emoji sparingly
			## Topics
			- Ethiopian fashion
			- Habesha kemis
			- Summer collections
			## Forbidden topics
			- politics
			## Approved brands
			- Yefikir Design
			## Disclosure
			automated
			""";

	@Test
	void mostOfflineWrittenPostsOnThePersonasTopicsAreApproved() {
		Persona persona = SoulMarkdown.parse(SOUL);
		OfflineModel writer = new OfflineModel(Duration.ZERO, Duration.ZERO);
		JudgeCore judge = SafetyPorts.judgeCore();
		List<String> outcomes = new ArrayList<>();
		// fixed task ids: the offline writer varies its wording by task id, so random ids made this test flaky
		// (59 % of posts approved over 200 random ids; 12 random ones fell under half about one run in six)
		int n = 60;
		for (int i = 0; i < n; i++) {
			String topic = persona.topics().get(i % 3) + " — " + List.of("designer spotlight", "styling tip", "weekend look").get(i % 3);
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put(Purpose.KEY, Purpose.WRITE_POST.key());
			facts.put("persona", Map.of("name", persona.name(), "voice", persona.voice(), "topics", persona.topics()));
			facts.put("topic", topic);
			facts.put("goal", "Summer collection launch");
			facts.put("platform", "twitter");
			TaskId task = new TaskId(java.util.UUID.nameUUIDFromBytes(("offline-post-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			JsonNode written = ChimeraJson.tree(writer.chat(ModelRole.WORKER, new ModelPrompt(null, "write", facts, "a", task.toString(), 300, true), null).text());
			TaskOutput output = new TaskOutput("text", written.get("text").asString(), null, null, Platform.values()[0], persona.disclosure(),
					null, null, "offline", true);
			ResultMessage result = new ResultMessage(task, AgentId.random(), output, BigDecimal.valueOf(written.get("confidence").asDouble()),
					"", List.of(), Instant.now(), "w", null, null, null, null);
			TaskContext context = new TaskContext("Create a twitter post on " + topic, persona.constraints(), List.of(), Platform.values()[0], topic,
					persona.disclosure(), null, null);
			Verdict verdict = judge.decide(new Draft(TaskType.CONTENT_GENERATION, context, result, persona, Set.of(), Set.of()),
					new BigDecimal("0.90"), true);
			outcomes.add(verdict.outcome().wire() + " " + verdict.confidence() + " " + output.text() + " " + verdict.findings());
		}
		System.out.println("APPROVED " + outcomes.stream().filter(o -> o.startsWith("approve")).count() + " of " + n);
		assertThat(outcomes.stream().filter(o -> o.startsWith("approve")).count()).as(String.join("\n", outcomes))
			.isGreaterThanOrEqualTo(n * 45 / 100);
		assertThat(outcomes).noneMatch(o -> o.startsWith("reject"));
	}
}
