/**
 * {@code post_content}: checks the arguments and the agent, applies the AI disclosure its persona
 * requires, claims the task id (idempotency) and a pacing slot, and publishes through the platform's
 * adapter exactly once per task.
 */
package tech.aiqem.chimera.tools.post;
