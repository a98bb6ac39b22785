package tech.aiqem.chimera.budget;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.TaskId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpendGuardIntegrationTests {

	private static final Instant NOON = Instant.parse("2026-02-06T12:00:00Z");

	private static BudgetDatabase db;

	private static Redis redis;

	private static MutableClock clock;

	private static SpendGuard guard;

	@BeforeAll
	static void start() {
		db = new BudgetDatabase();
		redis = new Redis(TestServices.freshRedisUrl());
		clock = MutableClock.of(NOON, ZoneOffset.UTC);
		guard = BudgetAutoConfiguration.create(redis, db.jdbc, new BudgetProperties(new BigDecimal("100.00")), clock);
	}

	@AfterAll
	static void stop() {
		redis.close();
		db.close();
	}

	private static Spend spend(AgentId agent, CampaignId campaign, String amount) {
		return new Spend("model:" + TaskId.random() + ":worker", db.tenant, agent, campaign, null, SpendKind.MODEL,
				new BigDecimal(amount));
	}

	private static BigDecimal ledger(AgentId agent) {
		return db.jdbc.queryForObject("SELECT COALESCE(SUM(amount_usd), 0) FROM spend_ledger WHERE agent_id = ?",
				BigDecimal.class, agent.value());
	}

	@Test
	void countsASpendInRedisAndTheLedgerAndTheCampaignsRunningTotal() {
		AgentId agent = db.agent(new BigDecimal("10.00"), null);
		CampaignId campaign = db.campaign(agent, null, null);

		assertThat(guard.charge(spend(agent, campaign, "2.345678"))).isTrue();

		assertThat(redis.shared().sync().get(RedisKeys.spend(agent, LocalDate.of(2026, 2, 6)))).isEqualTo("2.345678");
		assertThat(redis.shared().sync().ttl(RedisKeys.spend(agent, LocalDate.of(2026, 2, 6)))).isBetween(86000L, 86400L);
		assertThat(ledger(agent)).isEqualByComparingTo("2.345678");
		assertThat(db.jdbc.queryForObject("SELECT spent_usd FROM campaigns WHERE id = ?", BigDecimal.class,
				campaign.value())).isEqualByComparingTo("2.345678");
		assertThat(guard.spentToday(agent)).isEqualByComparingTo("2.345678");
	}

	@Test
	void aRetryWithTheSameRefIsCountedOnce() {
		AgentId agent = db.agent(new BigDecimal("10.00"), null);
		Spend spend = new Spend(Spend.paymentRef(TaskId.random()), db.tenant, agent, null, null, SpendKind.PAYMENT,
				new BigDecimal("6.00"));

		assertThat(guard.charge(spend)).isTrue();
		assertThat(guard.charge(spend)).isFalse();
		assertThat(guard.charge(spend)).isFalse();

		assertThat(guard.spentToday(agent)).isEqualByComparingTo("6.00");
		assertThat(ledger(agent)).isEqualByComparingTo("6.00");
	}

	@Test
	void aSpendPastTheAgentsDailyBudgetIsRefusedAndPausesTheCampaignWithAnIncident() {
		AgentId agent = db.agent(new BigDecimal("10.00"), null);
		CampaignId campaign = db.campaign(agent, null, null);
		guard.charge(spend(agent, campaign, "9.50"));
		int incidentsBefore = db.incidents("E1001");

		assertThatThrownBy(() -> guard.charge(spend(agent, campaign, "0.51"))).isInstanceOf(ChimeraException.class)
			.satisfies(ex -> assertThat(((ChimeraException) ex).code()).isEqualTo(ErrorCode.E1001))
			.hasMessageContaining("agent daily budget 10.000000 USD");

		assertThat(ledger(agent)).isEqualByComparingTo("9.50");
		assertThat(guard.spentToday(agent)).isEqualByComparingTo("9.50");
		assertThat(db.campaignStatus(campaign)).isEqualTo("paused");
		assertThat(db.jdbc.queryForObject("SELECT status_reason FROM campaigns WHERE id = ?", String.class,
				campaign.value())).contains("Budget exceeded");
		assertThat(db.incidents("E1001")).isEqualTo(incidentsBefore + 1);
		// Exactly at the limit still passes.
		guard.charge(spend(agent, campaign, "0.50"));
		assertThat(guard.spentToday(agent)).isEqualByComparingTo("10.00");
	}

	@Test
	void campaignDailyAndTotalBudgetsAndTheAgentsTotalAreEnforcedToo() {
		AgentId agent = db.agent(new BigDecimal("1000"), new BigDecimal("50"));
		CampaignId daily = db.campaign(agent, new BigDecimal("5"), null);
		CampaignId total = db.campaign(agent, null, new BigDecimal("8"));
		guard.charge(spend(agent, daily, "5"));
		assertThatThrownBy(() -> guard.charge(spend(agent, daily, "0.01"))).hasMessageContaining("campaign daily");
		guard.charge(spend(agent, total, "8"));
		assertThatThrownBy(() -> guard.charge(spend(agent, total, "0.01"))).hasMessageContaining("campaign total");
		guard.charge(spend(agent, null, "37"));
		assertThatThrownBy(() -> guard.charge(spend(agent, null, "0.01"))).hasMessageContaining("agent total");
	}

	@Test
	void theDefaultDailyBudgetAppliesWhenTheAgentSetsNone() {
		AgentId agent = db.agent(null, null);
		guard.charge(spend(agent, null, "99.99"));
		assertThatThrownBy(() -> guard.charge(spend(agent, null, "0.02")))
			.hasMessageContaining("agent daily budget 100.000000 USD");
	}

	@Test
	void aNewBudgetDayStartsAtMidnightUtcOfTheClock() {
		MutableClock own = MutableClock.of(Instant.parse("2026-03-01T23:59:00Z"), ZoneOffset.UTC);
		SpendGuard guardOnOwnClock = BudgetAutoConfiguration.create(redis, db.jdbc,
				new BudgetProperties(new BigDecimal("100.00")), own);
		AgentId agent = db.agent(new BigDecimal("10"), null);
		guardOnOwnClock.charge(spend(agent, null, "9"));
		assertThatThrownBy(() -> guardOnOwnClock.charge(spend(agent, null, "2"))).isInstanceOf(ChimeraException.class);

		own.add(Duration.ofMinutes(2));

		guardOnOwnClock.charge(spend(agent, null, "9"));
		assertThat(guardOnOwnClock.spentToday(agent)).isEqualByComparingTo("9");
		assertThat(ledger(agent)).isEqualByComparingTo("18");
	}

	@Test
	void afterRedisLosesItsTrackersTheyAreRebuiltFromTheLedgerBeforeTheCheck() {
		AgentId agent = db.agent(new BigDecimal("10.00"), null);
		CampaignId campaign = db.campaign(agent, null, new BigDecimal("12"));
		guard.charge(spend(agent, campaign, "9.00"));
		guard.charge(spend(agent, null, "0.25"));

		redis.shared().sync().flushdb(); // what a Redis restart without persistence leaves

		assertThatThrownBy(() -> guard.charge(spend(agent, campaign, "1.00"))).isInstanceOf(ChimeraException.class);
		assertThat(redis.shared().sync().get(RedisKeys.spend(agent, LocalDate.of(2026, 2, 6)))).isEqualTo("9.250000");
		guard.charge(spend(agent, campaign, "0.50"));
		assertThat(redis.shared().sync().get(RedisKeys.campaignSpendTotal(campaign))).isEqualTo("9.500000");
		guard.charge(spend(agent, null, "0.25"));
		assertThat(guard.spentToday(agent)).isEqualByComparingTo("10.00");
	}

	@Test
	void releaseGivesTheBudgetBack() {
		AgentId agent = db.agent(new BigDecimal("10.00"), null);
		CampaignId campaign = db.campaign(agent, null, null);
		Spend payment = new Spend(Spend.paymentRef(TaskId.random()), db.tenant, agent, campaign, null,
				SpendKind.PAYMENT, new BigDecimal("7.00"));
		guard.charge(payment);

		assertThat(guard.release(payment.ref())).isTrue();
		assertThat(guard.release(payment.ref())).isFalse();

		assertThat(guard.spentToday(agent)).isEqualByComparingTo("0");
		assertThat(ledger(agent)).isEqualByComparingTo("0");
		assertThat(guard.charge(payment)).isTrue();
		assertThat(guard.spentToday(agent)).isEqualByComparingTo("7.00");
	}

	@Test
	void twoConcurrentSpendsAgainstANearlySpentBudgetNeverBothPass() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 60; round++) {
				boolean campaignBound = round % 2 == 1;
				AgentId agent = db.agent(campaignBound ? new BigDecimal("1000") : new BigDecimal("10.00"), null);
				CampaignId campaign = campaignBound ? db.campaign(agent, null, new BigDecimal("10.00")) : null;
				guard.charge(spend(agent, campaign, "9.00"));
				if (round % 3 == 0) {
					redis.shared().sync().flushdb(); // half the races also rebuild the trackers first
				}
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Boolean>> results = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					Callable<Boolean> attempt = () -> {
						start.await();
						try {
							return guard.charge(spend(agent, campaign, "0.60"));
						}
						catch (ChimeraException ex) {
							return false;
						}
					};
					results.add(pool.submit(attempt));
				}
				int passed = 0;
				for (Future<Boolean> result : results) {
					passed += result.get() ? 1 : 0;
				}
				assertThat(passed).as("round %d", round).isEqualTo(1);
				assertThat(ledger(agent)).as("round %d", round).isEqualByComparingTo("9.60");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void unknownAgentsAndForeignCampaignsAreRejected() {
		AgentId agent = db.agent(null, null);
		AgentId other = db.agent(null, null);
		CampaignId othersCampaign = db.campaign(other, null, null);
		assertThatThrownBy(() -> guard.charge(spend(AgentId.random(), null, "1")))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown agent");
		assertThatThrownBy(() -> guard.charge(spend(agent, othersCampaign, "1")))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a campaign of agent");
	}
}
