package tech.aiqem.chimera.tools.platform;

import java.time.Instant;
import java.util.List;

import tech.aiqem.chimera.model.Platform;

/**
 * One social platform. Implementations throw {@link PlatformException} (rate limited, rejected,
 * unavailable) and never log credentials.
 */
public interface SocialPlatform {

	Platform platform();

	/** "sandbox" or "live", as recorded with each post claim. */
	String adapter();

	/** Publishes a post; {@code post.idempotencyKey()} lets an adapter that can deduplicate do so. */
	PublishedPost publish(OutgoingPost post);

	/** Mentions of the account created in {@code [since, until]}, newest first. */
	List<RecentMention> mentions(AccountRef account, Instant since, Instant until);
}
