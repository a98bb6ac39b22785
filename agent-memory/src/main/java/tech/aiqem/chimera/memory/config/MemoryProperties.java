package tech.aiqem.chimera.memory.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import tech.aiqem.chimera.memory.weaviate.VectorSource;

/**
 * Agent memory settings (prefix {@code chimera.memory}), validated at start-up.
 *
 * @param store which {@code MemoryStore} adapter: embedded (default) or weaviate
 * @param halfLife age at which a memory's weight halves in weighted queries (default 30 days)
 * @param embedded the Lucene store
 * @param weaviate the Weaviate store
 */
@Validated
@ConfigurationProperties("chimera.memory")
public record MemoryProperties(@NotNull @DefaultValue("embedded") Store store,
		@NotNull @DefaultValue("30d") Duration halfLife, @Valid @NotNull @DefaultValue Embedded embedded,
		@Valid @NotNull @DefaultValue Weaviate weaviate) {

	public enum Store {

		EMBEDDED, WEAVIATE

	}

	public MemoryProperties {
		if (halfLife != null && (halfLife.isZero() || halfLife.isNegative())) {
			throw new IllegalArgumentException("chimera.memory.half-life must be positive, got " + halfLife);
		}
		if (store == Store.WEAVIATE && weaviate != null && (weaviate.url() == null || weaviate.url().isBlank())) {
			throw new IllegalArgumentException(
					"chimera.memory.weaviate.url (env WEAVIATE_URL) is required when chimera.memory.store=weaviate");
		}
	}

	/**
	 * @param directory where the index lives; survives restarts
	 * @param commitInterval how often writes are made durable; 0 commits inside every write
	 */
	public record Embedded(@NotNull @DefaultValue("./.chimera/memory") Path directory,
			@NotNull @DefaultValue("5s") Duration commitInterval) {

		public Embedded {
			if (commitInterval != null && commitInterval.isNegative()) {
				throw new IllegalArgumentException(
						"chimera.memory.embedded.commit-interval must not be negative, got " + commitInterval);
			}
		}
	}

	/**
	 * @param url e.g. http://localhost:8080 (env WEAVIATE_URL)
	 * @param apiKey sent as bearer token when set (env WEAVIATE_API_KEY); never logged
	 * @param vectors client (bring your own vector, default) or server (the class's vectorizer module)
	 * @param vectorizer the server module for {@code vectors=server}
	 * @param timeoutSeconds connect and read timeout of each request
	 */
	public record Weaviate(String url, String apiKey, @NotNull @DefaultValue("client") VectorSource vectors,
			@NotBlank @DefaultValue("text2vec-openai") String vectorizer,
			@Min(1) @Max(600) @DefaultValue("30") int timeoutSeconds) {

		public Weaviate {
			if (url != null && !url.isBlank() && !url.trim().matches("^https?://[^/\\s]+/?$")) {
				throw new IllegalArgumentException(
						"chimera.memory.weaviate.url must look like http://host:8080, got " + url);
			}
		}

		@Override
		public String toString() {
			return "Weaviate[url=" + this.url + ", apiKey=" + (this.apiKey == null || this.apiKey.isBlank() ? "" : "***")
					+ ", vectors=" + this.vectors + ", vectorizer=" + this.vectorizer + ", timeoutSeconds="
					+ this.timeoutSeconds + "]";
		}
	}
}
