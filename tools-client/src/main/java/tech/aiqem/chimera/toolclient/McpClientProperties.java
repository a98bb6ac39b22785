package tech.aiqem.chimera.toolclient;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 */
@Validated
@ConfigurationProperties("chimera.mcp")
public record McpClientProperties(@NotNull @DefaultValue("http://localhost:8084/mcp") URI url,
		@NotNull @DefaultValue("90s") Duration requestTimeout, @NotNull @DefaultValue("5s") Duration connectTimeout,
		@Min(1) @Max(20) @DefaultValue("5") int attempts, @NotNull @DefaultValue("500ms") Duration initialBackoff,
		@NotNull @DefaultValue("8s") Duration maxBackoff, String token) {

	@ConstructorBinding
	public McpClientProperties {
		token = token == null || token.isBlank() ? null : token.strip();
		if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new IllegalArgumentException("chimera.mcp.url must be an http(s) URL, got " + url);
		}
	}

	/** Without a token (tests that never reach a server). */
	public McpClientProperties(URI url, Duration requestTimeout, Duration connectTimeout, int attempts,
			Duration initialBackoff, Duration maxBackoff) {
		this(url, requestTimeout, connectTimeout, attempts, initialBackoff, maxBackoff, null);
	}

	@Override
	public String toString() {
		return "McpClientProperties[url=" + this.url + ", requestTimeout=" + this.requestTimeout + ", attempts="
				+ this.attempts + ", token=" + (this.token == null ? "unset" : "set") + "]";
	}

	/** The wait after failed attempt {@code attempt} (1-based): initial * 2^(attempt-1), capped. */
	Duration backoff(int attempt) {
		long millis = this.initialBackoff.toMillis() << Math.min(20, attempt - 1);
		return Duration.ofMillis(Math.min(millis, this.maxBackoff.toMillis()));
	}
}
