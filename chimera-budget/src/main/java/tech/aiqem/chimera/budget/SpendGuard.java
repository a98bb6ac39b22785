package tech.aiqem.chimera.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * Checks every cost against the agent's and the campaign's daily and total budgets and counts it, in
 * one atomic Redis step, then records it durably in {@code spend_ledger}. A spend that would pass a
 * budget is refused with E1001, its campaign is paused and the operator gets an incident. A retry with
 * the same ref is counted once. When a Redis tracker is missing (expired, or Redis restarted), it is
 * rebuilt from the ledger before the check. The budget day is the UTC date of the injected clock.
 */
public final class SpendGuard {

	private static final Logger log = LoggerFactory.getLogger(SpendGuard.class);

	private static final int MAX_REBUILDS = 8;

	private final SpendTracker tracker;

	private final BudgetStore store;

	private final Clock clock;

	SpendGuard(SpendTracker tracker, BudgetStore store, Clock clock) {
		this.tracker = tracker;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Counts a spend against the budgets, or refuses it.
	 * @return true when this call counted it, false when the same ref was counted before
	 * @throws ChimeraException E1001 when a budget would be passed (nothing is counted)
	 * @throws IllegalArgumentException when the agent or campaign is unknown or not the tenant's
	 */
	public boolean charge(Spend spend) {
		if (this.store.recorded(spend.ref())) {
			return false;
		}
		BudgetLimits limits = this.store.limits(spend);
		Instant now = this.clock.instant();
		LocalDate day = day(now);
		SpendKeys keys = SpendKeys.of(spend.ref(), spend.agentId(), spend.campaignId(), day);
		long amount = Micros.of(spend.amountUsd());
		for (int attempt = 0; attempt < MAX_REBUILDS; attempt++) {
			SpendTracker.Outcome outcome = this.tracker.charge(keys, amount, limits.micros());
			if (outcome instanceof SpendTracker.Missing missing) {
				rebuild(spend, day, keys, missing.tracker());
			}
			else if (outcome instanceof SpendTracker.Refused refused) {
				throw refuse(spend, refused, now);
			}
			else if (outcome instanceof SpendTracker.AlreadyCounted) {
				// An earlier attempt counted it in Redis and stopped before the ledger: finish that.
				record(spend, day, now, keys, 0);
				return false;
			}
			else {
				return record(spend, day, now, keys, amount);
			}
		}
		throw new IllegalStateException("spend trackers for " + spend.agentId()
				+ " kept disappearing while being rebuilt; is Redis evicting keys?");
	}

	/**
	 * Takes back a spend that did not happen after all (a payment that failed on chain).
	 * @return true when the ref was recorded and is now released
	 */
	public boolean release(String ref) {
		BudgetStore.Released released = this.store.delete(ref);
		if (released == null) {
			return false;
		}
		this.tracker.uncharge(SpendKeys.of(ref, released.agentId(), released.campaignId(), released.day()),
				Micros.of(released.amountUsd()));
		return true;
	}

	/** What the agent has spent today (the budget day of the clock), from the tracker or the ledger. */
	public BigDecimal spentToday(AgentId agent) {
		LocalDate day = day(this.clock.instant());
		Long tracked = this.tracker.read(RedisKeys.spend(agent, day));
		return Micros.toUsd(tracked != null ? tracked : this.store.agentDayMicros(agent, day));
	}

	private static LocalDate day(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	private boolean record(Spend spend, LocalDate day, Instant now, SpendKeys keys, long countedMicros) {
		try {
			this.store.record(spend, day, now);
			return true;
		}
		catch (DataAccessException ex) {
			if (countedMicros > 0) {
				// Not durable, so not spent: give the budget back rather than leave Redis ahead of the ledger.
				this.tracker.uncharge(keys, countedMicros);
			}
			throw ChimeraException.databaseUnavailable("could not record spend " + spend.ref(), ex);
		}
	}

	private void rebuild(Spend spend, LocalDate day, SpendKeys keys, int tracker) {
		long micros = switch (tracker) {
			case 1 -> this.store.agentDayMicros(spend.agentId(), day);
			case 2 -> this.store.agentTotalMicros(spend.agentId());
			case 3 -> this.store.campaignDayMicros(spend.campaignId(), day);
			case 4 -> this.store.campaignTotalMicros(spend.campaignId());
			default -> throw new IllegalStateException("no tracker " + tracker);
		};
		this.tracker.seed(keys.tracker(tracker), micros);
		if (micros > 0) {
			log.info("Rebuilt spend tracker {} from the ledger: {} USD", keys.tracker(tracker), Micros.format(micros));
		}
	}

	private ChimeraException refuse(Spend spend, SpendTracker.Refused refused, Instant now) {
		String budget = BudgetLimits.NAMES[refused.tracker() - 1];
		String reason = "Budget exceeded: " + budget + " budget " + Micros.format(refused.limitMicros())
				+ " USD, spent " + Micros.format(refused.currentMicros()) + " USD, refused " + spend.kind().wire()
				+ " of " + spend.amountUsd().toPlainString() + " USD (" + spend.ref() + ")";
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("budget", budget);
		detail.put("limit_usd", Micros.toUsd(refused.limitMicros()));
		detail.put("spent_usd", Micros.toUsd(refused.currentMicros()));
		detail.put("amount_usd", spend.amountUsd());
		detail.put("kind", spend.kind().wire());
		detail.put("ref", spend.ref());
		try {
			this.store.pauseAndNotify(spend, reason, detail, now);
		}
		catch (DataAccessException ex) {
			log.error("Could not pause campaign {} after E1001: {}", spend.campaignId(), ex.getMessage());
		}
		log.warn("E1001 agent={} campaign={}: {}", spend.agentId(), spend.campaignId(), reason);
		return ChimeraException.budgetExceeded(reason);
	}
}
