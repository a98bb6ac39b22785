/** Spring wiring of the wallet module: its configuration record, defaults from the environment, and beans. */
package tech.aiqem.chimera.wallet.config;
