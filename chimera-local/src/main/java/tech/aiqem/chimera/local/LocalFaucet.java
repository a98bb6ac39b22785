package tech.aiqem.chimera.local;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.embedded.chain.LocalChain;

/**
 * On the local chain only: gives every agent wallet some ETH for gas and test USDC, so that payments in
 * the demo move real (test) tokens. Runs every few seconds; each wallet is funded once per chain.
 */
final class LocalFaucet implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalFaucet.class);

	static final BigDecimal ETH = new BigDecimal("1");

	static final BigDecimal USDC = new BigDecimal("1000");

	private final LocalChain chain;

	private final String jdbcUrl;

	private final Set<String> funded = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "local-faucet");
		thread.setDaemon(true);
		return thread;
	});

	LocalFaucet(LocalChain chain, String jdbcUrl) {
		this.chain = chain;
		this.jdbcUrl = jdbcUrl;
	}

	void start() {
		this.scheduler.scheduleWithFixedDelay(this::fundNewWallets, 1, 2, TimeUnit.SECONDS);
	}

	void fundNewWallets() {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT wallet_address FROM agents WHERE wallet_address IS NOT NULL")) {
			while (rows.next()) {
				String address = rows.getString(1);
				if (this.funded.add(address.toLowerCase())) {
					this.chain.fund(address, ETH, USDC);
					log.info("Funded {} with {} ETH and {} test USDC on the local chain", address, ETH, USDC);
				}
			}
		}
		catch (SQLException ex) {
			// The schema may not exist yet; the next round tries again.
			log.debug("Faucet round skipped: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Faucet round failed: {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}
}
