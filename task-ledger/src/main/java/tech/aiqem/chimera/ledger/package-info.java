/**
 * The task ledger: the one place that changes task state. Its ports ({@link tech.aiqem.chimera.ledger.TaskLedger},
 * {@link tech.aiqem.chimera.ledger.TaskEvents}, {@link tech.aiqem.chimera.ledger.Outbox},
 * {@link tech.aiqem.chimera.ledger.Incidents}, {@link tech.aiqem.chimera.ledger.CampaignVersions}) are what the
 * planner, judge, publisher, orchestrator and wallet call; one package-private JDBC adapter holds the SQL.
 * The ports never open transactions: the caller's transaction (same {@code DataSource}) covers what it
 * writes together. See {@code docs/architecture.md} for the states and who moves a task between them.
 */
package tech.aiqem.chimera.ledger;
