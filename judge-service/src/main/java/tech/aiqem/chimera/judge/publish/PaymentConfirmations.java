package tech.aiqem.chimera.judge.publish;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A payment task is complete only when the chain's receipt confirms its transaction: tasks whose
 * payment was sent wait in review until the wallet's receipt follower marks the transaction confirmed
 * (then complete) or failed (then failed).
 */
@Component
public class PaymentConfirmations {

	private final JdbcClient jdbc;

	private final Clock clock;

	PaymentConfirmations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean settle() {
		Timestamp now = Timestamp.from(this.clock.instant());
		int confirmed = this.jdbc.sql("""
				UPDATE tasks t SET status = 'complete', completed_at = COALESCE(x.confirmed_at, :now), published_ref = x.transaction_hash
				  FROM transactions x
				 WHERE x.task_id = t.id AND x.status = 'confirmed' AND t.status = 'review' AND t.task_type = 'execute_transaction'
				""").param("now", now).update();
		int failed = this.jdbc.sql("""
				UPDATE tasks t SET status = 'failed', completed_at = :now, error_message = COALESCE(x.error_message, 'transaction failed on chain')
				  FROM transactions x
				 WHERE x.task_id = t.id AND x.status = 'failed' AND t.status = 'review' AND t.task_type = 'execute_transaction'
				""").param("now", now).update();
		return confirmed + failed > 0;
	}
}
