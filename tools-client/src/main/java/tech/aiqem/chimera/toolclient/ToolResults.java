package tech.aiqem.chimera.toolclient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.Platform;

/** The typed answers of mcp-tools' tools and resources (snake_case on the wire). */
public final class ToolResults {

	private ToolResults() {
	}

	/**
	 * A published post. {@code replayed} is true when the task had already published it.
	 * @param text the text as the platform got it, disclosure label included
	 */
	public record PostReceipt(String postId, Platform platform, String account, String text, List<String> mediaUrls,
			DisclosureLevel disclosureLevel, Instant postedAt, boolean replayed) {
	}

	/** A generated image, stored and reachable at {@code mediaUrl}. */
	public record ImageResult(String mediaUrl, String mediaKey, int width, int height, String provider,
			String characterReferenceId, String style, String aspectRatio, Long seed, boolean replayed) {
	}

	/** A payment's receipt. */
	public record PaymentResult(String transactionHash, Network network, String fromAddress, String toAddress,
			BigDecimal amountUsdc, String status) {
	}

	/** The mentions resources' response (mcp-tools/README.md). */
	public record RecentMentions(List<MentionItem> mentions, Instant fetchedAt) {
	}

	public record MentionItem(String id, String text, String author, Instant createdAt, Engagement engagement) {
	}

	public record Engagement(long likes, long retweets) {
	}

	/**
	 * One of the calling agent's memories found by {@code search_memory}.
	 * @param similarity cosine similarity of query and memory (about 0.75 and above reads as "the same topic")
	 * @param score what the results are ordered by: similarity × recency × importance weight for
	 * {@link MemoryRanking#RELEVANCE}, the similarity for {@link MemoryRanking#SIMILARITY}
	 */
	public record FoundMemory(String id, String content, MemoryType memoryType, double importance, Instant timestamp,
			Map<String, String> context, double similarity, double score) {
	}

	/** {@code search_memory}'s answer, best first. */
	record MemorySearch(List<FoundMemory> memories) {

		MemorySearch {
			memories = memories == null ? List.of() : List.copyOf(memories);
		}
	}

	/** {@code remember}'s answer. */
	record Remembered(String memoryId) {
	}
}
