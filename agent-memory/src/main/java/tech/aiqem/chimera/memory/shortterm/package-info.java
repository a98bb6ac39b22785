/** Short-term memory: an agent's last conversation turns in a capped, expiring Redis list. */
package tech.aiqem.chimera.memory.shortterm;
