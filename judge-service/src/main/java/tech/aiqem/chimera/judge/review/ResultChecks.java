package tech.aiqem.chimera.judge.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.safety.InjectionDetector;
import tech.aiqem.chimera.safety.InjectionScan;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.persona.Persona;

/**
 * The judge's deterministic checks, pure and unit-tested: the result matches its task, claims only what
 * tool calls did, keeps to the persona (forbidden topics, approved brands, disclosure), passes the
 * blocklist, carries no injected instructions, and a payment is exactly the planned one.
 */
public final class ResultChecks {

	private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_]{2,30})");

	private static final int TWITTER_LIMIT = 280;

	private ResultChecks() {
	}

	public static List<Finding> run(TaskType type, TaskContext context, ResultMessage result, Persona persona,
			Set<String> blocklist) {
		List<Finding> findings = new ArrayList<>();
		TaskOutput output = result.result();
		if (type == TaskType.EXECUTE_TRANSACTION) {
			checkPayment(context, output, findings);
			return findings;
		}
		String text = output.text();
		if (text == null || text.isBlank()) {
			findings.add(Finding.reject(null, "the result has no text to publish"));
			return findings;
		}
		if (output.payment() != null) {
			findings.add(Finding.reject(ErrorCode.E1003, "a " + type.wire() + " result proposes a payment its task never planned"));
		}
		if (!output.allMediaUrls().isEmpty() && result.toolCallsOrEmpty().stream()
			.noneMatch(call -> call.tool().equals("generate_image") && call.succeeded())) {
			findings.add(Finding.reject(null, "the result claims media that no generate_image tool call produced"));
		}
		if (type == TaskType.REPLY_COMMENT && (context.mention() == null || !context.mention().id().equals(output.inReplyTo()))) {
			findings.add(Finding.reject(null, "the reply does not answer the mention its task was planned for"));
		}
		InjectionScan injected = InjectionDetector.shared().scan(text);
		if (injected.injection()) {
			findings.add(Finding.reject(ErrorCode.E1003, "the output carries injected instructions (" + String.join(", ", injected.reasons()) + ")"));
		}
		String forbidden = persona.forbiddenTopicIn(text);
		if (forbidden != null) {
			findings.add(Finding.escalate(ErrorCode.E1006, "touches the persona's forbidden topic '" + forbidden + "'"));
		}
		String lower = text.toLowerCase(Locale.ROOT);
		for (String blocked : blocklist) {
			if (!blocked.isBlank() && lower.contains(blocked.toLowerCase(Locale.ROOT))) {
				findings.add(Finding.escalate(ErrorCode.E1006, "contains blocklisted term '" + blocked + "'"));
			}
		}
		Matcher handles = HANDLE.matcher(text);
		while (handles.find()) {
			String handle = handles.group(1);
			boolean repliedTo = context.mention() != null && handle.equalsIgnoreCase(
					String.valueOf(context.mention().author()).replaceAll("[^A-Za-z0-9_]", ""));
			if (!repliedTo && persona.approvedBrands().stream().noneMatch(brand -> squash(brand).equals(squash(handle)))) {
				findings.add(Finding.escalate(null, "mentions @" + handle + ", who is not on the approved brand list"));
			}
		}
		DisclosureLevel wanted = context.disclosureLevel() != null ? context.disclosureLevel() : persona.disclosure();
		if (output.disclosureLevel() == DisclosureLevel.NONE && wanted != DisclosureLevel.NONE) {
			findings.add(Finding.reject(null, "the result removes the AI disclosure the persona requires (" + wanted.wire() + ")"));
		}
		if (output.platform() != null && output.platform().wire().equals("twitter") && text.length() > TWITTER_LIMIT) {
			findings.add(Finding.penalty("longer than " + TWITTER_LIMIT + " characters for twitter"));
		}
		return findings;
	}

	private static void checkPayment(TaskContext context, TaskOutput output, List<Finding> findings) {
		Payment planned = context.payment();
		Payment proposed = output == null ? null : output.payment();
		if (planned == null || proposed == null) {
			findings.add(Finding.reject(null, "a payment result without the planned payment"));
			return;
		}
		if (!planned.toAddress().equalsIgnoreCase(proposed.toAddress()) || planned.amountUsdc().compareTo(proposed.amountUsdc()) != 0
				|| planned.network() != proposed.network()) {
			findings.add(Finding.reject(ErrorCode.E1003, "the payment differs from the planned one (recipient, amount or network)"));
		}
		if (context.fromThirdParty()) {
			findings.add(Finding.escalate(ErrorCode.E1003, "a payment that originates from third-party text needs a human's approval"));
		}
	}

	private static String squash(String value) {
		return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}
}
