package tech.aiqem.chimera.tools.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

	/**
	 * Publishes a post as one attempt of several: a two-step platform records its container through
	 * {@code attempt} before publishing it, and reuses the container an earlier attempt recorded.
	 */
	default PublishedPost publish(OutgoingPost post, PublishAttempt attempt) {
		return publish(post);
	}

	/**
	 * The post, if an earlier attempt published it after all (a timeout or a crash after the platform
	 * took it): looked up among the account's posts since {@code since} by its text. A retry asks this
	 * before posting again, so a post is never published twice.
	 */
	Optional<PublishedPost> find(OutgoingPost post, Instant since);

	/** Mentions of the account created in {@code [since, until]}, newest first. */
	List<RecentMention> mentions(AccountRef account, Instant since, Instant until);
}
