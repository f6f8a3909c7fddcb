package dev.corpus.extract.time;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Scores a {@link TimexTagger} on TimeML documents (see {@link TimexScores}). */
public final class TimexEvaluation {

  private TimexEvaluation() {}

  /**
   * Scores {@code tagger} on {@code files}, each resolved against its own creation date.
   *
   * @param errors receives one line per wrong or missed expression (for development), or null
   */
  public static TimexScores score(TimexTagger tagger, List<TimeMlFile> files, String directory, Consumer<String> errors) {
    int gold = 0;
    int predicted = 0;
    int strict = 0;
    int relaxed = 0;
    int type = 0;
    int value = 0;
    for (TimeMlFile f : files) {
      List<Timex> found = tagger.tag(f.text(), f.creationDate());
      gold += f.timexes().size();
      predicted += found.size();
      boolean[] usedFound = new boolean[found.size()];
      for (TimeMlFile.Gold g : f.timexes()) {
        int match = -1;
        for (int k = 0; k < found.size() && match < 0; k++) {
          Timex t = found.get(k);
          if (!usedFound[k] && t.start() < g.end() && g.start() < t.end()) {
            match = k;
          }
        }
        String goldText = f.text().substring(g.start(), g.end());
        if (match < 0) {
          report(errors, f, "MISSED", goldText, g.type() + " " + g.value(), "");
          continue;
        }
        usedFound[match] = true;
        Timex t = found.get(match);
        relaxed++;
        if (t.start() == g.start() && t.end() == g.end()) {
          strict++;
        }
        if (t.type().equals(g.type())) {
          type++;
        }
        if (t.value().equals(g.value())) {
          value++;
        } else {
          report(errors, f, "VALUE", goldText, g.type() + " " + g.value(), t.text() + " -> " + t.type() + " " + t.value());
        }
      }
      for (int k = 0; k < found.size(); k++) {
        if (!usedFound[k]) {
          report(errors, f, "SPURIOUS", found.get(k).text(), "", found.get(k).type() + " " + found.get(k).value());
        }
      }
    }
    return new TimexScores(directory, files.size(), gold, predicted,
        TimexScores.Prf.of(strict, predicted, gold), TimexScores.Prf.of(relaxed, predicted, gold),
        relaxed == 0 ? 0 : TimexScores.round((double) type / relaxed),
        relaxed == 0 ? 0 : TimexScores.round((double) value / relaxed),
        TimexScores.Prf.of(value, predicted, gold));
  }

  private static void report(Consumer<String> errors, TimeMlFile f, String kind, String text, String gold, String found) {
    if (errors != null) {
      errors.accept(kind + "\t" + f.name() + "\t" + f.creationDate() + "\t" + text.replace('\n', ' ') + "\t" + gold + "\t" + found);
    }
  }

  /** Convenience for a list built elsewhere. */
  static List<String> collect(TimexTagger tagger, List<TimeMlFile> files) {
    List<String> lines = new ArrayList<>();
    score(tagger, files, "", lines::add);
    return lines;
  }
}
