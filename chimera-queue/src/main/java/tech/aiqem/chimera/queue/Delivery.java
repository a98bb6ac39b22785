package tech.aiqem.chimera.queue;

/**
 * A message a consumer holds: where it came from, its payload, and the processing list it sits in
 * until acknowledged.
 */
public record Delivery(String queue, String payload, String processingKey) {
}
