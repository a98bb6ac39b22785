package tech.aiqem.chimera.tools.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.agent.AgentProfile;
import tech.aiqem.chimera.tools.config.ToolsProperties;
import tech.aiqem.chimera.tools.mcp.Arguments;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.Sha256;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.outbox.ApprovedActions;
import tech.aiqem.chimera.tools.outbox.OutboxMatch;
import tech.aiqem.chimera.tools.pacing.PacingPolicy;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.pacing.SlotWaiter;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishAttempt;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.SocialPlatform;
import tech.aiqem.chimera.tools.platform.SocialPlatforms;

/**
 * The {@code post_content} tool. It posts only the task's approved outbox post, exactly (platform, text,
 * media, reply target). Same task id twice: one publication, the same post id. Same text twice
 * on one account under different tasks: a {@code duplicate_content} tool error naming the first post.
 * Over quota: the call waits for its slot up to {@code max-wait}, else answers {@code retry_later} with
 * {@code retry_at}; the slot stays reserved for the task, so calling again then publishes it.
 */
@Component
public class PostContentTool {

	public static final String NAME = "post_content";

	private static final Logger log = LoggerFactory.getLogger(PostContentTool.class);

	private final AgentDirectory agents;

	private final SocialPlatforms platforms;

	private final PostClaims claims;

	private final RateLimitBlocks blocks;

	private final SlotWaiter waiter;

	private final PacingPolicy pacing;

	private final Duration maxWait;

	private final Clock clock;

	private final ApprovedActions approved;

	private final PlatformFailures failures;

	/** The attempt lease on the shared clock. */
	private final Duration attemptLease;

	PostContentTool(AgentDirectory agents, SocialPlatforms platforms, PostClaims claims, RateLimitBlocks blocks,
			SlotWaiter waiter, ToolsProperties properties, Clock clock, ApprovedActions approved) {
		this.agents = agents;
		this.approved = approved;
		this.platforms = platforms;
		this.claims = claims;
		this.blocks = blocks;
		this.waiter = waiter;
		ToolsProperties.Pacing p = properties.pacing();
		this.pacing = new PacingPolicy(p.postsPerHour(), p.postsPerDay(), p.minSpacing(), p.jitter());
		this.maxWait = p.maxWait();
		this.clock = clock;
		this.failures = new PlatformFailures(claims, blocks, clock);
		Duration lease = properties.platforms().attemptLease();
		this.attemptLease = ScaledClock.onClock(clock, lease);
	}

	public Map<String, Object> call(CallContext context, Map<String, Object> arguments) {
		Arguments args = new Arguments(NAME, arguments);
		Platform platform = args.requiredEnum("platform", Platform::of);
		String text = args.requiredString("text_content").strip();
		List<String> mediaUrls = args.stringList("media_urls");
		DisclosureLevel requested = args.optionalEnum("disclosure_level", DisclosureLevel::of, null);
		String key = context.requireTask().toString();
		AgentProfile agent = this.agents.get(context.requireAgent());
		if (context.tenant() != null && !context.tenant().equals(agent.tenant())) {
			throw new ToolError(Reason.FORBIDDEN, NAME + ": agent " + agent.id() + " does not belong to tenant " + context.tenant());
		}
		AgentProfile.SocialAccount social = agent.account(platform)
			.orElseThrow(() -> new ToolError(Reason.NO_ACCOUNT, NAME + ": agent " + agent.id() + " has no " + platform.wire()
					+ " account in its social_accounts"));
		AccountRef account = new AccountRef(agent.id(), agent.tenant(), platform, social.username(), social.userId());
		DisclosureLevel level = Disclosure.decide(requested, agent.persona().disclosure());
		String posted = Disclosure.label(text, level);
		int length = posted.codePointCount(0, posted.length());
		if (length > Disclosure.maxLength(platform)) {
			throw ToolError.invalidArgument(NAME + ": the post is " + length + " characters with its disclosure label; "
					+ platform.wire() + " takes at most " + Disclosure.maxLength(platform));
		}
		if (platform == Platform.INSTAGRAM && mediaUrls.isEmpty()) {
			throw ToolError.invalidArgument(NAME + ": instagram posts need at least one entry in media_urls");
		}
		String inReplyTo = context.inReplyTo();
		SocialPlatform adapter = this.platforms.get(platform);
		PostClaim claim = this.claims.find(key).filter(c -> !c.failed()).orElse(null);
		if (claim != null && claim.published()) {
			return claim.answer(claim.postId(), claim.publishedAt(), true);
		}
		// checked again on every call that may still post: the approval stands and the agent is still active
		this.approved.requirePost(NAME, context.requireTask(), agent.id(),
				new OutboxMatch.PostCall(platform, text, mediaUrls, inReplyTo));
		if (claim == null) {
			try {
				claim = this.claims.reserve(new PostClaims.NewClaim(key, account, adapter.adapter(), Sha256.hex(text), posted,
						mediaUrls, level, inReplyTo), this.pacing, this.clock.instant(),
						this.blocks.blockedUntil(account.key(), this.clock.instant()));
			}
			catch (DuplicateTextException ex) {
				throw duplicate(account, ex.otherTask(), ex.postId());
			}
			if (claim.published()) {
				return claim.answer(claim.postId(), claim.publishedAt(), true);
			}
		}
		awaitSlot(claim);
		// the wait may have been long: the approval and the agent are checked again just before the platform call
		this.approved.requirePost(NAME, context.requireTask(), agent.id(),
				new OutboxMatch.PostCall(platform, text, mediaUrls, inReplyTo));
		Instant now = this.clock.instant();
		PostClaim before = this.claims.startAttempt(key, now, now.plus(this.attemptLease)).orElse(null);
		if (before == null) {
			return notAttempted(key);
		}
		OutgoingPost post = new OutgoingPost(account, before.postedText(), before.mediaUrls(), before.disclosure(),
				before.disclosure() != DisclosureLevel.NONE, before.inReplyTo(), key);
		try {
			if (before.publishing()) {
				// an earlier attempt reached the platform and its answer was lost: it may be out already
				PublishedPost earlier = this.failures.lookUp(adapter, post, before, account);
				if (earlier != null) {
					this.claims.published(key, earlier.postId(), earlier.postedAt());
					log.info("Found {} post {} of task {} published by an earlier attempt; not posting again", platform.wire(),
							earlier.postId(), key);
					return before.answer(earlier.postId(), earlier.postedAt(), true);
				}
			}
			PublishedPost published = adapter.publish(post,
					new PublishAttempt(before.platformRequest(), request -> this.claims.requested(key, request)));
			this.claims.published(key, published.postId(), published.postedAt());
			log.info("Published {} post {} for agent {} on @{}", platform.wire(), published.postId(), agent.id(),
					account.username());
			return before.answer(published.postId(), published.postedAt(), false);
		}
		catch (PlatformException ex) {
			throw this.failures.afterPlatformFailure(before, account, ex);
		}
		catch (RuntimeException ex) {
			// the claim stays as the attempt left it (publishing: the next call looks the post up first)
			endAttempt(key);
			throw ex;
		}
	}

	/**
	 * Another call for this task holds the attempt (it is talking to the platform now), or finished it
	 * between this call's first look and its attempt: the post is not attempted twice at once.
	 */
	private Map<String, Object> notAttempted(String key) {
		PostClaim now = this.claims.find(key).orElseThrow(() -> new ToolError(Reason.RETRY_LATER,
				NAME + ": the post's claim disappeared; call again with the same task id"));
		if (now.published()) {
			return now.answer(now.postId(), now.publishedAt(), true);
		}
		Instant retryAt = now.attemptUntil() != null && now.attemptUntil().isAfter(this.clock.instant()) ? now.attemptUntil()
				: this.clock.instant();
		throw this.failures.retryLater(retryAt, "another call for this task is talking to " + now.platform().wire()
				+ " now (or has just ended)");
	}

	private void endAttempt(String key) {
		try {
			this.claims.endAttempt(key);
		}
		catch (RuntimeException ex) {
			log.warn("Could not give back the attempt on the post of task {} (it runs out by itself): {}", key, ex.getMessage());
		}
	}

	private void awaitSlot(PostClaim claim) {
		Duration wait = this.waiter.realTimeUntil(claim.slotAt());
		if (wait.compareTo(this.maxWait) > 0 || !this.waiter.awaitSlot(claim.slotAt(), this.maxWait)) {
			throw this.failures.retryLater(claim.slotAt(), "the account's posting quota or spacing puts this post at " + claim.slotAt());
		}
	}

	private ToolError duplicate(AccountRef account, String otherTask, String postId) {
		return new ToolError(Reason.DUPLICATE_CONTENT, NAME + ": @" + account.username() + " on " + account.platform().wire()
				+ " already " + (postId != null ? "posted this text as post " + postId : "has this text queued")
				+ " (task " + otherTask + "); an account never posts the same text twice", null,
				postId != null ? Map.of("existing_post_id", postId) : Map.of());
	}

}
