/**
 * Pacing: each account's posts and replies are spaced and counted against hourly and daily quotas, and
 * platform rate limits (429 with a reset time, exhausted quotas) block the account until they reset. A
 * post over quota gets a later slot; it is never dropped.
 */
package tech.aiqem.chimera.tools.pacing;
