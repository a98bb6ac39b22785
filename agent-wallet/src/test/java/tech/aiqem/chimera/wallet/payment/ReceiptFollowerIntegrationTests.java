package tech.aiqem.chimera.wallet.payment;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;

import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.chain.EvmChain;
import tech.aiqem.chimera.wallet.chain.UsdcUnits;
import tech.aiqem.chimera.wallet.keystore.SignedTransaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pending payments become confirmed, also after a restart or a crash before broadcasting. */
class ReceiptFollowerIntegrationTests {

	private static PaymentFixture f;

	@BeforeAll
	static void start() {
		f = new PaymentFixture();
	}

	@AfterAll
	static void stop() {
		f.close();
	}

	@Test
	void aPendingPaymentBecomesConfirmedWhenItIsMined() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "20", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		ReceiptFollower follower = f.newFollower();
		f.chain.stopMining();
		try {
			PaymentRecord record = f.payments.pay(payer.pay(task, payee, "2.5"));
			assertThat(record.status()).isEqualTo(PaymentRecord.Status.PENDING);
			follower.followOnce();
			assertThat(f.db.status(task)).isEqualTo("pending");
			assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("0");
			follower.start();
		}
		finally {
			f.chain.startMining();
		}
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> f.db.status(task).equals("confirmed"));
		}
		finally {
			follower.stop();
		}
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("2.5");
	}

	@Test
	void aFollowerStartedAfterARestartConfirmsTheRowsLeftPending() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "20", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		f.chain.stopMining();
		try {
			f.payments.pay(payer.pay(task, payee, "4"));
		}
		finally {
			f.chain.startMining();
		}
		// Mined while no follower ran: the table still says pending.
		await().atMost(Duration.ofSeconds(20)).until(() -> f.usdcSeenByThirdParty(payee).compareTo(new BigDecimal("4")) == 0);
		assertThat(f.db.status(task)).isEqualTo("pending");

		ReceiptFollower fresh = f.newFollower();
		fresh.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> f.db.status(task).equals("confirmed"));
		}
		finally {
			fresh.stop();
		}
	}

	@Test
	void aPaymentRecordedButNeverBroadcastIsBroadcastByTheNextFollower() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "20", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		// What a crash between recording and broadcasting leaves: a signed, recorded, unsent transaction.
		EvmChain base = f.networks.chain(Network.BASE);
		RawTransaction transfer = RawTransaction.createTransaction(base.pendingNonce(payer.address()), base.gasPrice(),
				java.math.BigInteger.valueOf(100_000), f.chain.usdcAddress(),
				EvmChain.transferData(payee.address(), UsdcUnits.toUnits(new BigDecimal("6"))));
		SignedTransaction signed = f.wallets.sign(payer.agent(), transfer, f.chain.chainId());
		f.db.jdbc.update("""
				INSERT INTO transactions (agent_id, tenant_id, task_id, transaction_hash, from_address, to_address,
				                          amount_usdc, network, status, purpose, chain_id, nonce, signed_transaction)
				VALUES (?, ?, ?, ?, ?, ?, 6, 'base', 'pending', 'sponsor', 1337, ?, ?)
				""", payer.agent().value(), tenant.value(), task.value(), signed.hash(), payer.address(),
				payee.address(), transfer.getNonce().longValue(), signed.hex());
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("0");

		f.newFollower().followOnce();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			f.newFollower().followOnce();
			return f.db.status(task).equals("confirmed");
		});
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("6");
	}
}
