package tech.aiqem.chimera.tools.outbox;

import java.util.List;
import java.util.Objects;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.Publication;

/** Whether a tool call is exactly the approved action: null when it is, else what differs. Pure. */
public final class OutboxMatch {

	/** What a {@code post_content} call asks for. */
	public record PostCall(Platform platform, String text, List<String> mediaUrls, String inReplyTo) {

		public PostCall {
			mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
		}
	}

	private OutboxMatch() {
	}

	static String post(Publication approved, PostCall call) {
		if (approved.platform() != call.platform()) {
			return "the platform is " + call.platform().wire() + ", the approved one " + approved.platform().wire();
		}
		if (!approved.textContent().strip().equals(call.text().strip())) {
			return "the text is not the approved text";
		}
		if (!approved.mediaUrls().equals(call.mediaUrls())) {
			return "the media are not the approved media";
		}
		if (!Objects.equals(blankToNull(approved.inReplyTo()), blankToNull(call.inReplyTo()))) {
			return "it answers a different mention than the approved reply";
		}
		return null;
	}

	static String payment(Publication approved, Payment call) {
		Payment planned = approved.payment();
		if (!planned.toAddress().equalsIgnoreCase(call.toAddress())) {
			return "the recipient is not the approved recipient";
		}
		if (planned.amountUsdc().compareTo(call.amountUsdc()) != 0) {
			return "the amount " + call.amountUsdc().toPlainString() + " USDC is not the approved "
					+ planned.amountUsdc().toPlainString();
		}
		if (planned.network() != call.network()) {
			return "the network is " + call.network().wire() + ", the approved one " + planned.network().wire();
		}
		return null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
