/**
 * Whether an approved payment is sent, goes to a human (HITL) or is refused. {@link PaymentPolicy} is the
 * pure decision; {@link PaymentReview} gathers its facts (the payer's wallet, the agent's allow-list, the
 * tenant's agent wallets, the financial pause) from PostgreSQL for the judge.
 */
package tech.aiqem.chimera.wallet.policy;
