package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;

/** Scores a {@link ClaimExtractor} on brat attribution files (see {@link AttributionScores}). */
public final class AttributionEvaluation {

  private AttributionEvaluation() {}

  private static String cut(String text, int start, int end) {
    int[] cps = text.codePoints().toArray();
    int s = Math.min(start, cps.length);
    int e = Math.min(Math.max(end, s), cps.length);
    return new String(cps, s, e - s).replace('\n', ' ');
  }

  /**
   * Scores {@code extractor} on {@code files}. Each gold attribution takes the unused claim that
   * overlaps its content most; it counts once for recall. A content split in pieces ("“A,” he
   * said. “B.”", 15 % of PolNeAR's) may be matched by one claim per piece: the further claims are
   * right (for precision) and are not counted as spurious.
   *
   * @param errors receives one line per missed gold attribution, per matched one whose source is
   *     wrong and per claim matching none (for development), or null
   */
  public static AttributionScores score(ClaimExtractor extractor, EntityStage entities, List<BratAttributions> files, String directory,
      java.util.function.Consumer<String> errors) {
    int gold = 0;
    int predicted = 0;
    int content = 0;
    int both = 0;
    int contentClaims = 0; // claims that are right about the content: one per matched attribution, or per piece
    int bothClaims = 0;
    for (BratAttributions f : files) {
      List<Claim> claims = extractor.extract(f.text(), entities.find(f.text()));
      gold += f.attributions().size();
      predicted += claims.size();
      boolean[] used = new boolean[claims.size()];
      int[] matched = new int[f.attributions().size()];
      java.util.Arrays.fill(matched, -1);
      for (int gi = 0; gi < f.attributions().size(); gi++) {
        BratAttributions.Gold g = f.attributions().get(gi);
        // (gold attributions in file order; each takes the unused claim it overlaps most)
        int best = -1;
        int bestOverlap = 0;
        for (int k = 0; k < claims.size(); k++) {
          Claim c = claims.get(k);
          int overlap = overlap(c, g);
          if (!used[k] && overlap > bestOverlap) {
            best = k;
            bestOverlap = overlap;
          }
        }
        if (best < 0) {
          if (errors != null) {
            String source = g.sourceStart() < 0 ? "-" : cut(f.text(), g.sourceStart(), g.sourceEnd());
            errors.accept("MISSED\t" + f.name() + "\t" + source + "\t" + cut(f.text(), g.contentStart(), g.contentEnd()));
          }
          continue;
        }
        used[best] = true;
        matched[gi] = best;
        content++;
        contentClaims++;
        Claim c = claims.get(best);
        boolean sourceRight = sourceRight(g, c);
        if (sourceRight) {
          both++;
          bothClaims++;
        } else if (errors != null) {
          String source = g.sourceStart() < 0 ? "-" : cut(f.text(), g.sourceStart(), g.sourceEnd());
          errors.accept("SOURCE\t" + f.name() + "\t" + source + "\t" + c.speakerText() + "\t" + c.content());
        }
      }
      for (int gi = 0; gi < matched.length; gi++) {
        BratAttributions.Gold g = f.attributions().get(gi);
        if (matched[gi] < 0 || g.contentPieces().size() < 2) {
          continue;
        }
        Claim first = claims.get(matched[gi]);
        for (int k = 0; k < claims.size(); k++) {
          Claim c = claims.get(k);
          if (!used[k] && g.contentPieces().stream().anyMatch(p -> overlaps(c, p) && !overlaps(first, p))) {
            used[k] = true;
            contentClaims++;
            if (sourceRight(g, c)) {
              bothClaims++;
            }
          }
        }
      }
      if (errors != null) {
        for (int k = 0; k < claims.size(); k++) {
          if (!used[k]) {
            errors.accept("SPURIOUS\t" + f.name() + "\t" + claims.get(k).speakerText() + "\t" + claims.get(k).content());
          }
        }
      }
    }
    return new AttributionScores(directory, files.size(), gold, predicted,
        AttributionScores.Prf.of(contentClaims, content, predicted, gold),
        AttributionScores.Prf.of(bothClaims, both, predicted, gold));
  }

  /** How many characters of {@code g}'s content pieces {@code c} covers (not the gaps between pieces). */
  private static int overlap(Claim c, BratAttributions.Gold g) {
    int sum = 0;
    for (int[] piece : g.contentPieces()) {
      sum += Math.max(0, Math.min(c.end(), piece[1]) - Math.max(c.start(), piece[0]));
    }
    return sum;
  }

  private static boolean overlaps(Claim c, int[] piece) {
    return Math.min(c.end(), piece[1]) > Math.max(c.start(), piece[0]);
  }

  /** Whether {@code c}'s speaker overlaps {@code g}'s source, or both are absent. */
  private static boolean sourceRight(BratAttributions.Gold g, Claim c) {
    return g.sourceStart() < 0
        ? c.speakerStart() < 0
        : c.speakerStart() >= 0 && c.speakerStart() < g.sourceEnd() && g.sourceStart() < c.speakerEnd();
  }
}
