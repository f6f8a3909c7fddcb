package dev.corpus.extract.text;

import dev.corpus.extract.AnnotationKey;

/**
 * The language an article is written in, as {@link LanguageStage} found it.
 *
 * @param code ISO 639-1 code ({@code en}, {@code fr}), or null when the text did not tell
 */
public record Language(String code) {

  public static final AnnotationKey<Language> KEY = new AnnotationKey<>("language", Language.class);

  /** The language of the extractors: what they read is English or not known to be otherwise. */
  public boolean readable() {
    return code == null || code.equals("en");
  }
}
