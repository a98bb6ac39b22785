/**
 * The judge's commit (docs/architecture.md §9, optimistic concurrency): one transaction for a batch of results, each
 * campaign's results guarded by a check that the campaign's state version is the one they were
 * validated against. A conflict re-reads the campaign: a harmless change is retried, a material one
 * invalidates the result (E1004) and signals the planner.
 */
package tech.aiqem.chimera.judge.commit;
