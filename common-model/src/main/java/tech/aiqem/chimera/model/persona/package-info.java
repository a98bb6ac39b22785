/**
 * The persona of an agent, written by operators as a SOUL.md file: identity, voice and tone rules,
 * topics, forbidden topics, approved brands, disclosure preference and languages. The parser reports
 * the line and the reason of every mistake.
 */
package tech.aiqem.chimera.model.persona;
