package tech.aiqem.chimera.memory.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.memory.embedding.Embedder;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.TenantId;

/**
 * The embedded default: an HNSW vector index (Lucene {@code KnnFloatVectorField}) in a directory on local
 * disk, filtered by exact tenant/agent/type terms and a timestamp range before the vector search.
 * <p>
 * Visibility and durability: {@link IndexWriter} is thread-safe and shared; after every {@link #write}
 * the near-real-time reader is refreshed before the call returns, so a memory is searchable as soon as it
 * is written (read-your-writes across threads). Durability is by commit: a background thread commits
 * every {@code commitInterval} when there are changes, and {@link #close()} commits; a crash loses at most
 * the writes of the last interval. A zero interval commits inside every write instead (slower, nothing
 * lost). One process owns a directory at a time (Lucene's write lock).
 */
public final class LuceneMemoryStore implements MemoryStore {

	private static final Logger log = LoggerFactory.getLogger(LuceneMemoryStore.class);

	private final Path path;

	private final Embedder embedder;

	private final Relevance relevance;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ScheduledExecutorService committer;

	private final boolean commitEveryWrite;

	public LuceneMemoryStore(Path path, Embedder embedder, Relevance relevance, Duration commitInterval) {
		if (commitInterval == null || commitInterval.isNegative()) {
			throw new IllegalArgumentException("commit interval must be zero or positive, got " + commitInterval);
		}
		this.path = path.toAbsolutePath();
		this.embedder = embedder;
		this.relevance = relevance;
		try {
			Files.createDirectories(this.path);
			this.directory = FSDirectory.open(this.path);
			// a larger buffer than the 16 MB default means fewer, larger segments: fewer HNSW graphs to search
			// and to rebuild when segments merge
			IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
				.setRAMBufferSizeMB(64);
			this.writer = new IndexWriter(this.directory, config);
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (LockObtainFailedException ex) {
			throw new IllegalStateException("memory index " + this.path + " is open in another store or process", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot open memory index " + this.path + ": " + ex.getMessage(), ex);
		}
		this.commitEveryWrite = commitInterval.isZero();
		if (this.commitEveryWrite) {
			this.committer = null;
		}
		else {
			this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "memory-index-commit");
				thread.setDaemon(true);
				return thread;
			});
			long millis = commitInterval.toMillis();
			this.committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void write(TenantId tenant, List<Memory> memories) {
		MemoryStore.requireSameTenant(tenant, memories);
		if (memories.isEmpty()) {
			return;
		}
		List<float[]> vectors = this.embedder.embedAll(memories.stream().map(Memory::content).toList());
		writeWithVectors(memories, vectors);
	}

	/**
	 * Writes memories whose vectors were computed elsewhere (same model, unit length), e.g. to load a
	 * benchmark or migrate an index without embedding again.
	 */
	public void writeWithVectors(List<Memory> memories, List<float[]> vectors) {
		if (memories.size() != vectors.size()) {
			throw new IllegalArgumentException(memories.size() + " memories but " + vectors.size() + " vectors");
		}
		for (float[] vector : vectors) {
			if (vector.length != this.embedder.dimensions()) {
				throw new IllegalArgumentException("vectors must have " + this.embedder.dimensions()
						+ " dimensions (the store's model), got " + vector.length);
			}
		}
		try {
			for (int i = 0; i < memories.size(); i++) {
				Memory memory = memories.get(i);
				this.writer.updateDocument(MemoryDocuments.key(memory), MemoryDocuments.toDocument(memory, vectors.get(i)));
			}
			if (this.commitEveryWrite) {
				this.writer.commit();
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException | RuntimeException ex) {
			throw failure("write to", ex);
		}
	}

	@Override
	public List<ScoredMemory> search(TenantId tenant, MemoryQuery query) {
		if (tenant == null || query == null) {
			throw new IllegalArgumentException("tenant and query are required");
		}
		return searchVector(tenant, query, this.embedder.embed(query.text()));
	}

	/** A search with a query vector computed elsewhere (same model, unit length); the query's text is ignored. */
	public List<ScoredMemory> searchVector(TenantId tenant, MemoryQuery query, float[] vector) {
		if (vector.length != this.embedder.dimensions()) {
			throw new IllegalArgumentException("query vector must have " + this.embedder.dimensions()
					+ " dimensions, got " + vector.length);
		}
		int candidates = this.relevance.candidates(query);
		List<ScoredMemory> found = new ArrayList<>(candidates);
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				KnnFloatVectorQuery knn = new KnnFloatVectorQuery(MemoryDocuments.VECTOR, vector, candidates,
						MemoryDocuments.filter(tenant, query));
				TopDocs top = searcher.search(knn, candidates);
				StoredFields stored = searcher.storedFields();
				for (ScoreDoc hit : top.scoreDocs) {
					Memory memory = MemoryDocuments.toMemory(stored.document(hit.doc));
					if (!memory.tenantId().equals(tenant)) {
						throw new IllegalStateException("index returned a memory of another tenant; refusing");
					}
					double similarity = MemoryDocuments.similarity(hit.score);
					found.add(new ScoredMemory(memory, similarity, similarity));
				}
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw failure("search", ex);
		}
		return this.relevance.rank(found, query);
	}

	/** Makes every write so far durable now. */
	public void commit() {
		try {
			this.writer.commit();
		}
		catch (IOException ex) {
			throw failure("commit", ex);
		}
	}

	/** How many memories the index holds, over all tenants (for operators and tests). */
	public int size() {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw failure("read", ex);
		}
	}

	@Override
	public void close() {
		if (this.committer != null) {
			this.committer.shutdown();
		}
		try {
			this.searchers.close();
			this.writer.close(); // commits pending changes
			this.directory.close();
		}
		catch (IOException ex) {
			throw failure("close", ex);
		}
	}

	private void commitQuietly() {
		try {
			if (this.writer.isOpen() && this.writer.hasUncommittedChanges()) {
				this.writer.commit();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the next tick or close() retries; a lost tick only widens the crash window
			log.warn("Periodic commit of memory index {} failed: {}", this.path, ex.toString());
		}
	}

	private ChimeraException failure(String action, Exception ex) {
		return ChimeraException.databaseUnavailable("cannot " + action + " memory index " + this.path + ": " + ex, ex);
	}
}
