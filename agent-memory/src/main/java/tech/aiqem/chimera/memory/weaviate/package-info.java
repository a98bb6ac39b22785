/**
 * The Weaviate memory store: SPEC §2.2's multi-tenant {@code AgentMemory} class through the official Java
 * client, with server-side or client-side vectors.
 */
package tech.aiqem.chimera.memory.weaviate;
