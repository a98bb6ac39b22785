/**
 * The orchestrator: the {@code /v1} REST API operators and the dashboard use, and the owner of the
 * database migrations. It never calls another service over HTTP: it reads and writes PostgreSQL, and
 * the services pick the work up from there.
 */
package tech.aiqem.chimera.orchestrator;
