/**
 * Who is calling: the agent named in a request's {@code _meta}, looked up in PostgreSQL ({@code agents}
 * of V1) with its tenant, its persona (parsed from the SOUL.md) and its accounts on each platform.
 */
package tech.aiqem.chimera.tools.agent;
