/**
 * The tools act only on what was approved: {@code post_content} and {@code send_payment} look up the
 * task's row in the outbox ({@code publications}, written when the judge or a human approved it) and go
 * ahead only when the call is exactly that approved action — the same platform, text, media and reply
 * target, or the same recipient, amount and network.
 */
package tech.aiqem.chimera.tools.outbox;
