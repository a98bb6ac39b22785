/** The sandbox platform seen from the API: inject mentions for an agent (demo, tests, rehearsals). */
package tech.aiqem.chimera.orchestrator.sandbox;
