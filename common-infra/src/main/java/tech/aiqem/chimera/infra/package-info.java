/**
 * Spring auto-configuration shared by every Chimera service: Redis connections and the reliable
 * queues (docs/architecture.md §7), the database (POSTGRES_URL, Flyway migrate or validate), the injected
 * clock with its time scale, and health indicators for readiness.
 */
package tech.aiqem.chimera.infra;
