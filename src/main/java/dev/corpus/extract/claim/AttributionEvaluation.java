package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityStage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores a {@link ClaimExtractor} on brat attribution files (see {@link AttributionScores}), with
 * two matching rules computed in one pass over the same claims.
 *
 * <p><b>Lenient</b> (overlap). Gold attributions are taken in file order; each takes the unused
 * claim that covers most characters of its content pieces (not of the gaps between them; the
 * first such claim on a tie), and counts once for recall. A content split in pieces ("“A,” he
 * said. “B.”", 15 % of PolNeAR's) may be matched by one claim per piece: once a gold attribution
 * is matched, every unused claim that overlaps one of its pieces the first claim does not overlap
 * is right (for precision) and is not counted as spurious. The source is right when the claim's
 * speaker span overlaps the gold source span, or both are absent.
 *
 * <p><b>Strict</b> (equal spans). Spans are compared after trimming: from both ends of a span,
 * every code point that is whitespace ({@link Character#isWhitespace} or {@link
 * Character#isSpaceChar}), a dash (Unicode category Pd: {@code - ‐ – —} …) or one of
 * {@code . , ; : ! ? " “ ” ‘ ’ ' ( )} is dropped; two spans are equal when their trimmed
 * {@code [start, end)} offsets are equal and not empty. A claim matches a gold content when its
 * trimmed span equals the whole gold extent (first piece to last) or one piece. The same
 * procedure as lenient's runs on its own: gold attributions in file order each take the first
 * unused claim equal to their whole extent, else the first equal to one of their pieces; after
 * all are assigned, every unused claim equal to a piece that the first claim's trimmed span does
 * not overlap is right for precision. Source and content is strict when, in addition, the claim's
 * trimmed speaker span equals the gold source's trimmed span, or both are absent. Strict keeps its
 * own assignment, so a claim may be lenient's match for one attribution and strict's for another.
 */
public final class AttributionEvaluation {

  private static final String EDGE_PUNCTUATION = ".,;:!?\"“”‘’'()";

  private AttributionEvaluation() {}

  /**
   * What one matching rule found.
   *
   * @param content gold attributions whose content was found (recall's numerator)
   * @param contentClaims claims right about the content: one per found attribution, plus the
   *     further claims of split contents (precision's numerator)
   * @param sourceAndContent gold attributions found with their source
   * @param sourceAndContentClaims claims right about content and source
   */
  record Matches(int content, int contentClaims, int sourceAndContent, int sourceAndContentClaims) {
    static final Matches NONE = new Matches(0, 0, 0, 0);

    Matches plus(Matches o) {
      return new Matches(content + o.content, contentClaims + o.contentClaims, sourceAndContent + o.sourceAndContent,
          sourceAndContentClaims + o.sourceAndContentClaims);
    }
  }

  /** Counts of one document, or summed over several. */
  record Counts(int gold, int predicted, Matches lenient, Matches strict) {
    static final Counts NONE = new Counts(0, 0, Matches.NONE, Matches.NONE);

    Counts plus(Counts o) {
      return new Counts(gold + o.gold, predicted + o.predicted, lenient.plus(o.lenient), strict.plus(o.strict));
    }
  }

  /**
   * Scores {@code extractor} on {@code files} (see the class comment for both rules).
   *
   * @param errors receives one line per missed gold attribution ({@code MISSED}), per matched one
   *     whose source is wrong ({@code SOURCE}), per claim matching none ({@code SPURIOUS}), all by
   *     the lenient rule, and per attribution found by the lenient rule only ({@code INEXACT}), for
   *     development; or null
   */
  public static AttributionScores score(ClaimExtractor extractor, EntityStage entities, List<BratAttributions> files, String directory,
      Consumer<String> errors) {
    Counts total = Counts.NONE;
    for (BratAttributions f : files) {
      List<Claim> claims = extractor.extract(f.text(), entities.find(f.text()));
      total = total.plus(match(f.name(), f.text(), f.attributions(), claims, errors));
    }
    return new AttributionScores(directory, files.size(), total.gold(), total.predicted(),
        prf(total.lenient().contentClaims(), total.lenient().content(), total),
        prf(total.lenient().sourceAndContentClaims(), total.lenient().sourceAndContent(), total),
        prf(total.strict().contentClaims(), total.strict().content(), total),
        prf(total.strict().sourceAndContentClaims(), total.strict().sourceAndContent(), total));
  }

  private static AttributionScores.Prf prf(int rightClaims, int found, Counts total) {
    return AttributionScores.Prf.of(rightClaims, found, total.predicted(), total.gold());
  }

  /**
   * Matches the claims found in one document against its gold attributions, by both rules: a pure
   * function of its arguments (and {@code errors}' lines).
   *
   * @param name the document's name, for {@code errors}
   * @param text the document, whose code point offsets gold and claims give
   */
  static Counts match(String name, String text, List<BratAttributions.Gold> gold, List<Claim> claims, Consumer<String> errors) {
    int[] cps = text.codePoints().toArray();
    Rule lenient = new Lenient();
    Rule strict = new Strict(cps);
    Assignment loose = assign(gold, claims, lenient);
    Assignment exact = assign(gold, claims, strict);
    if (errors != null) {
      for (int gi = 0; gi < gold.size(); gi++) {
        BratAttributions.Gold g = gold.get(gi);
        String source = g.sourceStart() < 0 ? "-" : cut(cps, g.sourceStart(), g.sourceEnd());
        int k = loose.matched[gi];
        if (k < 0) {
          errors.accept("MISSED\t" + name + "\t" + source + "\t" + cut(cps, g.contentStart(), g.contentEnd()));
          continue;
        }
        Claim c = claims.get(k);
        if (!lenient.sourceRight(g, c)) {
          errors.accept("SOURCE\t" + name + "\t" + source + "\t" + c.speakerText() + "\t" + c.content());
        }
        if (exact.matched[gi] < 0) {
          errors.accept("INEXACT\t" + name + "\t" + cut(cps, g.contentStart(), g.contentEnd()) + "\t" + c.content());
        }
      }
      for (int k = 0; k < claims.size(); k++) {
        if (!loose.used[k]) {
          errors.accept("SPURIOUS\t" + name + "\t" + claims.get(k).speakerText() + "\t" + claims.get(k).content());
        }
      }
    }
    return new Counts(gold.size(), claims.size(), loose.matches, exact.matches);
  }

  /** How one rule pairs claims with gold attributions. */
  private interface Rule {
    /** How well {@code c} matches {@code g}'s content: 0 not at all, more is better. */
    int fit(Claim c, BratAttributions.Gold g);

    /** Whether {@code c} is right about a piece of {@code g} that {@code first}, g's match, is not. */
    boolean furtherPiece(Claim c, Claim first, BratAttributions.Gold g);

    /** Whether {@code c}'s speaker is {@code g}'s source, or both are absent. */
    boolean sourceRight(BratAttributions.Gold g, Claim c);
  }

  /** @param matched per gold attribution, the index of its claim or -1 */
  private record Assignment(int[] matched, boolean[] used, Matches matches) {}

  private static Assignment assign(List<BratAttributions.Gold> gold, List<Claim> claims, Rule rule) {
    int content = 0;
    int contentClaims = 0;
    int both = 0;
    int bothClaims = 0;
    boolean[] used = new boolean[claims.size()];
    int[] matched = new int[gold.size()];
    Arrays.fill(matched, -1);
    for (int gi = 0; gi < gold.size(); gi++) {
      BratAttributions.Gold g = gold.get(gi);
      int best = -1;
      int bestFit = 0;
      for (int k = 0; k < claims.size(); k++) {
        int fit = used[k] ? 0 : rule.fit(claims.get(k), g);
        if (fit > bestFit) {
          best = k;
          bestFit = fit;
        }
      }
      if (best < 0) {
        continue;
      }
      used[best] = true;
      matched[gi] = best;
      content++;
      contentClaims++;
      if (rule.sourceRight(g, claims.get(best))) {
        both++;
        bothClaims++;
      }
    }
    for (int gi = 0; gi < gold.size(); gi++) {
      BratAttributions.Gold g = gold.get(gi);
      if (matched[gi] < 0 || g.contentPieces().size() < 2) {
        continue;
      }
      Claim first = claims.get(matched[gi]);
      for (int k = 0; k < claims.size(); k++) {
        Claim c = claims.get(k);
        if (!used[k] && rule.furtherPiece(c, first, g)) {
          used[k] = true;
          contentClaims++;
          if (rule.sourceRight(g, c)) {
            bothClaims++;
          }
        }
      }
    }
    return new Assignment(matched, used, new Matches(content, contentClaims, both, bothClaims));
  }

  /** Overlap: the characters of the content pieces a claim covers; a speaker overlapping the source. */
  private static final class Lenient implements Rule {
    @Override
    public int fit(Claim c, BratAttributions.Gold g) {
      int sum = 0;
      for (int[] piece : g.contentPieces()) {
        sum += Math.max(0, Math.min(c.end(), piece[1]) - Math.max(c.start(), piece[0]));
      }
      return sum;
    }

    @Override
    public boolean furtherPiece(Claim c, Claim first, BratAttributions.Gold g) {
      return g.contentPieces().stream().anyMatch(p -> overlaps(c.start(), c.end(), p) && !overlaps(first.start(), first.end(), p));
    }

    @Override
    public boolean sourceRight(BratAttributions.Gold g, Claim c) {
      return g.sourceStart() < 0
          ? c.speakerStart() < 0
          : c.speakerStart() >= 0 && c.speakerStart() < g.sourceEnd() && g.sourceStart() < c.speakerEnd();
    }
  }

  /** Equal spans after trimming (see the class comment). */
  private static final class Strict implements Rule {
    private final int[] cps;

    Strict(int[] cps) {
      this.cps = cps;
    }

    @Override
    public int fit(Claim c, BratAttributions.Gold g) {
      if (c.start() < 0) {
        return 0;
      }
      int[] claim = trim(cps, c.start(), c.end());
      if (same(claim, trim(cps, g.contentStart(), g.contentEnd()))) {
        return 2;
      }
      return g.contentPieces().stream().anyMatch(p -> same(claim, trim(cps, p[0], p[1]))) ? 1 : 0;
    }

    @Override
    public boolean furtherPiece(Claim c, Claim first, BratAttributions.Gold g) {
      if (c.start() < 0) {
        return false;
      }
      int[] claim = trim(cps, c.start(), c.end());
      int[] firstSpan = trim(cps, first.start(), first.end());
      return g.contentPieces().stream().map(p -> trim(cps, p[0], p[1]))
          .anyMatch(p -> same(claim, p) && !overlaps(firstSpan[0], firstSpan[1], p));
    }

    @Override
    public boolean sourceRight(BratAttributions.Gold g, Claim c) {
      if (g.sourceStart() < 0 || c.speakerStart() < 0) {
        return g.sourceStart() < 0 && c.speakerStart() < 0;
      }
      return same(trim(cps, c.speakerStart(), c.speakerEnd()), trim(cps, g.sourceStart(), g.sourceEnd()));
    }
  }

  private static boolean overlaps(int start, int end, int[] piece) {
    return Math.min(end, piece[1]) > Math.max(start, piece[0]);
  }

  /** Whether two trimmed spans are the same, and not empty. */
  private static boolean same(int[] a, int[] b) {
    return a[0] < a[1] && a[0] == b[0] && a[1] == b[1];
  }

  /**
   * {@code [start, end)} of {@code cps} (clamped to it) without the whitespace, dashes and edge
   * punctuation at either end; {@code start == end} when nothing is left.
   */
  static int[] trim(int[] cps, int start, int end) {
    int s = Math.max(0, Math.min(start, cps.length));
    int e = Math.min(Math.max(end, s), cps.length);
    while (s < e && trimmable(cps[s])) {
      s++;
    }
    while (e > s && trimmable(cps[e - 1])) {
      e--;
    }
    return new int[] {s, e};
  }

  private static boolean trimmable(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.DASH_PUNCTUATION
        || EDGE_PUNCTUATION.indexOf(cp) >= 0;
  }

  private static String cut(int[] cps, int start, int end) {
    int s = Math.min(start, cps.length);
    int e = Math.min(Math.max(end, s), cps.length);
    return new String(cps, s, e - s).replace('\n', ' ');
  }
}
