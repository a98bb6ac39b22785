package tech.aiqem.chimera.wallet.payment;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.RawTransaction;

import tech.aiqem.chimera.budget.Spend;
import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.budget.SpendKind;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.AgentNotActiveException;
import tech.aiqem.chimera.wallet.AgentWallets;
import tech.aiqem.chimera.wallet.PaymentCommand;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.Payments;
import tech.aiqem.chimera.wallet.chain.EvmChain;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.chain.RejectedTransactionException;
import tech.aiqem.chimera.wallet.chain.UsdcUnits;
import tech.aiqem.chimera.wallet.keystore.SignedTransaction;
import tech.aiqem.chimera.wallet.keystore.WalletSigner;

/** USDC payments signed with the agent's key and sent as ERC-20 {@code transfer} calls. */
public final class ChainPayments implements Payments {

	private static final Logger log = LoggerFactory.getLogger(ChainPayments.class);

	private final AgentWallets wallets;

	private final WalletSigner signer;

	private final EvmNetworks networks;

	private final SpendGuard spendGuard;

	private final TransactionStore store;

	private final FinancialPause financialPause;

	private final WalletLock lock;

	private final Clock clock;

	public ChainPayments(AgentWallets wallets, WalletSigner signer, EvmNetworks networks, SpendGuard spendGuard,
			JdbcTemplate jdbc, Clock clock) {
		this.wallets = wallets;
		this.signer = signer;
		this.networks = networks;
		this.spendGuard = spendGuard;
		this.store = new TransactionStore(jdbc);
		this.financialPause = new FinancialPause(jdbc);
		this.lock = new WalletLock(jdbc);
		this.clock = clock;
	}

	@Override
	public Optional<PaymentRecord> find(TaskId taskId) {
		return this.store.byTask(taskId);
	}

	@Override
	public PaymentRecord pay(PaymentCommand command) {
		Optional<PaymentRecord> existing = this.store.byTask(command.taskId());
		if (existing.isPresent()) {
			return existing.get();
		}
		TransactionStore.TaskRef task = this.store.task(command.taskId())
			.orElseThrow(() -> new IllegalArgumentException("unknown task " + command.taskId()));
		if (!task.agentId().equals(command.agentId()) || !task.tenantId().equals(command.tenantId())) {
			throw new IllegalArgumentException("task " + command.taskId() + " is not a task of agent "
					+ command.agentId() + " of tenant " + command.tenantId());
		}
		TransactionStore.AgentState agent = this.store.agent(command.agentId())
			.orElseThrow(() -> new IllegalArgumentException("unknown agent " + command.agentId()));
		if (agent.financialPaused()) {
			throw ChimeraException.insufficientFunds("financial tasks of agent " + command.agentId()
					+ " are paused until an operator resumes them");
		}
		String from = this.wallets.address(command.agentId());
		if (from == null) {
			throw new IllegalArgumentException("agent " + command.agentId() + " has no wallet");
		}
		Payment payment = command.payment();
		if (from.equalsIgnoreCase(payment.toAddress())) {
			throw new IllegalArgumentException("agent " + command.agentId() + " cannot pay its own wallet");
		}
		BigInteger units = UsdcUnits.toUnits(payment.amountUsdc());
		EvmChain chain = this.networks.chain(payment.network());
		chain.verifyChainId();
		return this.lock.withLock(from, () -> payLocked(command, task, from, units, chain));
	}

	private PaymentRecord payLocked(PaymentCommand command, TransactionStore.TaskRef task, String from,
			BigInteger units, EvmChain chain) {
		// Another process may have paid this task while we waited for the wallet.
		Optional<PaymentRecord> existing = this.store.byTask(command.taskId());
		if (existing.isPresent()) {
			return existing.get();
		}
		Payment payment = command.payment();
		BigInteger gasPrice = chain.gasPrice();
		BigInteger gasLimit = BigInteger.valueOf(chain.settings().gasLimit());
		requireFunds(command, from, units, gasPrice.multiply(gasLimit), chain);

		String ref = Spend.paymentRef(command.taskId());
		this.spendGuard.charge(new Spend(ref, command.tenantId(), command.agentId(), task.campaignId(),
				command.taskId(), SpendKind.PAYMENT, payment.amountUsdc()));
		SignedTransaction signed;
		PaymentRecord pending;
		BigInteger nonce;
		try {
			nonce = nextNonce(from, chain);
			RawTransaction transfer = RawTransaction.createTransaction(nonce, gasPrice, gasLimit,
					chain.settings().usdcAddress(), EvmChain.transferData(payment.toAddress(), units));
			signed = this.signer.sign(command.agentId(), transfer, chain.settings().chainId());
			pending = new PaymentRecord(command.taskId(), command.agentId(), signed.hash(), from, payment.toAddress(),
					payment.amountUsdc(), payment.network(), PaymentRecord.Status.PENDING, payment.purpose(),
					this.clock.instant(), null, null, null);
			if (!this.store.insertPending(pending, command.tenantId(), chain.settings().chainId(), nonce.longValueExact(),
					signed.hex())) {
				Optional<PaymentRecord> first = this.store.byTask(command.taskId());
				if (first.isEmpty()) {
					// paused while this call waited for the wallet, the gas price or the key
					throw new AgentNotActiveException(command.agentId());
				}
				return first.get();
			}
		}
		catch (RuntimeException ex) {
			// Nothing was recorded, so nothing will be sent: the budget was not spent.
			this.spendGuard.release(ref);
			throw ex;
		}
		log.info("Payment for task {}: {} USDC {} -> {} on {}, tx {} (nonce {}) recorded, broadcasting",
				command.taskId(), payment.amountUsdc().toPlainString(), from, payment.toAddress(),
				payment.network().wire(), signed.hash(), nonce);
		try {
			chain.sendRaw(signed.hex());
		}
		catch (RejectedTransactionException ex) {
			this.store.fail(signed.hash(), "rejected by the node: " + ex.getMessage(), null);
			this.spendGuard.release(ref);
			log.warn("Payment for task {} rejected by the node: {}", command.taskId(), ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			// The node may or may not have it; the receipt follower finds out and re-broadcasts if needed.
			log.warn("Payment for task {} broadcast uncertain, left pending: {}", command.taskId(), ex.getMessage());
		}
		return this.store.byTask(command.taskId()).orElseThrow();
	}

	/**
	 * The node's pending count, or past our own pending transactions when the node does not count them
	 * (some nodes leave the pool out, and a recorded transaction may not be broadcast yet).
	 */
	private BigInteger nextNonce(String from, EvmChain chain) {
		BigInteger node = chain.pendingNonce(from);
		Long ours = this.store.maxPendingNonce(from, chain.settings().chainId());
		return ours == null ? node : node.max(BigInteger.valueOf(ours + 1));
	}

	private void requireFunds(PaymentCommand command, String from, BigInteger units, BigInteger gasCost,
			EvmChain chain) {
		Payment payment = command.payment();
		BigInteger usdc = chain.usdcUnits(from);
		BigInteger pendingOut = UsdcUnits.toUnits(this.store.pendingOutgoing(from, payment.network()));
		BigInteger available = usdc.subtract(pendingOut);
		BigInteger wei = chain.weiBalance(from);
		String shortOf = null;
		if (available.compareTo(units) < 0) {
			shortOf = "USDC: has " + UsdcUnits.fromUnits(available).toPlainString() + " available, needs "
					+ payment.amountUsdc().toPlainString();
		}
		else if (wei.compareTo(gasCost) < 0) {
			shortOf = "ETH for gas: has " + UsdcUnits.ethFromWei(wei).toPlainString() + ", needs "
					+ UsdcUnits.ethFromWei(gasCost).toPlainString();
		}
		if (shortOf == null) {
			return;
		}
		String message = "Wallet " + from + " of agent " + command.agentId() + " on " + payment.network().wire()
				+ " lacks " + shortOf + " (task " + command.taskId() + ")";
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("wallet", from);
		detail.put("network", payment.network().wire());
		detail.put("usdc_available", UsdcUnits.fromUnits(available));
		detail.put("usdc_needed", payment.amountUsdc());
		detail.put("eth_balance", UsdcUnits.ethFromWei(wei));
		detail.put("eth_needed_for_gas", UsdcUnits.ethFromWei(gasCost));
		Instant now = this.clock.instant();
		this.financialPause.pause(command.tenantId(), command.agentId(), command.taskId(), message, detail, now);
		log.warn("E1005 {}; financial tasks of agent {} paused", message, command.agentId());
		throw ChimeraException.insufficientFunds(message);
	}
}
