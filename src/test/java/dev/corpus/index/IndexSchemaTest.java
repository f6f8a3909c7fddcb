package dev.corpus.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.Pipeline;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

/** An article becomes a block: its annotation documents, then the article, all under its file. */
class IndexSchemaTest {

  private static final String BODY = "Mayor Ilse Vardakis opened the new tram line in Dornfeld on Tuesday. "
      + "\"It will carry ten thousand riders a day,\" Vardakis said. The line had been planned since March 2019.";

  @Test
  void anArticleIsItsAnnotationsThenItself() {
    Article article = new Article("00000000000000ab", "/docs/tram.txt", 0, "text", "UTF-8", "Tram line opens", "Dornfeld Gazette", null,
        null, new PublishedDate("2024-05-14", "May 14, 2024", "day", false, "test"), null, null, BODY);
    List<Document> block = IndexSchema.toDocuments(article, Pipeline.standard().run(article), new FileStamp(1, 2, 3, true, 0));
    Document parent = block.get(block.size() - 1);
    assertEquals(IndexSchema.KIND_ARTICLE, parent.get(IndexSchema.KIND));
    List<String> kinds = new ArrayList<>();
    for (Document d : block.subList(0, block.size() - 1)) {
      kinds.add(d.get(IndexSchema.KIND));
      assertEquals("/docs/tram.txt", d.get(IndexSchema.FILE), "every document of the block is deleted with its file");
      assertEquals(0xabL, d.getField(IndexSchema.ARTICLE).numericValue().longValue());
      // An annotation keeps what it found; an own-voice statement (for claim clusters), its sentence.
      assertNotNull(IndexSchema.KIND_STATEMENT.equals(d.get(IndexSchema.KIND)) ? d.get(IndexSchema.SENTENCE) : d.getBinaryValue(IndexSchema.ANNOTATION));
    }
    assertTrue(kinds.contains(IndexSchema.KIND_ENTITY), kinds.toString());
    assertTrue(kinds.contains(IndexSchema.KIND_TIMEX), kinds.toString());
    assertTrue(kinds.contains(IndexSchema.KIND_CLAIM), kinds.toString());
    assertTrue(kinds.contains(IndexSchema.KIND_STATEMENT), kinds.toString());
    // Grouped by kind, in text order: entities, dates, claims, then statements.
    assertEquals(kinds.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList(), kinds);
    Document tuesday = block.stream()
        .filter(d -> IndexSchema.KIND_TIMEX.equals(d.get(IndexSchema.KIND)) && "2024-05-14".equals(d.get(IndexSchema.TIMEX_VALUE)))
        .findFirst().orElseThrow(() -> new AssertionError("no timex for Tuesday in " + block));
    assertEquals("Mayor Ilse Vardakis opened the new tram line in Dornfeld on Tuesday.", tuesday.get(IndexSchema.SENTENCE));
    assertTrue(List.of(tuesday.getValues(IndexSchema.SENTENCE_ENTITY)).contains("PERSON|Ilse Vardakis"),
        List.of(tuesday.getValues(IndexSchema.SENTENCE_ENTITY)).toString());
  }

  private static int rank(String kind) {
    return List.of(IndexSchema.KIND_ENTITY, IndexSchema.KIND_TIMEX, IndexSchema.KIND_CLAIM, IndexSchema.KIND_STATEMENT).indexOf(kind);
  }
}
