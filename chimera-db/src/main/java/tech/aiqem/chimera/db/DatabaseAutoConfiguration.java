package tech.aiqem.chimera.db;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.infra.config.InfraProperties;

/**
 * The database side of a service that has one: the orchestrator applies the migrations of
 * {@code db/migrations} ({@code chimera.migrate=true}), every other service validates them.
 */
@AutoConfiguration(after = ChimeraInfraAutoConfiguration.class)
public class DatabaseAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy migrateOrValidate(InfraProperties properties) {
		return new MigrateOrValidate(properties.migrate(), Duration.ofSeconds(60));
	}
}
