import dev.corpus.catalog.CatalogName;
import dev.corpus.index.CatalogPass;
import dev.corpus.index.IndexSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Prints the catalog of an index as TSV, one entity a line: type, name, and its labels joined
 * with " | " (the article-level names merged into it), sorted. Run against the jar of the code
 * that built the index:
 *
 * <pre>java -cp target/corpus.jar:target/lib/* bench/entity-merges/Merges.java INDEX</pre>
 */
public class Merges {
  public static void main(String[] args) throws Exception {
    List<String> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CATALOG)), 1_000_000).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        List<String> labels = new ArrayList<>();
        for (CatalogName n : CatalogPass.names(d)) {
          labels.add(n.label());
        }
        labels.sort(null);
        out.add(d.get(IndexSchema.CATALOG_TYPE) + "\t" + d.get(IndexSchema.CATALOG_NAME) + "\t" + String.join(" | ", labels));
      }
    }
    out.sort(null);
    out.forEach(System.out::println);
  }
}
