/**
 * Watches each agent's mentions (the {@code <platform>://mentions/recent} resources) and plans a reply
 * for each mention worth answering. Mentions are untrusted: injection attempts are rejected before
 * planning and logged as incidents (E1003); a reply task can never pay.
 */
package tech.aiqem.chimera.planner.mention;
