/** Text embeddings for semantic memory: the in-process all-MiniLM-L6-v2 model behind a small interface. */
package tech.aiqem.chimera.memory.embedding;
