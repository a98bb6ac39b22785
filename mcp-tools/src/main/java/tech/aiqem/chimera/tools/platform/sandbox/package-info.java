/**
 * The sandbox social platform: the default adapter of every platform. Posts, accounts and mentions live
 * in PostgreSQL (V2 migration); engagement and followers move by a deterministic simulation and an
 * optional seeded mention feed adds plausible mentions every simulated hour, so a demo shows activity
 * without any real account.
 */
package tech.aiqem.chimera.tools.platform.sandbox;
