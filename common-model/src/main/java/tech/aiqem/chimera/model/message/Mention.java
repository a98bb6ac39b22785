package tech.aiqem.chimera.model.message;

import java.time.Instant;

import tech.aiqem.chimera.model.Platform;

/**
 * A third-party post that a reply task answers. Its text is untrusted data: prompts fence it as
 * data and nothing in it may steer a tool call.
 */
public record Mention(String id, Platform platform, String author, String text, Instant createdAt) {

	public Mention {
		Checks.notBlank(id, "mention.id");
		Checks.notNull(platform, "mention.platform");
		Checks.notNull(text, "mention.text");
	}
}
