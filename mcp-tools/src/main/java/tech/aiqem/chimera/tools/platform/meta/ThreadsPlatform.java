package tech.aiqem.chimera.tools.platform.meta;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException.Kind;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishAttempt;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

import tools.jackson.databind.JsonNode;

/**
 * Threads API: {@code POST /{threads-user-id}/threads} (TEXT, or IMAGE with the first media URL, and
 * {@code reply_to_id} for replies) then {@code POST /{threads-user-id}/threads_publish}; mentions from
 * {@code GET /{threads-user-id}/mentions}.
 */
public final class ThreadsPlatform implements SocialPlatform {

	private final GraphApi graph;

	private final Clock clock;

	public ThreadsPlatform(URI baseUrl, Function<String, String> tokens, HttpClient http, Duration timeout,
			RateLimitBlocks blocks, Clock clock) {
		this.graph = new GraphApi("Threads", baseUrl, tokens, http, timeout, blocks, clock);
		this.clock = clock;
	}

	@Override
	public Platform platform() {
		return Platform.THREADS;
	}

	@Override
	public String adapter() {
		return "live";
	}

	@Override
	public PublishedPost publish(OutgoingPost post) {
		return publish(post, PublishAttempt.first());
	}

	/** A retry publishes the container an earlier attempt created: Threads makes a new one on every create. */
	@Override
	public PublishedPost publish(OutgoingPost post, PublishAttempt attempt) {
		AccountRef account = post.account();
		String user = GraphApi.requireUserId(account, "threads");
		String id = attempt.earlierRequest();
		if (id == null) {
			id = createContainer(account, user, post);
			attempt.requested().accept(id);
		}
		JsonNode published = this.graph.post(account, "/" + user + "/threads_publish", Map.of("creation_id", id),
				"POST /{threads-user-id}/threads_publish");
		return new PublishedPost(published.path("id").asString(), this.clock.instant());
	}

	private String createContainer(AccountRef account, String user, OutgoingPost post) {
		Map<String, String> form = new LinkedHashMap<>();
		if (post.mediaUrls().isEmpty()) {
			form.put("media_type", "TEXT");
		}
		else {
			form.put("media_type", "IMAGE");
			form.put("image_url", post.mediaUrls().get(0));
		}
		form.put("text", post.text());
		if (post.inReplyTo() != null) {
			form.put("reply_to_id", post.inReplyTo());
		}
		JsonNode container = this.graph.post(account, "/" + user + "/threads", form, "POST /{threads-user-id}/threads");
		String id = container.path("id").asString(null);
		if (id == null) {
			throw new PlatformException(Kind.UNAVAILABLE, "Threads answered POST /threads without an id");
		}
		return id;
	}

	@Override
	public Optional<PublishedPost> find(OutgoingPost post, Instant since) {
		return this.graph.findPost(post, GraphApi.requireUserId(post.account(), "threads"), "/threads", "text", since,
				"GET /{threads-user-id}/threads");
	}

	@Override
	public List<RecentMention> mentions(AccountRef account, Instant since, Instant until) {
		String user = GraphApi.requireUserId(account, "threads");
		JsonNode page = this.graph.get(account, "/" + user + "/mentions",
				Map.of("fields", "id,text,username,timestamp", "since", Long.toString(since.getEpochSecond()), "until",
						Long.toString(until.getEpochSecond())),
				"GET /{threads-user-id}/mentions");
		List<RecentMention> mentions = new ArrayList<>();
		for (JsonNode media : page.path("data")) {
			Instant at = InstagramPlatform.GRAPH_TIME.parse(media.path("timestamp").asString(), Instant::from);
			if (at.isBefore(since) || at.isAfter(until)) {
				continue;
			}
			mentions.add(new RecentMention(media.path("id").asString(), media.path("text").asString(""),
					media.path("username").asString(""), at, 0, 0));
		}
		return mentions;
	}
}
