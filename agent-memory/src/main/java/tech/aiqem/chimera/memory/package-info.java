/** Agent memory: semantic memory behind the MemoryStore port, and short-term memory in Redis. */
package tech.aiqem.chimera.memory;
