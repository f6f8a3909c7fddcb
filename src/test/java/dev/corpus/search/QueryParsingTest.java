package dev.corpus.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusAnalyzer;
import org.junit.jupiter.api.Test;

/** Malformed queries are one-line usage errors; regression tests for what fuzzing found. */
class QueryParsingTest {

  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());

  @Test
  void malformedRegexpIsUsageErrorNotIllegalArgument() {
    for (String query : new String[] {"/re)/", "x /[a/", "/a{2,1}/", "/\\/"}) {
      CorpusException.Usage e = assertThrows(CorpusException.Usage.class, () -> parsing.parse(query), query);
      assertTrue(e.getMessage().startsWith("malformed query"), e.getMessage());
    }
  }

  @Test
  void usageErrorForQueryWithNewlineIsOneLine() {
    CorpusException.Usage e = assertThrows(CorpusException.Usage.class, () -> parsing.parse("treaty AND\n(\"unclosed"));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("\r"), e.getMessage());
  }

  /** Fuzzing found queries of nested repetitions that never finished (scripts/fuzz.sh, query-parse). */
  @org.junit.jupiter.api.Test
  void nestedRepetitionsInARegexpAreRefusedBeforeLuceneExpandsThem() {
    for (String query : java.util.List.of("/x" + "+".repeat(60) + "/", "/x{2,3}{2,3}{2,3}{2,3}/", "/((((a+)+)+)+)/", "/(a{1,40}){1,40}/")) {
      CorpusException.Usage e = assertThrows(CorpusException.Usage.class, () -> parsing.parse(query), query);
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("repetitions"), e.getMessage());
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at character"), e.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void ordinaryRegexpsStillParse() {
    for (String query : java.util.List.of("/colou?r/", "/(ab)+c/", "/pyong.*/", "/[0-9]{4}/", "/x+y*z?/", "/(a+b)+/", "/a{2,3}{2,3}{2,3}/")) {
      org.junit.jupiter.api.Assertions.assertNotNull(parsing.parse(query), query);
    }
  }
}
