/** Background loops: a step run over and over on its own thread, pausing when idle and backing off on errors. */
package tech.aiqem.chimera.infra.loop;
