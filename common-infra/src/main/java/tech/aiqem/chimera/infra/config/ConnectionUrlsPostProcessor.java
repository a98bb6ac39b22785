package tech.aiqem.chimera.infra.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

import tech.aiqem.chimera.model.PostgresUrl;

/**
 * Reads the shared environment (docs/architecture.md §13) into Spring's properties: {@code POSTGRES_URL}
 * ({@code postgresql://user:pass@host:5432/db}) into the datasource, {@code PROMETHEUS_PORT} into the
 * management port, {@code CHIMERA_LOG_FORMAT} into the log format, and adds the defaults every service shares at the lowest precedence, followed by those of
 * the other modules on the class path ({@value #MODULE_DEFAULTS}).
 */
class ConnectionUrlsPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Where a module that comes with its own environment defaults keeps them. */
	static final String MODULE_DEFAULTS = "META-INF/chimera-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		String url = environment.getProperty("POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			PostgresUrl parsed;
			try {
				parsed = PostgresUrl.parse(url);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("POSTGRES_URL is invalid: " + ex.getMessage());
			}
			properties.put("spring.datasource.url", parsed.jdbcUrl());
			if (parsed.username() != null) {
				properties.put("spring.datasource.username", parsed.username());
			}
			if (parsed.password() != null) {
				properties.put("spring.datasource.password", parsed.password());
			}
		}
		String prometheusPort = environment.getProperty("PROMETHEUS_PORT");
		if (prometheusPort != null && !prometheusPort.isBlank()) {
			properties.put("management.server.port", prometheusPort.trim());
		}
		String service = environment.getProperty("spring.application.name", "chimera").replaceFirst("^chimera-", "");
		properties.put("chimera.instance-id", service + "-" + defaultInstanceId());
		properties.putAll(logFormat(environment.getProperty("chimera.log-format"), service));
		var sources = environment.getPropertySources();
		// The spec's variables win over application.yml defaults but not over explicit Spring properties.
		MapPropertySource derived = new MapPropertySource("chimeraEnvironment", properties);
		if (sources.contains("systemEnvironment")) {
			sources.addAfter("systemEnvironment", derived);
		}
		else {
			sources.addLast(derived);
		}
		try {
			sources.addLast(new ResourcePropertySource("chimeraInfraDefaults",
					new ClassPathResource("chimera-infra-defaults.properties")));
			// the defaults of the modules this service has (model gateway, tools client), each in its own jar
			for (Resource defaults : new PathMatchingResourcePatternResolver(application.getClassLoader())
				.getResources("classpath*:" + MODULE_DEFAULTS)) {
				sources.addLast(new ResourcePropertySource("chimeraDefaults " + defaults.getDescription(), defaults));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code CHIMERA_LOG_FORMAT=json}: every log line one JSON object in the Elastic Common Schema (Spring
	 * Boot's structured logging), with the MDC ({@code task_id}, {@code agent_id}) as fields; {@code text}
	 * (the default) keeps the console pattern.
	 */
	static Map<String, Object> logFormat(String format, String service) {
		if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("text")) {
			return Map.of();
		}
		if (!format.strip().equalsIgnoreCase("json")) {
			throw new IllegalArgumentException("CHIMERA_LOG_FORMAT must be text or json, not '" + format + "'");
		}
		return Map.of("logging.structured.format.console", "ecs", "logging.structured.ecs.service.name", "chimera-" + service);
	}

	private static String defaultInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "host";
		}
		String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
		return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
