package tech.aiqem.chimera.tools.platform;

import java.time.Instant;

/** What a platform answered: its id of the new post and when it went out. */
public record PublishedPost(String postId, Instant postedAt) {
}
