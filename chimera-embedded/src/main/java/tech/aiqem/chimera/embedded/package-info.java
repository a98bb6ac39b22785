/**
 * Real PostgreSQL and Redis servers on random free ports, for the tests and for the one-command
 * launcher: PostgreSQL from the zonky binaries shipped in Maven jars, Redis from the machine's
 * {@code redis-server} or, when there is none, the binary shipped in the embedded-redis jar.
 */
package tech.aiqem.chimera.embedded;
