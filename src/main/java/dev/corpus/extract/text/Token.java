package dev.corpus.extract.text;

/**
 * A token of a text: its characters {@code [start, end)} as UTF-16 indexes into the text.
 *
 * @param text the token as it is written
 */
public record Token(String text, int start, int end) {}
