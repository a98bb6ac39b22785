package tech.aiqem.chimera.tools.platform.meta;

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
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.PostMatch;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException.Kind;
import tech.aiqem.chimera.tools.platform.PlatformException;

import tools.jackson.databind.JsonNode;

/**
 * Calls to a Graph API host with an account's access token (form field on POST, query parameter on GET,
 * as Meta documents). URLs carry the token, so no message here ever includes a URL.
 */
final class GraphApi {

	/** Graph error codes that mean throttling (error-handling guide). */
	static boolean isThrottling(int code) {
		return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014);
	}

	/** Meta's usage headers give percentages; at this level we stop before Meta stops us. */
	static final int USAGE_CEILING = 95;

	/** Without an estimate, a throttled account rests this long (the platform window is one hour). */
	static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(10);

	private final String name;

	private final URI baseUrl;

	private final Function<String, String> tokens;

	private final HttpClient http;

	private final Duration timeout;

	private final RateLimitBlocks blocks;

	private final Clock clock;

	GraphApi(String name, URI baseUrl, Function<String, String> tokens, HttpClient http, Duration timeout,
			RateLimitBlocks blocks, Clock clock) {
		this.name = name;
		this.baseUrl = baseUrl;
		this.tokens = tokens;
		this.http = http;
		this.timeout = timeout;
		this.blocks = blocks;
		this.clock = clock;
	}

	JsonNode post(AccountRef account, String path, Map<String, String> form, String call) {
		StringJoiner body = new StringJoiner("&");
		form.forEach((key, value) -> body.add(encode(key) + "=" + encode(value)));
		body.add("access_token=" + encode(token(account)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(this.timeout)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return check(account, send(request), call);
	}

	JsonNode get(AccountRef account, String path, Map<String, String> query, String call) {
		StringJoiner params = new StringJoiner("&");
		query.forEach((key, value) -> params.add(encode(key) + "=" + encode(value)));
		params.add("access_token=" + encode(token(account)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path + "?" + params))
			.timeout(this.timeout)
			.GET()
			.build();
		return check(account, send(request), call);
	}

	/**
	 * The account's post (Instagram media, a Threads thread) published since {@code since} whose text field
	 * matches the post's text, if there is one: what a retry asks before posting again.
	 */
	Optional<PublishedPost> findPost(OutgoingPost post, String user, String edge, String textField, Instant since,
			String call) {
		JsonNode page = get(post.account(), "/" + user + edge, Map.of("fields", "id," + textField + ",timestamp", "since",
				Long.toString(since.minusSeconds(60).getEpochSecond()), "limit", "50"), call);
		for (JsonNode media : page.path("data")) {
			if (PostMatch.sameText(post.text(), media.path(textField).asString(null))) {
				return Optional.of(new PublishedPost(media.path("id").asString(),
						InstagramPlatform.GRAPH_TIME.parse(media.path("timestamp").asString(), Instant::from)));
			}
		}
		return Optional.empty();
	}

	private JsonNode check(AccountRef account, HttpResponse<String> response, String call) {
		noteUsage(account, response);
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return ChimeraJson.tree(response.body());
		}
		JsonNode error = parse(response.body()).path("error");
		int code = error.path("code").asInt(-1);
		String message = error.path("message").asString("no error details");
		String described = this.name + " refused " + call + " (HTTP " + status + ", code " + code
				+ (error.has("error_subcode") ? "/" + error.path("error_subcode").asInt() : "") + "): " + message;
		if (isThrottling(code) || status == 429) {
			Instant retryAt = this.blocks.blockedUntil(account.key(), this.clock.instant());
			if (retryAt == null) {
				retryAt = this.clock.instant().plus(DEFAULT_BACKOFF);
				this.blocks.blockUntil(account.key(), retryAt);
			}
			throw new PlatformException(Kind.RATE_LIMITED, described, retryAt);
		}
		if (code == 190 || code == 102 || status == 401) {
			throw new PlatformException(Kind.AUTH, described);
		}
		if (code == 506) {
			throw new PlatformException(Kind.DUPLICATE, described);
		}
		if (status >= 500) {
			throw new PlatformException(Kind.UNAVAILABLE, this.name + " answered " + call + " with HTTP " + status);
		}
		throw new PlatformException(Kind.REJECTED, described);
	}

	/** x-business-use-case-usage's estimated_time_to_regain_access (minutes) or x-app-usage near 100 %. */
	private void noteUsage(AccountRef account, HttpResponse<String> response) {
		Instant now = this.clock.instant();
		response.headers().firstValue("x-business-use-case-usage").ifPresent(header -> {
			for (JsonNode entries : parse(header)) {
				for (JsonNode entry : entries) {
					long minutes = entry.path("estimated_time_to_regain_access").asLong(0);
					if (minutes > 0) {
						this.blocks.blockUntil(account.key(), now.plus(Duration.ofMinutes(minutes)));
					}
					else if (maxUsage(entry) >= USAGE_CEILING) {
						this.blocks.blockUntil(account.key(), now.plus(DEFAULT_BACKOFF));
					}
				}
			}
		});
		response.headers().firstValue("x-app-usage").ifPresent(header -> {
			if (maxUsage(parse(header)) >= USAGE_CEILING) {
				this.blocks.blockUntil(account.key(), now.plus(DEFAULT_BACKOFF));
			}
		});
	}

	private static int maxUsage(JsonNode usage) {
		return Math.max(usage.path("call_count").asInt(0),
				Math.max(usage.path("total_time").asInt(0), usage.path("total_cputime").asInt(0)));
	}

	private static JsonNode parse(String json) {
		try {
			return ChimeraJson.tree(json);
		}
		catch (RuntimeException ex) {
			return ChimeraJson.tree("{}");
		}
	}

	private String token(AccountRef account) {
		String token = this.tokens.apply(account.username());
		if (token == null) {
			throw new PlatformException(Kind.AUTH, "no " + this.name + " access token is configured for @" + account.username());
		}
		return token;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PlatformException(Kind.UNAVAILABLE, this.name + " is unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException(Kind.UNAVAILABLE, "interrupted while calling " + this.name);
		}
	}

	private String base() {
		return this.baseUrl.toString().replaceAll("/+$", "");
	}

	static String requireUserId(AccountRef account, String platform) {
		if (account.userId() == null) {
			throw new PlatformException(Kind.REJECTED, "live " + platform + " needs the account's user id in social_accounts."
					+ platform + ".user_id of agent " + account.agent());
		}
		return encode(account.userId());
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
