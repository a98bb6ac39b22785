package tech.aiqem.chimera.wallet;

import java.math.BigDecimal;
import java.time.Instant;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;

/** A row of {@code transactions}: a payment as recorded. */
public record PaymentRecord(TaskId taskId, AgentId agentId, String transactionHash, String fromAddress,
		String toAddress, BigDecimal amountUsdc, Network network, Status status, String purpose, Instant createdAt,
		Instant confirmedAt, Long blockNumber, String errorMessage) {

	public enum Status {

		PENDING, CONFIRMED, FAILED;

		public String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public static Status of(String wire) {
			return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
		}
	}
}
