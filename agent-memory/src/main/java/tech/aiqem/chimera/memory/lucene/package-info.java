/**
 * The embedded memory store: Lucene HNSW vectors plus exact filter terms in a local directory, embedding
 * with the in-process model. The default when no Weaviate is configured, and what tests run against.
 */
package tech.aiqem.chimera.memory.lucene;
