package dev.corpus.solr;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;

/**
 * Sends every live document of a local index into a SolrCloud collection, field by field under
 * the same names ({@code corpus-solr/configset}), so that both backends hold the same corpus:
 * the articles, their annotation documents, and what the corpus-level passes computed (the entity
 * catalog, claim clusters, timeline ties, datings and events). The collection's previous content
 * is deleted first and the whole is committed once at the end, so readers see the old corpus or
 * the new one.
 *
 * <p>A field's values are read from what the local index keeps of it, first found: stored values,
 * doc values, points, and for keys that are only indexed, their terms (inverted one segment at a
 * time). Text fields are sent as stored; {@code source}, which the local index does not store, as
 * the outlet's exact name, which it analyses the same way.
 *
 * <p>Routing: an annotation document's key is {@code ARTICLEID!kind-N}, under SolrCloud's
 * compositeId router the prefix puts it on its article's shard, so per-article work (an
 * article's entities, a tie's article) stays on one shard. Corpus-level documents without an
 * article are spread by their own key.
 */
public final class SolrPush {

  /** Documents sent per update request. */
  static final int BATCH = 500;

  /** Fields only the push writes (see the configset): the unique key and one article per file. */
  public static final String UID = "uid";
  public static final String FILE_HEAD = "file_head";

  /**
   * What a push did.
   *
   * @param version JSON shape version
   * @param index the local index read
   * @param solr the target collection
   * @param documents documents sent (articles, annotations and corpus-level documents)
   * @param articles article documents among them
   * @param seconds wall time
   */
  public record Summary(int version, String index, String solr, long documents, long articles, double seconds) {}

  private final CorpusIndex index;
  private final SolrTarget target;

  public SolrPush(CorpusIndex index, SolrTarget target) {
    this.index = index;
    this.target = target;
  }

  /**
   * Replaces the collection's documents with the local index's.
   *
   * @throws CorpusException.Data when the index cannot be read or the cluster refuses a batch
   */
  public Summary push() {
    long started = System.nanoTime();
    long[] counts = new long[2];
    try (DirectoryReader reader = index.openReader(); SolrClient solr = target.client()) {
      solr.deleteByQuery("*:*");
      List<SolrInputDocument> batch = new ArrayList<>(BATCH);
      Set<String> files = new HashSet<>();
      long seq = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Segment segment = new Segment(leaf.reader());
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          SolrInputDocument d = segment.document(doc);
          String kind = (String) d.getFieldValue(IndexSchema.KIND);
          if (IndexSchema.KIND_ARTICLE.equals(kind)) {
            String id = (String) d.getFieldValue(IndexSchema.ID);
            d.setField(UID, id + "!" + IndexSchema.KIND_ARTICLE);
            if (files.add((String) d.getFieldValue(IndexSchema.FILE))) {
              d.setField(FILE_HEAD, 1L);
            }
            counts[1]++;
          } else if (d.getFieldValue(IndexSchema.ARTICLE) instanceof Long article) {
            d.setField(UID, String.format(java.util.Locale.ROOT, "%016x!%s-%d", article, kind, seq++));
          } else {
            d.setField(UID, kind + "-" + seq++);
          }
          batch.add(d);
          if (batch.size() == BATCH) {
            solr.add(batch);
            counts[0] += batch.size();
            batch.clear();
          }
        }
      }
      if (!batch.isEmpty()) {
        solr.add(batch);
        counts[0] += batch.size();
      }
      solr.commit();
    } catch (IOException | SolrServerException | org.apache.solr.common.SolrException e) {
      throw new CorpusException.Data("cannot push " + index.dir() + " into " + target.text() + ": " + SolrBackend.reason(e), e);
    }
    double seconds = Math.round((System.nanoTime() - started) / 1e7) / 100.0;
    return new Summary(1, index.dir().toString(), target.text(), counts[0], counts[1], seconds);
  }

  /** Reads one segment's documents as Solr documents. */
  private static final class Segment {
    private final LeafReader reader;
    private final StoredFields stored;
    /** Values of point-only and term-only fields, per document, filled once per segment. */
    private final Map<String, Map<Integer, List<Object>>> inverted = new HashMap<>();

    Segment(LeafReader reader) throws IOException {
      this.reader = reader;
      this.stored = reader.storedFields();
      for (FieldInfo fi : reader.getFieldInfos()) {
        if (fi.name.startsWith("$") || isText(fi.name)) {
          continue;
        }
        if (fi.getPointDimensionCount() > 0 && fi.getDocValuesType() == DocValuesType.NONE) {
          invertPoints(fi);
        } else if (fi.getIndexOptions() != IndexOptions.NONE && fi.getDocValuesType() == DocValuesType.NONE) {
          invertTerms(fi.name);
        }
      }
    }

    private static boolean isText(String field) {
      return field.equals(IndexSchema.TITLE) || field.equals(IndexSchema.BODY) || field.equals(IndexSchema.SOURCE);
    }

    private void invertTerms(String field) throws IOException {
      Terms terms = reader.terms(field);
      if (terms == null) {
        return;
      }
      Map<Integer, List<Object>> byDoc = inverted.computeIfAbsent(field, k -> new HashMap<>());
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        String value = term.utf8ToString();
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          byDoc.computeIfAbsent(doc, k -> new ArrayList<>()).add(value);
        }
      }
    }

    private void invertPoints(FieldInfo fi) throws IOException {
      PointValues points = reader.getPointValues(fi.name);
      if (points == null || fi.getPointNumBytes() != Long.BYTES) {
        return;
      }
      int dims = fi.getPointDimensionCount();
      Map<Integer, List<Object>> byDoc = inverted.computeIfAbsent(fi.name, k -> new HashMap<>());
      points.intersect(new PointValues.IntersectVisitor() {
        @Override
        public void visit(int docID) {
          throw new IllegalStateException("every cell is visited with its values");
        }

        @Override
        public void visit(int docID, byte[] packed) {
          long first = NumericUtils.sortableBytesToLong(packed, 0);
          // A one-dimensional point is a long; a LongRange packs its minimum and maximum.
          Object value = dims == 1 ? (Object) first : first + ":" + NumericUtils.sortableBytesToLong(packed, Long.BYTES);
          byDoc.computeIfAbsent(docID, k -> new ArrayList<>()).add(value);
        }

        @Override
        public PointValues.Relation compare(byte[] minPacked, byte[] maxPacked) {
          return PointValues.Relation.CELL_CROSSES_QUERY;
        }
      });
    }

    SolrInputDocument document(int doc) throws IOException {
      Map<String, List<Object>> values = new LinkedHashMap<>();
      for (IndexableField f : stored.document(doc)) {
        Object v = f.binaryValue() != null ? BytesRef.deepCopyOf(f.binaryValue()).bytes
            : f.numericValue() != null ? (Object) f.numericValue().longValue() : f.stringValue();
        values.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(v);
      }
      for (FieldInfo fi : reader.getFieldInfos()) {
        if (values.containsKey(fi.name)) {
          continue;
        }
        List<Object> dv = docValues(fi, doc);
        if (fi.name.startsWith("$")) {
          for (Object label : dv) {
            // Facet ordinals "dim\u001Fvalue": the entity types become their own field; the
            // outlet is source_exact already.
            String[] parts = ((String) label).split("\u001F", 2);
            if (parts.length == 2 && parts[0].equals(IndexSchema.FACET_TYPE)) {
              values.computeIfAbsent(IndexSchema.FACET_TYPE, k -> new ArrayList<>()).add(parts[1]);
            }
          }
          continue;
        }
        if (!dv.isEmpty()) {
          values.put(fi.name, dv);
        } else if (inverted.containsKey(fi.name) && inverted.get(fi.name).containsKey(doc)) {
          values.put(fi.name, inverted.get(fi.name).get(doc));
        } else if (fi.getVectorDimension() > 0) {
          float[] vector = vector(fi.name, doc);
          if (vector != null) {
            List<Object> floats = new ArrayList<>(vector.length);
            for (float x : vector) {
              floats.add(x);
            }
            values.put(fi.name, floats);
          }
        }
      }
      if (values.containsKey(IndexSchema.SOURCE_EXACT) && values.containsKey(IndexSchema.ID)) {
        values.put(IndexSchema.SOURCE, values.get(IndexSchema.SOURCE_EXACT));
      }
      SolrInputDocument d = new SolrInputDocument();
      values.forEach((name, list) -> d.setField(name, list.size() == 1 && !name.equals(IndexSchema.VECTOR) ? list.get(0) : list));
      return d;
    }

    private List<Object> docValues(FieldInfo fi, int doc) throws IOException {
      List<Object> out = new ArrayList<>(1);
      switch (fi.getDocValuesType()) {
        case NUMERIC -> {
          NumericDocValues v = reader.getNumericDocValues(fi.name);
          if (v != null && v.advanceExact(doc)) {
            out.add(v.longValue());
          }
        }
        case SORTED -> {
          SortedDocValues v = reader.getSortedDocValues(fi.name);
          if (v != null && v.advanceExact(doc)) {
            out.add(v.lookupOrd(v.ordValue()).utf8ToString());
          }
        }
        case SORTED_SET -> {
          SortedSetDocValues v = reader.getSortedSetDocValues(fi.name);
          if (v != null && v.advanceExact(doc)) {
            for (int i = 0; i < v.docValueCount(); i++) {
              out.add(v.lookupOrd(v.nextOrd()).utf8ToString());
            }
          }
        }
        case SORTED_NUMERIC -> {
          SortedNumericDocValues v = reader.getSortedNumericDocValues(fi.name);
          if (v != null && v.advanceExact(doc)) {
            for (int i = 0; i < v.docValueCount(); i++) {
              out.add(v.nextValue());
            }
          }
        }
        case BINARY -> {
          BinaryDocValues v = reader.getBinaryDocValues(fi.name);
          if (v != null && v.advanceExact(doc)) {
            out.add(BytesRef.deepCopyOf(v.binaryValue()).bytes);
          }
        }
        default -> {
        }
      }
      return out;
    }

    private float[] vector(String field, int doc) throws IOException {
      FloatVectorValues vectors = reader.getFloatVectorValues(field);
      if (vectors == null) {
        return null;
      }
      KnnVectorValues.DocIndexIterator it = vectors.iterator();
      if (it.advance(doc) != doc) {
        return null;
      }
      return vectors.vectorValue(it.index()).clone();
    }
  }
}
