package dev.corpus.extract.claim;

import dev.corpus.extract.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins the spans the {@link AttributionTagger} found into statements: each content takes its
 * cue, and the cue its source. The tagger says which tokens are which; this step says which go
 * together, by nearness, the way news writes an attribution: the cue stands beside its content
 * (before "that …", after “…,”) in the same sentence, and the source beside its cue ("X said",
 * "said X"). A content whose sentence has no cue takes the nearest cue of the sentence before or
 * after it in the same paragraph ("“A.” She said so."; a quotation running over two sentences);
 * several contents may share one cue ("“A,” he said. “B.”"). Stateless.
 */
final class AttributionLinker {

  private AttributionLinker() {}

  /** A tagged span: kind 'S', 'C' or 'T', tokens {@code [from, to)}. */
  record Span(char kind, int from, int to) {}

  /** The spans of a tag sequence, in order. */
  static List<Span> spans(String[] tags) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    while (i < tags.length) {
      if (tags[i].equals(AttributionTagger.OUTSIDE)) {
        i++;
        continue;
      }
      char kind = tags[i].charAt(2);
      int from = i++;
      while (i < tags.length && tags[i].startsWith("I-") && tags[i].charAt(2) == kind) {
        i++;
      }
      out.add(new Span(kind, from, i));
    }
    return out;
  }

  /** Words that negate a verb group; a tagged cue starting with them is cut to its verb, so the one negation rule ({@code Speakers}) marks the claim negated. */
  private static final Set<String> NEGATION = Set.of("not", "n't", "never", "no", "did", "does", "do", "didn't", "doesn't", "don't",
      "won't", "wouldn't", "couldn't", "can't", "cannot", "will", "would", "could", "has", "have", "had", "hasn't", "haven't", "hadn't",
      "is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't");

  /** The drafts of the tagged passages of {@code body} (UTF-16 offsets). */
  static List<Draft> drafts(String body, List<AttributionTagger.Tagged> tagged) {
    List<Draft> out = new ArrayList<>();
    for (AttributionTagger.Tagged t : tagged) {
      link(body, t, out);
    }
    return out;
  }

  private static void link(String body, AttributionTagger.Tagged t, List<Draft> out) {
    List<Token> tokens = t.passage().tokens();
    int[] sentenceOf = t.passage().sentenceOf();
    List<Span> spans = spans(t.tags());
    for (Span content : spans) {
      if (content.kind() != 'T') {
        continue;
      }
      if (!hasWord(tokens, content)) {
        continue;
      }
      Span cue = nearest(spans, 'C', content, sentenceOf, 0);
      if (cue == null) {
        cue = nearest(spans, 'C', content, sentenceOf, 1);
      }
      Span source = cue == null ? null : nearest(spans, 'S', cue, sentenceOf, 0);
      if (source != null && !namesSomeone(tokens, source)) {
        source = null; // "The" or "P" tagged alone names nobody: read the subject instead
      }
      Draft d = new Draft();
      d.direct = quoted(tokens, content);
      // The content is the words: quotation marks and punctuation at its edges are not (as the
      // rules give "the quoted words"; the scorer's strict rule trims them too).
      int from = content.from();
      int to = content.to();
      while (from < to && edgeMarks(tokens.get(from).text())) {
        from++;
      }
      while (to > from && edgeMarks(tokens.get(to - 1).text())) {
        to--;
      }
      d.start = tokens.get(from).start();
      d.end = trimEnd(body, d.start, tokens.get(to - 1).end());
      int first = sentenceOf[content.from()];
      int last = sentenceOf[content.to() - 1];
      if (cue != null) {
        int verb = cue.from();
        while (verb < cue.to() - 1 && NEGATION.contains(tokens.get(verb).text().toLowerCase(Locale.ROOT))) {
          verb++; // "did not say": the cue is "say"; Speakers finds the negation before it
        }
        d.cueStart = tokens.get(verb).start();
        d.cueEnd = tokens.get(cue.to() - 1).end();
        first = Math.min(first, sentenceOf[cue.from()]);
        last = Math.max(last, sentenceOf[cue.to() - 1]);
      }
      if (source == null && cue != null) {
        source = subjectBefore(t.passage(), cue);
      }
      if (source != null) {
        d.sourceStart = tokens.get(source.from()).start();
        d.sourceEnd = tokens.get(source.to() - 1).end();
        first = Math.min(first, sentenceOf[source.from()]);
        last = Math.max(last, sentenceOf[source.to() - 1]);
      }
      int[] starts = t.passage().sentenceStarts();
      d.sentenceStart = tokens.get(starts[first]).start();
      d.sentenceEnd = tokens.get(last + 1 < starts.length ? starts[last + 1] - 1 : tokens.size() - 1).end();
      out.add(d);
    }
  }

  /**
   * The subject right before a cue whose sentence has no tagged source: the noun phrase that ends
   * at the cue ({@link Sources#sourceBefore}, the syntax the rules use), or null.
   */
  private static Span subjectBefore(AttributionFeatures.Passage p, Span cue) {
    int sentence = p.sentenceOf()[cue.from()];
    int from = p.sentenceStarts()[sentence];
    int[] found = Sources.sourceBefore(p.tokens().subList(from, cue.from()), cue.from() - from);
    return found == null ? null : new Span('S', from + found[0], from + found[1]);
  }

  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those");

  /**
   * Whether a source span names someone: it holds a word of two letters or more that is not a
   * determiner ("he", "his", "Ortiz", "officials"; not "The" or "P" alone).
   */
  static boolean namesSomeone(List<Token> tokens, Span s) {
    for (int k = s.from(); k < s.to(); k++) {
      String w = tokens.get(k).text();
      if (w.codePoints().filter(Character::isLetter).count() >= 2 && !DETERMINERS.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the span holds a letter or digit (a lone quotation mark or comma tagged as content is no statement). */
  private static boolean hasWord(List<Token> tokens, Span s) {
    for (int k = s.from(); k < s.to(); k++) {
      if (hasWord(tokens.get(k).text())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a token is only quotation marks, commas, colons or dashes ("$" or "%" belong to the words). */
  private static boolean edgeMarks(String w) {
    return !w.isEmpty() && w.chars().allMatch(c -> "“”\"‘’',;:—–-".indexOf(c) >= 0);
  }

  private static boolean hasWord(String w) {
    return w.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** {@code end} moved back over the quotation marks, commas and colons a token kept ("ready,”"); a period may end an abbreviation, so it stays. */
  private static int trimEnd(String body, int start, int end) {
    while (end > start && "”\",;:".indexOf(body.charAt(end - 1)) >= 0) { // not ’ or ': "the Clintons’"
      end--;
    }
    return end;
  }

  /**
   * The span of {@code kind} nearest to {@code to} (fewest tokens between them) whose sentence
   * is at most {@code sentences} away from the sentences {@code to} covers, or null.
   */
  private static Span nearest(List<Span> spans, char kind, Span to, int[] sentenceOf, int sentences) {
    int first = sentenceOf[to.from()] - sentences;
    int last = sentenceOf[to.to() - 1] + sentences;
    Span best = null;
    int bestGap = Integer.MAX_VALUE;
    for (Span s : spans) {
      if (s.kind() != kind) {
        continue;
      }
      int sFirst = sentenceOf[s.from()];
      int sLast = sentenceOf[s.to() - 1];
      if (sLast < first || sFirst > last) {
        continue;
      }
      int gap = s.to() <= to.from() ? to.from() - s.to() : s.from() >= to.to() ? s.from() - to.to() : 0;
      if (gap < bestGap) {
        best = s;
        bestGap = gap;
      }
    }
    return best;
  }

  /** Whether the content is a quotation: it opens with a quotation mark or right after one. */
  private static boolean quoted(List<Token> tokens, Span content) {
    String first = tokens.get(content.from()).text();
    if (first.startsWith("“") || first.startsWith("\"")) {
      return true;
    }
    if (content.from() > 0) {
      String before = tokens.get(content.from() - 1).text();
      return before.equals("“") || before.equals("\"");
    }
    return false;
  }
}
