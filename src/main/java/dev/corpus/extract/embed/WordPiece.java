package dev.corpus.extract.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BERT uncased tokenizer the embedding model was trained with, read from its Hugging Face
 * {@code tokenizer.json}: the {@code BertNormalizer} (control characters dropped, whitespace made
 * spaces, CJK ideographs split apart, lower case, accents stripped), the {@code BertPreTokenizer}
 * (split at whitespace and around every punctuation character) and the {@code WordPiece} model
 * (greedy longest match from the vocabulary, continuations prefixed {@code ##}, a word with no
 * match or longer than 100 characters is {@code [UNK]}), then {@code [CLS] … [SEP]}.
 *
 * <p>Written here rather than taken from a library: the reference implementation is the Rust
 * {@code tokenizers} crate, whose Java binding loads a native library; these three steps are
 * short and fully specified by the file. Immutable and thread-safe.
 */
public final class WordPiece {

  private static final int MAX_WORD_CHARS = 100;

  private final Map<String, Integer> vocab;
  private final int unk;
  private final int cls;
  private final int sep;

  private WordPiece(Map<String, Integer> vocab) {
    this.vocab = vocab;
    this.unk = id(vocab, "[UNK]");
    this.cls = id(vocab, "[CLS]");
    this.sep = id(vocab, "[SEP]");
  }

  private static int id(Map<String, Integer> vocab, String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("tokenizer vocabulary has no " + token);
    }
    return id;
  }

  /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} with a {@code WordPiece} model. */
  public static WordPiece read(InputStream tokenizerJson) {
    try {
      JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
      if (!"WordPiece".equals(model.path("type").asText())) {
        throw new IllegalArgumentException("tokenizer model is not WordPiece: " + model.path("type").asText());
      }
      Map<String, Integer> vocab = new HashMap<>(40_000);
      for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        vocab.put(e.getKey(), e.getValue().intValue());
      }
      return new WordPiece(Map.copyOf(vocab));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The token ids of {@code text}: {@code [CLS]}, at most {@code maxLength - 2} word pieces (the
   * rest is cut, as the model's own tokenizer truncates), {@code [SEP]}.
   */
  public int[] encode(String text, int maxLength) {
    List<Integer> ids = new ArrayList<>();
    ids.add(cls);
    for (String word : preTokenize(normalize(text))) {
      if (ids.size() >= maxLength - 1) {
        break;
      }
      pieces(word, ids);
    }
    if (ids.size() > maxLength - 1) {
      ids.subList(maxLength - 1, ids.size()).clear();
    }
    ids.add(sep);
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(i);
    }
    return out;
  }

  /** The word pieces of {@code text} as strings, without the special tokens (for tests and debugging). */
  public List<String> tokens(String text) {
    Map<Integer, String> byId = new HashMap<>();
    vocab.forEach((k, v) -> byId.put(v, k));
    int[] ids = encode(text, Integer.MAX_VALUE);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < ids.length - 1; i++) {
      out.add(byId.get(ids[i]));
    }
    return out;
  }

  static String normalize(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == 0 || c == 0xFFFD || isControl(c)) {
        return;
      }
      if (isWhitespace(c)) {
        sb.append(' ');
      } else if (isChinese(c)) {
        sb.append(' ').appendCodePoint(c).append(' ');
      } else {
        sb.appendCodePoint(c);
      }
    });
    String lower = sb.toString().toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed.codePoints().forEach(c -> {
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  static List<String> preTokenize(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isWhitespace(c)) {
        flush(word, words);
      } else if (isPunctuation(c)) {
        flush(word, words);
        words.add(new String(Character.toChars(c)));
      } else {
        word.appendCodePoint(c);
      }
    });
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private void pieces(String word, List<Integer> ids) {
    if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
      ids.add(unk);
      return;
    }
    int mark = ids.size();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (end > start) {
        String piece = start == 0 ? word.substring(start, end) : "##" + word.substring(start, end);
        found = vocab.get(piece);
        if (found != null) {
          break;
        }
        end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
      }
      if (found == null) {
        ids.subList(mark, ids.size()).clear();
        ids.add(unk);
        return;
      }
      ids.add(found);
      start = end;
    }
  }

  private static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.SURROGATE || type == Character.UNASSIGNED;
  }

  /** BERT's punctuation: every ASCII non-letter non-digit symbol, and Unicode's P* categories. */
  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  private static boolean isChinese(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
