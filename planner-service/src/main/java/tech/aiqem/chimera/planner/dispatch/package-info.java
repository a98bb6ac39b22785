/** Pushes due tasks to the priority queues, as pointers to committed state. */
package tech.aiqem.chimera.planner.dispatch;
