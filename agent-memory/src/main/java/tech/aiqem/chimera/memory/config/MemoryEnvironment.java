package tech.aiqem.chimera.memory.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the deployment's Weaviate variables ({@code WEAVIATE_URL}, {@code WEAVIATE_API_KEY}) into
 * {@code chimera.memory.weaviate.*} at the lowest precedence, so explicit properties still win.
 */
class MemoryEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("chimeraMemoryEnvironment",
					Map.of("chimera.memory.weaviate.url", "${WEAVIATE_URL:}", "chimera.memory.weaviate.api-key",
							"${WEAVIATE_API_KEY:}")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
