package tech.aiqem.chimera.memory.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.infra.memory.ShortTermMemoryAutoConfiguration;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.lucene.LuceneMemoryStore;
import tech.aiqem.chimera.memory.weaviate.WeaviateMemoryStore;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration a service gets by depending on agent-memory. */
class MemoryAutoConfigurationIntegrationTests {

	@TempDir
	Path directory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChimeraInfraAutoConfiguration.class, ShortTermMemoryAutoConfiguration.class,
					MemoryAutoConfiguration.class))
			.withPropertyValues("chimera.redis-url=" + TestServices.freshRedisUrl(), "chimera.instance-id=test",
					"chimera.memory.embedded.directory=" + this.directory);
	}

	@Test
	void theEmbeddedStoreIsTheDefaultAndShortTermMemoryStaysCommonInfras() {
		runner().run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MemoryStore.class)).isInstanceOf(LuceneMemoryStore.class);
			// one bean, common-infra's: agent-memory does not register a second one
			assertThat(context).hasSingleBean(ShortTermMemory.class);
			MemoryProperties properties = context.getBean(MemoryProperties.class);
			assertThat(properties.halfLife()).hasDays(30);
			assertThat(properties.embedded().directory()).isEqualTo(this.directory);
		});
	}

	@Test
	void weaviateIsChosenByConfigurationAndItsKeyIsNeverPrinted() {
		runner()
			.withPropertyValues("chimera.memory.store=weaviate", "chimera.memory.weaviate.url=http://weaviate:8080",
					"chimera.memory.weaviate.api-key=s3cret-key", "chimera.memory.weaviate.vectors=server")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MemoryStore.class)).isInstanceOf(WeaviateMemoryStore.class);
				MemoryProperties properties = context.getBean(MemoryProperties.class);
				assertThat(properties.weaviate().apiKey()).isEqualTo("s3cret-key");
				assertThat(properties.toString()).doesNotContain("s3cret-key").contains("apiKey=***");
			});
	}

	@Test
	void badSettingsStopTheStartWithTheirName() {
		runner().withPropertyValues("chimera.memory.store=weaviate").run(context -> {
			assertThat(context).hasFailed();
			assertThat(rootMessage(context.getStartupFailure()))
				.contains("chimera.memory.weaviate.url (env WEAVIATE_URL) is required");
		});
		runner().withPropertyValues("chimera.memory.half-life=-1d").run(context -> {
			assertThat(context).hasFailed();
			assertThat(rootMessage(context.getStartupFailure())).contains("half-life must be positive");
		});
	}

	@Test
	void environmentVariablesFeedThePropertiesUnlessSetExplicitly() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("env", Map.of("WEAVIATE_URL", "http://weaviate:8080", "WEAVIATE_API_KEY",
					"k-123", "CHIMERA_MEMORY_DIR", "/data/chimera/memory")));
		new MemoryEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("chimera.memory.weaviate.url")).isEqualTo("http://weaviate:8080");
		assertThat(environment.getProperty("chimera.memory.weaviate.api-key")).isEqualTo("k-123");
		assertThat(environment.getProperty("chimera.memory.embedded.directory")).isEqualTo("/data/chimera/memory");

		environment.getPropertySources()
			.addFirst(new MapPropertySource("explicit", Map.of("chimera.memory.weaviate.url", "http://other:8080")));
		assertThat(environment.getProperty("chimera.memory.weaviate.url")).isEqualTo("http://other:8080");
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}
}
