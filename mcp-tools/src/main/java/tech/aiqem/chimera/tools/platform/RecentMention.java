package tech.aiqem.chimera.tools.platform;

import java.time.Instant;

/** A mention in the shape of SPEC §3.2's mentions response (engagement: likes, retweets). */
public record RecentMention(String id, String text, String author, Instant createdAt, long likes, long retweets) {
}
