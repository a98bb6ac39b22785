package tech.aiqem.chimera.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on a PostgreSQL notification channel ({@code LISTEN}) on a connection of its own, taken from the
 * service's pool and held while running, and calls {@code onNotification} (on its thread) for every batch of
 * notifications that arrives. A lost connection is logged and opened again, after a second, then up to 30;
 * notifications sent meanwhile are lost, which is why listeners only wake loops that also look on their own.
 */
public final class NotificationListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

	private static final long MAX_BACKOFF_MILLIS = 30_000;

	private final DataSource dataSource;

	private final String channel;

	private final Runnable onNotification;

	private final Duration poll;

	private volatile boolean running;

	private Thread thread;

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
		this.poll = poll;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "listen-" + this.channel);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		int failures = 0;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				PGConnection postgres = connection.unwrap(PGConnection.class);
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + this.channel);
				}
				if (failures > 0) {
					log.info("Listening on {} again after {} failure(s)", this.channel, failures);
					failures = 0;
				}
				// Whatever was announced before LISTEN took effect is found by the loop's own look.
				this.onNotification.run();
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications((int) this.poll.toMillis());
					if (notifications != null && notifications.length > 0) {
						this.onNotification.run();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				failures++;
				long backoff = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failures - 1, 5));
				if (failures <= 3 || failures % 20 == 0) {
					log.warn("Listening on {} failed ({} in a row): {}; again in {} ms", this.channel, failures, ex.toString(),
							backoff);
				}
				try {
					TimeUnit.MILLISECONDS.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		Thread listening;
		synchronized (this) {
			this.running = false;
			listening = this.thread;
		}
		if (listening != null) {
			try {
				listening.join(this.poll.toMillis() + 5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}
}
