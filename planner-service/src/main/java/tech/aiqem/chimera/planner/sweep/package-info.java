/** The sweeper: tasks nothing will finish any more are failed with a code and shown to the operator. */
package tech.aiqem.chimera.planner.sweep;
