package dev.corpus.fuzz;

/**
 * An input was handled without an exception but the result breaks a contract: a span outside
 * the body or reversed, annotate JSON that does not parse, an article without a body. Fuzz
 * reports count these apart from crashes (any other exception) and hangs (time limit).
 */
final class InvalidOutput extends AssertionError {

  InvalidOutput(String message) {
    super(message);
  }
}
