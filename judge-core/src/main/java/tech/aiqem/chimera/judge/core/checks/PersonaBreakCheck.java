package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.safety.InjectionDetector;
import tech.aiqem.chimera.safety.InjectionScan;
import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.message.Mention;

/**
 * A persona break or a jailbreak the worker followed: the output speaks as "DAN" or in "developer mode",
 * falls back to assistant boilerplate ("as an AI language model I cannot"), reveals its instructions, or
 * complies with an instruction that came from the mention it answers (untrusted text).
 */
public final class PersonaBreakCheck implements Check {

	private static final Pattern JAILBROKEN = Pattern.compile("(?i)\\b(?:i am|i'm|as|this is)\\s+dan\\b|\\bdan mode\\b|\\bdo anything now\\b"
			+ "|\\bdeveloper mode\\b|\\bjailbr(?:oken|eak mode)\\b|\\bi (?:have been|am|was) (?:freed|unchained|unfiltered|jailbroken)\\b"
			+ "|\\bno (?:longer (?:bound|restricted) by|restrictions|filters|rules) (?:apply|anymore|now)?\\b|\\bstay in character as\\b|\\[🔓|\\(🔓");

	private static final Pattern ASSISTANT = Pattern.compile("(?i)\\bas an ai(?: language)? model\\b|\\bas a large language model\\b"
			+ "|\\bas an ai(?: assistant)?,?\\s+i\\s*(?:don['’]t|do not|can['’]t|cannot|am not|['’]m not|have no|am unable)\\b"
			+ "|\\bi(?:'m| am) (?:just )?an? (?:ai|language model|ai assistant|assistant)(?: created| developed| trained| made)? by\\b"
			+ "|\\bi(?: cannot| can['’]t|['’]m unable to| am unable to) (?:comply|fulfill|assist with|help with) (?:that|this|your)\\b|\\bi'm sorry, but i can(?:not|'t)\\b"
			+ "|\\bmy (?:system prompt|instructions|guidelines) (?:say|are|is|tell)\\b|\\bhere (?:is|are) my (?:system prompt|instructions)\\b");

	private static final Pattern COMPLIANCE = Pattern.compile("(?i)^\\W*(?:sure|ok(?:ay)?|of course|certainly|as you (?:asked|requested|wish)|done|alright|understood|yes)\\b"
			+ "|\\bas (?:you )?(?:instructed|requested|asked)\\b|\\bhere(?:'s| is) (?:the|my|your) (?:password|api key|key|seed|prompt|wallet|system)");

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		Matcher jailbroken = JAILBROKEN.matcher(text);
		if (jailbroken.find()) {
			findings.add(Finding.reject("followed_jailbreak", ErrorCode.E1003, "the output speaks as a jailbroken model (\""
					+ jailbroken.group() + "\")", Finding.Span.of(text, jailbroken.start(), jailbroken.end())));
		}
		Matcher assistant = ASSISTANT.matcher(text);
		if (assistant.find()) {
			findings.add(Finding.reject("persona_break", null, "the output breaks persona with assistant boilerplate (\""
					+ assistant.group() + "\")", Finding.Span.of(text, assistant.start(), assistant.end())));
		}
		Mention mention = draft.context().mention();
		if (mention != null && mention.text() != null) {
			InjectionScan injected = InjectionDetector.shared().scan(mention.text());
			if (injected.injection()) {
				Matcher complies = COMPLIANCE.matcher(text);
				findings.add(complies.find()
						? Finding.reject("followed_instruction", ErrorCode.E1003, "the reply complies (\"" + complies.group()
								+ "\") with instructions planted in the mention it answers", Finding.Span.of(text, complies.start(), complies.end()))
						: Finding.escalate("untrusted_instruction", ErrorCode.E1003,
								"the mention this reply answers carries instructions (" + String.join(", ", injected.reasons())
										+ "); a human checks the reply does not follow them", null));
			}
		}
		return findings;
	}
}
