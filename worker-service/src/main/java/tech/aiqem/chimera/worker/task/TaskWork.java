package tech.aiqem.chimera.worker.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.infra.memory.ShortTermItem;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskMessage;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.message.ToolCall;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

/**
 * Does one task: asks the worker model for the content, calls the tools the content needs (an image
 * with the agent's consistent character), and assembles the result. It never posts or pays: a payment
 * task's result only carries the payment exactly as planned, for the judge and a possible human.
 */
public final class TaskWork {

	private static final Logger log = LoggerFactory.getLogger(TaskWork.class);

	private final ModelGateway models;

	private final ToolsClient tools;

	private final Clock clock;

	private final String workerId;

	private final ShortTermMemory shortTerm;

	TaskWork(ModelGateway models, ToolsClient tools, Clock clock, String workerId, ShortTermMemory shortTerm) {
		this.models = models;
		this.tools = tools;
		this.clock = clock;
		this.workerId = workerId;
		this.shortTerm = shortTerm;
	}

	ResultMessage perform(TaskMessage task, Instant pickedAt) {
		List<ToolCall> calls = new ArrayList<>();
		Map<String, Object> persona = personaFacts(task.context().personaConstraints());
		ModelReply reply;
		TaskOutput output;
		JsonNode answer;
		switch (task.taskType()) {
			case CONTENT_GENERATION -> {
				reply = ask(WorkPrompts.post(task, persona, recall(task, memoryQuery(task), calls)));
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
				reply = ask(WorkPrompts.reply(task, persona, recall(task, memoryQuery(task), calls)));
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
		if (output.text() != null) {
			rememberShortTerm(task, output.text());
		}
		BigDecimal confidence = confidence(answer);
		String reasoning = answer.path("reasoning").asString("");
		return new ResultMessage(task.taskId(), task.agentId(), output, confidence, reasoning, calls, this.clock.instant(),
				this.workerId, pickedAt, null, null,
				new ResultMessage.Usage(reply.inputTokens(), reply.outputTokens(), reply.costUsd()));
	}

	/**
	 * What the agent remembers for this task: the closest long-term memories (search_memory, recorded as a
	 * tool call) and its latest short-term turns. Memory is a help, not a precondition: a failure is logged
	 * and the task goes on without it.
	 */
	List<String> recall(TaskMessage task, String query, List<ToolCall> calls) {
		List<String> memories = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (ToolResults.FoundMemory memory : this.tools.searchMemory(context(task), query, null, 3, null)) {
				memories.add(memory.content());
			}
			calls.add(new ToolCall("search_memory", (System.nanoTime() - started) / 1_000_000, true, memories.size() + " found"));
		}
		catch (RuntimeException ex) {
			log.warn("search_memory failed for task {}; working without long-term memories: {}", task.taskId(), ex.getMessage());
			calls.add(new ToolCall("search_memory", (System.nanoTime() - started) / 1_000_000, false, ex.getMessage()));
		}
		try {
			for (ShortTermItem item : this.shortTerm.latest(task.agentId(), 10)) {
				if (!memories.contains(item.text())) {
					memories.add(item.text());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("short-term memory unavailable for task {}: {}", task.taskId(), ex.getMessage());
		}
		return memories;
	}

	/** The topic (or, for a reply, the mention) is what the agent needs to remember things about. */
	private static String memoryQuery(TaskMessage task) {
		if (task.context().topic() != null && !task.context().topic().isBlank()) {
			return task.context().topic();
		}
		if (task.context().mention() != null) {
			return task.context().mention().text();
		}
		return task.context().goalDescription();
	}

	private void rememberShortTerm(TaskMessage task, String text) {
		try {
			this.shortTerm.remember(task.agentId(), "assistant", text);
		}
		catch (RuntimeException ex) {
			log.warn("could not add task {}'s text to short-term memory: {}", task.taskId(), ex.getMessage());
		}
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
