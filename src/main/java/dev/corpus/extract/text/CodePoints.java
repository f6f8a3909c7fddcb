package dev.corpus.extract.text;

/**
 * Converts UTF-16 indexes of one text (what {@link Tokenizer} and regular expressions give) to
 * the Unicode code point offsets every annotation reports. Free for the common text with no
 * characters outside the Basic Multilingual Plane. Immutable.
 */
public final class CodePoints {

  private final String text;
  private final boolean bmpOnly;

  public CodePoints(String text) {
    this.text = text;
    this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
  }

  /** The code point offset of UTF-16 index {@code utf16Index}. */
  public int of(int utf16Index) {
    return bmpOnly ? utf16Index : text.codePointCount(0, utf16Index);
  }
}
