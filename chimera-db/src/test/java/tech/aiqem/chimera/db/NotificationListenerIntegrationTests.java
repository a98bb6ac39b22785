package tech.aiqem.chimera.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tech.aiqem.chimera.embedded.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** LISTEN on a real PostgreSQL: a notification committed elsewhere reaches the callback, also after the connection is lost. */
class NotificationListenerIntegrationTests {

	private String url;

	private final AtomicInteger calls = new AtomicInteger();

	@BeforeEach
	void database() {
		this.url = TestServices.freshPostgresDatabase();
	}

	private NotificationListener listener() {
		return new NotificationListener(new SimpleDriverDataSource(new org.postgresql.Driver(), this.url), "test_due",
				this.calls::incrementAndGet, Duration.ofMillis(200));
	}

	private void exec(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private int listeners() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url); Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN test_due' AND datname = current_database()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	@Test
	void aCommittedNotificationReachesTheCallback() throws Exception {
		NotificationListener listener = listener();
		listener.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 1);
			int before = this.calls.get();

			exec("BEGIN; SELECT pg_notify('test_due', ''); ROLLBACK");
			Thread.sleep(600);
			assertThat(this.calls.get()).as("a rolled-back notification is never delivered").isEqualTo(before);

			exec("SELECT pg_notify('test_due', '')");
			await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.get() > before);
		}
		finally {
			listener.stop();
		}
		assertThat(listeners()).as("the connection is given back on stop").isZero();
	}

	@Test
	void aLostConnectionIsOpenedAgain() throws Exception {
		NotificationListener listener = listener();
		listener.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 1);
			exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN test_due' AND datname = current_database()");
			await().atMost(Duration.ofSeconds(15)).until(() -> listeners() == 1);
			int before = this.calls.get();

			exec("SELECT pg_notify('test_due', '')");

			await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.get() > before);
		}
		finally {
			listener.stop();
		}
	}

	@Test
	void aChannelNameThatIsNotAPlainIdentifierIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotificationListener(new SimpleDriverDataSource(), "due; DROP TABLE tasks", () -> {
			}));
	}
}
