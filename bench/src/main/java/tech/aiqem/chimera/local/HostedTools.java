package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's {@code --tools hosted} mode: mcp-tools runs its live adapters (X, Ideogram, Weaviate with
 * server-side vectors) against {@link HostedStandIns} instead of its offline defaults (image renderer, Lucene
 * with in-process MiniLM embeddings, sandbox platform). The settings are the deployment's own variables
 * (mcp-tools' application.yml, agent-memory's MemoryEnvironment and relaxed binding of
 * {@code chimera.memory.*}); the keys are placeholders that the stand-ins only check for presence.
 */
final class HostedTools {

	/** Placeholder credentials: the stand-ins check that one is sent, not which. */
	private static final String PLACEHOLDER = "bench-stand-in-placeholder";

	private HostedTools() {
	}

	/** The services' environment that selects the live adapters and points them at the stand-ins. */
	static Map<String, String> environment(String url) {
		Map<String, String> env = new HashMap<>();
		env.put("TWITTER_MODE", "live");
		env.put("X_API_BASE_URL", url);
		env.put("X_ACCESS_TOKEN", PLACEHOLDER);
		env.put("IMAGE_PROVIDER", "ideogram");
		env.put("IDEOGRAM_BASE_URL", url);
		env.put("IDEOGRAM_API_KEY", PLACEHOLDER);
		env.put("CHIMERA_MEMORY_STORE", "weaviate");
		env.put("WEAVIATE_URL", url);
		env.put("WEAVIATE_API_KEY", PLACEHOLDER);
		// the hosted Weaviate's vectorizer embeds: mcp-tools computes no embedding
		env.put("CHIMERA_MEMORY_WEAVIATE_VECTORS", "server");
		return env;
	}

	/**
	 * What a live account needs before its campaign plans work: a numeric X user id (live X reads mentions and
	 * checks earlier attempts by user id; the API takes only a username, so it is set in the row) and the
	 * character reference image Ideogram is sent ({@code characters/agent-<id>.png} in the media store).
	 */
	static void prepareAgent(String jdbcUrl, Path mediaDir, String agentId) {
		UUID agent = UUID.fromString(agentId);
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				PreparedStatement update = connection.prepareStatement(
						"UPDATE agents SET social_accounts = jsonb_set(social_accounts, '{twitter,user_id}', to_jsonb(CAST(? AS text))) WHERE id = ?")) {
			update.setString(1, String.valueOf(1_000_000_000L + (agent.getLeastSignificantBits() & 0x3fffffffL)));
			update.setObject(2, agent);
			if (update.executeUpdate() != 1) {
				throw new IllegalStateException("agent " + agentId + " not found");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot set the X user id of agent " + agentId, ex);
		}
		try {
			Path reference = mediaDir.resolve("characters").resolve("agent-" + agentId + ".png");
			Files.createDirectories(reference.getParent());
			Files.write(reference, StandInBodies.PNG);
			Files.writeString(reference.resolveSibling(reference.getFileName() + ".type"), "image/png");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the character reference of agent " + agentId, ex);
		}
	}
}
