package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign's state version, the optimistic-concurrency check of every commit: work validated against a
 * version commits only while the campaign is still at it, and each commit or operator change moves it on.
 */
public interface CampaignVersions {

	/** Moves the version on by {@code by} if it is still {@code expected}; false on a conflict. */
	boolean advance(UUID campaign, long expected, int by, Instant now);

	/** Moves the version on by one whatever it is (a change that invalidates work in flight). */
	void advance(UUID campaign, Instant now);
}
