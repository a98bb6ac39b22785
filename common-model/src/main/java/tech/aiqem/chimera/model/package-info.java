/**
 * Contracts every Chimera service agrees on: the messages on the Redis lists (docs/architecture.md §5),
 * task types, priorities and statuses, the error codes (docs/architecture.md §11), Redis key names and the JSON
 * codec (snake_case, ISO-8601 UTC). Plain Java: no Spring, no JPA.
 */
package tech.aiqem.chimera.model;
