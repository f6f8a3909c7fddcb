package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;

/** Scores a {@link ClaimExtractor} on brat attribution files (see {@link AttributionScores}). */
public final class AttributionEvaluation {

  private AttributionEvaluation() {}

  public static AttributionScores score(ClaimExtractor extractor, EntityStage entities, List<BratAttributions> files, String directory) {
    int gold = 0;
    int predicted = 0;
    int content = 0;
    int both = 0;
    for (BratAttributions f : files) {
      List<Claim> claims = extractor.extract(f.text(), entities.find(f.text()));
      gold += f.attributions().size();
      predicted += claims.size();
      boolean[] used = new boolean[claims.size()];
      for (BratAttributions.Gold g : f.attributions()) {
        int best = -1;
        int bestOverlap = 0;
        for (int k = 0; k < claims.size(); k++) {
          Claim c = claims.get(k);
          int overlap = Math.min(c.end(), g.contentEnd()) - Math.max(c.start(), g.contentStart());
          if (!used[k] && overlap > bestOverlap) {
            best = k;
            bestOverlap = overlap;
          }
        }
        if (best < 0) {
          continue;
        }
        used[best] = true;
        content++;
        Claim c = claims.get(best);
        boolean sourceRight = g.sourceStart() < 0
            ? c.speakerStart() < 0
            : c.speakerStart() >= 0 && c.speakerStart() < g.sourceEnd() && g.sourceStart() < c.speakerEnd();
        if (sourceRight) {
          both++;
        }
      }
    }
    return new AttributionScores(directory, files.size(), gold, predicted,
        AttributionScores.Prf.of(content, predicted, gold), AttributionScores.Prf.of(both, predicted, gold));
  }
}
