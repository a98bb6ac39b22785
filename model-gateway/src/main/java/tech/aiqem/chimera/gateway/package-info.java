/**
 * The model gateway: one {@link tech.aiqem.chimera.gateway.ModelGateway} that answers chat prompts
 * for three roles (planner, worker, judge) through a chain of providers per role (Google Gemini,
 * Anthropic, OpenAI through langchain4j, or the offline model when no API key is set). It retries rate
 * limits, falls back to the next provider on server errors, timeouts and malformed answers, caps every
 * request at {@code MAX_TOKENS_PER_REQUEST}, and returns tokens and cost of every call. Budgets are the
 * caller's job.
 */
package tech.aiqem.chimera.gateway;
