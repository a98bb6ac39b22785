package tech.aiqem.chimera.judge.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Mention;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.message.ToolCall;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/** Drafts for the checks' tests: a post or a reply by a persona, with the tool calls the worker declared. */
public final class Drafts {

	public static final Persona SELAM = SoulMarkdown.parse("""
			# Selam Style
			## Identity
			Fashion creator from Addis Ababa.
			## Voice
			- Warm
			## Topics
			- Ethiopian fashion
			- Habesha kemis
			## Forbidden Topics
			- politics
			- religion
			## Approved Brands
			- Zara
			- Habesha Weavers Co
			## Disclosure
			automated
			""");

	private Drafts() {
	}

	public static Draft post(String text) {
		return post(text, SELAM, List.of());
	}

	public static Draft post(String text, Persona persona, List<ToolCall> calls) {
		return new Draft(TaskType.CONTENT_GENERATION, new TaskContext("Create a twitter post", List.of(), List.of()),
				result(text, calls, null), persona, Set.of(), Set.of());
	}

	public static Draft sponsored(String text) {
		return new Draft(TaskType.CONTENT_GENERATION, new TaskContext("Create a sponsored twitter post for Zara", List.of(), List.of()),
				result(text, List.of(), null), SELAM, Set.of(), Set.of());
	}

	public static Draft reply(String text, String mentionText) {
		Mention mention = new Mention("m-1", Platform.values()[0], "fan_1", mentionText, Instant.parse("2026-06-01T10:00:00Z"));
		TaskContext context = new TaskContext("Reply to the mention", List.of(), List.of(), null, null, null, mention, null);
		return new Draft(TaskType.REPLY_COMMENT, context, result(text, List.of(), "m-1"), SELAM, Set.of(), Set.of());
	}

	public static ResultMessage result(String text, List<ToolCall> calls, String inReplyTo) {
		TaskOutput output = new TaskOutput("text", text, null, null, null, DisclosureLevel.AUTOMATED, inReplyTo, null, "offline", true);
		return new ResultMessage(TaskId.random(), AgentId.random(), output, new BigDecimal("0.95"), "fine", calls,
				Instant.parse("2026-06-01T10:01:00Z"), "worker-1", null, null, null, null);
	}
}
