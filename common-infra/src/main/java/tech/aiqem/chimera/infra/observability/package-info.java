/**
 * What operators watch: latency distributions (p50/p95/p99 and histograms) on every Chimera, JDBC and
 * Redis timer, Redis command timing, queue-depth gauges, task and agent ids in every log line about a
 * task ({@link tech.aiqem.chimera.infra.observability.TaskMdc}), and Sentry error reports tagged with
 * them when {@code SENTRY_DSN} is set, scrubbed of secrets.
 */
package tech.aiqem.chimera.infra.observability;
