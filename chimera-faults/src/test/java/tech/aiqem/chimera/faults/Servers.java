package tech.aiqem.chimera.faults;

import java.nio.file.Path;

import tech.aiqem.chimera.embedded.FreePorts;
import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;

/**
 * The PostgreSQL and Redis servers of a fault run, kept on fixed ports and data directories so that
 * stopping one and starting it again is, to the services, the same server coming back.
 */
final class Servers implements AutoCloseable {

	private final Path directory;

	private final int postgresPort = FreePorts.next();

	private final int redisPort = FreePorts.next();

	private volatile PostgresServer postgres;

	private volatile RedisServer redis;

	private final String jdbcUrl;

	Servers(Path directory) {
		this.directory = directory;
		this.postgres = PostgresServer.start(directory.resolve("postgres"), this.postgresPort);
		this.jdbcUrl = this.postgres.database("chimera");
		this.redis = RedisServer.start(directory.resolve("redis"), this.redisPort);
	}

	String jdbcUrl() {
		return this.jdbcUrl;
	}

	String redisUrl() {
		return "redis://127.0.0.1:" + this.redisPort + "/0";
	}

	void stopPostgres() {
		this.postgres.close();
	}

	void startPostgres() {
		this.postgres = PostgresServer.start(this.directory.resolve("postgres"), this.postgresPort);
	}

	void stopRedis() {
		this.redis.close();
	}

	void startRedis() {
		this.redis = RedisServer.start(this.directory.resolve("redis"), this.redisPort);
	}

	@Override
	public void close() {
		this.redis.close();
		this.postgres.close();
	}
}
