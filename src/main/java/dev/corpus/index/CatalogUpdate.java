package dev.corpus.index;

import dev.corpus.CorpusException;
import dev.corpus.catalog.CatalogMerge;
import dev.corpus.catalog.CatalogName;
import dev.corpus.catalog.Corrections;
import dev.corpus.catalog.CorrectionsFile;
import dev.corpus.extract.entity.NameRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Changes the user's corrections of an index and brings its catalog in line at once, without
 * re-indexing: what {@code corpus entity merge|split|rename} and {@code corpus entity corrections
 * --undo|--apply} run.
 *
 * <p>It takes the index's write lock (a running {@code corpus index} holds it: then nothing is
 * changed and the caller is told the index is busy), merges the catalog again from the table the
 * catalog documents keep ({@link CatalogPass}, as an incremental run does: linear in the distinct
 * names, no article read), writes the corrections file, and commits. A check the caller gives can
 * refuse the outcome before anything is written; then the file and the index stay as they were.
 * Killed between the file and the commit, the index records the hash of the corrections it applied
 * ({@link CatalogPass#CORRECTIONS_KEY}), so the next run (or {@code --apply}) applies the file.
 */
public final class CatalogUpdate {

  private CatalogUpdate() {}

  /**
   * What an update did.
   *
   * @param file the corrections as written
   * @param changed whether the catalog was merged again (false: the index had applied this file already)
   */
  public record Outcome(CorrectionsFile file, boolean changed, List<Corrections.Outcome> outcomes) {}

  /**
   * Replaces the corrections of the index at {@code dir} with what {@code edit} makes of them and
   * merges its catalog again.
   *
   * @param check sees what each correction did before anything is written; throws to refuse
   * @throws CorpusException.Data when there is no index, it is busy (locked by another run), or it
   *     or the file cannot be read or written
   */
  public static Outcome apply(Path dir, NameRules rules, UnaryOperator<CorrectionsFile> edit, Consumer<List<Corrections.Outcome>> check) {
    Path indexDir = dir.toAbsolutePath().normalize();
    try (Directory directory = FSDirectory.open(indexDir)) {
      if (!java.nio.file.Files.isDirectory(indexDir) || !DirectoryReader.indexExists(directory)) {
        throw new CorpusException.Data("no index at " + indexDir + "; run `corpus index PATH` first (or pass --index DIR)");
      }
      try (IndexWriter writer = Indexer.openWriter(directory, indexDir, false, "index at " + indexDir
              + " is busy: another corpus command (`corpus index`?) is writing it; try again when it has finished");
          DirectoryReader lastCommit = DirectoryReader.open(directory)) {
        CorrectionsFile before = CorrectionsFile.read(indexDir);
        CorrectionsFile after = edit.apply(before);
        CatalogPass pass = new CatalogPass(rules, false, after);
        pass.open(lastCommit);
        pass.beforeLastCommit(writer); // merges only when the corrections differ from those applied
        List<Corrections.Outcome> outcomes = pass.outcomes();
        boolean changed = !outcomes.isEmpty() || !after.hash().equals(CatalogPass.appliedCorrections(lastCommit));
        check.accept(outcomes);
        if (!after.text().equals(before.text())) {
          after.write(indexDir);
        }
        if (changed) {
          Map<String, String> data = new TreeMap<>(lastCommit.getIndexCommit().getUserData());
          data.putAll(pass.commitData());
          writer.setLiveCommitData(data.entrySet());
          writer.commit();
        }
        pass.close();
        return new Outcome(after, changed, outcomes);
      } // closing without a commit (commitOnClose is off) drops what a refused check left in the writer
    } catch (IOException e) {
      throw new CorpusException.Data("cannot update the catalog at " + indexDir + ": " + IndexFolder.reason(e), e);
    }
  }

  /**
   * What each of {@code file}'s corrections does to the catalog of {@code reader}, computed without
   * writing: the table read from the catalog documents, merged and corrected.
   */
  public static List<Corrections.Outcome> preview(DirectoryReader reader, CorrectionsFile file, NameRules rules) {
    if (file.entries().isEmpty()) {
      return List.of();
    }
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      List<CatalogName> table = new ArrayList<>();
      Map<String, CatalogName> byLabel = new HashMap<>();
      TermQuery catalog = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CATALOG));
      for (ScoreDoc sd : searcher.search(catalog, Math.max(1, searcher.count(catalog))).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        for (CatalogName n : CatalogPass.names(d)) {
          table.add(n);
          byLabel.put(n.label(), n);
        }
      }
      return Corrections.apply(CatalogMerge.merge(table, rules), byLabel, file.corrections(), rules).outcomes();
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read the catalog: " + IndexFolder.reason(e), e);
    }
  }
}
