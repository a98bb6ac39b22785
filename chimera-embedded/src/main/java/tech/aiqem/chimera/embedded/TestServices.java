package tech.aiqem.chimera.embedded;

import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import tech.aiqem.chimera.model.PostgresUrl;

/**
 * The real PostgreSQL and Redis servers a test JVM talks to: the ones named by
 * {@code CHIMERA_TEST_POSTGRES_URL} / {@code CHIMERA_TEST_REDIS_URL} when set, otherwise embedded
 * servers started once per JVM and stopped when it exits. Each caller gets its own fresh database and
 * its own flushed Redis database index, so test classes do not see each other's data.
 */
public final class TestServices {

	private static final AtomicInteger nextRedisDb = new AtomicInteger();

	private static volatile PostgresServer postgres;

	private static volatile RedisServer redis;

	private TestServices() {
	}

	/** JDBC URL (with credentials as query parameters) of a new, empty database. */
	public static synchronized String freshPostgresDatabase() {
		return PostgresServer.freshDatabase(adminJdbcUrl());
	}

	/**
	 * A Redis URL on a database index no other caller in this JVM uses, flushed. Where a module's tests run in
	 * several forks (Surefire sets {@code chimera.test.fork} to {@code fork-N} and {@code chimera.test.forks}),
	 * each fork takes its own share of the indexes 1 to 15.
	 */
	public static synchronized String freshRedisUrl() {
		int forks = Math.max(1, Integer.getInteger("chimera.test.forks", 1));
		int fork = Math.min(forks, Math.max(1, forkNumber(System.getProperty("chimera.test.fork"))));
		int share = 15 / forks;
		int db = 1 + (fork - 1) * share + nextRedisDb.getAndIncrement() % share;
		String url = redisBase().replaceFirst("/\\d*$", "") + "/" + db;
		RedisClient client = RedisClient.create(RedisURI.create(url));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().flushdb();
		}
		finally {
			client.shutdown();
		}
		return url;
	}

	/** The N of {@code fork-N} (Maven leaves a value that is only a placeholder empty, hence the prefix); 1 if none. */
	static int forkNumber(String property) {
		String digits = property == null ? "" : property.replaceAll("\\D", "");
		return digits.isEmpty() ? 1 : Integer.parseInt(digits);
	}

	private static String adminJdbcUrl() {
		String configured = System.getenv("CHIMERA_TEST_POSTGRES_URL");
		if (configured != null && !configured.isBlank()) {
			PostgresUrl url = PostgresUrl.parse(configured);
			String jdbc = url.jdbcUrl();
			if (url.username() != null) {
				jdbc += (jdbc.contains("?") ? "&" : "?") + "user=" + url.username();
				if (url.password() != null) {
					jdbc += "&password=" + url.password();
				}
			}
			return jdbc;
		}
		if (postgres == null) {
			postgres = PostgresServer.start(null);
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-embedded-postgres"));
		}
		return postgres.jdbcUrl("postgres");
	}

	private static String redisBase() {
		String configured = System.getenv("CHIMERA_TEST_REDIS_URL");
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		if (redis == null) {
			redis = RedisServer.start(null);
			Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "stop-embedded-redis"));
		}
		return redis.url();
	}
}
