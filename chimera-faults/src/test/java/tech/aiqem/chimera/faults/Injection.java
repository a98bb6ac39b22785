package tech.aiqem.chimera.faults;

import java.time.Duration;

/**
 * One fault injected and what followed.
 *
 * @param fault what was done
 * @param at when, from the start of the campaigns
 * @param recovery from the injection until every service was ready again and a task reached a final state
 * after the fault was cleared (null when it did not recover)
 * @param note what was seen (health going DOWN, a graceful stop's length, the message duplicated)
 */
record Injection(Fault fault, Duration at, Duration recovery, String note) {
}
