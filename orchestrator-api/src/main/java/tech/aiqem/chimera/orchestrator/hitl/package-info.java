/**
 * The human-in-the-loop queue: pending reviews oldest first, and decisions (approve, reject, edit and
 * approve) recorded with the reviewer. An approval writes the outbox row in the same transaction; the
 * publisher does the rest, once.
 */
package tech.aiqem.chimera.orchestrator.hitl;
