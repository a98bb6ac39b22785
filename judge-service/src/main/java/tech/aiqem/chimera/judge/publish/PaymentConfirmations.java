package tech.aiqem.chimera.judge.publish;

import java.time.Clock;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.ledger.TaskLedger;

/**
 * A payment task is complete only when the chain's receipt confirms its transaction: tasks whose
 * payment was sent wait in review until the wallet's receipt follower marks the transaction confirmed
 * (then complete) or failed (then failed).
 */
@Component
public class PaymentConfirmations {

	private final TaskLedger ledger;

	private final Clock clock;

	PaymentConfirmations(TaskLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	public boolean settle() {
		return this.ledger.settlePayments(this.clock.instant()) > 0;
	}
}
