package tech.aiqem.chimera.model.message;

import java.util.List;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;

/**
 * What a worker produced (docs/architecture.md §5.2 result): the post or reply text, its media, the platform and
 * disclosure it is meant for, or the payment it proposes. {@code offline} marks output written by the
 * offline model. Nothing here has been published or paid: that happens only after approval.
 */
public record TaskOutput(String contentType, String text, String mediaUrl, List<String> mediaUrls, Platform platform,
		DisclosureLevel disclosureLevel, String inReplyTo, Payment payment, String model, Boolean offline) {

	public TaskOutput {
		mediaUrls = mediaUrls == null ? null : List.copyOf(mediaUrls);
	}

	public static TaskOutput post(String contentType, String text, String mediaUrl, Platform platform,
			DisclosureLevel disclosure, String model, boolean offline) {
		return new TaskOutput(contentType, text, mediaUrl, null, platform, disclosure, null, null, model, offline);
	}

	/** Every media URL of the output, whichever field carried it. */
	public List<String> allMediaUrls() {
		if (this.mediaUrls != null && !this.mediaUrls.isEmpty()) {
			return this.mediaUrls;
		}
		return this.mediaUrl == null ? List.of() : List.of(this.mediaUrl);
	}

	public TaskOutput withText(String newText) {
		return new TaskOutput(this.contentType, newText, this.mediaUrl, this.mediaUrls, this.platform,
				this.disclosureLevel, this.inReplyTo, this.payment, this.model, this.offline);
	}
}
