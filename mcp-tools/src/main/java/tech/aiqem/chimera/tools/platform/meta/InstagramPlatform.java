package tech.aiqem.chimera.tools.platform.meta;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException.Kind;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

import tools.jackson.databind.JsonNode;

/**
 * Instagram Graph API content publishing: {@code POST /{ig-user-id}/media} (one image or video; several
 * media become a carousel), wait until the container's {@code status_code} is FINISHED, then
 * {@code POST /{ig-user-id}/media_publish}. Mentions are the media the account is tagged in
 * ({@code GET /{ig-user-id}/tags}); replies are not supported.
 */
public final class InstagramPlatform implements SocialPlatform {

	static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);

	private final GraphApi graph;

	private final Duration pollInterval;

	private final int maxPolls;

	private final Clock clock;

	public InstagramPlatform(URI baseUrl, Function<String, String> tokens, HttpClient http, Duration timeout,
			RateLimitBlocks blocks, Clock clock, Duration pollInterval, int maxPolls) {
		this.graph = new GraphApi("Instagram", baseUrl, tokens, http, timeout, blocks, clock);
		this.pollInterval = pollInterval;
		this.maxPolls = maxPolls;
		this.clock = clock;
	}

	@Override
	public Platform platform() {
		return Platform.INSTAGRAM;
	}

	@Override
	public String adapter() {
		return "live";
	}

	@Override
	public PublishedPost publish(OutgoingPost post) {
		AccountRef account = post.account();
		String user = GraphApi.requireUserId(account, "instagram");
		if (post.inReplyTo() != null) {
			throw new PlatformException(Kind.REJECTED, "replies on Instagram are comments, which this adapter does not post");
		}
		if (post.mediaUrls().isEmpty()) {
			throw new PlatformException(Kind.REJECTED, "Instagram posts need at least one image or video");
		}
		String container;
		if (post.mediaUrls().size() == 1) {
			Map<String, String> form = media(post.mediaUrls().get(0), false);
			form.put("caption", post.text());
			container = create(account, user, form);
		}
		else {
			List<String> children = new ArrayList<>();
			for (String url : post.mediaUrls().subList(0, Math.min(10, post.mediaUrls().size()))) {
				children.add(create(account, user, media(url, true)));
			}
			for (String child : children) {
				awaitFinished(account, child);
			}
			Map<String, String> form = new LinkedHashMap<>();
			form.put("media_type", "CAROUSEL");
			form.put("children", String.join(",", children));
			form.put("caption", post.text());
			container = create(account, user, form);
		}
		awaitFinished(account, container);
		JsonNode published = this.graph.post(account, "/" + user + "/media_publish", Map.of("creation_id", container),
				"POST /{ig-user-id}/media_publish");
		return new PublishedPost(published.path("id").asString(), this.clock.instant());
	}

	private String create(AccountRef account, String user, Map<String, String> form) {
		JsonNode created = this.graph.post(account, "/" + user + "/media", form, "POST /{ig-user-id}/media");
		String id = created.path("id").asString(null);
		if (id == null) {
			throw new PlatformException(Kind.UNAVAILABLE, "Instagram answered POST /{ig-user-id}/media without an id");
		}
		return id;
	}

	private static Map<String, String> media(String url, boolean carouselItem) {
		Map<String, String> form = new LinkedHashMap<>();
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".mp4") || lower.endsWith(".mov")) {
			form.put("media_type", carouselItem ? "VIDEO" : "REELS");
			form.put("video_url", url);
		}
		else {
			form.put("image_url", url);
		}
		if (carouselItem) {
			form.put("is_carousel_item", "true");
		}
		return form;
	}

	private void awaitFinished(AccountRef account, String container) {
		for (int poll = 0; poll < this.maxPolls; poll++) {
			JsonNode status = this.graph.get(account, "/" + GraphApi.encode(container), Map.of("fields", "status_code"),
					"GET /{ig-container-id}");
			String code = status.path("status_code").asString("");
			switch (code) {
				case "FINISHED", "PUBLISHED" -> {
					return;
				}
				case "ERROR", "EXPIRED" -> throw new PlatformException(Kind.REJECTED,
						"Instagram could not prepare the media (container status " + code + ")");
				default -> pause();
			}
		}
		throw new PlatformException(Kind.UNAVAILABLE, "Instagram is still preparing the media; call again with the same task id");
	}

	private void pause() {
		try {
			Thread.sleep(this.pollInterval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException(Kind.UNAVAILABLE, "interrupted while waiting for Instagram");
		}
	}

	@Override
	public Optional<PublishedPost> find(OutgoingPost post, Instant since) {
		return this.graph.findPost(post, GraphApi.requireUserId(post.account(), "instagram"), "/media", "caption", since,
				"GET /{ig-user-id}/media");
	}

	@Override
	public List<RecentMention> mentions(AccountRef account, Instant since, Instant until) {
		String user = GraphApi.requireUserId(account, "instagram");
		JsonNode tags = this.graph.get(account, "/" + user + "/tags",
				Map.of("fields", "id,caption,username,timestamp,like_count,comments_count"), "GET /{ig-user-id}/tags");
		List<RecentMention> mentions = new ArrayList<>();
		for (JsonNode media : tags.path("data")) {
			Instant at = GRAPH_TIME.parse(media.path("timestamp").asString(), Instant::from);
			if (at.isBefore(since) || at.isAfter(until)) {
				continue;
			}
			mentions.add(new RecentMention(media.path("id").asString(), media.path("caption").asString(""),
					media.path("username").asString(""), at, media.path("like_count").asLong(0), 0));
		}
		return mentions;
	}
}
