package dev.corpus.ingest;

/**
 * Whether text shows anything to a reader. {@link String#isBlank()} knows only Java whitespace, so
 * a file of no-break spaces, zero-width spaces and byte-order marks passed as text and became an
 * article with an invisible title and body.
 */
public final class VisibleText {

  private VisibleText() {}

  /** True when {@code text} is null or holds only spaces, format characters and controls. */
  public static boolean isBlank(CharSequence text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      if (!invisible(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean invisible(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    return switch (Character.getType(c)) {
      // FORMAT holds the zero-width space, joiners, the BOM (U+FEFF) and direction marks.
      case Character.FORMAT, Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
      default -> c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0; // Hangul fillers draw nothing
    };
  }
}
