package tech.aiqem.chimera.wallet.payment;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import tech.aiqem.chimera.budget.Spend;
import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.chain.EvmChain;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.chain.RejectedTransactionException;

/**
 * Moves pending payments to confirmed or failed from their receipts. It keeps no state of its own: each
 * round reads the pending rows, so a follower started after a crash picks up where the last one stopped.
 * A pending transaction the chain does not know (the process died between recording and broadcasting)
 * is broadcast again from its stored signed bytes; one the node refuses is failed. A failed payment gives
 * its amount back to the budget. Several followers may run at once: every update is conditional on the
 * row still being pending.
 */
public final class ReceiptFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReceiptFollower.class);

	private static final int BATCH = 200;

	private final EvmNetworks networks;

	private final SpendGuard spendGuard;

	private final TransactionStore store;

	private final Clock clock;

	private final Duration interval;

	private volatile ScheduledExecutorService scheduler;

	public ReceiptFollower(EvmNetworks networks, SpendGuard spendGuard, JdbcTemplate jdbc, Clock clock,
			Duration interval) {
		this.networks = networks;
		this.spendGuard = spendGuard;
		this.store = new TransactionStore(jdbc);
		this.clock = clock;
		this.interval = interval;
	}

	/** One round over the pending rows; how many it settled (confirmed or failed). */
	public int followOnce() {
		int settled = 0;
		for (TransactionStore.Row row : this.store.pending(BATCH)) {
			PaymentRecord payment = row.record();
			if (!this.networks.configured(payment.network())) {
				continue;
			}
			try {
				settled += follow(this.networks.chain(payment.network()), row) ? 1 : 0;
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				log.warn("Could not follow tx {} on {}: {}", payment.transactionHash(), payment.network().wire(),
						ex.getMessage());
			}
		}
		return settled;
	}

	private boolean follow(EvmChain chain, TransactionStore.Row row) {
		PaymentRecord payment = row.record();
		String hash = payment.transactionHash();
		Optional<TransactionReceipt> receipt = chain.receipt(hash);
		if (receipt.isPresent()) {
			long block = receipt.get().getBlockNumber().longValueExact();
			if (receipt.get().isStatusOK()) {
				if (this.store.confirm(hash, block, this.clock.instant())) {
					log.info("Payment for task {} confirmed in block {}: tx {}", payment.taskId(), block, hash);
				}
				return true;
			}
			fail(payment, "reverted on chain in block " + block, block);
			return true;
		}
		if (chain.knows(hash) || row.signedTransaction() == null) {
			return false;
		}
		try {
			chain.sendRaw(row.signedTransaction());
			log.info("Payment for task {} was not on chain; broadcast tx {} again", payment.taskId(), hash);
		}
		catch (RejectedTransactionException ex) {
			if (ex.getMessage() != null && ex.getMessage().toLowerCase(java.util.Locale.ROOT).contains("already")) {
				return false;
			}
			fail(payment, "not on chain, and the node refused it again: " + ex.getMessage(), null);
			return true;
		}
		return false;
	}

	private void fail(PaymentRecord payment, String error, Long block) {
		if (this.store.fail(payment.transactionHash(), error, block)) {
			this.spendGuard.release(Spend.paymentRef(payment.taskId()));
			log.warn("Payment for task {} failed: {} (tx {})", payment.taskId(), error, payment.transactionHash());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "receipt-follower");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::guardedRound, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	private void guardedRound() {
		try {
			followOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Receipt follower round failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}
}
