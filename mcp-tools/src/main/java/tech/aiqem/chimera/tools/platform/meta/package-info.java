/**
 * Meta Graph API adapters: Instagram (media container, status, {@code media_publish}; tagged media as
 * mentions) and Threads (container + {@code threads_publish}; {@code /mentions}), sharing the Graph error
 * envelope and the {@code x-app-usage} / {@code x-business-use-case-usage} rate-limit headers.
 */
package tech.aiqem.chimera.tools.platform.meta;
