/** Spring wiring of agent memory: properties, adapter choice, beans. */
package tech.aiqem.chimera.memory.config;
