package tech.aiqem.chimera.tools.post;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;

/**
 * A row of {@code post_claims}: one post_content task, its pacing slot and, once out, its post id;
 * {@code attemptUntil} is the end of the lease of a call that is talking to the platform now.
 */
record PostClaim(String key, Platform platform, String account, String textSha256, String postedText,
		List<String> mediaUrls, DisclosureLevel disclosure, String inReplyTo, String status, Instant slotAt,
		String postId, Instant publishedAt, Instant attemptedAt, String platformRequest, Instant attemptUntil) {

	boolean reserved() {
		return "reserved".equals(this.status);
	}

	boolean published() {
		return "published".equals(this.status);
	}

	/** An attempt went to the platform and its outcome is not known: it may be out. */
	boolean publishing() {
		return "publishing".equals(this.status);
	}

	boolean failed() {
		return "failed".equals(this.status);
	}

	/** The tool's answer for this claim's post. */
	Map<String, Object> answer(String postId, Instant postedAt, boolean replayed) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("post_id", postId);
		result.put("platform", this.platform.wire());
		result.put("account", this.account);
		result.put("text", this.postedText);
		result.put("media_urls", this.mediaUrls);
		result.put("disclosure_level", this.disclosure.wire());
		result.put("posted_at", postedAt.toString());
		result.put("replayed", replayed);
		return result;
	}
}
