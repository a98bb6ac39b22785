/**
 * X (Twitter) API v2 adapter: {@code POST /2/tweets} and {@code GET /2/users/:id/mentions} with an
 * OAuth 2.0 user token, honouring {@code x-rate-limit-*} headers.
 */
package tech.aiqem.chimera.tools.platform.x;
