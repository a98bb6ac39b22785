/**
 * The spend guard (docs/architecture.md §4 spend trackers, §11 E1001): every cost an agent incurs (model calls,
 * payments, tools) is checked against the agent's and the campaign's daily and total budgets and counted
 * in one atomic Redis step, so two concurrent spends against a nearly-spent budget cannot both pass. The
 * {@code spend_ledger} table is the durable record (its {@code ref} makes a retry count once); the Redis
 * figures are rebuilt from it whenever a key is missing. A refused spend pauses the campaign and files an
 * incident.
 */
package tech.aiqem.chimera.budget;
