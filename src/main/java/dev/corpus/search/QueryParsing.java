package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.IndexSchema;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene query syntax over title and body, with title matches weighted double. Terms are joined
 * with AND unless the query says OR, as users of web search expect. Fields {@code title:},
 * {@code body:} and {@code source:} can be named. Errors become one-line usage errors that give
 * the character position.
 */
public final class QueryParsing {

  private static final Pattern POSITION = Pattern.compile("line \\d+, column (\\d+)");
  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"?\\s*(.*?)\"?\\s+at line");

  private final CorpusAnalyzer analyzer;

  public QueryParsing(CorpusAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Parses {@code query}.
   *
   * @throws CorpusException.Usage when the query is empty or malformed
   */
  public Query parse(String query) {
    if (query == null || query.isBlank()) {
      throw new CorpusException.Usage("empty query");
    }
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            new String[] {IndexSchema.TITLE, IndexSchema.BODY},
            analyzer,
            Map.of(IndexSchema.TITLE, 2.0f, IndexSchema.BODY, 1.0f)) {
          @Override
          protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            RegexGuard.check(termStr); // before Lucene builds an automaton that may never finish
            return super.getRegexpQuery(field, termStr);
          }
        };
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(true);
    parser.setSplitOnWhitespace(true);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      throw new CorpusException.Usage(describe(query, e), e);
    } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
      // Lucene checks a /regular expression/ (and a few other term forms) while building the
      // query, outside the grammar, and says so with an IllegalArgumentException.
      throw new CorpusException.Usage(describeInvalidTerm(query, e), e);
    }
  }

  /**
   * The query as an error message shows it: whole when short, else its start and its length, so
   * that a generated 70 KB query does not fill the terminal.
   */
  public static String quoted(String query) {
    if (query.length() <= MAX_SHOWN) {
      return "'" + oneLine(query) + "'";
    }
    int cut = Character.isHighSurrogate(query.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
    return "'" + oneLine(query.substring(0, cut)) + "…' (" + query.length() + " characters)";
  }

  /** Text as echoed in a one-line message: line breaks and other controls shown as spaces. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
  }

  private static final int MAX_SHOWN = 80;
  private static final Pattern REGEX_POSITION = Pattern.compile("at position (\\d+)");

  /** "malformed query '/[/' at character 1: invalid regular expression: expected ']' at position 2". */
  static String describeInvalidTerm(String query, RuntimeException e) {
    String message = e.getMessage() == null ? "invalid term" : oneLine(e.getMessage().lines().findFirst().orElse("invalid term"));
    int slash = query.indexOf('/');
    if (slash >= 0) {
      Matcher m = REGEX_POSITION.matcher(message);
      String where = " at character " + (slash + 1 + (m.find() ? Integer.parseInt(m.group(1)) + 1 : 0));
      return "malformed query " + quoted(query) + where + ": invalid regular expression: " + message;
    }
    return "malformed query " + quoted(query) + ": " + message;
  }

  /** "malformed query at character 9: unexpected end of query" from Lucene's longer message. */
  static String describe(String query, ParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher position = POSITION.matcher(message);
    String where = position.find() ? " at character " + position.group(1) : "";
    String what;
    Matcher encountered = ENCOUNTERED.matcher(message);
    if (message.contains("<EOF>")) {
      what = "unexpected end of query (an unclosed quote or parenthesis, or a dangling operator?)";
    } else if (encountered.find()) {
      what = "unexpected " + encountered.group(1).replaceAll("<[A-Z_]+>\\s*", "").strip();
    } else {
      what = message.replaceFirst("^Cannot parse '.*?':\\s*", "").lines().findFirst().orElse("cannot parse");
    }
    return "malformed query " + quoted(query) + where + ": " + oneLine(what);
  }
}
