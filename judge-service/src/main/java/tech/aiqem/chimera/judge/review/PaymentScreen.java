package tech.aiqem.chimera.judge.review;

import java.util.List;

import tech.aiqem.chimera.judge.core.Finding;

import tech.aiqem.chimera.model.message.Payment;

/**
 * The wallet's payment policy as the judge sees it: findings for a proposed payment (over the HITL
 * threshold or to an address not on the agent's allow-list → a human decides; a payment that can never
 * be sent → rejected).
 */
public interface PaymentScreen {

	List<Finding> screen(TaskState task, Payment payment);
}
