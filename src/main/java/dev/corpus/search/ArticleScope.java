package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.IndexSchema;
import dev.corpus.index.PublishedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;

/**
 * Which articles a corpus-level answer covers, for the services that take a scope instead of
 * one {@code --query} ({@code corpus report}): every filter given must hold.
 *
 * @param about a search (Lucene query syntax over title and body), or null
 * @param since publication date lower bound ({@code YYYY[-MM[-DD]]} or words, as {@code search
 *     --since}), or null; a page without a date counts by the year the corpus gives it, as
 *     everywhere else
 * @param until publication date upper bound, or null
 * @param entity the articles naming this entity under any of its names: an id, or a name that
 *     means one entity (an ambiguous name is a usage error here; {@link EntityService#lookup}
 *     lists its candidates first), or null
 */
public record ArticleScope(String about, String since, String until, String entity) {

  /** Every article of the index. */
  public static final ArticleScope ALL = new ArticleScope(null, null, null, null);

  /** Whether no filter is given. */
  public boolean all() {
    return about == null && since == null && until == null && entity == null;
  }

  /**
   * The article documents in scope, or null for every article (callers then keep their faster
   * unfiltered path).
   *
   * @throws CorpusException.Usage for a malformed query or date, dates in the wrong order, or an
   *     ambiguous entity name
   * @throws CorpusException.NotFound when no entity has the name given
   */
  Query articles(EntityCatalog catalog, Clock clock) {
    if (all()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), BooleanClause.Occur.FILTER);
    if (about != null) {
      b.add(new QueryParsing(new CorpusAnalyzer()).parse(about), BooleanClause.Occur.MUST);
    }
    if (since != null || until != null) {
      LocalDate today = LocalDate.now(clock);
      long from = since == null ? Long.MIN_VALUE + 1 : DateRange.start("--since", since, today).toEpochDay();
      long to = until == null ? Long.MAX_VALUE : DateRange.end("--until", until, today).toEpochDay();
      if (from > to) {
        throw new CorpusException.Usage("--since " + since + " is after --until " + until);
      }
      b.add(new PublishedQuery(from, to), BooleanClause.Occur.FILTER);
    }
    if (entity != null) {
      b.add(EntityCatalog.articlesOf(entityOf(catalog)), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The one catalog entity {@link #entity} names. */
  EntityCatalog.Entity entityOf(EntityCatalog catalog) {
    List<EntityCatalog.Entity> candidates = catalog.candidates(entity, NameRules.shared());
    if (candidates.isEmpty()) {
      throw new CorpusException.NotFound("no entity named '" + entity + "' in the index");
    }
    if (candidates.size() > 1) {
      throw new CorpusException.Usage("'" + entity + "' may mean " + candidates.size() + " entities: name one by its id");
    }
    return candidates.get(0);
  }

  /**
   * The annotation documents of the articles in scope (each article's entities, dates, claims
   * and statements: the documents before it in its block), or null for all.
   */
  Query annotations(EntityCatalog catalog, Clock clock) {
    Query articles = articles(catalog, clock);
    return articles == null ? null : new ToChildBlockJoinQuery(articles, Blocks.ARTICLES);
  }
}
