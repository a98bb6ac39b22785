/** Agents: create (SOUL.md persona, social accounts, budget, wallet), list, get, pause and resume. */
package tech.aiqem.chimera.orchestrator.agent;
