/**
 * Paying in USDC, once per task: lock the payer's wallet, check funds (E1005 pauses the agent's
 * financial tasks and files an incident), count the amount against the budgets (E1001), sign locally,
 * record the transaction as pending with its hash and signed bytes, then broadcast. The
 * {@link ReceiptFollower} moves pending rows to confirmed or failed from their receipts, re-broadcasts a
 * transaction the chain never saw, and after a restart simply picks up the pending rows.
 */
package tech.aiqem.chimera.wallet.payment;
