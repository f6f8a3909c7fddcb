package dev.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The texts of the tests are written for the project: no string literal under {@code src/test/java}
 * (adjacent literals joined by {@code +} count as one) holds {@value #RUN} consecutive words that
 * occur in the PolNeAR dev or train articles or in the seed articles of {@code ../shared}. Words are
 * runs of letters and digits (with inner apostrophes), compared in lower case; punctuation and
 * spacing between them do not count. Skipped where {@code ../shared} is absent (a fresh clone).
 */
class TestTextsAreOurOwnTest {

  static final int RUN = 10;

  private static final Path SHARED = Path.of("..", "shared");
  private static final Path TESTS = Path.of("src", "test", "java");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

  /** A string literal, or several joined by {@code +}, and the line it starts on. */
  record Literal(int line, String text) {}

  @Test
  void noTestLiteralRepeatsTenWordsOfTheSharedArticles() throws IOException {
    assumeTrue(Files.isDirectory(SHARED), "../shared absent: skipped (nothing to compare the test texts with)");
    List<Path> articles = new ArrayList<>();
    articles.addAll(textFiles(SHARED.resolve("data").resolve("polnear").resolve("dev")));
    articles.addAll(textFiles(SHARED.resolve("data").resolve("polnear").resolve("train")));
    articles.addAll(textFiles(SHARED.resolve("seeds")));
    assumeTrue(!articles.isEmpty(), "../shared holds neither PolNeAR nor the seeds: skipped");

    long[] shingles = articleShingles(articles);
    List<String> copied = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(TESTS)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      for (Literal literal : literals(Files.readString(source, StandardCharsets.UTF_8))) {
        List<String> words = words(literal.text());
        for (int i = 0; i + RUN <= words.size(); i++) {
          if (Arrays.binarySearch(shingles, hash(words, i)) >= 0) {
            copied.add(source + ":" + literal.line() + ": \"" + String.join(" ", words.subList(i, i + RUN)) + "\"");
            break;
          }
        }
      }
    }
    assertTrue(copied.isEmpty(), () -> "test texts that repeat " + RUN + " words of ../shared articles (write your own):\n  "
        + String.join("\n  ", copied));
  }

  /** The scan itself: literals are found and joined, comments and characters are not literals. */
  @Test
  void literalsAreJoinedAcrossPlusAndCommentsAreSkipped() {
    String source = """
        class X {
          // "a comment is no literal"
          char q = '"';
          String s = "one two " + "three"
              + "four";
          /* "nor is this" */ String t = \"""
              a text block
              \""";
          String u = "esc\\"aped\\u0041" + name + "after";
        }
        """;
    List<String> found = literals(source).stream().map(l -> l.line() + ": " + String.join(" ", words(l.text()))).toList();
    assertEquals(List.of("4: one two threefour", "6: a text block", "9: esc apeda", "9: after"), found);
    assertEquals(List.of("it's", "the", "mayor’s", "2024", "plan"), words("It's the Mayor’s 2024 plan."));
    assertFalse(hash(words("a b c d e f g h i j"), 0) == hash(words("b a c d e f g h i j"), 0), "order counts");
  }

  private static List<Path> textFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  /** The sorted hashes of every run of {@link #RUN} words in {@code files}. */
  private static long[] articleShingles(List<Path> files) throws IOException {
    long[] all = new long[1 << 20];
    int n = 0;
    for (Path f : files) {
      List<String> words = words(Files.readString(f, StandardCharsets.UTF_8));
      for (int i = 0; i + RUN <= words.size(); i++) {
        if (n == all.length) {
          all = Arrays.copyOf(all, 2 * n);
        }
        all[n++] = hash(words, i);
      }
    }
    long[] sorted = Arrays.copyOf(all, n);
    Arrays.sort(sorted);
    return sorted;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** A 64-bit hash of {@code words[from, from + RUN)}, with ’ read as '. */
  static long hash(List<String> words, int from) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < from + RUN; i++) {
      String w = words.get(i);
      for (int k = 0; k < w.length(); k++) {
        char c = w.charAt(k) == '’' ? '\'' : w.charAt(k);
        h = (h ^ c) * 0x100000001b3L;
      }
      h = (h ^ ' ') * 0x100000001b3L;
    }
    return h;
  }

  /**
   * The string literals and text blocks of Java {@code source}, unescaped, with literals joined
   * when only {@code +} and spaces stand between them; comments and character literals skipped.
   */
  static List<Literal> literals(String source) {
    List<Literal> out = new ArrayList<>();
    StringBuilder current = null;
    int currentLine = 0;
    boolean plus = false; // a '+' since the last literal, and nothing else but spaces
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
        continue;
      }
      if (c == '"' || c == '\'') {
        boolean block = source.startsWith("\"\"\"", i);
        int start = block ? source.indexOf('\n', i) + 1 : i + 1;
        int end = start;
        while (end < n && !(block ? source.startsWith("\"\"\"", end) : source.charAt(end) == c)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        String text = unescape(source.substring(start, Math.min(end, n)));
        int startLine = line;
        line += count(source, i, Math.min(end, n));
        i = Math.min(n, end + (block ? 3 : 1));
        if (c == '\'') {
          current = flush(out, current, currentLine);
          plus = false;
          continue;
        }
        if (current != null && plus) {
          current.append(text);
        } else {
          current = flush(out, current, currentLine);
          current = new StringBuilder(text);
          currentLine = startLine;
        }
        plus = false;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      if (c == '+') {
        plus = current != null;
      } else if (!Character.isWhitespace(c)) {
        current = flush(out, current, currentLine);
        plus = false;
      }
      i++;
    }
    flush(out, current, currentLine);
    return out;
  }

  private static StringBuilder flush(List<Literal> out, StringBuilder current, int line) {
    if (current != null) {
      out.add(new Literal(line, current.toString()));
    }
    return null;
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c != '\\' || k + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++k);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 's' -> out.append(' ');
        case '\n' -> { } // a text block's line continuation
        case 'u' -> {
          while (k + 1 < s.length() && s.charAt(k + 1) == 'u') {
            k++;
          }
          if (k + 4 < s.length()) {
            out.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
            k += 4;
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
