package tech.aiqem.chimera.db;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * The orchestrator applies the migrations in {@code db/migrations}; every other service only validates
 * that the database has them, waiting a while for the orchestrator to finish when it starts at the same
 * time.
 */
public final class MigrateOrValidate implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(MigrateOrValidate.class);

	private final boolean migrate;

	private final Duration validationPatience;

	public MigrateOrValidate(boolean migrate, Duration validationPatience) {
		this.migrate = migrate;
		this.validationPatience = validationPatience;
	}

	@Override
	public void migrate(Flyway flyway) {
		if (this.migrate) {
			var result = flyway.migrate();
			log.info("Database schema at version {} ({} migration(s) applied)", result.targetSchemaVersion,
					result.migrationsExecuted);
			return;
		}
		long deadline = System.nanoTime() + this.validationPatience.toNanos();
		while (true) {
			try {
				flyway.validate();
				return;
			}
			catch (FlywayException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The database schema does not match db/migrations "
							+ "(the orchestrator applies them): " + ex.getMessage(), ex);
				}
				log.info("Waiting for the orchestrator to migrate the database: {}", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
	}
}
