package dev.corpus.extract.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The temporal expression rules of {@code timex-rules.txt}: macros, then one rule a line with
 * the TIMEX3 type, the normalising function and a regular expression (the file's header says
 * how to write them). Immutable.
 */
public final class TimexRules {

  /**
   * One rule: matches of {@code pattern} are expressions of {@code type} valued by {@code
   * function}. When {@code trigger} is not null the rule runs only on texts where it finds
   * something.
   */
  public record Rule(int order, String type, String function, Pattern pattern, Pattern trigger) {}

  static final Set<String> FUNCTIONS = Set.of(
      "calendar", "numeric", "iso", "weekday", "relday", "relunit", "ago", "duration", "present", "past",
      "future", "quarter", "half", "season", "decade", "century", "year", "clock", "partofday", "set", "ordinalday", "holiday");

  private static final Pattern MACRO = Pattern.compile("\\{([A-Z]+)}");

  private final List<Rule> rules;

  private TimexRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The rules shipped in the jar. */
  public static TimexRules shipped() {
    try (InputStream in = TimexRules.class.getResourceAsStream("timex-rules.txt")) {
      if (in == null) {
        throw new IllegalStateException("timex-rules.txt is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read timex-rules.txt", e);
    }
  }

  /**
   * Parses a rule file.
   *
   * @throws IllegalArgumentException naming the line of a malformed rule or an unknown macro
   */
  public static TimexRules parse(String text) {
    Map<String, String> macros = new LinkedHashMap<>();
    Map<String, Pattern> triggers = new LinkedHashMap<>();
    List<Rule> rules = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("@")) {
          int eq = line.indexOf('=');
          if (eq < 0) {
            throw new IllegalArgumentException("line " + lineNo + ": a macro needs '@NAME = regex'");
          }
          macros.put(line.substring(1, eq).strip(), expand(line.substring(eq + 1).strip(), macros, lineNo));
          continue;
        }
        String[] cols = line.split("\t", 3);
        String[] function = cols.length < 3 ? new String[0] : cols[1].split("@", 2);
        if (cols.length < 3 || !Set.of("DATE", "TIME", "DURATION", "SET").contains(cols[0]) || !FUNCTIONS.contains(function[0])) {
          throw new IllegalArgumentException("line " + lineNo + ": expected TYPE<TAB>FUNCTION[@MACRO]<TAB>regex with a known type and function");
        }
        Pattern trigger = null;
        if (function.length == 2) {
          if (!macros.containsKey(function[1])) {
            throw new IllegalArgumentException("line " + lineNo + ": unknown trigger macro @" + function[1]);
          }
          trigger = triggers.computeIfAbsent(function[1], k -> Pattern.compile(
              "(?<![\\p{L}\\p{N}])(?:" + macros.get(k) + ")", Pattern.CASE_INSENSITIVE));
        }
        String regex = "(?<![\\p{L}\\p{N}])(?:" + expand(cols[2], macros, lineNo) + ")(?![\\p{L}\\p{N}])";
        try {
          rules.add(new Rule(rules.size(), cols[0], function[0], Pattern.compile(regex, Pattern.CASE_INSENSITIVE), trigger));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("line " + lineNo + ": " + e.getDescription(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TimexRules(rules);
  }

  private static String expand(String regex, Map<String, String> macros, int lineNo) {
    Matcher m = MACRO.matcher(regex);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = macros.get(m.group(1));
      if (body == null) {
        throw new IllegalArgumentException("line " + lineNo + ": unknown macro {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement("(?:" + body + ")"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
