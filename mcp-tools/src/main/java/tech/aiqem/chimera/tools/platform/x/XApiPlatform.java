package tech.aiqem.chimera.tools.platform.x;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.config.ToolsProperties;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException.Kind;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PostMatch;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

import tools.jackson.databind.JsonNode;

/**
 * X API v2. Media URLs are appended to the text as links (X shows them as cards); uploading media
 * through X's separate media endpoint is not done here. A 429, or a success with
 * {@code x-rate-limit-remaining: 0}, blocks the account until {@code x-rate-limit-reset} (epoch seconds).
 */
public final class XApiPlatform implements SocialPlatform {

	private final ToolsProperties.Api api;

	private final HttpClient http;

	private final Duration timeout;

	private final RateLimitBlocks blocks;

	private final Clock clock;

	private final XUserIds userIds = new XUserIds(account -> check(account, send(authorized(account,
			URI.create(base() + "/2/users/by/username/" + encode(account.username()))).GET().build()), "GET /2/users/by/username/:username"));

	public XApiPlatform(ToolsProperties.Api api, HttpClient http, Duration timeout, RateLimitBlocks blocks, Clock clock) {
		this.api = api;
		this.http = http;
		this.timeout = timeout;
		this.blocks = blocks;
		this.clock = clock;
	}

	@Override
	public Platform platform() {
		return Platform.TWITTER;
	}

	@Override
	public String adapter() {
		return "live";
	}

	@Override
	public PublishedPost publish(OutgoingPost post) {
		String text = post.text();
		for (String url : post.mediaUrls()) {
			text = text + "\n" + url;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		if (post.inReplyTo() != null) {
			body.put("reply", Map.of("in_reply_to_tweet_id", post.inReplyTo()));
		}
		HttpRequest request = authorized(post.account(), URI.create(base() + "/2/tweets"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(ChimeraJson.write(body)))
			.build();
		HttpResponse<String> response = send(request);
		JsonNode json = check(post.account(), response, "POST /2/tweets");
		String id = json.path("data").path("id").asString(null);
		if (id == null) {
			throw new PlatformException(Kind.UNAVAILABLE, "X answered POST /2/tweets without data.id");
		}
		return new PublishedPost(id, this.clock.instant());
	}

	@Override
	public Optional<PublishedPost> find(OutgoingPost post, Instant since) {
		AccountRef account = post.account();
		String query = "start_time=" + encode(since.minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString())
				+ "&max_results=100&tweet.fields=created_at&exclude=retweets";
		HttpRequest request = authorized(account,
				URI.create(base() + "/2/users/" + encode(this.userIds.of(account)) + "/tweets?" + query)).GET().build();
		JsonNode json = check(account, send(request), "GET /2/users/:id/tweets");
		for (JsonNode tweet : json.path("data")) {
			if (PostMatch.sameText(post.text(), tweet.path("text").asString(null))) {
				String at = tweet.path("created_at").asString(null);
				return Optional.of(new PublishedPost(tweet.path("id").asString(), at == null ? this.clock.instant() : Instant.parse(at)));
			}
		}
		return Optional.empty();
	}

	@Override
	public List<RecentMention> mentions(AccountRef account, Instant since, Instant until) {
		String query = "start_time=" + encode(since.truncatedTo(ChronoUnit.SECONDS).toString())
				+ "&max_results=100&tweet.fields=created_at,public_metrics,author_id&expansions=author_id&user.fields=username";
		HttpRequest request = authorized(account,
				URI.create(base() + "/2/users/" + encode(this.userIds.of(account)) + "/mentions?" + query)).GET().build();
		JsonNode json = check(account, send(request), "GET /2/users/:id/mentions");
		Map<String, String> usernames = new HashMap<>();
		for (JsonNode user : json.path("includes").path("users")) {
			usernames.put(user.path("id").asString(), user.path("username").asString());
		}
		List<RecentMention> mentions = new ArrayList<>();
		for (JsonNode tweet : json.path("data")) {
			Instant createdAt = Instant.parse(tweet.path("created_at").asString());
			if (createdAt.isAfter(until)) {
				continue;
			}
			String authorId = tweet.path("author_id").asString("");
			JsonNode metrics = tweet.path("public_metrics");
			mentions.add(new RecentMention(tweet.path("id").asString(), tweet.path("text").asString(),
					usernames.getOrDefault(authorId, authorId), createdAt, metrics.path("like_count").asLong(0),
					metrics.path("retweet_count").asLong(0)));
		}
		return mentions;
	}

	private JsonNode check(AccountRef account, HttpResponse<String> response, String call) {
		int status = response.statusCode();
		Instant reset = response.headers().firstValue("x-rate-limit-reset").map(XApiPlatform::epochSeconds).orElse(null);
		String remaining = response.headers().firstValue("x-rate-limit-remaining").orElse(null);
		if (reset != null && "0".equals(remaining)) {
			this.blocks.blockUntil(account.key(), reset);
		}
		if (status == 429) {
			Instant retryAt = reset != null ? reset : this.clock.instant().plus(Duration.ofMinutes(15));
			throw new PlatformException(Kind.RATE_LIMITED, "X rate limit on " + call + " (429); window resets at " + retryAt, retryAt);
		}
		String problem = status >= 400 ? problem(response.body()) : "";
		if (status == 401) {
			throw new PlatformException(Kind.AUTH, "X refused the access token of @" + account.username() + " (401 " + problem + ")");
		}
		if (status == 403 && problem.toLowerCase().contains("duplicate")) {
			throw new PlatformException(Kind.DUPLICATE, "X: " + problem);
		}
		if (status >= 400 && status < 500) {
			throw new PlatformException(Kind.REJECTED, "X refused " + call + " (" + status + "): " + problem);
		}
		if (status >= 500 || status < 200 || status >= 300) {
			throw new PlatformException(Kind.UNAVAILABLE, "X answered " + call + " with HTTP " + status);
		}
		return ChimeraJson.tree(response.body());
	}

	/** X errors come as problem+json (title, detail) or as the legacy {@code errors[]}. */
	static String problem(String body) {
		try {
			JsonNode json = ChimeraJson.tree(body);
			if (json.has("detail") || json.has("title")) {
				String title = json.path("title").asString("");
				String detail = json.path("detail").asString("");
				return title.isEmpty() ? detail : detail.isEmpty() || detail.equals(title) ? title : title + ": " + detail;
			}
			JsonNode first = json.path("errors").path(0);
			if (!first.isMissingNode()) {
				return first.path("message").asString("") + (first.has("code") ? " (code " + first.path("code").asInt() + ")" : "");
			}
		}
		catch (RuntimeException ex) {
			// not JSON: fall through to a generic description
		}
		return "no error details";
	}

	private HttpRequest.Builder authorized(AccountRef account, URI uri) {
		String token = this.api.tokenFor(account.username());
		if (token == null) {
			throw new PlatformException(Kind.AUTH, "no X access token is configured for @" + account.username());
		}
		return HttpRequest.newBuilder(uri).timeout(this.timeout).header("Authorization", "Bearer " + token);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PlatformException(Kind.UNAVAILABLE, "X is unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException(Kind.UNAVAILABLE, "interrupted while calling X");
		}
	}

	private String base() {
		return this.api.baseUrl().toString().replaceAll("/+$", "");
	}

	private static Instant epochSeconds(String value) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
