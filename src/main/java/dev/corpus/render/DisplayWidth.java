package dev.corpus.render;

import org.jline.utils.WCWidth;

/**
 * How many terminal columns text takes: per code point, as {@code wcwidth} counts it (JLine's
 * table of the Unicode East Asian Width and combining marks): a CJK ideograph or a fullwidth form
 * two, a combining accent or a zero-width joiner none, a control character none. A UTF-16 length
 * would misalign a table holding "Kim Jong Un (김정은)" or "Zelenskyy (Зеленський)" with a
 * combining accent.
 */
public final class DisplayWidth {

  private DisplayWidth() {}

  /** The columns {@code text} takes. */
  public static int of(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      width += Math.max(0, WCWidth.wcwidth(c));
      i += Character.charCount(c);
    }
    return width;
  }

  /**
   * {@code text} cut to at most {@code columns} columns, ending in "…" when cut (a wide character
   * that would straddle the edge is dropped, never split); as it is when it fits.
   */
  public static String cut(String text, int columns) {
    if (of(text) <= columns) {
      return text;
    }
    if (columns <= 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int w = Math.max(0, WCWidth.wcwidth(c));
      if (width + w > columns - 1) {
        break;
      }
      out.appendCodePoint(c);
      width += w;
      i += Character.charCount(c);
    }
    return out.append('…').toString();
  }
}
