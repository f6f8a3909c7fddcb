package dev.corpus.extract.claim;

import dev.corpus.extract.Annotations;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Language;
import dev.corpus.extract.text.Sentences;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.time.DateAnnotations;
import dev.corpus.extract.time.Timex;
import java.util.ArrayList;
import java.util.List;

/**
 * What an article states in its own voice: its sentences of {@value #MIN_TOKENS} tokens or more
 * that overlap none of its claims and name something (an entity mention) or date something (a
 * date or time expression), white space folded. With the claims they are the units {@code claims
 * --clusters} groups across articles. A sentence that names and dates nothing ("Prices rose
 * again.", "Sign up for our newsletter") gives no evidence that two articles tell of one event,
 * so it is no unit, and is not embedded (issue 15). Only for articles tokenised in English.
 */
public final class OwnStatements {

  /** Shorter sentences (a caption, "Read more.") say too little to be matched across articles. */
  public static final int MIN_TOKENS = 6;

  private OwnStatements() {}

  /** An own statement: its text with white space folded and its code point span in the body. */
  public record Own(String text, int start, int end) {}

  /** The own statements of the article {@code body}, in text order. */
  public static List<String> of(String body, Annotations annotations, List<Claim> claims) {
    return spans(body, annotations, claims).stream().map(Own::text).toList();
  }

  /** The own statements of the article {@code body} with their spans, in text order. */
  public static List<Own> spans(String body, Annotations annotations, List<Claim> claims) {
    Sentences sentences = annotations.get(Sentences.KEY).orElse(null);
    String language = annotations.get(Language.KEY).map(Language::code).orElse("en");
    if (sentences == null || body == null || !language.equals("en")) {
      return List.of();
    }
    CodePoints cp = new CodePoints(body);
    List<Own> out = new ArrayList<>();
    List<int[]> named = new ArrayList<>();
    for (DocumentEntity e : annotations.get(EntityAnnotations.KEY).orElse(EntityAnnotations.NONE).entities()) {
      named.addAll(e.spans());
    }
    for (Timex t : annotations.get(DateAnnotations.KEY).map(DateAnnotations::timexes).orElse(List.of())) {
      if (t.type().equals("DATE") || t.type().equals("TIME")) {
        named.add(new int[] {t.start(), t.end()});
      }
    }
    for (Tokenizer.Sentence s : sentences.sentences()) {
      List<Token> t = s.tokens();
      if (t.size() < MIN_TOKENS) {
        continue;
      }
      int start = cp.of(t.get(0).start());
      int end = cp.of(t.get(t.size() - 1).end());
      boolean inClaim = false;
      for (Claim c : claims) {
        if (c.start() < end && start < c.end()) {
          inClaim = true;
          break;
        }
      }
      if (!inClaim && holds(named, start, end)) {
        out.add(new Own(body.substring(t.get(0).start(), t.get(t.size() - 1).end()).replaceAll("\\s+", " "), start, end));
      }
    }
    return out;
  }

  private static boolean holds(List<int[]> spans, int start, int end) {
    for (int[] s : spans) {
      if (s[0] >= start && s[1] <= end) {
        return true;
      }
    }
    return false;
  }
}
