/**
 * One command runs Chimera on one machine: embedded PostgreSQL and Redis (unless POSTGRES_URL /
 * REDIS_URL point at running ones), then every service as a supervised child process on its own port;
 * prints the URLs, restarts a service that dies, and on Ctrl-C stops everything, leaving no server
 * process behind.
 */
package tech.aiqem.chimera.local;
