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
}
