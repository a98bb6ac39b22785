/**
 * The planner: turns each active campaign's goals, the agent's persona and recent topics into tasks
 * spread over the campaign's duration, dispatches due tasks to the priority queues, and re-plans tasks
 * the judge invalidated (E1004). Several replicas can run: work is claimed in PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}, and unique keys make planning once-only across restarts.
 */
package tech.aiqem.chimera.planner;
