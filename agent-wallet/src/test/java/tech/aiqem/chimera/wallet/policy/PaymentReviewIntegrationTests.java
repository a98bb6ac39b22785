package tech.aiqem.chimera.wallet.policy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.WalletDatabase;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.chain.NetworkSettings;
import tech.aiqem.chimera.wallet.keystore.KeystoreKdf;
import tech.aiqem.chimera.wallet.keystore.KeystoreWallets;
import tech.aiqem.chimera.wallet.keystore.Passphrase;
import tech.aiqem.chimera.wallet.policy.PaymentDecision.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facts behind the policy, read from PostgreSQL (no chain needed: balances are not read). */
class PaymentReviewIntegrationTests {

	private static WalletDatabase db;

	private static EvmNetworks networks;

	private static KeystoreWallets wallets;

	private static JdbcPaymentAllowList allowList;

	private static PaymentReview review;

	@BeforeAll
	static void start() {
		db = new WalletDatabase();
		// Configured but never called: the review only asks whether the network exists.
		networks = new EvmNetworks(Map.of(Network.BASE, new NetworkSettings("http://127.0.0.1:9",
				"0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", 8453, 100_000)));
		wallets = new KeystoreWallets(db.jdbc, new Passphrase("correct horse battery staple"), KeystoreKdf.LIGHT,
				networks);
		allowList = new JdbcPaymentAllowList(db.jdbc);
		review = new PaymentReview(db.jdbc, new PaymentPolicy(new BigDecimal("25")), networks);
	}

	@AfterAll
	static void stop() {
		networks.close();
		db.close();
	}

	private static Payment pay(String to, String amount, Network network) {
		return new Payment(to, new BigDecimal(amount), "collab", network);
	}

	@Test
	void allowListedRecipientsAndTheTenantsAgentsAreSentTheRestGoesToAHuman() {
		TenantId tenant = db.tenant();
		AgentId payer = db.agent(tenant, null);
		AgentId colleague = db.agent(tenant, null);
		wallets.create(tenant, payer);
		String colleagueWallet = wallets.create(tenant, colleague);
		String designer = "0x" + "aB".repeat(20);
		String stranger = "0x" + "cd".repeat(20);
		allowList.allow(tenant, payer, designer, "designer");

		assertThat(allowList.allowed(payer)).containsExactly(designer.toLowerCase());
		assertThat(review.review(tenant, payer, pay(designer, "25", Network.BASE)).verdict()).isEqualTo(Verdict.SEND);
		assertThat(review.review(tenant, payer, pay(colleagueWallet, "10", Network.BASE)).verdict())
			.isEqualTo(Verdict.SEND);
		assertThat(review.review(tenant, payer, pay(stranger, "10", Network.BASE)).verdict())
			.isEqualTo(Verdict.NEEDS_HITL);
		PaymentDecision large = review.review(tenant, payer, pay(designer, "25.01", Network.BASE));
		assertThat(large.needsHitl()).isTrue();
		assertThat(review.review(tenant, payer, pay(designer, "1", Network.ETHEREUM)).verdict())
			.isEqualTo(Verdict.REFUSE);

		assertThat(allowList.revoke(payer, designer.toUpperCase().replace("0X", "0x"))).isTrue();
		assertThat(review.review(tenant, payer, pay(designer, "1", Network.BASE)).verdict())
			.isEqualTo(Verdict.NEEDS_HITL);
	}

	@Test
	void anotherTenantsAgentIsNotAllowedAndAPausedAgentIsRefused() {
		TenantId tenant = db.tenant();
		TenantId otherTenant = db.tenant();
		AgentId payer = db.agent(tenant, null);
		wallets.create(tenant, payer);
		String foreign = wallets.create(otherTenant, db.agent(otherTenant, null));

		assertThat(review.review(tenant, payer, pay(foreign, "1", Network.BASE)).verdict())
			.isEqualTo(Verdict.NEEDS_HITL);
		db.jdbc.update("UPDATE agents SET financial_paused = TRUE WHERE id = ?", payer.value());
		assertThat(review.review(tenant, payer, pay(foreign, "1", Network.BASE)).verdict()).isEqualTo(Verdict.REFUSE);
		assertThatThrownBy(() -> review.review(otherTenant, payer, pay(foreign, "1", Network.BASE)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> allowList.allow(otherTenant, payer, foreign, "x"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
