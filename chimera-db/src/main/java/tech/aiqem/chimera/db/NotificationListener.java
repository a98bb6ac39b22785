package tech.aiqem.chimera.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;

import tech.aiqem.chimera.infra.loop.BackgroundLoop;

/**
 * Listens on a PostgreSQL notification channel ({@code LISTEN}) on a connection of its own, taken from the
 * service's pool and held while running, and calls {@code onNotification} (on its thread) for every batch of
 * notifications that arrives. It runs as a {@link BackgroundLoop}: a lost connection is logged as the database
 * being away (E2002) and opened again with the loop's backoff. Notifications sent meanwhile are lost, which is
 * why listeners only wake loops that also look on their own.
 */
public final class NotificationListener implements SmartLifecycle {

	private final DataSource dataSource;

	private final String channel;

	private final Runnable onNotification;

	private final int pollMillis;

	private final BackgroundLoop loop;

	/** The listening connection, opened and used by the loop's thread only; closed on failure and on stop. */
	private volatile Connection connection;

	/** {@code channel} must be a plain identifier: it is written into the {@code LISTEN} statement as is. */
	public NotificationListener(DataSource dataSource, String channel, Runnable onNotification) {
		this(dataSource, channel, onNotification, Duration.ofSeconds(1));
	}

	NotificationListener(DataSource dataSource, String channel, Runnable onNotification, Duration poll) {
		if (!channel.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain channel name: " + channel);
		}
		this.dataSource = dataSource;
		this.channel = channel;
		this.onNotification = onNotification;
		this.pollMillis = (int) poll.toMillis();
		this.loop = new BackgroundLoop("listen-" + channel, Duration.ZERO, this::listen);
	}

	/** One wait for notifications (at most the poll interval), listening first when there is no connection. */
	private boolean listen() {
		try {
			Connection listening = this.connection;
			if (listening == null) {
				listening = this.dataSource.getConnection();
				this.connection = listening;
				listening.setAutoCommit(true);
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + this.channel);
				}
				// Whatever was announced before LISTEN took effect is found by the loop's own look.
				this.onNotification.run();
			}
			PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(this.pollMillis);
			if (notifications != null && notifications.length > 0) {
				this.onNotification.run();
			}
			return true;
		}
		catch (SQLException ex) {
			closeConnection();
			throw new DataAccessResourceFailureException("listening on " + this.channel + " failed", ex);
		}
		catch (RuntimeException ex) {
			closeConnection();
			throw ex;
		}
	}

	private void closeConnection() {
		Connection listening = this.connection;
		this.connection = null;
		if (listening != null) {
			try {
				listening.close();
			}
			catch (SQLException ex) {
				// the connection is lost already; the pool discards it
			}
		}
	}

	@Override
	public void start() {
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop();
		closeConnection();
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}
}
