/**
 * Spring auto-configuration shared by every Chimera service: the Redis connections, the injected clock with
 * its time scale, and the Redis health indicator for readiness. The queues, the model gateway and the tools
 * client are modules of their own (chimera-queue, model-gateway, tools-client).
 */
package tech.aiqem.chimera.infra;
