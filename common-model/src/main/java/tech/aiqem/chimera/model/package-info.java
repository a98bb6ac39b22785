/**
 * Contracts every Chimera service agrees on: the messages on the Redis lists (ARCHITECTURE §2),
 * task types, priorities and statuses, the error codes of SPEC §6, Redis key names and the JSON
 * codec (snake_case, ISO-8601 UTC). Plain Java: no Spring, no JPA.
 */
package tech.aiqem.chimera.model;
