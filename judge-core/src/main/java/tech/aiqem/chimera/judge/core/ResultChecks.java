package tech.aiqem.chimera.judge.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.aiqem.chimera.safety.InjectionDetector;
import tech.aiqem.chimera.safety.InjectionScan;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;

/**
 * The structural checks: the result matches its task (a reply answers its mention, only a payment task
 * pays, and exactly the planned payment), has text, carries no injected instructions, passes the
 * operator's blocklist and fits the platform. The text checks are in {@code checks}.
 */
public final class ResultChecks {

	private static final int TWITTER_LIMIT = 280;

	private ResultChecks() {
	}

	public static List<Finding> run(Draft draft) {
		List<Finding> findings = new ArrayList<>();
		TaskOutput output = draft.result().result();
		TaskContext context = draft.context();
		TaskType type = draft.type();
		if (type == TaskType.EXECUTE_TRANSACTION) {
			checkPayment(context, output, findings);
			return findings;
		}
		String text = draft.text();
		if (text.isBlank()) {
			findings.add(Finding.reject("no_text", null, "the result has no text to publish", null));
			return findings;
		}
		if (output.payment() != null) {
			findings.add(Finding.reject("unplanned_payment", ErrorCode.E1003, "a " + type.wire() + " result proposes a payment its task never planned", null));
		}
		if (type == TaskType.REPLY_COMMENT && (context.mention() == null || !context.mention().id().equals(output.inReplyTo()))) {
			findings.add(Finding.reject("wrong_reply_target", null, "the reply does not answer the mention its task was planned for", null));
		}
		InjectionScan injected = InjectionDetector.shared().scan(text);
		if (injected.injection()) {
			// The detector's learned head was trained on text reaching the agent, not on posts it writes: a post
			// that only the head flags (no rule fired) goes to a human instead of being rejected.
			boolean rules = injected.reasons().stream().anyMatch(reason -> !reason.startsWith("classifier"));
			String detail = "the output carries injected instructions (" + String.join(", ", injected.reasons()) + ")";
			findings.add(rules ? Finding.reject("injected_instructions", ErrorCode.E1003, detail, null)
					: Finding.escalate("injected_instructions", ErrorCode.E1003, detail, null));
		}
		String lower = text.toLowerCase(Locale.ROOT);
		for (String blocked : draft.blocklist()) {
			int at = blocked.isBlank() ? -1 : lower.indexOf(blocked.toLowerCase(Locale.ROOT));
			if (at >= 0) {
				findings.add(Finding.escalate("blocklisted", ErrorCode.E1006, "contains blocklisted term '" + blocked + "'",
						Finding.Span.of(text, at, at + blocked.length())));
			}
		}
		if (output.platform() != null && output.platform().wire().equals("twitter") && text.length() > TWITTER_LIMIT) {
			findings.add(Finding.penalty("too_long", "longer than " + TWITTER_LIMIT + " characters for twitter", null));
		}
		return findings;
	}

	private static void checkPayment(TaskContext context, TaskOutput output, List<Finding> findings) {
		Payment planned = context.payment();
		Payment proposed = output == null ? null : output.payment();
		if (planned == null || proposed == null) {
			findings.add(Finding.reject("payment_missing", null, "a payment result without the planned payment", null));
			return;
		}
		if (!planned.toAddress().equalsIgnoreCase(proposed.toAddress()) || planned.amountUsdc().compareTo(proposed.amountUsdc()) != 0
				|| planned.network() != proposed.network()) {
			findings.add(Finding.reject("payment_differs", ErrorCode.E1003, "the payment differs from the planned one (recipient, amount or network)", null));
		}
		if (context.fromThirdParty()) {
			findings.add(Finding.escalate("payment_from_mention", ErrorCode.E1003, "a payment that originates from third-party text needs a human's approval", null));
		}
	}
}
