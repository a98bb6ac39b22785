package tech.aiqem.chimera.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load the benchmark offers, through PostgreSQL the way the planner writes it: pending tasks
 * cloned from tasks the planner planned for real (so their context is what workers and the judge
 * expect), inserted in batches, either as a standing backlog or paced at a rate.
 */
final class BenchLoad implements AutoCloseable {

	private static final String CLONE = """
			INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
			                   goals_revision, plan_key, scheduled_at, deadline, created_at)
			SELECT gen_random_uuid(), t.campaign_id, t.agent_id, t.tenant_id, t.task_type, t.priority, 'pending',
			       jsonb_set(t.context, '{topic}', to_jsonb(COALESCE(t.context->>'topic', 'our story') || ' ' || ? || '-' || g)),
			       t.state_version, t.goals_revision, ? || '-' || t.id || '-' || g, ?, ?, ?
			  FROM tasks t CROSS JOIN generate_series(1, ?) g
			 WHERE t.id = ANY (?)
			""";

	private final String jdbcUrl;

	private final List<UUID> templates;

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong inserted = new AtomicLong();

	private final AtomicBoolean running = new AtomicBoolean();

	private Thread feeder;

	BenchLoad(String jdbcUrl, List<UUID> templates) {
		this.jdbcUrl = jdbcUrl;
		this.templates = List.copyOf(templates);
	}

	/** Inserts about {@code count} pending tasks due now, spread over the template campaigns. */
	int insert(Connection connection, String label, int count) throws SQLException {
		int each = Math.max(1, count / this.templates.size());
		Instant now = Instant.now();
		try (PreparedStatement insert = connection.prepareStatement(CLONE)) {
			String key = "bench-" + label + "-" + this.batches.incrementAndGet();
			// Each task its own topic: the sandbox platform refuses an account's repeated text, as a real one would.
			insert.setString(1, key);
			insert.setString(2, key);
			insert.setTimestamp(3, Timestamp.from(now));
			insert.setTimestamp(4, Timestamp.from(now.plus(Duration.ofHours(2))));
			insert.setTimestamp(5, Timestamp.from(now));
			insert.setInt(6, each);
			insert.setArray(7, connection.createArrayOf("uuid", this.templates.toArray()));
			int rows = insert.executeUpdate();
			this.inserted.addAndGet(rows);
			return rows;
		}
	}

	/** Keeps at least {@code backlog} tasks pending (a planner that is always ahead) until stopped. */
	void keepBacklog(String label, int backlog) {
		start(label, () -> {
			try (Connection connection = connect()) {
				while (this.running.get()) {
					// A bounded count once a second: the benchmark's own queries must not be what PostgreSQL is busy with.
					long pending = count(connection, "SELECT COUNT(*) FROM (SELECT 1 FROM tasks WHERE status = 'pending' LIMIT "
							+ backlog + ") p");
					if (pending < backlog / 2) {
						insert(connection, label, backlog);
					}
					Thread.sleep(1000);
				}
			}
		});
	}

	/** Inserts {@code rate} tasks a second, in ten batches a second, until stopped. */
	void pace(String label, int rate) {
		start(label, () -> {
			try (Connection connection = connect()) {
				long started = System.nanoTime();
				long offered = 0;
				while (this.running.get()) {
					long due = (System.nanoTime() - started) * rate / 1_000_000_000L;
					if (due - offered >= rate / 10) {
						offered += insert(connection, label, (int) (due - offered));
					}
					else {
						Thread.sleep(5);
					}
				}
			}
		});
	}

	long inserted() {
		return this.inserted.get();
	}

	private void start(String label, Feeder body) {
		stop();
		this.running.set(true);
		this.feeder = new Thread(() -> {
			try {
				body.run();
			}
			catch (Exception ex) {
				System.err.println("load " + label + " stopped: " + ex);
			}
		}, "bench-load-" + label);
		this.feeder.setDaemon(true);
		this.feeder.start();
	}

	void stop() {
		this.running.set(false);
		if (this.feeder != null) {
			try {
				this.feeder.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.feeder = null;
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl);
	}

	static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static List<UUID> uuids(Connection connection, String sql) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	static int update(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			return statement.executeUpdate(sql);
		}
	}

	@Override
	public void close() {
		stop();
	}

	@FunctionalInterface
	private interface Feeder {

		void run() throws Exception;
	}
}
