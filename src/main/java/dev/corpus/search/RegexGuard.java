package dev.corpus.search;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.util.automaton.RegExp;

/**
 * Refuses a {@code /regular expression/} of a query whose repetitions nest too deep, before
 * Lucene builds its automaton. Lucene expands {@code x+} to {@code xx*} and {@code x{2,3}} to
 * copies of {@code x}, so each repetition applied to an already repeated expression multiplies
 * the automaton: {@code /x++++++++++++/} took a second and {@code /x{2,3}{2,3}…/} (twelve times)
 * eight, before Lucene's own complexity limit gave up; fuzzed queries with sixty nested
 * repetitions never ended. Real searches repeat a letter or a group once or twice ({@code
 * /colou?r/}, {@code /(ab)+c/}).
 *
 * <p>The expression is parsed by Lucene's own {@link RegExp} (parsing is linear; building the
 * automaton is what explodes), so the check sees exactly what Lucene would build. The rule: along
 * any path of the parse, at most {@value #MAX_DEPTH} repetitions or complements, and the product
 * of their sizes (2 for {@code + * ? ~}, the upper bound for {@code {m,n}}) at most {@value
 * #MAX_EXPANSION}.
 */
final class RegexGuard {

  static final int MAX_DEPTH = 3;
  static final long MAX_EXPANSION = 1000;

  private RegexGuard() {}

  /** Thrown for a regular expression over the limits; its message says which. */
  static final class TooComplex extends IllegalArgumentException {
    TooComplex(String message) {
      super(message);
    }
  }

  private record Node(RegExp exp, int depth, long expansion) {}

  /**
   * Checks {@code regex} (without its slashes). A malformed expression passes: Lucene reports it
   * with its position when the query is built.
   *
   * @throws TooComplex when repetitions nest too deep or multiply the expression too much
   */
  static void check(String regex) {
    RegExp parsed;
    try {
      parsed = new RegExp(regex, RegExp.ALL);
    } catch (IllegalArgumentException malformed) {
      return;
    }
    // An explicit stack: a long concatenation parses into a deep tree.
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(new Node(parsed, 0, 1));
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      RegExp e = n.exp();
      int depth = n.depth();
      long expansion = n.expansion();
      long size = switch (e.kind) {
        case REGEXP_REPEAT, REGEXP_OPTIONAL, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> 2;
        case REGEXP_REPEAT_MIN -> Math.max(2, (long) e.min + 1);
        case REGEXP_REPEAT_MINMAX -> Math.max(2, (long) e.max);
        default -> 0;
      };
      if (size > 0) {
        depth++;
        expansion = Math.min(Long.MAX_VALUE / 4, expansion * size);
        if (depth > MAX_DEPTH) {
          throw new TooComplex("repetitions nest " + depth + " deep (at most " + MAX_DEPTH + ", as in /(ab+)+/)");
        }
        if (expansion > MAX_EXPANSION) {
          throw new TooComplex("repetitions multiply the expression " + expansion + " times (at most " + MAX_EXPANSION + ")");
        }
      }
      if (e.exp1 != null) {
        todo.push(new Node(e.exp1, depth, expansion));
      }
      if (e.exp2 != null) {
        todo.push(new Node(e.exp2, depth, expansion));
      }
    }
  }
}
