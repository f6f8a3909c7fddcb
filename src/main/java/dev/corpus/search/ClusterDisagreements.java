package dev.corpus.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where two members of one cluster — statements linked as saying the same thing about one event —
 * disagree, with the evidence: the two members and the values they give.
 *
 * <ul>
 *   <li>{@code polarity}: one member's speaker asserts the content, the other's denies it or
 *       negates the cue ({@code Claim.denies()}, {@code Claim.negated()}, from the claim model,
 *       never a word list over the text);
 *   <li>{@code number}: both give a figure of the same unit ("$350 million", "$300 million"; "12
 *       percent", "9 percent") and none of one member's figures of that unit is among the
 *       other's; years and days of the month are dates, not figures;
 *   <li>{@code date}: both sentences date something ({@code Member.dates()}, the date expressions
 *       normalised by the date stage) and no day one gives lies within a day the other gives.
 * </ul>
 *
 * A person's role given two ways is found per entity across articles, not per cluster ({@code
 * ClaimService}).
 */
final class ClusterDisagreements {

  private ClusterDisagreements() {}

  private static final Pattern MONTH_BEFORE = Pattern.compile(
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+$");
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w.])(\\$|€|£)?\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(%|[a-z]+)?");
  private static final Set<String> SCALES = Set.of("thousand", "million", "billion", "trillion", "mln", "bln");
  /** Words after a number that are not its unit. */
  private static final Set<String> NO_UNIT = Set.of("and", "or", "to", "of", "in", "on", "at", "the", "a", "by", "for", "from", "with",
      "as", "was", "were", "is", "are", "that", "than", "more", "over", "s", "p", "am", "pm", "o", "th", "st", "nd", "rd");

  /**
   * Two members speak of the same thing when their embeddings are at least this similar: a
   * cluster is single-link, so its members at both ends of a chain may speak of different
   * moments of one event ("the visit began on Wednesday", "the visit ended on Thursday").
   */
  static final double SAME_THING = 0.75;

  /** The similarity of two members by their indices. */
  interface Similarity {
    double of(int i, int j);
  }

  /** The disagreements between members that all speak of the same thing (a test's members). */
  static List<ClaimService.Conflict> of(List<ClaimService.Member> members) {
    return of(members, (i, j) -> 1);
  }

  /**
   * The disagreements between the members of one cluster that speak of the same thing ({@link
   * #SAME_THING}), in member order, at most one of each kind per pair, and each difference once:
   * when many pairs give the same two values ("1.5" against "2.5": a wire story and its many
   * copies against another), the first pair stands for them all, with their number in {@code
   * pairs}, so a cluster's disagreements grow with the differences it holds, not with the square of
   * its members.
   */
  static List<ClaimService.Conflict> of(List<ClaimService.Member> members, Similarity similarity) {
    List<ClaimService.Conflict> pairs = pairs(members, similarity);
    Map<String, Integer> first = new LinkedHashMap<>();
    List<ClaimService.Conflict> distinct = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (ClaimService.Conflict c : pairs) {
      String a = c.first().value();
      String b = c.second().value();
      String key = c.kind() + "\u0000" + (a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a);
      Integer at = first.putIfAbsent(key, distinct.size());
      if (at == null) {
        distinct.add(c);
        counts.add(1);
      } else {
        counts.set(at, counts.get(at) + 1);
      }
    }
    List<ClaimService.Conflict> out = new ArrayList<>(distinct.size());
    for (int i = 0; i < distinct.size(); i++) {
      ClaimService.Conflict c = distinct.get(i);
      out.add(new ClaimService.Conflict(c.kind(), c.first(), c.second(), counts.get(i)));
    }
    return out;
  }

  private static List<ClaimService.Conflict> pairs(List<ClaimService.Member> members, Similarity similarity) {
    List<ClaimService.Conflict> out = new ArrayList<>();
    List<Map<String, Set<String>>> figures = new ArrayList<>();
    for (ClaimService.Member m : members) {
      figures.add(figures(m.text()));
    }
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        ClaimService.Member a = members.get(i);
        ClaimService.Member b = members.get(j);
        if (a.document().equals(b.document()) || similarity.of(i, j) < SAME_THING) {
          continue;
        }
        if (asserts(a) != asserts(b)) {
          out.add(new ClaimService.Conflict("polarity", side(i, a, polarity(a)), side(j, b, polarity(b))));
        }
        for (Map.Entry<String, Set<String>> e : figures.get(i).entrySet()) {
          Set<String> theirs = figures.get(j).get(e.getKey());
          if (theirs != null && Collections.disjoint(e.getValue(), theirs)) {
            out.add(new ClaimService.Conflict("number", side(i, a, String.join(", ", e.getValue())), side(j, b, String.join(", ", theirs))));
            break;
          }
        }
        if (!a.dates().isEmpty() && !b.dates().isEmpty() && !overlap(a.dates(), b.dates())) {
          out.add(new ClaimService.Conflict("date", side(i, a, String.join(", ", a.dates())), side(j, b, String.join(", ", b.dates()))));
        }
      }
    }
    return out;
  }

  private static ClaimService.Side side(int index, ClaimService.Member m, String value) {
    return new ClaimService.Side(index, m.document(), m.source(), value);
  }

  private static boolean asserts(ClaimService.Member m) {
    return !m.negated() && !m.denies();
  }

  private static String polarity(ClaimService.Member m) {
    String how = m.negated() && m.denies() ? "negated, denies" : m.negated() ? "negated" : m.denies() ? "denies" : "asserts";
    return m.cue() == null ? how : how + " (" + m.cue() + ")";
  }

  /** Figures by unit: "$ million" → {"350"}; "percent" → {"12"}. */
  static Map<String, Set<String>> figures(String text) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Matcher x = NUMBER.matcher(text);
    while (x.find()) {
      String value = x.group(2).replace(",", "");
      String before = text.substring(Math.max(0, x.start() - 10), x.start());
      if (value.matches("(19|20)\\d\\d") && x.group(1) == null || MONTH_BEFORE.matcher(before).find()) {
        continue; // a year or a day of the month dates, it does not count
      }
      String word = x.group(3) == null ? "" : x.group(3).toLowerCase(Locale.ROOT);
      String unit;
      if (word.equals("%") || word.equals("percent") || word.equals("pct")) {
        unit = "percent";
      } else if (SCALES.contains(word)) {
        int after = x.end();
        Matcher next = Pattern.compile("\\G\\s+([a-z]+)").matcher(text);
        String noun = next.find(after) && !NO_UNIT.contains(next.group(1)) ? " " + next.group(1) : "";
        unit = word.replace("mln", "million").replace("bln", "billion") + (x.group(1) == null ? noun : "");
      } else if (word.isEmpty() || NO_UNIT.contains(word)) {
        unit = x.group(1) == null ? null : "";
      } else {
        unit = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
      }
      if (unit == null) {
        continue; // a bare number counts nothing the other member could be said to count
      }
      if (x.group(1) != null) {
        unit = (x.group(1) + " " + unit).strip();
      }
      out.computeIfAbsent(unit, k -> new LinkedHashSet<>()).add(value);
    }
    return out;
  }

  /** Whether a day of one list of date values lies within a day of the other. */
  private static boolean overlap(List<String> a, List<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (x.startsWith(y) || y.startsWith(x)) {
          return true;
        }
      }
    }
    return false;
  }
}
