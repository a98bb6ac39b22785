/**
 * The learned text classifiers every service shares: {@link tech.aiqem.chimera.safety.InjectionDetector}
 * (prompt injection and jailbreaks in third-party text: rules fused with a head trained on sentence
 * embeddings), {@link tech.aiqem.chimera.safety.ContentSafety} (hate, insults, toxicity in text about to
 * be published) and {@link tech.aiqem.chimera.safety.SentenceEmbeddings} (all-MiniLM-L6-v2 int8, one per JVM).
 * The training and evaluation programs live here too; see the module README.
 */
package tech.aiqem.chimera.safety;
