package tech.aiqem.chimera.tools.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishAttempt;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

/**
 * A fault knob for the fault suite: a platform that, like X or Threads, creates a new post on every call
 * (no idempotency of its own), and that for a share of the posts takes the post and then loses its answer
 * (the call times out). The share is picked by the task id, so a run is reproducible. Looking posts up
 * ({@link #find}) sees every post the platform took.
 */
public final class LostAnswers implements SocialPlatform {

	private static final Logger log = LoggerFactory.getLogger(LostAnswers.class);

	private final SocialPlatform platform;

	private final double share;

	/** Posts the platform took per idempotency key. */
	private final Map<String, Integer> posts = new ConcurrentHashMap<>();

	public LostAnswers(SocialPlatform platform, double share) {
		this.platform = platform;
		this.share = share;
	}

	@Override
	public Platform platform() {
		return this.platform.platform();
	}

	@Override
	public String adapter() {
		return this.platform.adapter();
	}

	@Override
	public PublishedPost publish(OutgoingPost post) {
		return publish(post, PublishAttempt.first());
	}

	@Override
	public PublishedPost publish(OutgoingPost post, PublishAttempt attempt) {
		String key = post.idempotencyKey();
		// every call that reaches the platform is a new post, as on a platform without idempotency keys; a call
		// that failed before the platform took it (its store was down) posted nothing and is not counted
		int taken = this.posts.getOrDefault(key, 0);
		OutgoingPost sent = taken == 0 ? post : new OutgoingPost(post.account(), post.text(), post.mediaUrls(),
				post.disclosure(), post.aiGenerated(), post.inReplyTo(), key + "#" + (taken + 1));
		PublishedPost published = this.platform.publish(sent, attempt);
		this.posts.merge(key, 1, Integer::sum);
		if (taken == 0 && loses(key)) {
			log.warn("Fault knob: {} took the post of task {} and its answer was lost", platform().wire(), key);
			throw new PlatformException(PlatformException.Kind.UNAVAILABLE,
					platform().wire() + " did not answer in time (the post went out; fault knob)");
		}
		return published;
	}

	@Override
	public Optional<PublishedPost> find(OutgoingPost post, Instant since) {
		return this.platform.find(post, since);
	}

	@Override
	public List<RecentMention> mentions(AccountRef account, Instant since, Instant until) {
		return this.platform.mentions(account, since, until);
	}

	boolean loses(String key) {
		UUID hash = UUID.nameUUIDFromBytes(("lost-answer:" + key).getBytes(StandardCharsets.UTF_8));
		return Math.floorMod(hash.getLeastSignificantBits(), 10_000) < this.share * 10_000;
	}
}
