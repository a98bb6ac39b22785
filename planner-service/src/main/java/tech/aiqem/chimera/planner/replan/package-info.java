/** Re-plans tasks the judge invalidated because their campaign changed under them (E1004). */
package tech.aiqem.chimera.planner.replan;
