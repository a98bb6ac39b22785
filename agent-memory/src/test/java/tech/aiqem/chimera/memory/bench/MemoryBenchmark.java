package tech.aiqem.chimera.memory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.embedding.Embedder;
import tech.aiqem.chimera.memory.embedding.MiniLmEmbedder;
import tech.aiqem.chimera.memory.lucene.LuceneMemoryStore;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

/**
 * Throughput and latency of the embedded store at scale; not part of the test run. Embeds a few thousand
 * distinct texts with the real model (that cost is reported on its own), then writes N memories whose
 * vectors are those embeddings with small random perturbations (renormalised), and runs top-10 queries
 * with perturbed vectors of the same texts (index cost only) plus some through the full text path.
 * <p>
 * {@code ./mvnw -q -pl agent-memory -am test-compile -Pmemory-bench [-Dbench.args="100000 3000 2000"]}
 * (memories, distinct texts, queries).
 */
public final class MemoryBenchmark {

	private static final String[] SUBJECTS = { "Followers", "The audience", "Fans", "Diaspora viewers", "New followers",
			"Long-time subscribers", "Commenters", "Brand partners", "Local designers", "Fitness fans" };

	private static final String[] REACTIONS = { "loved", "ignored", "shared widely", "asked questions about",
			"complained about", "saved", "commented on", "praised" };

	private static final String[] TOPICS = { "golden-hour photos in Addis Ababa", "the coffee ceremony reel",
			"handwoven scarves", "the summer linen collection", "morning workout videos", "vegan fasting recipes",
			"budget phone unboxings", "behind-the-scenes studio clips", "the designer collaboration",
			"live Q&A sessions", "travel vlogs from Lalibela", "street style shots", "the giveaway announcement",
			"tips on sizing", "the sponsored protein shake", "injera cooking tutorials", "music reels",
			"the Great Ethiopian Run", "market tours at Merkato", "skin-care routines" };

	private static final String[] WHEN = { "on Monday mornings", "on Tuesday evenings", "during the weekend",
			"late at night", "at lunchtime", "right after the holiday", "during Lent", "in the rainy season" };

	private MemoryBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int distinct = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
		int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
		Random random = new Random(42);
		Instant now = Instant.parse("2026-02-06T10:30:00Z");
		Path directory = Files.createTempDirectory("memory-bench");
		System.out.printf("Memory benchmark: %,d memories from %,d distinct texts, %,d queries; %d cores, Java %s%n",
				count, distinct, queries, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

		MiniLmEmbedder embedder = new MiniLmEmbedder();
		List<String> texts = texts(distinct, random);
		embedder.embedAll(texts.subList(0, 16)); // warm-up
		long start = System.nanoTime();
		List<float[]> vectors = new ArrayList<>(distinct);
		for (int i = 0; i < distinct; i += 64) {
			vectors.addAll(embedder.embedAll(texts.subList(i, Math.min(distinct, i + 64))));
		}
		double embedSeconds = seconds(start);
		System.out.printf("embedding (all-MiniLM-L6-v2, batches of 64): %,d texts in %.1f s = %.0f texts/s, %.1f ms each%n",
				distinct, embedSeconds, distinct / embedSeconds, embedSeconds * 1000 / distinct);

		List<TenantId> tenants = Stream.generate(TenantId::random).limit(10).toList();
		List<AgentId> agents = Stream.generate(AgentId::random).limit(100).toList();
		MemoryType[] types = MemoryType.values();
		Relevance relevance = new Relevance(Duration.ofDays(30), Clock.systemUTC());
		try (LuceneMemoryStore store = new LuceneMemoryStore(directory, embedder, relevance, Duration.ofSeconds(5))) {
			start = System.nanoTime();
			int batch = 1_000;
			for (int from = 0; from < count; from += batch) {
				List<Memory> memories = new ArrayList<>(batch);
				List<float[]> batchVectors = new ArrayList<>(batch);
				for (int i = from; i < Math.min(count, from + batch); i++) {
					int agent = random.nextInt(agents.size());
					int text = random.nextInt(distinct);
					memories.add(new Memory(UUID.randomUUID(), tenants.get(agent % tenants.size()), agents.get(agent),
							types[random.nextInt(types.length)], texts.get(text), Map.of("platform", "instagram"),
							random.nextDouble(), now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)))));
					batchVectors.add(perturb(vectors.get(text), random));
				}
				store.writeWithVectors(memories, batchVectors);
			}
			store.commit();
			double writeSeconds = seconds(start);
			System.out.printf("writes (precomputed vectors, batches of %,d, NRT refresh per batch, one commit): %,d in %.1f s = %,.0f memories/s%n",
					batch, count, writeSeconds, count / writeSeconds);
			start = System.nanoTime();
		}
		// close waits for background merges (which rebuild HNSW graphs); query the settled index
		System.out.printf("close (waits for background segment merges): %.1f s; index on disk: %,.0f MB%n",
				seconds(start), size(directory) / 1e6);
		start = System.nanoTime();
		try (LuceneMemoryStore store = new LuceneMemoryStore(directory, embedder, relevance, Duration.ofSeconds(5))) {
			System.out.printf("reopen: %,d memories visible after %.2f s%n", store.size(), seconds(start));
			runQueries("top-10, tenant filter, weighted", store, tenants, agents, vectors, queries, random, false);
			runQueries("top-10, tenant+agent filter, weighted", store, tenants, agents, vectors, queries, random, true);

			int textQueries = Math.min(200, queries);
			long[] latencies = new long[textQueries];
			for (int i = 0; i < textQueries; i++) {
				int agent = random.nextInt(agents.size());
				long t0 = System.nanoTime();
				store.search(tenants.get(agent % tenants.size()),
						MemoryQuery.about(texts.get(random.nextInt(distinct))).withLimit(10));
				latencies[i] = System.nanoTime() - t0;
			}
			report("top-10 from text (embedding + search), tenant filter", latencies);
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private static void runQueries(String label, LuceneMemoryStore store, List<TenantId> tenants, List<AgentId> agents,
			List<float[]> vectors, int queries, Random random, boolean byAgent) {
		for (int i = 0; i < 100; i++) { // warm-up
			store.searchVector(tenants.get(i % tenants.size()), MemoryQuery.about("q").withLimit(10),
					perturb(vectors.get(random.nextInt(vectors.size())), random));
		}
		long[] latencies = new long[queries];
		long start = System.nanoTime();
		for (int i = 0; i < queries; i++) {
			int agent = random.nextInt(agents.size());
			MemoryQuery query = MemoryQuery.about("q").withLimit(10);
			if (byAgent) {
				query = query.withAgent(agents.get(agent));
			}
			float[] vector = perturb(vectors.get(random.nextInt(vectors.size())), random);
			long t0 = System.nanoTime();
			store.searchVector(tenants.get(agent % tenants.size()), query, vector);
			latencies[i] = System.nanoTime() - t0;
		}
		double total = seconds(start);
		System.out.printf("%s: %,d queries in %.1f s = %,.0f queries/s (one thread)%n", label, queries, total,
				queries / total);
		report(label, latencies);
	}

	private static void report(String label, long[] latencies) {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		System.out.printf("%s latency: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", label,
				percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
				sorted[sorted.length - 1] / 1e6);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	private static float[] perturb(float[] vector, Random random) {
		float[] copy = vector.clone();
		for (int i = 0; i < copy.length; i++) {
			copy[i] += (float) (random.nextGaussian() * 0.01);
		}
		return Embedder.normalize(copy);
	}

	private static List<String> texts(int distinct, Random random) {
		List<String> texts = new ArrayList<>(distinct);
		for (int i = 0; texts.size() < distinct; i++) {
			String text = SUBJECTS[i % SUBJECTS.length] + " " + REACTIONS[(i / SUBJECTS.length) % REACTIONS.length]
					+ " " + TOPICS[(i / (SUBJECTS.length * REACTIONS.length)) % TOPICS.length] + " "
					+ WHEN[(i / (SUBJECTS.length * REACTIONS.length * TOPICS.length)) % WHEN.length]
					+ (i >= SUBJECTS.length * REACTIONS.length * TOPICS.length * WHEN.length ? " (#" + i + ")" : "");
			texts.add(text);
		}
		java.util.Collections.shuffle(texts, random);
		return texts;
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static long size(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}
}
