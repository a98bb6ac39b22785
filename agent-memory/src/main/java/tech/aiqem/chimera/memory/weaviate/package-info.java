/**
 * The Weaviate memory store: the multi-tenant {@code AgentMemory} class of agent-memory/README.md through the official Java
 * client, with server-side or client-side vectors.
 */
package tech.aiqem.chimera.memory.weaviate;
