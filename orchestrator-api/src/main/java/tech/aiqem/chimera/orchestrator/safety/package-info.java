/**
 * Safety at the API's edge: the prompt-injection scan endpoint (chimera-safety's {@code InjectionDetector}),
 * the request body size limit (413) and per-credential rate limits in Redis (429 with Retry-After).
 */
package tech.aiqem.chimera.orchestrator.safety;
