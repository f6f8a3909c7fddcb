package dev.corpus.extract.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brat-annotated article with attribution relations (PolNeAR): {@code T} lines are spans
 * ({@code Source}, {@code Cue}, {@code Content}), {@code E} lines join them into attributions.
 * Offsets are character (code point) offsets into the text file.
 */
public record BratAttributions(String name, String text, List<Gold> attributions) {

  /**
   * One gold attribution: content and source spans ({@code [start, end)}; source -1 when there is
   * none). A content split in pieces ("“A,” he said. “B.”") spans from the first piece to the
   * last; {@code contentPieces} holds each piece as {@code [start, end)}.
   */
  public record Gold(int contentStart, int contentEnd, int sourceStart, int sourceEnd, List<int[]> contentPieces) {}

  /** The name of the text {@code ann} annotates: its name without {@code .ann} and the annotator suffix ({@code name_4b22.ann} → {@code name}). */
  public static String textName(Path ann) {
    return ann.getFileName().toString().replaceFirst("\\.ann$", "").replaceFirst("_[0-9a-f]{4}$", "");
  }

  /**
   * Reads {@code ann} and its text: the {@code .txt} beside it, or in a sibling {@code text}
   * folder under the name without the annotator suffix ({@code name_4b22.ann} → {@code name.txt}).
   *
   * @throws IOException when either cannot be read
   */
  public static BratAttributions read(Path ann) throws IOException {
    String base = ann.getFileName().toString().replaceFirst("\\.ann$", "");
    Path text = ann.resolveSibling(base + ".txt");
    if (!Files.exists(text) && ann.getParent() != null && ann.getParent().getParent() != null) {
      text = ann.getParent().getParent().resolve("text").resolve(textName(ann) + ".txt");
    }
    String body = Files.readString(text, StandardCharsets.UTF_8);
    Map<String, int[]> spans = new HashMap<>();
    Map<String, List<int[]>> pieces = new HashMap<>();
    List<String[]> relations = new ArrayList<>();
    for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        continue;
      }
      if (cols[0].startsWith("T")) {
        String[] typeAndSpans = cols[1].split(" ", 2);
        int start = Integer.MAX_VALUE;
        int end = -1;
        List<int[]> parts = new ArrayList<>();
        for (String part : typeAndSpans[1].split(";")) {
          String[] se = part.strip().split(" ");
          parts.add(new int[] {Integer.parseInt(se[0]), Integer.parseInt(se[1])});
          start = Math.min(start, parts.getLast()[0]);
          end = Math.max(end, parts.getLast()[1]);
        }
        spans.put(cols[0], new int[] {start, end});
        pieces.put(cols[0], List.copyOf(parts));
      } else if (cols[0].startsWith("E")) {
        relations.add(cols[1].split(" "));
      }
    }
    List<Gold> gold = new ArrayList<>();
    for (String[] relation : relations) {
      int[] content = null;
      List<int[]> contentPieces = List.of();
      int[] source = null;
      for (String arg : relation) {
        String[] kv = arg.split(":", 2);
        if (kv.length < 2) {
          continue;
        }
        if (kv[0].startsWith("Content")) {
          content = spans.get(kv[1]);
          contentPieces = pieces.getOrDefault(kv[1], List.of());
        } else if (kv[0].startsWith("Source")) {
          source = spans.get(kv[1]);
        }
      }
      if (content != null) {
        gold.add(new Gold(content[0], content[1], source == null ? -1 : source[0], source == null ? -1 : source[1], contentPieces));
      }
    }
    return new BratAttributions(base, body, List.copyOf(gold));
  }
}
