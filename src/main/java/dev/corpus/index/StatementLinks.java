package dev.corpus.index;

import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Whether two statements of different articles say the same thing about the same event: the
 * one decision behind the clusters of {@code claims --clusters} ({@link ClaimClusterPass}), and
 * what the labelled pairs of {@code bench/claim-pairs/} measure.
 *
 * <p>Meaning alone is not enough: "the talks ended without agreement" is said of many talks.
 * So a link needs both a similarity of the two embeddings and evidence that the two speak of one
 * event, and is refused on evidence that they do not:
 *
 * <ul>
 *   <li><b>Time.</b> When both articles are dated and published more than {@link #WINDOW_DAYS}
 *       apart, and their sentences share no dated day, they tell of different events: no link.
 *       When a year is missing (only "June 20" was printed), the days of the year are compared.
 *       When one is undated, time neither vetoes nor counts as evidence.
 *   <li><b>Evidence</b> {@code e}: 1 for the same speaker (a name key of both speakers), 1 for each
 *       name both sentences mention that is specific ({@link #specific}: in at most {@link
 *       #SPECIFIC_SHARE} of the statements, or {@link #SPECIFIC_MIN} of them), 1 for a day both
 *       sentences date, at most {@link #MAX_EVIDENCE} in all.
 *   <li><b>Score</b> {@code similarity + EVIDENCE_WEIGHT * e}; a link when it reaches {@link
 *       #THRESHOLD} and the similarity reaches {@link #MIN_SIMILARITY}. Without specific evidence,
 *       only a near-paraphrase within the window links ({@code similarity >= THRESHOLD}).
 *   <li><b>Other speakers.</b> Two claims of different known speakers count one unit against;
 *       when either speaks of itself ("it filed a shelf registration", "its sales rose"), the
 *       same words are two facts: no link.
 *   <li><b>A sentence in an article's own voice</b> names no speaker: it links only with a name
 *       in common with the other statement (specific or not), or when the two articles share
 *       {@link #MIN_ARTICLE_NAMES} of their most mentioned names, so that generic sentences
 *       ("prices rose sharply") of unrelated articles never cluster on meaning alone.
 * </ul>
 *
 * The constants were chosen on labelled pairs of PolNeAR train (see {@code docs/claims.md}).
 */
public final class StatementLinks {

  /** Articles published further apart than this tell of different events, unless their sentences date the same day. */
  public static final long WINDOW_DAYS = 30;
  /** No link below this cosine similarity, whatever the evidence. */
  public static final double MIN_SIMILARITY = 0.70;
  /** A link when similarity plus the weighted evidence reaches this. */
  public static final double THRESHOLD = 0.85;
  /** What one unit of evidence adds to the similarity. */
  public static final double EVIDENCE_WEIGHT = 0.08;
  /** Evidence counted at most. */
  public static final int MAX_EVIDENCE = 2;
  /** A sentence in an article's own voice that names nothing the other names links only when the two articles share this many of their main names. */
  public static final int MIN_ARTICLE_NAMES = 2;
  /** A name in at most this share of all statements is specific evidence of one event ... */
  public static final double SPECIFIC_SHARE = 0.01;
  /** ... or in at most this many statements, in a small corpus. */
  public static final int SPECIFIC_MIN = 25;

  private StatementLinks() {}

  /**
   * A statement as the decision reads it.
   *
   * @param articleDay the article's publication day (epoch day), or {@link IndexSchema#NO_DAY}
   * @param dayOfYear the day of the year it was published, also when only a month and day were
   *     printed, or 0
   * @param articleNames name keys of the article's most mentioned entities
   * @param own true for a sentence in the article's own voice, false for a claim
   * @param names name keys of its sentence and speaker ({@link StatementEvidence#keys})
   * @param speakers name keys of its speaker, empty for none
   * @param days {@code from:to} epoch-day ranges its sentence dates
   * @param ofItself a claim whose content opens with a pronoun or possessive of its speaker ("it
   *     filed", "its sales", "he would"): what the speaker says of itself
   */
  public record Unit(long articleDay, int dayOfYear, boolean own, Set<String> names, Set<String> articleNames, Set<String> speakers,
      List<long[]> days, boolean ofItself) {}

  /** What decided a pair: its features, its score and the decision. */
  public record Decision(double similarity, boolean sameSpeaker, int specificNames, int sharedNames, boolean sameDay,
      long dayGap, double score, boolean linked) {}

  /** Whether a name in {@code df} of {@code n} statements is specific enough to count as evidence. */
  public static boolean specific(int df, long n) {
    return df <= Math.max(SPECIFIC_MIN, SPECIFIC_SHARE * n);
  }

  /**
   * The constants of the decision, so that the labelled pairs can be scored at other settings
   * ({@code bench/claim-pairs/}); {@link #SHIPPED} holds the ones above.
   */
  public record Settings(double minSimilarity, double threshold, double evidenceWeight, long windowDays) {}

  public static final Settings SHIPPED = new Settings(MIN_SIMILARITY, THRESHOLD, EVIDENCE_WEIGHT, WINDOW_DAYS);

  /** The decision for two statements of different articles whose embeddings have cosine {@code similarity}. */
  public static Decision decide(double similarity, Unit a, Unit b, ToIntFunction<String> df, long n) {
    return decide(similarity, a, b, df, n, SHIPPED);
  }

  /** The decision at other {@code settings}. */
  public static Decision decide(double similarity, Unit a, Unit b, ToIntFunction<String> df, long n, Settings settings) {
    boolean sameSpeaker = !a.speakers().isEmpty() && a.speakers().stream().anyMatch(b.speakers()::contains);
    int shared = 0;
    int specific = 0;
    for (String k : a.names()) {
      if (b.names().contains(k) && !(a.speakers().contains(k) && b.speakers().contains(k))) {
        shared++;
        if (specific(df.applyAsInt(k), n)) {
          specific++;
        }
      }
    }
    boolean sameDay = false;
    for (long[] x : a.days()) {
      for (long[] y : b.days()) {
        sameDay |= x[0] <= y[1] && y[0] <= x[1] && x[1] - x[0] <= 31 && y[1] - y[0] <= 31;
      }
    }
    long gap;
    if (a.articleDay() != IndexSchema.NO_DAY && b.articleDay() != IndexSchema.NO_DAY) {
      gap = Math.abs(a.articleDay() - b.articleDay());
    } else if (a.dayOfYear() > 0 && b.dayOfYear() > 0) {
      int d = Math.abs(a.dayOfYear() - b.dayOfYear());
      gap = Math.min(d, 366 - d); // a year is missing: the days of the year, around the turn of the year
    } else {
      gap = -1;
    }
    int sharedArticleNames = 0;
    for (String k : a.articleNames()) {
      sharedArticleNames += b.articleNames().contains(k) ? 1 : 0;
    }
    // Two speakers, each saying the same words of itself ("it filed a shelf registration", "its
    // sales rose 9 pct"), report two facts; two different speakers otherwise count against.
    boolean otherSpeakers = !a.speakers().isEmpty() && !b.speakers().isEmpty() && !sameSpeaker;
    if (otherSpeakers && (a.ofItself() || b.ofItself())) {
      return new Decision(similarity, false, specific, shared, sameDay, -1, similarity, false);
    }
    int evidence = Math.min(MAX_EVIDENCE, (sameSpeaker ? 1 : 0) + specific + (sameDay ? 1 : 0) - (otherSpeakers ? 1 : 0));
    double score = similarity + settings.evidenceWeight() * evidence;
    boolean dated = gap >= 0;
    boolean linked = similarity >= settings.minSimilarity() && score >= settings.threshold()
        && (!dated || gap <= settings.windowDays() || sameDay)
        && (!(a.own() || b.own()) || shared + (sameSpeaker ? 1 : 0) > 0 || sharedArticleNames >= MIN_ARTICLE_NAMES);
    return new Decision(similarity, sameSpeaker, specific, shared, sameDay, gap, score, linked);
  }

  /** The cosine similarity of two unit vectors. */
  public static double similarity(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  /** Parses {@code from:to} day ranges. */
  static long[] dayRange(String value) {
    int colon = value.indexOf(':');
    return new long[] {Long.parseLong(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1))};
  }
}
