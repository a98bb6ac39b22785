package tech.aiqem.chimera.tools.platform;

import java.util.List;

import tech.aiqem.chimera.model.DisclosureLevel;

/**
 * A post as the platform receives it.
 * @param text the text with its disclosure label already applied
 * @param aiGenerated the platform's AI-content flag, for adapters whose API has one
 * @param inReplyTo the platform id of the post or mention this answers, or null
 * @param idempotencyKey the caller's task id
 */
public record OutgoingPost(AccountRef account, String text, List<String> mediaUrls, DisclosureLevel disclosure,
		boolean aiGenerated, String inReplyTo, String idempotencyKey) {

	public OutgoingPost {
		mediaUrls = List.copyOf(mediaUrls);
	}
}
