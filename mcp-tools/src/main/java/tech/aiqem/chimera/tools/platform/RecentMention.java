package tech.aiqem.chimera.tools.platform;

import java.time.Instant;

/** A mention in the shape of the mentions response (mcp-tools/README.md) (engagement: likes, retweets). */
public record RecentMention(String id, String text, String author, Instant createdAt, long likes, long retweets) {
}
