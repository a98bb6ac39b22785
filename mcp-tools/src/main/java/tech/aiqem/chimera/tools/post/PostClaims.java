package tech.aiqem.chimera.tools.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.pacing.PacingPolicy;
import tech.aiqem.chimera.tools.platform.AccountRef;

import tools.jackson.core.type.TypeReference;

/**
 * {@code post_claims}: reserving a slot happens under a per-account advisory lock, so concurrent calls
 * for one account get distinct, correctly spaced slots and a text is claimed once per account. Calls of
 * this process for one account first queue on an in-process lock (one of {@value #STRIPES} stripes), so
 * that they wait holding no pooled connection: only one of them at a time waits in PostgreSQL, where
 * waiting holds a connection that calls for other accounts need.
 */
@Component
class PostClaims {

	private static final String COLUMNS = """
			idempotency_key, platform, account, text_sha256, posted_text, media_urls::text AS media_urls, disclosure,
			in_reply_to, status, slot_at, post_id, published_at, attempted_at, platform_request, attempt_until
			""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM post_claims WHERE idempotency_key = ?";

	private static final String LOCK_ACCOUNT = "SELECT pg_advisory_xact_lock(hashtextextended(?, 7))";

	private static final String TAKEN_SLOTS = """
			SELECT slot_at FROM post_claims WHERE platform = ? AND account = ? AND status <> 'failed' AND slot_at > ?
			ORDER BY slot_at
			""";

	private static final String SAME_TEXT = """
			SELECT idempotency_key, post_id FROM post_claims
			WHERE platform = ? AND account = ? AND text_sha256 = ? AND status <> 'failed' AND idempotency_key <> ?
			""";

	private static final String DELETE_FAILED = "DELETE FROM post_claims WHERE idempotency_key = ? AND status = 'failed'";

	private static final String INSERT = """
			INSERT INTO post_claims (idempotency_key, agent_id, tenant_id, platform, account, adapter, text_sha256, posted_text,
			    media_urls, disclosure, in_reply_to, status, slot_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'reserved', ?, ?)
			""";

	private static final String PUBLISHED = """
			UPDATE post_claims SET status = 'published', post_id = ?, published_at = ?, error = NULL, attempt_until = NULL
			WHERE idempotency_key = ?
			""";

	private static final String LOCK_CLAIM = "SELECT " + COLUMNS + " FROM post_claims WHERE idempotency_key = ? FOR UPDATE";

	private static final String PUBLISHING = """
			UPDATE post_claims SET status = 'publishing', attempted_at = ?, attempt_until = ? WHERE idempotency_key = ?
			""";

	private static final String END_ATTEMPT = "UPDATE post_claims SET attempt_until = NULL WHERE idempotency_key = ?";

	private static final String REQUESTED = "UPDATE post_claims SET platform_request = ? WHERE idempotency_key = ?";

	private static final String NOT_POSTED = """
			UPDATE post_claims SET status = 'reserved', slot_at = ?, error = ?, attempt_until = NULL
			WHERE idempotency_key = ? AND status = 'publishing'
			""";

	private static final String FAILED = """
			UPDATE post_claims SET status = 'failed', error = ?, attempt_until = NULL WHERE idempotency_key = ?
			""";

	private static final String RESCHEDULE = """
			UPDATE post_claims SET slot_at = ?, error = ?, attempt_until = NULL WHERE idempotency_key = ?
			""";

	static final int STRIPES = 64;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ReentrantLock[] accountLocks = new ReentrantLock[STRIPES];

	PostClaims(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		for (int i = 0; i < STRIPES; i++) {
			this.accountLocks[i] = new ReentrantLock();
		}
	}

	/** The stripe of an account's in-process lock. */
	static int stripe(String accountKey) {
		return Math.floorMod(accountKey.hashCode(), STRIPES);
	}

	Optional<PostClaim> find(String key) {
		return this.jdbc.query(FIND, PostClaims::map, key).stream().findFirst();
	}

	/** What a new claim says; its slot is decided under the account lock. */
	record NewClaim(String key, AccountRef account, String adapter, String textSha256, String postedText,
			List<String> mediaUrls, DisclosureLevel disclosure, String inReplyTo) {
	}

	/**
	 * Reserves the account's next slot for the claim; an existing live claim for the same key is
	 * returned as it is. Throws {@link DuplicateTextException} when the account already has this text.
	 */
	PostClaim reserve(NewClaim claim, PacingPolicy policy, Instant now, Instant blockedUntil) {
		ReentrantLock accountLock = this.accountLocks[stripe(claim.account().key())];
		accountLock.lock();
		try {
			return reserveLocked(claim, policy, now, blockedUntil);
		}
		finally {
			accountLock.unlock();
		}
	}

	private PostClaim reserveLocked(NewClaim claim, PacingPolicy policy, Instant now, Instant blockedUntil) {
		return this.transactions.execute(status -> {
			AccountRef account = claim.account();
			this.jdbc.query(LOCK_ACCOUNT, rs -> {
			}, account.key());
			Optional<PostClaim> existing = find(claim.key());
			if (existing.isPresent() && !existing.get().failed()) {
				return existing.get();
			}
			var same = this.jdbc.query(SAME_TEXT, (rs, n) -> new String[] { rs.getString(1), rs.getString(2) },
					account.platform().wire(), account.username(), claim.textSha256(), claim.key());
			if (!same.isEmpty()) {
				throw new DuplicateTextException(same.get(0)[0], same.get(0)[1]);
			}
			this.jdbc.update(DELETE_FAILED, claim.key());
			List<Instant> taken = this.jdbc.query(TAKEN_SLOTS, (rs, n) -> rs.getTimestamp(1).toInstant(),
					account.platform().wire(), account.username(), Timestamp.from(now.minus(Duration.ofDays(1))));
			Instant slot = policy.nextSlot(taken, now, blockedUntil, claim.key().hashCode());
			this.jdbc.update(INSERT, claim.key(), account.agent().value(), account.tenant().value(),
					account.platform().wire(), account.username(), claim.adapter(), claim.textSha256(), claim.postedText(),
					ChimeraJson.write(claim.mediaUrls()), claim.disclosure().wire(), claim.inReplyTo(), Timestamp.from(slot),
					Timestamp.from(now));
			return find(claim.key()).orElseThrow();
		});
	}

	void published(String key, String postId, Instant at) {
		this.jdbc.update(PUBLISHED, postId, Timestamp.from(at), key);
	}

	/**
	 * Takes the claim's attempt lease and records, before the platform call, that the post may be going out:
	 * from now on a retry looks the post up before posting again. Answers the claim as it was before (so
	 * the caller knows whether an earlier attempt may have posted), or empty when the claim cannot be
	 * attempted now: another call holds a lease that has not run out, or the claim is no longer
	 * reserved or publishing (published or failed meanwhile). The lease ends with the outcome
	 * ({@link #published}, {@link #notPosted}, {@link #failed}, {@link #reschedule}) or {@link #endAttempt}.
	 */
	Optional<PostClaim> startAttempt(String key, Instant now, Instant leaseUntil) {
		return this.transactions.execute(status -> {
			PostClaim claim = this.jdbc.query(LOCK_CLAIM, PostClaims::map, key).stream().findFirst().orElse(null);
			if (claim == null || !(claim.reserved() || claim.publishing())
					|| (claim.attemptUntil() != null && claim.attemptUntil().isAfter(now))) {
				return Optional.<PostClaim>empty();
			}
			this.jdbc.update(PUBLISHING, Timestamp.from(now), Timestamp.from(leaseUntil), key);
			return Optional.of(claim);
		});
	}

	/** Gives the attempt lease back without an outcome to record (the call ended some other way). */
	void endAttempt(String key) {
		this.jdbc.update(END_ATTEMPT, key);
	}

	/** The platform's container (or request) for the post, recorded before it is published. */
	void requested(String key, String request) {
		this.jdbc.update(REQUESTED, request, key);
	}

	/** The platform said it did not post (a rate limit): back to reserved, at a later slot. */
	void notPosted(String key, Instant slot, String reason) {
		this.jdbc.update(NOT_POSTED, Timestamp.from(slot), reason, key);
	}

	void failed(String key, String error) {
		this.jdbc.update(FAILED, error, key);
	}

	void reschedule(String key, Instant slot, String reason) {
		this.jdbc.update(RESCHEDULE, Timestamp.from(slot), reason, key);
	}

	private static PostClaim map(ResultSet rs, int row) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		Timestamp attempted = rs.getTimestamp("attempted_at");
		Timestamp attemptUntil = rs.getTimestamp("attempt_until");
		List<String> media = ChimeraJson.mapper().readValue(rs.getString("media_urls"), new TypeReference<List<String>>() {
		});
		return new PostClaim(rs.getString("idempotency_key"), Platform.of(rs.getString("platform")), rs.getString("account"),
				rs.getString("text_sha256"), rs.getString("posted_text"), media, DisclosureLevel.of(rs.getString("disclosure")),
				rs.getString("in_reply_to"), rs.getString("status"), rs.getTimestamp("slot_at").toInstant(),
				rs.getString("post_id"), published == null ? null : published.toInstant(),
				attempted == null ? null : attempted.toInstant(), rs.getString("platform_request"),
				attemptUntil == null ? null : attemptUntil.toInstant());
	}
}
