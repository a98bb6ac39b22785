/**
 * The publisher: drains the outbox of approved actions and performs each once — a post through
 * {@code post_content}, a payment through {@code send_payment} — with the task id as the idempotency
 * key, then records the platform's post id or the chain's receipt. A crash between steps repeats a
 * step, never its effect.
 */
package tech.aiqem.chimera.judge.publish;
