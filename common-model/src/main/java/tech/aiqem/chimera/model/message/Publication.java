package tech.aiqem.chimera.model.message;

import java.util.List;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;

/**
 * An approved action waiting in the outbox ({@code publications}): a post (text, media, platform,
 * disclosure, the mention it answers) or a payment. Written in the same transaction as the approval,
 * by the judge or by a human's decision, and performed once by the publisher with the task id as the
 * idempotency key.
 */
public record Publication(String action, Platform platform, String textContent, List<String> mediaUrls,
		DisclosureLevel disclosureLevel, String inReplyTo, Payment payment) {

	public static final String POST = "post";

	public static final String PAY = "pay";

	public Publication {
		if (!POST.equals(action) && !PAY.equals(action)) {
			throw new IllegalArgumentException("publication action must be post or pay, got " + action);
		}
		if (POST.equals(action)) {
			Checks.notNull(platform, "platform");
			Checks.notBlank(textContent, "text_content");
		}
		else {
			Checks.notNull(payment, "payment");
		}
		mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
	}

	/** The post a result proposes, with the text a reviewer may have edited. */
	public static Publication post(TaskOutput output, String text) {
		return new Publication(POST, output.platform() == null ? Platform.TWITTER : output.platform(), text,
				output.allMediaUrls(), output.disclosureLevel(), output.inReplyTo(), null);
	}

	public static Publication pay(Payment payment) {
		return new Publication(PAY, null, null, null, null, null, payment);
	}
}
