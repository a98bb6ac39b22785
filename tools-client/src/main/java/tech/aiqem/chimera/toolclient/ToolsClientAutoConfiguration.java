package tech.aiqem.chimera.toolclient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link ToolsClient} for every service; it connects on first use, so it costs nothing until called. */
@AutoConfiguration
@EnableConfigurationProperties(McpClientProperties.class)
public class ToolsClientAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ToolsClient toolsClient(McpClientProperties properties) {
		return new ToolsClient(properties);
	}
}
