package dev.corpus.extract.claim;

import dev.corpus.extract.Annotations;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Language;
import dev.corpus.extract.text.Sentences;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What an article states in its own voice: its sentences of {@value #MIN_TOKENS} tokens or more
 * that overlap none of its claims, white space folded. With the claims they are the units {@code
 * claims --clusters} groups across articles. Only for articles tokenised in English.
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
      if (!inClaim) {
        out.add(new Own(body.substring(t.get(0).start(), t.get(t.size() - 1).end()).replaceAll("\\s+", " "), start, end));
      }
    }
    return out;
  }
}
