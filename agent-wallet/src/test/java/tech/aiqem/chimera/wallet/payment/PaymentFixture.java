package tech.aiqem.chimera.wallet.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.threeten.extra.MutableClock;

import tech.aiqem.chimera.budget.BudgetAutoConfiguration;
import tech.aiqem.chimera.budget.BudgetProperties;
import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.PaymentCommand;
import tech.aiqem.chimera.wallet.SharedChain;
import tech.aiqem.chimera.wallet.ThirdPartyRpc;
import tech.aiqem.chimera.wallet.WalletDatabase;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.keystore.KeystoreKdf;
import tech.aiqem.chimera.wallet.keystore.KeystoreWallets;
import tech.aiqem.chimera.wallet.keystore.Passphrase;

/** Payments wired by hand on the shared local chain, with a fresh database and Redis index. */
final class PaymentFixture implements AutoCloseable {

	static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	final LocalChain chain = SharedChain.get();

	final WalletDatabase db = new WalletDatabase();

	final Redis redis = new Redis(TestServices.freshRedisUrl());

	final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);

	final EvmNetworks networks = new EvmNetworks(Map.of(Network.BASE, SharedChain.networkSettings(this.chain)));

	final KeystoreWallets wallets = new KeystoreWallets(this.db.jdbc, new Passphrase("correct horse battery staple"),
			KeystoreKdf.LIGHT, this.networks);

	final SpendGuard guard = BudgetAutoConfiguration.create(this.redis, this.db.jdbc,
			new BudgetProperties(new BigDecimal("100.00")), this.clock);

	final ChainPayments payments = new ChainPayments(this.wallets, this.wallets, this.networks, this.guard,
			this.db.jdbc, this.clock);

	final ThirdPartyRpc observer = new ThirdPartyRpc(this.chain.rpcUrl());

	record Party(PaymentFixture fixture, TenantId tenant, AgentId agent, CampaignId campaign, String address) {

		TaskId newTask() {
			return this.fixture.db.paymentTask(this.tenant, this.agent, this.campaign);
		}

		PaymentCommand pay(TaskId task, Party to, String amount) {
			return new PaymentCommand(task, this.tenant, this.agent,
					new Payment(to.address, new BigDecimal(amount), "paid graphic designer", Network.BASE));
		}
	}

	/** An agent with a wallet funded with ETH and USDC, and a campaign (null budget: none). */
	Party party(TenantId tenant, String eth, String usdc, BigDecimal campaignDailyBudget) {
		AgentId agent = this.db.agent(tenant, null);
		CampaignId campaign = this.db.campaign(tenant, agent, campaignDailyBudget);
		String address = this.wallets.create(tenant, agent);
		this.chain.fund(address, new BigDecimal(eth), new BigDecimal(usdc));
		return new Party(this, tenant, agent, campaign, address);
	}

	BigDecimal usdcSeenByThirdParty(Party party) {
		return this.observer.usdcBalance(this.chain.usdcAddress(), party.address());
	}

	ReceiptFollower newFollower() {
		return new ReceiptFollower(this.networks, this.guard, this.db.jdbc, this.clock, Duration.ofMillis(100));
	}

	@Override
	public void close() {
		this.networks.close();
		this.redis.close();
		this.db.close();
	}
}
