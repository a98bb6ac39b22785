package tech.aiqem.chimera.tools.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Everything mcp-tools can be told (prefix {@code chimera.tools}); environment variables are listed in
 * the module README. Adapters are chosen here: the defaults run on one machine without any account.
 * Credentials are held only to be sent to their API and never appear in {@link #toString()} output
 * of the nested records.
 */
@Validated
@ConfigurationProperties("chimera.tools")
public record ToolsProperties(@Valid @NotNull @DefaultValue Platforms platforms, @Valid @NotNull @DefaultValue Pacing pacing,
		@Valid @NotNull @DefaultValue Sandbox sandbox, @Valid @NotNull @DefaultValue Images images,
		@Valid @NotNull @DefaultValue Media media, @Valid @NotNull @DefaultValue Auth auth) {

	public enum Mode {
		SANDBOX, LIVE
	}

	/**
	 * The three platforms' adapters.
	 * @param requestTimeout one HTTP call to a platform
	 * @param attemptLease how long one post_content call may talk to a platform (real time) before another
	 * call for the same task may try: longer than the calls of one attempt (Instagram makes three), so a
	 * caller that retries while the first call is still out waits instead of posting twice; a call whose
	 * process died is taken over after it
	 */
	public record Platforms(@Valid @NotNull @DefaultValue Api twitter, @Valid @NotNull @DefaultValue Api instagram,
			@Valid @NotNull @DefaultValue Api threads, @NotNull @DefaultValue("60s") Duration requestTimeout,
			@NotNull @DefaultValue("4m") Duration attemptLease) {

		public Platforms {
			twitter = twitter.withDefaultBaseUrl("https://api.x.com");
			instagram = instagram.withDefaultBaseUrl("https://graph.facebook.com/v21.0");
			threads = threads.withDefaultBaseUrl("https://graph.threads.net/v1.0");
		}
	}

	/**
	 * One platform's adapter.
	 * @param mode sandbox (default: posts stay in Chimera's database) or live (the platform's API)
	 * @param baseUrl the API's base URL
	 * @param accessToken OAuth 2.0 user access token used for every account without its own
	 * @param accountTokens per-account tokens, keyed by username
	 */
	public record Api(@NotNull @DefaultValue("sandbox") Mode mode, URI baseUrl, String accessToken,
			@DefaultValue Map<String, String> accountTokens) {

		public Api {
			accessToken = blankToNull(accessToken);
			accountTokens = accountTokens == null ? Map.of() : Map.copyOf(accountTokens);
		}

		Api withDefaultBaseUrl(String url) {
			return this.baseUrl != null ? this : new Api(this.mode, URI.create(url), this.accessToken, this.accountTokens);
		}

		public String tokenFor(String account) {
			String token = this.accountTokens.get(account);
			token = token != null && !token.isBlank() ? token : this.accessToken;
			return token == null || token.isBlank() ? null : token;
		}

		@Override
		public String toString() {
			return "Api[mode=" + this.mode + ", baseUrl=" + this.baseUrl + ", token=" + (this.accessToken == null ? "unset" : "set")
					+ ", accountTokens=" + this.accountTokens.size() + "]";
		}
	}

	/**
	 * The per-account posting governor.
	 * @param postsPerHour at most this many posts and replies per account in any hour
	 * @param postsPerDay at most this many in any 24 hours
	 * @param minSpacing at least this long between two posts of one account
	 * @param jitter a deterministic extra delay of up to this long when spacing applies
	 * @param maxWait a post_content call whose slot is nearer than this (real time) waits for it;
	 * later slots are answered with a retry-after tool error
	 */
	public record Pacing(@Min(1) @DefaultValue("6") int postsPerHour, @Min(1) @DefaultValue("48") int postsPerDay,
			@NotNull @DefaultValue("2m") Duration minSpacing, @NotNull @DefaultValue("1m") Duration jitter,
			@NotNull @DefaultValue("20s") Duration maxWait) {
	}

	/**
	 * The sandbox platform's simulation.
	 * @param engagementInterval how often simulated engagement and followers are recomputed (real time)
	 * @param mentionFeed true to insert a few plausible mentions per agent and platform per simulated hour
	 * @param mentionFeedInterval how often the feed looks for a new simulated hour (real time)
	 * @param maxMentionsPerHour upper bound of seeded mentions per agent, platform and hour
	 */
	public record Sandbox(@NotNull @DefaultValue("30s") Duration engagementInterval,
			@DefaultValue("false") boolean mentionFeed, @NotNull @DefaultValue("20s") Duration mentionFeedInterval,
			@Min(1) @Max(20) @DefaultValue("3") int maxMentionsPerHour,
			@NotNull @DefaultValue("1h") Duration mentionsWindow) {
	}

	public enum ImageProvider {
		OFFLINE, IDEOGRAM
	}

	/**
	 * @param provider offline (default: a renderer in this process) or ideogram
	 * @param ideogramBaseUrl Ideogram's API
	 * @param ideogramApiKey sent as the {@code Api-Key} header
	 * @param timeout how long one Ideogram call may take
	 */
	public record Images(@NotNull @DefaultValue("offline") ImageProvider provider,
			@NotNull @DefaultValue("https://api.ideogram.ai") URI ideogramBaseUrl, String ideogramApiKey,
			@NotNull @DefaultValue("120s") Duration timeout) {

		public Images {
			ideogramApiKey = blankToNull(ideogramApiKey);
		}

		@Override
		public String toString() {
			return "Images[provider=" + this.provider + ", ideogramBaseUrl=" + this.ideogramBaseUrl + ", apiKey="
					+ (this.ideogramApiKey == null ? "unset" : "set") + "]";
		}
	}

	public enum MediaStoreKind {
		FILESYSTEM, S3
	}

	/**
	 * @param store filesystem (default) or s3
	 * @param dir the filesystem store's directory
	 * @param publicBaseUrl where media URLs point; blank means this server ({@code GET /media/{key}})
	 * on its own port
	 * @param s3 the S3 store
	 */
	public record Media(@NotNull @DefaultValue("filesystem") MediaStoreKind store,
			@NotNull @DefaultValue("./.chimera/media") Path dir, String publicBaseUrl, @Valid @NotNull @DefaultValue S3 s3) {
	}

	/**
	 * @param bucket bucket name
	 * @param endpoint an S3-compatible endpoint (MinIO, s3rver); blank for AWS
	 * @param region signing region
	 * @param pathStyle path-style addressing (needed by most S3-compatible servers)
	 * @param accessKeyId static credentials; blank to use the AWS default chain
	 * @param secretAccessKey static credentials
	 */
	public record S3(@NotBlank @DefaultValue("chimera-media") String bucket, String endpoint,
			@NotBlank @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
			String accessKeyId, String secretAccessKey) {

		public S3 {
			endpoint = blankToNull(endpoint);
			accessKeyId = blankToNull(accessKeyId);
			secretAccessKey = blankToNull(secretAccessKey);
		}

		@Override
		public String toString() {
			return "S3[bucket=" + this.bucket + ", endpoint=" + this.endpoint + ", region=" + this.region + ", credentials="
					+ (this.accessKeyId == null ? "default chain" : "static") + "]";
		}
	}

	/**
	 * Who may call {@code /mcp}.
	 * @param callers by name (worker, planner, publisher): each with its bearer token (blank: that caller
	 * is disabled) and its scopes, a tool's name or {@code read_mentions}
	 * @param allowedOrigins browser origins allowed to call (none by default: a request that carries an
	 * {@code Origin} header is refused, which stops DNS-rebinding pages; services send none)
	 */
	public record Auth(@DefaultValue Map<String, Caller> callers, @DefaultValue List<String> allowedOrigins) {

		public Auth {
			callers = callers == null ? Map.of() : Map.copyOf(callers);
			allowedOrigins = allowedOrigins == null ? List.of()
					: allowedOrigins.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
		}
	}

	/**
	 * @param token the caller's bearer token, a random secret of 24 characters or more
	 * @param scopes what it may call
	 */
	public record Caller(String token, @DefaultValue Set<String> scopes) {

		public Caller {
			token = blankToNull(token);
			scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
		}

		@Override
		public String toString() {
			return "Caller[token=" + (this.token == null ? "unset" : "set") + ", scopes=" + this.scopes + "]";
		}
	}

	/** Environment placeholders like {@code ${X_ACCESS_TOKEN:}} give "" when unset: that means unset. */
	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
