package tech.aiqem.chimera.memory.lucene;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import tools.jackson.core.type.TypeReference;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

/** The index layout: one Lucene document per memory, filter fields as exact terms. */
final class MemoryDocuments {

	/** Tenant and id together: the update key, so one tenant can never replace another's memory. */
	static final String KEY = "key";

	static final String ID = "id";

	static final String TENANT = "tenant";

	static final String AGENT = "agent";

	static final String TYPE = "type";

	static final String CONTENT = "content";

	static final String CONTEXT = "context";

	static final String IMPORTANCE = "importance";

	static final String TIMESTAMP = "timestamp";

	static final String VECTOR = "vector";

	private static final TypeReference<Map<String, String>> CONTEXT_MAP = new TypeReference<>() {
	};

	private MemoryDocuments() {
	}

	static Term key(Memory memory) {
		return new Term(KEY, memory.tenantId() + "/" + memory.id());
	}

	static Document toDocument(Memory memory, float[] vector) {
		Document doc = new Document();
		doc.add(new StringField(KEY, key(memory).text(), Field.Store.NO));
		doc.add(new StringField(ID, memory.id().toString(), Field.Store.YES));
		doc.add(new StringField(TENANT, memory.tenantId().toString(), Field.Store.YES));
		doc.add(new StringField(AGENT, memory.agentId().toString(), Field.Store.YES));
		doc.add(new StringField(TYPE, memory.type().wire(), Field.Store.YES));
		doc.add(new StoredField(CONTENT, memory.content()));
		doc.add(new StoredField(CONTEXT, ChimeraJson.write(memory.context())));
		doc.add(new StoredField(IMPORTANCE, memory.importance()));
		long millis = memory.timestamp().toEpochMilli();
		doc.add(new LongPoint(TIMESTAMP, millis));
		doc.add(new StoredField(TIMESTAMP, millis));
		// Vectors are unit length, so dot product is cosine similarity and the cheapest to compute.
		doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
		return doc;
	}

	static Memory toMemory(Document doc) {
		Map<String, String> context = ChimeraJson.mapper().readValue(doc.get(CONTEXT), CONTEXT_MAP);
		return new Memory(UUID.fromString(doc.get(ID)), TenantId.of(doc.get(TENANT)), AgentId.of(doc.get(AGENT)),
				MemoryType.of(doc.get(TYPE)), doc.get(CONTENT), context,
				doc.getField(IMPORTANCE).numericValue().doubleValue(),
				Instant.ofEpochMilli(doc.getField(TIMESTAMP).numericValue().longValue()));
	}

	/** The pre-filter of the vector search: the tenant always, agent, type and time when asked. */
	static Query filter(TenantId tenant, MemoryQuery query) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder();
		filter.add(new TermQuery(new Term(TENANT, tenant.toString())), BooleanClause.Occur.FILTER);
		if (query.agentId() != null) {
			filter.add(new TermQuery(new Term(AGENT, query.agentId().toString())), BooleanClause.Occur.FILTER);
		}
		if (query.type() != null) {
			filter.add(new TermQuery(new Term(TYPE, query.type().wire())), BooleanClause.Occur.FILTER);
		}
		if (query.since() != null) {
			filter.add(LongPoint.newRangeQuery(TIMESTAMP, query.since().toEpochMilli(), Long.MAX_VALUE),
					BooleanClause.Occur.FILTER);
		}
		return filter.build();
	}

	/** Lucene scores a dot-product match as (1 + dot) / 2; this undoes it. */
	static double similarity(float luceneScore) {
		return 2.0 * luceneScore - 1.0;
	}
}
