package tech.aiqem.chimera.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL 17 server from the zonky binaries, on a free loopback port. */
public final class PostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	private final EmbeddedPostgres postgres;

	private PostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a server. With a data directory the data survives a restart (the launcher); without one
	 * it lives in a temporary directory removed on close (tests).
	 */
	public static PostgresServer start(Path dataDirectory) {
		return start(dataDirectory, FreePorts.next());
	}

	/**
	 * Starts a server on the given port: stopped with {@link #close()} and started again on the same port
	 * and data directory, it is the same database to its clients (the fault suite restarts it so).
	 */
	public static PostgresServer start(Path dataDirectory, int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(port)
				// Callers stop the server themselves, after the services that use it.
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", dataDirectory == null ? "off" : "on")
				.setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			long started = System.nanoTime();
			EmbeddedPostgres postgres = builder.start();
			log.info("PostgreSQL started on port {} in {} ms", postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
			return new PostgresServer(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
		}
	}

	public int port() {
		return this.postgres.getPort();
	}

	/** JDBC URL of a database on this server (user postgres, no password). */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
	}

	/** Creates the database unless it exists and returns its JDBC URL. */
	public String database(String name) {
		createDatabase(jdbcUrl("postgres"), name);
		return jdbcUrl(name);
	}

	/** Creates a new database with a random name on the server the JDBC URL points at. */
	public static String freshDatabase(String adminJdbcUrl) {
		String name = "chimera_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		createDatabase(adminJdbcUrl, name);
		int slash = adminJdbcUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = adminJdbcUrl.indexOf('?');
		return adminJdbcUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminJdbcUrl.substring(query));
	}

	private static void createDatabase(String adminJdbcUrl, String name) {
		try (Connection connection = DriverManager.getConnection(adminJdbcUrl);
				Statement statement = connection.createStatement()) {
			var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
			if (!existing.next()) {
				statement.execute("CREATE DATABASE " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}
}
