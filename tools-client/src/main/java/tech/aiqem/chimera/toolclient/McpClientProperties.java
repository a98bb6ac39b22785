package tech.aiqem.chimera.toolclient;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How to reach mcp-tools (prefix {@code chimera.mcp}; {@code MCP_TOOLS_URL} sets the URL).
 * @param url the Streamable HTTP endpoint
 * @param requestTimeout longer than mcp-tools' pacing {@code max-wait}, since a post may wait for its slot
 * @param connectTimeout TCP connect timeout
 * @param attempts attempts before E1002 (docs/architecture.md §11: escalate after 5)
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff longest wait between attempts
 * @param token this service's bearer token for mcp-tools ({@code MCP_TOOLS_TOKEN}); each calling service
 * has its own, and mcp-tools gives each only the tools it needs
 * @param breaker the circuit breaker in front of mcp-tools
 */
@Validated
@ConfigurationProperties("chimera.mcp")
public record McpClientProperties(@NotNull @DefaultValue("http://localhost:8084/mcp") URI url,
		@NotNull @DefaultValue("90s") Duration requestTimeout, @NotNull @DefaultValue("5s") Duration connectTimeout,
		@Min(1) @Max(20) @DefaultValue("5") int attempts, @NotNull @DefaultValue("500ms") Duration initialBackoff,
		@NotNull @DefaultValue("8s") Duration maxBackoff, String token, @Valid @NotNull @DefaultValue Breaker breaker) {

	@ConstructorBinding
	public McpClientProperties {
		breaker = (breaker != null) ? breaker : Breaker.DEFAULTS;
		token = token == null || token.isBlank() ? null : token.strip();
		if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new IllegalArgumentException("chimera.mcp.url must be an http(s) URL, got " + url);
		}
	}

	/** Without a token (tests that never reach a server) and with the default breaker. */
	public McpClientProperties(URI url, Duration requestTimeout, Duration connectTimeout, int attempts,
			Duration initialBackoff, Duration maxBackoff) {
		this(url, requestTimeout, connectTimeout, attempts, initialBackoff, maxBackoff, null, Breaker.DEFAULTS);
	}

	/** With the default breaker. */
	public McpClientProperties(URI url, Duration requestTimeout, Duration connectTimeout, int attempts,
			Duration initialBackoff, Duration maxBackoff, String token) {
		this(url, requestTimeout, connectTimeout, attempts, initialBackoff, maxBackoff, token, Breaker.DEFAULTS);
	}

	/**
	 * Over the last {@code window} attempts to reach mcp-tools: once at least {@code minimumCalls} were made and
	 * {@code failureRate} percent of them could not reach it, attempts do not reach for it for {@code openFor}
	 * (no connect timeouts to wait out; a call still waits through its backoff before E1002); then a few
	 * attempts try again. A tool that answers with an error is not a failure here.
	 *
	 * @param window how many of the last attempts are counted
	 * @param minimumCalls attempts needed before the failure rate is judged
	 * @param failureRate percentage of failed attempts that opens the breaker
	 * @param openFor how long an open breaker skips the server: shorter than a call's whole backoff
	 * (0.5 + 1 + 2 + 4 s by default), so a call that began in an outage can still succeed once the server is back
	 */
	public record Breaker(@Min(1) @Max(1000) @DefaultValue("20") int window,
			@Min(1) @Max(1000) @DefaultValue("10") int minimumCalls, @Min(1) @Max(100) @DefaultValue("80") int failureRate,
			@NotNull @DefaultValue("5s") Duration openFor) {

		static final Breaker DEFAULTS = new Breaker(20, 10, 80, Duration.ofSeconds(15));

		public Breaker {
			if (openFor != null && (openFor.isNegative() || openFor.isZero())) {
				throw new IllegalArgumentException("chimera.mcp.breaker.open-for must be positive, was " + openFor);
			}
		}
	}

	@Override
	public String toString() {
		return "McpClientProperties[url=" + this.url + ", requestTimeout=" + this.requestTimeout + ", attempts="
				+ this.attempts + ", breaker=" + this.breaker + ", token=" + (this.token == null ? "unset" : "set") + "]";
	}

	/** The wait after failed attempt {@code attempt} (1-based): initial * 2^(attempt-1), capped. */
	Duration backoff(int attempt) {
		long millis = this.initialBackoff.toMillis() << Math.min(20, attempt - 1);
		return Duration.ofMillis(Math.min(millis, this.maxBackoff.toMillis()));
	}
}
