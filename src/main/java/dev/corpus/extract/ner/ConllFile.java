package dev.corpus.extract.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file in CoNLL-2003 format: one token a line with its label in the last column, blank lines
 * between sentences, {@code -DOCSTART-} lines between documents. Labels may be IOB1 (as in the
 * original data: {@code I-} opens a name unless it continues one of the same type) or IOB2/BIO.
 */
public final class ConllFile {

  /** A name: tokens {@code [start, end)} of its sentence, with a type. */
  public record Chunk(int start, int end, String type) {}

  /** One sentence: its tokens and its gold names. */
  public record Sentence(List<String> tokens, List<Chunk> chunks) {}

  /** One {@code -DOCSTART-} document. */
  public record Document(List<Sentence> sentences) {
    public int tokenCount() {
      return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }
  }

  private ConllFile() {}

  /**
   * Reads {@code file}.
   *
   * @throws IOException when it cannot be read, or a line has fewer than two columns
   */
  public static List<Document> read(Path file) throws IOException {
    List<Document> documents = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty()) {
          flushSentence(tokens, labels, sentences);
          continue;
        }
        String[] cols = t.split("\\s+");
        if (cols[0].equals("-DOCSTART-")) {
          flushSentence(tokens, labels, sentences);
          if (!sentences.isEmpty()) {
            documents.add(new Document(List.copyOf(sentences)));
            sentences.clear();
          }
          continue;
        }
        if (cols.length < 2) {
          throw new IOException(file + ":" + lineNo + ": expected a token and a label, found '" + t + "'");
        }
        tokens.add(cols[0]);
        labels.add(cols[cols.length - 1]);
      }
    }
    flushSentence(tokens, labels, sentences);
    if (!sentences.isEmpty()) {
      documents.add(new Document(List.copyOf(sentences)));
    }
    return documents;
  }

  private static void flushSentence(List<String> tokens, List<String> labels, List<Sentence> into) {
    if (tokens.isEmpty()) {
      return;
    }
    into.add(new Sentence(List.copyOf(tokens), chunks(labels)));
    tokens.clear();
    labels.clear();
  }

  /** Chunks of a label sequence, with conlleval's rules for where a chunk starts and ends. */
  static List<Chunk> chunks(List<String> labels) {
    List<Chunk> chunks = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= labels.size(); i++) {
      String label = i < labels.size() ? labels.get(i) : "O";
      String prefix = label.length() > 2 && label.charAt(1) == '-' ? label.substring(0, 1) : "O";
      String labelType = prefix.equals("O") ? null : EntityType.fromLabel(label.substring(2));
      boolean continues = type != null && prefix.equals("I") && labelType.equals(type);
      if (type != null && !continues) {
        chunks.add(new Chunk(start, i, type));
        type = null;
      }
      if (labelType != null && !continues) {
        start = i;
        type = labelType;
      }
    }
    return List.copyOf(chunks);
  }
}
