/** Safety checks every service shares: the prompt-injection detector for third-party text. */
package tech.aiqem.chimera.infra.safety;
