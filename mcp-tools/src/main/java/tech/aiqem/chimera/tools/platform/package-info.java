/**
 * The {@link tech.aiqem.chimera.tools.platform.SocialPlatform} port: publish a post and read recent
 * mentions of an account. Adapters: the sandbox platform in PostgreSQL (default), X API v2, Instagram
 * Graph API and Threads API, chosen per platform by {@code chimera.tools.platforms.<platform>.mode}.
 */
package tech.aiqem.chimera.tools.platform;
