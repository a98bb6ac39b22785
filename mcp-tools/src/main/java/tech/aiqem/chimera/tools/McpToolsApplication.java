package tech.aiqem.chimera.tools;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class McpToolsApplication {

	public static void main(String[] args) {
		SpringApplication.run(McpToolsApplication.class, args);
	}
}
