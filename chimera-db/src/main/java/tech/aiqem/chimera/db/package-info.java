/**
 * PostgreSQL for the services that keep state: the JDBC driver, connection pool, query metrics, and the
 * schema in {@code db/migrations} (applied by the orchestrator, validated by the others).
 */
package tech.aiqem.chimera.db;
