/**
 * Who is calling and what they may do: API keys for machines ({@code Authorization: Bearer chm_...}),
 * e-mail and password log-in with an HttpOnly session cookie for the dashboard (CSRF-protected), roles
 * (reviewer < operator < admin) enforced per URL by Spring Security, the bootstrap administrator, and the
 * {@code CurrentTenant} every controller is scoped by. See docs/security.md.
 */
package tech.aiqem.chimera.orchestrator.auth;
