package dev.corpus.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.time.Timex;
import org.apache.lucene.document.Document;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Looks up articles by document id or by file path (all records of a JSON Lines file). */
public final class ShowService {

  /** The articles found, in file order. */
  public record Shown(int version, List<ShownArticle> articles) {}

  /**
   * An article with what the extractors found in it: its metadata fields (unwrapped into the
   * same JSON object), its entities merged within the article, its dates and its claims.
   */
  public record ShownArticle(
      @JsonUnwrapped Article article, List<DocumentEntity> entities, List<Timex> dates, List<Claim> claims) {}

  private final CorpusIndex index;

  /** The annotations of one kind of the article document {@code article}, in text order (their order in its block). */
  private static <T> List<T> annotations(IndexSearcher searcher, int article, String kind, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    for (int doc : Blocks.annotationsOf(searcher.getIndexReader(), article, kind)) {
      out.add(IndexSchema.annotation(stored.document(doc, java.util.Set.of(IndexSchema.ANNOTATION)), type));
    }
    return out;
  }

  public ShowService(CorpusIndex index) {
    this.index = index;
  }

  /**
   * Finds {@code idOrPath}: an id as printed by search, or a path (relative to the current
   * folder or absolute).
   *
   * @return articles found; empty when none matched
   */
  public Shown show(String idOrPath) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(IndexSchema.idQuery(idOrPath), 1);
      if (top.scoreDocs.length == 0) {
        String path = Path.of(idOrPath).toAbsolutePath().normalize().toString();
        Sort fileOrder = new Sort(SortField.FIELD_DOC);
        Query ofFile = new org.apache.lucene.search.BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexSchema.FILE, path)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
            .build();
        top = searcher.search(ofFile, 10_000, fileOrder);
      }
      StoredFields stored = searcher.storedFields();
      List<ShownArticle> articles = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        Document doc = stored.document(sd.doc);
        Article article = IndexSchema.toArticle(doc);
        articles.add(new ShownArticle(article, annotations(searcher, sd.doc, IndexSchema.KIND_ENTITY, DocumentEntity.class),
            annotations(searcher, sd.doc, IndexSchema.KIND_TIMEX, Timex.class),
            annotations(searcher, sd.doc, IndexSchema.KIND_CLAIM, Claim.class)));
      }
      articles.sort((a, b) -> Integer.compare(a.article().record(), b.article().record()));
      return new Shown(Claim.JSON_VERSION, List.copyOf(articles));
    } catch (java.nio.file.InvalidPathException e) {
      return new Shown(Claim.JSON_VERSION, List.of());
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }
}
