package tech.aiqem.chimera.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.PlannedTask;
import tech.aiqem.chimera.ledger.TaskLedger;

/**
 * The load the benchmark offers, written the way the planner writes it (the task ledger's {@code planned}:
 * the task row and its {@code planned} event): pending tasks cloned from tasks the planner planned for
 * real ({@link BenchTemplates}), inserted in batches, either as a standing backlog or paced at a rate.
 */
final class BenchLoad implements AutoCloseable {

	/** Tasks withdrawn per transaction when a phase is over. */
	private static final int WITHDRAW_CHUNK = 1_000;

	private final HikariDataSource dataSource;

	private final TaskLedger ledger;

	private final TransactionTemplate transactions;

	private final BenchTemplates templates;

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong inserted = new AtomicLong();

	private final AtomicBoolean running = new AtomicBoolean();

	private Thread feeder;

	BenchLoad(String jdbcUrl, List<UUID> templates) throws SQLException {
		this.dataSource = BenchDatabase.pool(jdbcUrl, "load", 3);
		this.ledger = Ledger.on(this.dataSource).tasks();
		this.transactions = BenchDatabase.transactions(this.dataSource);
		try (Connection connection = connect()) {
			this.templates = BenchTemplates.read(connection, templates);
		}
	}

	/** Plans about {@code count} pending tasks due now, spread over the template campaigns, in one transaction. */
	int insert(String label, int count) {
		int each = Math.max(1, count / this.templates.size());
		List<PlannedTask> tasks = this.templates.clones("bench-" + label + "-" + this.batches.incrementAndGet(), each,
				Instant.now());
		boolean[] planned = this.transactions.execute(status -> this.ledger.planned(tasks));
		int rows = 0;
		for (boolean one : planned) {
			rows += one ? 1 : 0;
		}
		this.inserted.addAndGet(rows);
		return rows;
	}

	/** Keeps at least {@code backlog} tasks pending (a planner that is always ahead) until stopped. */
	void keepBacklog(String label, int backlog) {
		start(label, () -> {
			try (Connection connection = connect()) {
				while (this.running.get()) {
					// A bounded count once a second: the benchmark's own queries must not be what PostgreSQL is busy with.
					long pending = BenchDatabase.count(connection,
							"SELECT COUNT(*) FROM (SELECT 1 FROM tasks WHERE status = 'pending' LIMIT " + backlog + ") p");
					if (pending < backlog / 2) {
						insert(label, backlog);
					}
					Thread.sleep(1000);
				}
			}
		});
	}

	/** Inserts {@code rate} tasks a second, in ten batches a second, until stopped. */
	void pace(String label, int rate) {
		start(label, () -> {
			long started = System.nanoTime();
			long offered = 0;
			while (this.running.get()) {
				long due = (System.nanoTime() - started) * rate / 1_000_000_000L;
				if (due - offered >= rate / 10) {
					offered += insert(label, (int) (due - offered));
				}
				else {
					Thread.sleep(5);
				}
			}
		});
	}

	/**
	 * Ends what is left of a phase: every pending task failed through the ledger ({@code pending → failed},
	 * as for a task that cannot be dispatched), a chunk per transaction; returns how many.
	 */
	int withdrawPending(String reason) throws SQLException {
		List<UUID> pending;
		try (Connection connection = connect()) {
			pending = BenchDatabase.uuids(connection, "SELECT id FROM tasks WHERE status = 'pending'");
		}
		Instant now = Instant.now();
		for (int i = 0; i < pending.size(); i += WITHDRAW_CHUNK) {
			List<UUID> chunk = pending.subList(i, Math.min(pending.size(), i + WITHDRAW_CHUNK));
			this.transactions.executeWithoutResult(status -> chunk.forEach(task -> this.ledger.undispatchable(task, reason, now)));
		}
		return pending.size();
	}

	/** The tasks the load is cloned from. */
	BenchTemplates templates() {
		return this.templates;
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

	/** A connection of the load's pool, for the phases' counts. */
	Connection connect() throws SQLException {
		return this.dataSource.getConnection();
	}

	@Override
	public void close() {
		stop();
		this.dataSource.close();
	}

	@FunctionalInterface
	private interface Feeder {

		void run() throws Exception;
	}
}
