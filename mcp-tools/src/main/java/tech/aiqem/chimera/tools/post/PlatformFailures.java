package tech.aiqem.chimera.tools.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

import static tech.aiqem.chimera.tools.post.PostContentTool.NAME;

/**
 * What {@code post_content} does when a platform does not simply take a post: a rate limit keeps the slot
 * for later, a refusal ends the claim, an unknown outcome keeps it {@code publishing} so that the next call
 * looks the post up first; each becomes the tool error the caller switches on.
 */
final class PlatformFailures {

	private final PostClaims claims;

	private final RateLimitBlocks blocks;

	private final Clock clock;

	PlatformFailures(PostClaims claims, RateLimitBlocks blocks, Clock clock) {
		this.claims = claims;
		this.blocks = blocks;
		this.clock = clock;
	}

	/** The earlier attempt's post if the platform has it; a failure to look is never taken for "not posted". */
	PublishedPost lookUp(SocialPlatform adapter, OutgoingPost post, PostClaim claim, AccountRef account) {
		try {
			return adapter.find(post, claim.attemptedAt()).orElse(null);
		}
		catch (PlatformException ex) {
			if (ex.kind() == PlatformException.Kind.RATE_LIMITED) {
				Instant retryAt = ex.retryAt() != null ? ex.retryAt() : this.clock.instant().plus(Duration.ofMinutes(15));
				this.blocks.blockUntil(account.key(), retryAt);
				this.claims.reschedule(claim.key(), retryAt, ex.getMessage());
				throw retryLater(retryAt, "checking whether an earlier attempt posted hit " + account.platform().wire()
						+ "'s rate limit: " + ex.getMessage());
			}
			throw new ToolError(Reason.PLATFORM_UNAVAILABLE, NAME + ": an earlier attempt may have posted and "
					+ account.platform().wire() + " could not be asked (" + ex.getMessage()
					+ "); nothing was posted again; call again with the same task id");
		}
	}

	ToolError afterPlatformFailure(PostClaim claim, AccountRef account, PlatformException ex) {
		switch (ex.kind()) {
			case RATE_LIMITED -> {
				Instant retryAt = ex.retryAt() != null ? ex.retryAt() : this.clock.instant().plus(Duration.ofMinutes(15));
				this.blocks.blockUntil(account.key(), retryAt);
				this.claims.reschedule(claim.key(), retryAt, ex.getMessage());
				this.claims.notPosted(claim.key(), retryAt, ex.getMessage());
				return retryLater(retryAt, account.platform().wire() + " rate limit: " + ex.getMessage());
			}
			case DUPLICATE -> {
				this.claims.failed(claim.key(), ex.getMessage());
				return new ToolError(Reason.DUPLICATE_CONTENT, NAME + ": " + account.platform().wire() + " refused the text as a duplicate of an "
						+ "earlier post of @" + account.username() + ": " + ex.getMessage());
			}
			case UNAVAILABLE -> {
				// the claim stays "publishing": the post may or may not be out, and the next call with the same
				// task id looks it up on the platform before posting again
				this.claims.reschedule(claim.key(), claim.slotAt(), ex.getMessage());
				return new ToolError(Reason.PLATFORM_UNAVAILABLE, NAME + ": " + ex.getMessage()
						+ "; call again with the same task id");
			}
			default -> {
				this.claims.failed(claim.key(), ex.getMessage());
				return new ToolError(ex.kind() == PlatformException.Kind.AUTH ? Reason.PLATFORM_AUTH : Reason.PLATFORM_REJECTED,
						NAME + ": " + ex.getMessage());
			}
		}
	}

	ToolError retryLater(Instant retryAt, String why) {
		long seconds = Math.max(1, Duration.between(this.clock.instant(), retryAt).toSeconds());
		return new ToolError(Reason.RETRY_LATER, NAME + ": not posted yet, " + why + "; call again with the same task id at "
				+ retryAt + " (in " + seconds + " s on the shared clock). The post is queued, not dropped.", retryAt,
				Map.of("retry_after_seconds", seconds));
	}
}
