package tech.aiqem.chimera.toolclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.ChimeraJson;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build writes Spring's configuration metadata for the chimera.* properties (the configuration
 * processor), so IDEs complete and document them and a misspelt property is flagged.
 */
class ConfigurationMetadataUnitTests {

	@Test
	void chimeraPropertiesHaveMetadataWithTheirDescriptions() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("META-INF/spring-configuration-metadata.json from spring-boot-configuration-processor").isNotNull();
			metadata = ChimeraJson.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		Map<String, String> descriptions = new HashMap<>();
		for (JsonNode property : metadata.path("properties")) {
			descriptions.put(property.path("name").asString(), property.path("description").asString(""));
		}
		assertThat(descriptions).containsKeys("chimera.mcp.url", "chimera.mcp.token", "chimera.mcp.attempts");
		assertThat(descriptions.get("chimera.mcp.token")).contains("bearer token");
	}
}
