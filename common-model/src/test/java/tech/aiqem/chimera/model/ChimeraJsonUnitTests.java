package tech.aiqem.chimera.model;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChimeraJsonUnitTests {

	@Test
	void taskQueueItemOfSpecParsesAndWritesBackEquivalent() {
		String json = resource("task-queue-item.json");
		TaskMessage task = ChimeraJson.read(json, TaskMessage.class);

		assertThat(task.taskId()).isEqualTo(TaskId.of("0b6f1c8e-3a53-4c8e-9d3e-7f4f2f0c1a11"));
		assertThat(task.agentId()).isEqualTo(AgentId.of("550e8400-e29b-41d4-a716-446655440000"));
		assertThat(task.taskType()).isEqualTo(TaskType.CONTENT_GENERATION);
		assertThat(task.priority()).isEqualTo(Priority.HIGH);
		assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-02-06T10:30:00Z"));
		assertThat(task.context().goalDescription()).isEqualTo("Create Instagram post about Ethiopian coffee");
		assertRoundTrip(json, task);
	}

	@Test
	void plannerToWorkerMessageOfSpecParsesAndWritesBackEquivalent() {
		String json = resource("planner-worker-message.json");
		TaskMessage task = ChimeraJson.read(json, TaskMessage.class);

		assertThat(task.assignedWorkerId()).isEqualTo("worker-pod-42");
		assertThat(task.deadline()).isEqualTo(Instant.parse("2026-02-06T10:35:00Z"));
		assertThat(task.context().personaConstraints()).containsExactly("Friendly tone", "Use emoji sparingly");
		assertThat(task.context().requiredResources()).containsExactly("mcp://weaviate/memory", "mcp://news/coffee");
		assertThat(task.agentId()).isNull();
		assertRoundTrip(json, task);
	}

	@Test
	void workerToJudgeMessageOfSpecParsesAndWritesBackEquivalent() {
		String json = resource("worker-judge-message.json");
		ResultMessage result = ChimeraJson.read(json, ResultMessage.class);

		assertThat(result.confidenceScore()).isEqualByComparingTo("0.92");
		assertThat(result.result().contentType()).isEqualTo("instagram_post");
		assertThat(result.result().mediaUrl()).isEqualTo("https://cdn.chimera.ai/img456.jpg");
		assertThat(result.toolCalls()).extracting(call -> call.tool() + ":" + call.durationMs())
			.containsExactly("generate_image:1200", "weaviate_search:45");
		assertThat(result.completedAt()).isEqualTo(Instant.parse("2026-02-06T10:31:23Z"));
		assertRoundTrip(json, result);
	}

	@Test
	void reviewQueueItemOfSpecReadsReasoningAsTheReasoningTrace() {
		String json = resource("review-queue-item.json");
		ResultMessage result = ChimeraJson.read(json, ResultMessage.class);

		assertThat(result.reasoningTrace()).isEqualTo("Medium confidence due to novel topic");
		assertThat(result.confidenceScore()).isEqualByComparingTo(new BigDecimal("0.85"));

		ObjectNode expected = (ObjectNode) ChimeraJson.tree(json);
		expected.set("reasoning_trace", expected.remove("reasoning"));
		assertThat(ChimeraJson.tree(ChimeraJson.write(result))).isEqualTo(expected);
	}

	@Test
	void unknownFieldsAreIgnored() {
		String json = resource("task-queue-item.json").replace("\"priority\"", "\"surprise\": {\"x\": 1}, \"priority\"");
		assertThat(ChimeraJson.read(json, TaskMessage.class).priority()).isEqualTo(Priority.HIGH);
	}

	@Test
	void notJsonIsRejectedWithAClearReason() {
		assertThatThrownBy(() -> ChimeraJson.read("{\"task_id\": ", TaskMessage.class))
			.isInstanceOf(MessageFormatException.class)
			.hasMessageStartingWith("malformed TaskMessage");
		assertThatThrownBy(() -> ChimeraJson.read("", TaskMessage.class)).isInstanceOf(MessageFormatException.class)
			.hasMessageContaining("empty message");
	}

	@Test
	void missingRequiredFieldIsNamed() {
		ObjectNode task = (ObjectNode) ChimeraJson.tree(resource("task-queue-item.json"));
		task.remove("task_type");
		assertThatThrownBy(() -> ChimeraJson.read(task.toString(), TaskMessage.class))
			.isInstanceOf(MessageFormatException.class)
			.hasMessageContaining("task_type is required");

		ObjectNode noGoal = (ObjectNode) ChimeraJson.tree(resource("task-queue-item.json"));
		((ObjectNode) noGoal.get("context")).remove("goal_description");
		assertThatThrownBy(() -> ChimeraJson.read(noGoal.toString(), TaskMessage.class))
			.hasMessageContaining("context.goal_description is required");
	}

	@Test
	void badValuesAreNamed() {
		String badPriority = resource("task-queue-item.json").replace("\"high\"", "\"urgent\"");
		assertThatThrownBy(() -> ChimeraJson.read(badPriority, TaskMessage.class))
			.isInstanceOf(MessageFormatException.class)
			.hasMessageContaining("'urgent' is not a valid priority; expected one of high, medium, low");

		String badId = resource("task-queue-item.json").replace("0b6f1c8e-3a53-4c8e-9d3e-7f4f2f0c1a11", "uuid");
		assertThatThrownBy(() -> ChimeraJson.read(badId, TaskMessage.class))
			.hasMessageContaining("task id 'uuid' is not a UUID");

		String badConfidence = resource("worker-judge-message.json").replace("0.92", "1.5");
		assertThatThrownBy(() -> ChimeraJson.read(badConfidence, ResultMessage.class))
			.hasMessageContaining("confidence_score must be between 0 and 1, got 1.5");
	}

	@Test
	void instantsAreWrittenAsIsoUtc() {
		TaskMessage task = ChimeraJson.read(resource("planner-worker-message.json"), TaskMessage.class);
		JsonNode written = ChimeraJson.tree(ChimeraJson.write(task.nextAttempt()));
		assertThat(written.get("created_at").asString()).isEqualTo("2026-02-06T10:30:00Z");
		assertThat(written.get("attempt").asInt()).isEqualTo(1);
		assertThat(written.has("assigned_worker_id")).isFalse();
	}

	@Test
	void everyErrorCodeOfTheSpecificationHasItsAction() {
		assertThat(ErrorCode.values()).extracting(ErrorCode::name)
			.containsExactly("E1001", "E1002", "E1003", "E1004", "E1005", "E1006", "E2001", "E2002");
		assertThat(ErrorCode.E1004.action()).isEqualTo("Invalidate result, re-plan");
		assertThat(ChimeraException.budgetExceeded("daily budget of 50.00 USD spent").detail())
			.isEqualTo("daily budget of 50.00 USD spent");
		assertThat(List.of(ErrorCode.values())).allSatisfy(code -> assertThat(ErrorCode.of(code.name())).isSameAs(code));
	}

	private static void assertRoundTrip(String original, Object parsed) {
		assertThat(ChimeraJson.tree(ChimeraJson.write(parsed))).isEqualTo(ChimeraJson.tree(original));
	}

	private static String resource(String name) {
		try (InputStream in = ChimeraJsonUnitTests.class.getResourceAsStream("/messages/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
