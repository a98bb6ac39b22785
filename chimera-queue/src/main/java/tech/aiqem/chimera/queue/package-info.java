/**
 * Reliable Redis queues (docs/architecture.md §7): at-least-once delivery where nothing is lost. A consumer
 * moves a message atomically into its own processing list, removes it only after its output is
 * durably written (ack), and keeps a heartbeat; a reaper returns the messages of consumers whose
 * heartbeat expired. Malformed messages go to a dead-letter list with their reason.
 */
package tech.aiqem.chimera.queue;
