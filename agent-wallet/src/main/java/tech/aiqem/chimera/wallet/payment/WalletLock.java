package tech.aiqem.chimera.wallet.payment;

import java.sql.PreparedStatement;
import java.util.function.Supplier;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One payment at a time per wallet, across every process: a PostgreSQL session advisory lock held from
 * choosing the nonce until the transaction is broadcast, so two payments never sign the same nonce. The
 * lock dies with its connection if the process does.
 */
final class WalletLock {

	private static final String LOCK = "SELECT pg_advisory_lock(hashtextextended(?, 0))";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtextextended(?, 0))";

	private final JdbcTemplate jdbc;

	WalletLock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	<T> T withLock(String address, Supplier<T> body) {
		String key = "chimera-wallet:" + address.toLowerCase(java.util.Locale.ROOT);
		return this.jdbc.execute((ConnectionCallback<T>) connection -> {
			try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
				lock.setString(1, key);
				lock.execute();
			}
			try {
				return body.get();
			}
			finally {
				try (PreparedStatement unlock = connection.prepareStatement(UNLOCK)) {
					unlock.setString(1, key);
					unlock.execute();
				}
			}
		});
	}
}
