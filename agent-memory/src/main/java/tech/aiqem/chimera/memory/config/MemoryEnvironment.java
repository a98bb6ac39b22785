package tech.aiqem.chimera.memory.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the deployment's variables into {@code chimera.memory.*} at the lowest precedence, so explicit
 * properties still win: {@code WEAVIATE_URL}, {@code WEAVIATE_API_KEY}, and {@code CHIMERA_MEMORY_DIR} (the
 * embedded index directory; the local launcher points it into its data directory).
 */
class MemoryEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("chimeraMemoryEnvironment",
					Map.of("chimera.memory.weaviate.url", "${WEAVIATE_URL:}", "chimera.memory.weaviate.api-key",
							"${WEAVIATE_API_KEY:}", "chimera.memory.embedded.directory",
							"${CHIMERA_MEMORY_DIR:./.chimera/memory}")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
