package dev.corpus.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where a pattern's matches can start, and the scan that tries only there, against Matcher.find. */
class RuleScanTest {

  private static StartChars starts(String regex) {
    return StartChars.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  @Test
  void startCharsAreTheFirstCharactersOfEachAlternativeInBothCases() {
    StartChars s = starts("(?:jan|Feb)\\.?\\s+\\d+");
    assertTrue(s.admits('j') && s.admits('J') && s.admits('f') && s.admits('F'));
    assertFalse(s.admits('a') || s.admits('1') || s.admits(' '));
    assertFalse(s.anywhere());
  }

  @Test
  void theSecondCharacterIsCheckedToo() {
    StartChars s = starts("(?:may|june)\\s+\\d");
    assertTrue(s.mayStartAt("May 4", 0) && s.mayStartAt("in june 4", 3));
    assertFalse(s.mayStartAt("most", 0) || s.mayStartAt("jam", 0) || s.mayStartAt("m", 0));
    StartChars repeated = starts("a+b");
    assertTrue(repeated.mayStartAt("aab", 0) && repeated.mayStartAt("ab", 0));
    assertFalse(repeated.mayStartAt("ac", 0));
    StartChars optional = starts("x?(?=y)\\b(?:y|z)");
    assertTrue(optional.mayStartAt("xy", 0) && optional.mayStartAt("xz", 0) && optional.mayStartAt("y", 0));
    assertFalse(optional.mayStartAt("xx", 0));
  }

  @Test
  void aMatchOfOneCharacterNeedsNoSecond() {
    StartChars s = starts("[12](?:st)?");
    assertTrue(s.mayStartAt("1", 0) && s.mayStartAt("1x", 0) && s.mayStartAt("2st", 0));
    assertFalse(s.mayStartAt("3", 0));
  }

  @Test
  void anOptionalPrefixAddsWhatFollowsIt() {
    StartChars s = starts("(?:the\\s+)?(?<d>[12]\\d)(?:st|th)");
    assertTrue(s.admits('t') && s.admits('1') && s.admits('2'));
    assertFalse(s.admits('3') || s.admits('s'));
  }

  @Test
  void lookaroundsAndBoundariesConsumeNothing() {
    StartChars s = starts("(?<=\\bin\\s)(?=x)\\bx'?y");
    assertTrue(s.admits('x'));
    assertFalse(s.admits('i') || s.admits('y') || s.admits('\''));
  }

  @Test
  void aPatternThatMayMatchNothingIsTriedEverywhere() {
    assertTrue(starts("a?b*").anywhere());
    assertTrue(starts("(?:x|)").anywhere());
    assertFalse(starts("a?b+").anywhere());
  }

  @Test
  void classesAndEscapes() {
    StartChars s = starts("[A-C\\d'-]z");
    assertTrue(s.admits('a') && s.admits('C') && s.admits('5') && s.admits('\'') && s.admits('-'));
    assertFalse(s.admits('d') || s.admits('z'));
    assertTrue(starts("[^a]").admits('b'), "a negated class admits anything");
    assertTrue(starts("\\p{L}").admits('\u00e9'));
    assertTrue(starts("\\.5").admits('.'));
    assertFalse(starts("\\.5").admits('5'));
  }

  @Test
  void aLetterAdmitsNonAsciiCharactersAndADigitDoesNot() {
    assertTrue(starts("k").admits('\u212a'), "case-insensitive matching may fold the Kelvin sign to k");
    assertFalse(starts("[0-9]").admits('\u00e9'));
  }

  @Test
  void whatTheReadingDoesNotKnowIsAnyCharacter() {
    StartChars s = starts("[a-z&&[^x]]");
    assertTrue(s.admits('x') && s.admits('#') && s.admits('\u00e9'));
  }

  @Test
  void theWordPrefixOfTheRulesIsRecognised() {
    assertTrue(starts(StartChars.NOT_AFTER_WORD + "(?:may)").notAfterWord());
    assertFalse(starts("(?:may)").notAfterWord());
  }

  /** Texts written for this test, with the shapes the rules look for, and edge characters. */
  private static final List<String> TEXTS = List.of(
      "",
      "May",
      "In May 2021 the board met on Tuesday, June 3, and again at 3:30 p.m. on the 25th.",
      "Profit rose 12 pct in the third quarter from a year earlier; 1,250 dlrs vs 1987/88.",
      "He said two and a half years ago, in '98, the firm had 4 1/2 months' notice; 11/02/89.",
      "Every Monday since the 1990s, early-May sales each July; nineteen ninety-six; mid-2020.",
      "Café opened on 3 März 2020 and Sunday’s vote — next Thursday night — 2024-06-19T10:30.",
      "Emoji \uD83D\uDE00 then June 19, 2024 and last week \uD83D\uDE00.",
      "a\uD83D\uDE00May 2020",
      "Q3 2024 results, the second half of 2024, last summer, the weekend, year-end, today.",
      "x1987y 1987x May2020 wMay 2020 2020-13-45 1/32/2020 the 32nd midnight noon 10am");

  private static final String[] PIECES = {
      "May", "may", "June", "Jun.", "Sept.", "Monday", "mon.", "the", "last", "next", "this", "in", "on", "of",
      "1987", "2024", "19", "3", "31st", "2nd", "'", "'98", "1990s", "3:30", "p.m.", "am", "noon", "year", "years",
      "week", "quarter", "third", "half", "ago", "later", "earlier", "every", "each", "a", "summer", "fall",
      "Christmas", "today", "now", "recently", "future", "/", "-", ",", ".", "  ", "\n", "\n\n", "é", "É", "’s",
      "\uD83D\uDE00", "\u212a", "x", "nineteen", "ninety-six", "two", "thousand", "century", "20th", "daily"};

  private static List<String> generated() {
    Random random = new Random(20261207L);
    List<String> out = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      StringBuilder t = new StringBuilder();
      int words = 1 + random.nextInt(40);
      for (int w = 0; w < words; w++) {
        t.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextInt(4) != 0) {
          t.append(' ');
        }
      }
      out.add(t.toString());
    }
    return out;
  }

  private static List<String> viaFind(Pattern p, String text, int from, int to) {
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    m.region(from, to);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.start() + "-" + m.end() + ":" + m.group());
    }
    return out;
  }

  private static List<String> viaScan(RuleScan scan, Pattern p, String text, int from, int to) {
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    List<String> out = new ArrayList<>();
    scan.each(m, StartChars.of(p), from, to, match -> out.add(match.start() + "-" + match.end() + ":" + match.group()));
    return out;
  }

  private static List<String> viaTable(RuleScan scan, int pattern, Pattern p, String text, int from, int to) {
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    List<String> out = new ArrayList<>();
    scan.each(m, pattern, from, to, match -> out.add(match.start() + "-" + match.end() + ":" + match.group()));
    return out;
  }

  @Test
  void aTableOfPatternsWithOneThatMayMatchNothingScansAsFindDoes() {
    List<Pattern> patterns = List.of(Pattern.compile(StartChars.NOT_AFTER_WORD + "(?:may|june)\\s+\\d+"), Pattern.compile("x?"),
        Pattern.compile("(?i)\\bmay"));
    List<StartChars> starts = new ArrayList<>();
    for (Pattern p : patterns) {
      starts.add(StartChars.of(p));
    }
    StartTable table = new StartTable(starts);
    assertTrue(table.tabled(0));
    assertFalse(table.tabled(1) || table.tabled(2));
    for (String text : TEXTS) {
      RuleScan scan = new RuleScan(text, table);
      for (int k = 0; k < patterns.size(); k++) {
        Pattern p = patterns.get(k);
        assertEquals(viaFind(p, text, 0, text.length()), viaTable(scan, k, p, text, 0, text.length()), () -> p + " on " + text);
      }
    }
  }

  @Test
  void aTextTooLongForTheTableIsScannedPatternByPattern() {
    List<Pattern> patterns = new ArrayList<>();
    for (TimexRules.Rule rule : TimexRules.shipped().rules().subList(0, 3)) {
      patterns.add(rule.pattern());
      patterns.add(rule.trigger());
    }
    List<StartChars> starts = new ArrayList<>();
    for (Pattern p : patterns) {
      starts.add(StartChars.of(p));
    }
    StartTable table = new StartTable(starts);
    String sentence = "Shares rose 3 pct on Tuesday, May 5, fell on 12 June and rose in the first week of June 2020. ";
    String text = sentence.repeat(RuleScan.MAX_TABLED_CHARS / sentence.length() + 2);
    RuleScan scan = new RuleScan(text, table);
    for (int k = 0; k < patterns.size(); k++) {
      Pattern p = patterns.get(k);
      List<String> found = viaTable(scan, k, p, text, 0, text.length());
      assertEquals(viaFind(p, text, 0, text.length()), found, p::pattern);
      assertFalse(found.isEmpty());
    }
  }

  @Test
  void theScanFindsWhatFindFindsForEveryShippedRuleAndTrigger() {
    List<Pattern> patterns = new ArrayList<>();
    for (TimexRules.Rule rule : TimexRules.shipped().rules()) {
      patterns.add(rule.pattern());
      if (rule.trigger() != null) {
        patterns.add(rule.trigger());
      }
    }
    List<String> texts = new ArrayList<>(TEXTS);
    texts.addAll(generated());
    List<StartChars> starts = new ArrayList<>();
    for (Pattern p : patterns) {
      starts.add(StartChars.of(p));
    }
    StartTable table = new StartTable(starts);
    int compared = 0;
    for (String text : texts) {
      RuleScan scan = new RuleScan(text);
      RuleScan tabled = new RuleScan(text, table);
      int third = text.length() / 3;
      for (int k = 0; k < patterns.size(); k++) {
        Pattern p = patterns.get(k);
        assertEquals(viaFind(p, text, 0, text.length()), viaTable(tabled, k, p, text, 0, text.length()), () -> p + " tabled, on " + text);
        assertEquals(viaFind(p, text, third, 2 * third), viaTable(tabled, k, p, text, third, 2 * third), () -> p + " tabled, in a window of " + text);
        assertEquals(viaFind(p, text, 0, text.length()), viaScan(scan, p, text, 0, text.length()), () -> p + " on " + text);
        List<String> all = viaFind(p, text, 0, text.length());
        Matcher first = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        boolean found = scan.finds(first, StartChars.of(p), 0, text.length());
        assertEquals(all.isEmpty() ? "none" : all.get(0), found ? first.start() + "-" + first.end() + ":" + first.group() : "none",
            () -> "the first of " + p + " on " + text);
        // a window inside the text, as the rules with triggers run in
        assertEquals(viaFind(p, text, third, 2 * third), viaScan(scan, p, text, third, 2 * third), () -> p + " in a window of " + text);
        compared++;
      }
    }
    assertTrue(compared > 10_000);
  }

  @Test
  void patternsThatMayMatchNothingOrStartAnywhereScanAsFindDoes() {
    for (String regex : List.of("x?", "\\b", "(?<=\\s)", ".{2}", "[^a-z]+", "(?i)may", "m(?!a)")) {
      Pattern p = Pattern.compile(regex);
      for (String text : TEXTS) {
        assertEquals(viaFind(p, text, 0, text.length()), viaScan(new RuleScan(text), p, text, 0, text.length()), () -> regex + " on " + text);
      }
    }
  }
}
