package tech.aiqem.chimera.worker.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.infra.mcp.ToolCallContext;
import tech.aiqem.chimera.infra.mcp.ToolResults;
import tech.aiqem.chimera.infra.mcp.ToolsClient;
import tech.aiqem.chimera.infra.model.ModelGateway;
import tech.aiqem.chimera.infra.model.ModelPrompt;
import tech.aiqem.chimera.infra.model.ModelReply;
import tech.aiqem.chimera.infra.model.ModelRole;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskMessage;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.message.ToolCall;

/**
 * Does one task: asks the worker model for the content, calls the tools the content needs (an image
 * with the agent's consistent character), and assembles the result. It never posts or pays: a payment
 * task's result only carries the payment exactly as planned, for the judge and a possible human.
 */
public final class TaskWork {

	private final ModelGateway models;

	private final ToolsClient tools;

	private final Clock clock;

	private final String workerId;

	TaskWork(ModelGateway models, ToolsClient tools, Clock clock, String workerId) {
		this.models = models;
		this.tools = tools;
		this.clock = clock;
		this.workerId = workerId;
	}

	ResultMessage perform(TaskMessage task, Instant pickedAt) {
		List<ToolCall> calls = new ArrayList<>();
		Map<String, Object> persona = personaFacts(task.context().personaConstraints());
		ModelReply reply;
		TaskOutput output;
		JsonNode answer;
		switch (task.taskType()) {
			case CONTENT_GENERATION -> {
				reply = ask(WorkPrompts.post(task, persona, List.of()));
				answer = ChimeraJson.tree(reply.text());
				String text = required(answer, "text");
				Platform platform = task.context().platform() == null ? Platform.TWITTER : task.context().platform();
				String mediaUrl = null;
				String imagePrompt = answer.path("image_prompt").asString("");
				if (wantsImage(platform, task) && !imagePrompt.isBlank()) {
					long started = System.nanoTime();
					ToolResults.ImageResult image = this.tools.generateImage(context(task), imagePrompt,
							"agent-" + task.agentId(), "realistic", aspectRatio(platform));
					calls.add(new ToolCall("generate_image", (System.nanoTime() - started) / 1_000_000, true, image.provider()));
					mediaUrl = image.mediaUrl();
				}
				output = new TaskOutput(platform.wire() + "_post", text, mediaUrl, null, platform,
						task.context().disclosureLevel(), null, null, reply.provider() + "/" + reply.model(), reply.offline());
			}
			case REPLY_COMMENT -> {
				if (task.context().mention() == null) {
					throw new MessageFormatException("a reply_comment task has no mention to answer", null);
				}
				reply = ask(WorkPrompts.reply(task, persona));
				answer = ChimeraJson.tree(reply.text());
				Platform platform = task.context().mention().platform();
				output = new TaskOutput(platform.wire() + "_reply", required(answer, "text"), null, null, platform,
						task.context().disclosureLevel(), task.context().mention().id(), null,
						reply.provider() + "/" + reply.model(), reply.offline());
			}
			case EXECUTE_TRANSACTION -> {
				if (task.context().payment() == null) {
					throw new MessageFormatException("an execute_transaction task has no payment", null);
				}
				reply = ask(WorkPrompts.payment(task));
				answer = ChimeraJson.tree(reply.text());
				output = new TaskOutput("payment", null, null, null, null, null, null, task.context().payment(),
						reply.provider() + "/" + reply.model(), reply.offline());
			}
			default -> throw new IllegalStateException("unknown task type " + task.taskType());
		}
		BigDecimal confidence = confidence(answer);
		String reasoning = answer.path("reasoning").asString("");
		return new ResultMessage(task.taskId(), task.agentId(), output, confidence, reasoning, calls, this.clock.instant(),
				this.workerId, pickedAt, null, null,
				new ResultMessage.Usage(reply.inputTokens(), reply.outputTokens(), reply.costUsd()));
	}

	private ModelReply ask(ModelPrompt prompt) {
		return this.models.chat(ModelRole.WORKER, prompt);
	}

	private static ToolCallContext context(TaskMessage task) {
		return new ToolCallContext(task.agentId(), task.tenantId(), task.taskId());
	}

	/** Instagram posts always carry an image; elsewhere every other post does. */
	private static boolean wantsImage(Platform platform, TaskMessage task) {
		return platform == Platform.INSTAGRAM || (task.taskId().value().getLeastSignificantBits() & 1) == 0;
	}

	private static String aspectRatio(Platform platform) {
		return switch (platform) {
			case INSTAGRAM -> "4:5";
			case TWITTER -> "16:9";
			case THREADS -> "1:1";
		};
	}

	private static String required(JsonNode answer, String field) {
		String value = answer.path(field).asString("");
		if (value.isBlank()) {
			throw new MessageFormatException("the model's answer has no \"" + field + "\"", null);
		}
		return value.strip();
	}

	private static BigDecimal confidence(JsonNode answer) {
		JsonNode node = answer.path("confidence");
		double value = node.isNumber() ? node.asDouble() : 0.5;
		return BigDecimal.valueOf(Math.max(0, Math.min(1, value))).setScale(2, RoundingMode.HALF_UP);
	}

	/** The persona as the task carries it: its constraints, read back into voice rules and forbidden topics. */
	static Map<String, Object> personaFacts(List<String> constraints) {
		List<String> voice = new ArrayList<>();
		List<String> forbidden = new ArrayList<>();
		for (String rule : constraints) {
			if (rule.startsWith("Never discuss: ")) {
				forbidden.add(rule.substring("Never discuss: ".length()));
			}
			else if (!rule.startsWith("Only endorse") && !rule.startsWith("Disclosure:") && !rule.startsWith("Languages:")) {
				voice.add(rule);
			}
		}
		Map<String, Object> persona = new LinkedHashMap<>();
		persona.put("voice", voice);
		persona.put("forbidden_topics", forbidden);
		return persona;
	}
}
