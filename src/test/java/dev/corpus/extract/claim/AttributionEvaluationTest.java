package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corpus.extract.claim.AttributionEvaluation.Counts;
import dev.corpus.extract.claim.AttributionEvaluation.Matches;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scorer's matching rules, on hand-written documents with hand-placed gold spans and claims
 * (no extractor): spans are located by the words they cover, so each case reads as text.
 */
class AttributionEvaluationTest {

  /** A code point span of {@code text}: the {@code n}-th (from 0) occurrence of {@code words}. */
  private static int[] span(String text, String words, int n) {
    int at = -1;
    for (int i = 0; i <= n; i++) {
      at = text.indexOf(words, at + 1);
      if (at < 0) {
        throw new IllegalArgumentException(words + " not in " + text);
      }
    }
    int start = text.codePointCount(0, at);
    return new int[] {start, start + words.codePointCount(0, words.length())};
  }

  private static int[] span(String text, String words) {
    return span(text, words, 0);
  }

  private static final int[] NONE = {-1, -1};

  private static BratAttributions.Gold gold(int[] source, int[]... pieces) {
    return new BratAttributions.Gold(pieces[0][0], pieces[pieces.length - 1][1], source[0], source[1], List.of(pieces));
  }

  private static Claim claim(String text, int[] speaker, int[] content) {
    int[] cps = text.codePoints().toArray();
    String speakerText = speaker[0] < 0 ? null : new String(cps, speaker[0], speaker[1] - speaker[0]);
    return new Claim(null, speakerText, "said", new String(cps, content[0], content[1] - content[0]), false,
        ClaimKind.STATEMENT, false, false, content[0], content[1], speaker[0], speaker[1], -1, -1, text);
  }

  private static Counts match(String text, List<BratAttributions.Gold> gold, List<Claim> claims) {
    return AttributionEvaluation.match("doc", text, gold, claims, null);
  }

  @Test
  void anExactMatchCountsForBothRules() {
    String t = "Mara Quist said the ferry would run again in May.";
    Counts c = match(t, List.of(gold(span(t, "Mara Quist"), span(t, "the ferry would run again in May"))),
        List.of(claim(t, span(t, "Mara Quist"), span(t, "the ferry would run again in May"))));
    assertEquals(new Counts(1, 1, new Matches(1, 1, 1, 1), new Matches(1, 1, 1, 1)), c);
  }

  @Test
  void anOverlapOnlyCountsAsLenientNotStrict() {
    String t = "Mara Quist said the ferry would run again in May, after repairs.";
    Counts c = match(t, List.of(gold(span(t, "Mara Quist"), span(t, "the ferry would run again in May"))),
        List.of(claim(t, span(t, "Mara Quist"), span(t, "the ferry would run again in May, after repairs"))));
    assertEquals(new Matches(1, 1, 1, 1), c.lenient());
    assertEquals(new Matches(0, 0, 0, 0), c.strict());
  }

  @Test
  void aWrongSpeakerLosesSourceAndContentOnly() {
    String t = "Mara Quist told Ivo Brandt that the ferry would run again in May.";
    Counts c = match(t, List.of(gold(span(t, "Mara Quist"), span(t, "the ferry would run again in May"))),
        List.of(claim(t, span(t, "Ivo Brandt"), span(t, "the ferry would run again in May"))));
    assertEquals(new Matches(1, 1, 0, 0), c.lenient());
    assertEquals(new Matches(1, 1, 0, 0), c.strict());
  }

  @Test
  void aSpeakerThatOnlyOverlapsTheSourceIsLenientNotStrict() {
    String t = "Harbour chief Mara Quist said the ferry would run again in May.";
    Counts c = match(t, List.of(gold(span(t, "Harbour chief Mara Quist"), span(t, "the ferry would run again in May"))),
        List.of(claim(t, span(t, "Mara Quist"), span(t, "the ferry would run again in May"))));
    assertEquals(new Matches(1, 1, 1, 1), c.lenient());
    assertEquals(new Matches(1, 1, 0, 0), c.strict());
  }

  @Test
  void aMissingSourceIsRightOnlyWhenBothAreAbsent() {
    String t = "The ferry is expected to run again in May.";
    int[] content = span(t, "The ferry");
    List<BratAttributions.Gold> sourceless = List.of(gold(NONE, content));
    Counts bothAbsent = match(t, sourceless, List.of(claim(t, NONE, content)));
    assertEquals(new Matches(1, 1, 1, 1), bothAbsent.lenient());
    assertEquals(new Matches(1, 1, 1, 1), bothAbsent.strict());
    Counts claimHasOne = match(t, sourceless, List.of(claim(t, span(t, "May"), content)));
    assertEquals(new Matches(1, 1, 0, 0), claimHasOne.lenient());
    assertEquals(new Matches(1, 1, 0, 0), claimHasOne.strict());
    Counts goldHasOne = match(t, List.of(gold(span(t, "May"), content)), List.of(claim(t, NONE, content)));
    assertEquals(new Matches(1, 1, 0, 0), goldHasOne.lenient());
    assertEquals(new Matches(1, 1, 0, 0), goldHasOne.strict());
  }

  /** “A,” she said. “B.”: one claim per piece; the second is right for precision, not spurious. */
  @Test
  void aContentInPiecesMayBeMatchedByOneClaimPerPiece() {
    String t = "“The ferry is ready,” Mara Quist said. “It sails in May.”";
    int[] first = span(t, "The ferry is ready");
    int[] second = span(t, "It sails in May");
    int[] speaker = span(t, "Mara Quist");
    List<BratAttributions.Gold> g = List.of(gold(speaker, first, second));
    Counts perPiece = match(t, g, List.of(claim(t, speaker, first), claim(t, speaker, second)));
    assertEquals(new Counts(1, 2, new Matches(1, 2, 1, 2), new Matches(1, 2, 1, 2)), perPiece);

    Counts onePiece = match(t, g, List.of(claim(t, speaker, second)));
    assertEquals(new Matches(1, 1, 1, 1), onePiece.strict(), "one piece exactly is a strict match");

    int[] whole = {first[0], second[1]};
    Counts wholeAndPiece = match(t, g, List.of(claim(t, speaker, whole), claim(t, speaker, second)));
    assertEquals(new Matches(1, 1, 1, 1), wholeAndPiece.lenient(), "the whole covers every piece: the second is spurious");
    assertEquals(new Matches(1, 1, 1, 1), wholeAndPiece.strict(), "the whole extent is the strict match, the piece spurious");

    Counts pieceFirst = match(t, g, List.of(claim(t, span(t, "May"), second), claim(t, speaker, whole)));
    assertEquals(new Matches(1, 1, 1, 1), pieceFirst.strict(), "strict prefers the whole extent to a piece listed before it");

    Counts sameTwice = match(t, g, List.of(claim(t, speaker, first), claim(t, speaker, first)));
    assertEquals(new Matches(1, 1, 1, 1), sameTwice.lenient(), "a second claim on the same piece is spurious");
    assertEquals(new Matches(1, 1, 1, 1), sameTwice.strict());
  }

  @Test
  void aFurtherPieceNeedsItsOwnExactSpanForStrict() {
    String t = "“The ferry is ready,” Mara Quist said. “It sails in May, weather permitting.”";
    int[] first = span(t, "The ferry is ready");
    int[] speaker = span(t, "Mara Quist");
    List<BratAttributions.Gold> g = List.of(gold(speaker, first, span(t, "It sails in May, weather permitting")));
    Counts c = match(t, g, List.of(claim(t, speaker, first), claim(t, speaker, span(t, "It sails in May"))));
    assertEquals(new Matches(1, 2, 1, 2), c.lenient());
    assertEquals(new Matches(1, 1, 1, 1), c.strict());
  }

  @Test
  void aSpuriousClaimLowersPrecisionOnly() {
    String t = "Mara Quist said the ferry would run in May. Ivo Brandt said the bridge would stay shut.";
    List<BratAttributions.Gold> g = List.of(gold(span(t, "Mara Quist"), span(t, "the ferry would run in May")));
    Claim right = claim(t, span(t, "Mara Quist"), span(t, "the ferry would run in May"));
    Claim spurious = claim(t, span(t, "Ivo Brandt"), span(t, "the bridge would stay shut"));
    Counts c = match(t, g, List.of(right, spurious));
    assertEquals(new Counts(1, 2, new Matches(1, 1, 1, 1), new Matches(1, 1, 1, 1)), c);
    AttributionScores.Prf p = AttributionScores.Prf.of(c.strict().contentClaims(), c.strict().content(), c.predicted(), c.gold());
    assertEquals(new AttributionScores.Prf(0.5, 1.0, 0.6667), p);
  }

  @Test
  void spacesQuotesPunctuationAndDashesAtTheEdgesAreTrimmed() {
    String t = "Mara Quist said: “the ferry — for now — runs in May.” — (Ivo Brandt) agreed, 'yes.'";
    Counts quoted = match(t, List.of(gold(span(t, "Mara Quist"), span(t, "the ferry — for now — runs in May"))),
        List.of(claim(t, span(t, "Mara Quist"), span(t, ": “the ferry — for now — runs in May.” — "))));
    assertEquals(new Matches(1, 1, 1, 1), quoted.strict(), "edge marks on the claim's side");
    Counts goldSide = match(t, List.of(gold(span(t, "(Ivo Brandt) "), span(t, " 'yes.'"))),
        List.of(claim(t, span(t, "Ivo Brandt"), span(t, "yes"))));
    assertEquals(new Matches(1, 1, 1, 1), goldSide.strict(), "edge marks on the gold side, source included");
    Counts inner = match(t, List.of(gold(span(t, "Mara Quist"), span(t, "the ferry — for now"))),
        List.of(claim(t, span(t, "Mara Quist"), span(t, "the ferry — for now — runs in May"))));
    assertEquals(new Matches(0, 0, 0, 0), inner.strict(), "inner punctuation is part of the span");
    assertEquals(new Matches(1, 1, 1, 1), inner.lenient());
  }

  @Test
  void aSpanOfOnlyPunctuationMatchesNothing() {
    String t = "He paused: “…” — and left.";
    int[] dash = span(t, " — ");
    Counts c = match(t, List.of(gold(NONE, dash)), List.of(claim(t, NONE, dash)));
    assertEquals(new Matches(0, 0, 0, 0), c.strict());
    assertEquals(new Matches(1, 1, 1, 1), c.lenient());
  }

  @Test
  void trimKeepsWordsAndDropsOnlyTheListedMarks() {
    int[] cps = " “«Yes» – no?”) ".codePoints().toArray();
    assertArrayEquals(new int[] {2, 12}, AttributionEvaluation.trim(cps, 0, cps.length), "« and » are not trimmed");
    int[] astral = "‘𝔸 b’".codePoints().toArray();
    assertArrayEquals(new int[] {1, 4}, AttributionEvaluation.trim(astral, 0, astral.length), "code points, not chars");
  }

  /** Gold attributions take claims in file order; strict and lenient keep their own assignments. */
  @Test
  void strictAssignsClaimsOnItsOwn() {
    String t = "Mara Quist said the ferry would run in May and Ivo Brandt said the bridge would stay shut.";
    int[] ferry = span(t, "the ferry would run in May");
    int[] bridge = span(t, "the bridge would stay shut");
    // the first gold overlaps the only claim loosely; the second is that claim exactly
    List<BratAttributions.Gold> g = new ArrayList<>();
    g.add(gold(span(t, "Mara Quist"), new int[] {ferry[0], bridge[0] + 3}));
    g.add(gold(span(t, "Ivo Brandt"), bridge));
    Counts c = match(t, g, List.of(claim(t, span(t, "Ivo Brandt"), bridge)));
    assertEquals(new Matches(1, 1, 0, 0), c.lenient(), "lenient gives the claim to the first gold, whose source differs");
    assertEquals(new Matches(1, 1, 1, 1), c.strict(), "strict gives it to the second");
  }

  @Test
  void errorLinesNameWhatTheLenientRuleMissedAndWhatStrictRejected() {
    String t = "Mara Quist said the ferry would run in May, after repairs. Ivo Brandt said the bridge would stay shut.";
    List<BratAttributions.Gold> g = List.of(
        gold(span(t, "Mara Quist"), span(t, "the ferry would run in May")),
        gold(span(t, "Ivo Brandt"), span(t, "the bridge would stay shut")));
    List<String> lines = new ArrayList<>();
    AttributionEvaluation.match("doc", t, g, List.of(claim(t, span(t, "Ivo Brandt"), span(t, "the ferry would run in May, after repairs"))),
        lines::add);
    assertEquals(List.of(
        "SOURCE\tdoc\tMara Quist\tIvo Brandt\tthe ferry would run in May, after repairs",
        "INEXACT\tdoc\tthe ferry would run in May\tthe ferry would run in May, after repairs",
        "MISSED\tdoc\tIvo Brandt\tthe bridge would stay shut"), lines);
  }
}
