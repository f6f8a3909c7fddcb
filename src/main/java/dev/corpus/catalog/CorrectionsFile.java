package dev.corpus.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corpus.CorpusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corrections file of an index ({@value #NAME} in the index folder): a YAML list, one entry
 * per correction, written by {@code corpus entity merge|split|rename} and editable by hand (format
 * in {@code docs/entities.md}):
 *
 * <pre>
 * - merge: [Kim Jong Un, Marshal Kim]
 * - split: Kim
 *   keep: [Kim Yo Jong]
 * - rename: Kim Jong Un
 *   to: Kim Jong-un
 * </pre>
 *
 * <p>An entry may carry a {@code note}. The commands change the text, never re-serialise the
 * whole list: they append an entry, or remove an entry's lines, so the user's comments and layout
 * stay as they were (and a file kept under version control gets one-entry diffs).
 *
 * <p>Instances are immutable: the text and what it says.
 */
public final class CorrectionsFile {

  /** The file's name in the index folder. */
  public static final String NAME = "corrections.yaml";

  static final String HEADER = """
      # Entity corrections of this corpus index, applied in order after the automatic merge
      # (docs/entities.md, "User corrections"). Written by `corpus entity merge|split|rename`;
      # edit by hand if you like, then run `corpus entity corrections --apply`. Entities are named
      # by name, alias or TYPE|name label, never by id, so the file fits an index rebuilt anew.
      """;

  private static final Set<String> KEYS = Set.of("merge", "split", "keep", "rename", "to", "note");

  /**
   * One entry as read.
   *
   * @param line where the entry starts (1-based)
   * @param note its {@code note}, or null
   */
  public record Entry(Corrections.Correction correction, int line, String note) {}

  private final String where;
  private final String text;
  private final List<Entry> entries;

  private CorrectionsFile(String where, String text, List<Entry> entries) {
    this.where = where;
    this.text = text;
    this.entries = List.copyOf(entries);
  }

  /** No corrections: the file is absent. */
  public static CorrectionsFile none(String where) {
    return new CorrectionsFile(where, "", List.of());
  }

  /**
   * Reads the corrections file of the index folder {@code indexDir}; absent, it is empty.
   *
   * @throws CorpusException.Data with one line naming the file and line when it is malformed or
   *     unreadable
   */
  public static CorrectionsFile read(Path indexDir) {
    Path file = indexDir.resolve(NAME);
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return none(file.toString());
    } catch (java.nio.charset.MalformedInputException e) {
      throw new CorpusException.Data(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code text}, named {@code where} in messages.
   *
   * @throws CorpusException.Data "{@code where} line N: what is wrong", one line
   */
  public static CorrectionsFile parse(String where, String text) {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null || t == JsonToken.VALUE_NULL) {
        return new CorrectionsFile(where, text, entries); // empty, or comments only
      }
      if (t != JsonToken.START_ARRAY) {
        throw malformed(where, p.currentTokenLocation(), "expected a list of corrections (\"- merge: [A, B]\")");
      }
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        entries.add(entry(where, p, t));
      }
      if (p.nextToken() != null) {
        throw malformed(where, p.currentTokenLocation(), "text after the list of corrections");
      }
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage().strip().lines().findFirst().orElse("");
      throw malformed(where, e.getLocation(), "not valid YAML: " + message);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read " + where + ": " + e.getMessage(), e);
    }
    return new CorrectionsFile(where, text, entries);
  }

  private static Entry entry(String where, JsonParser p, JsonToken t) throws IOException {
    int line = line(p.currentTokenLocation());
    if (t != JsonToken.START_OBJECT) {
      throw malformed(where, p.currentTokenLocation(), "a correction is a map such as \"merge: [A, B]\", not " + describe(t));
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      if (!KEYS.contains(key)) {
        throw malformed(where, at, "unknown key '" + key + "' (expected merge, split with keep, rename with to, note)");
      }
      if (values.containsKey(key)) {
        throw malformed(where, at, "'" + key + "' given twice in one correction");
      }
      values.put(key, strings(where, p, key));
      lines.put(key, line(at));
    }
    String note = values.containsKey("note") ? String.join(" ", values.remove("note")) : null;
    List<String> verbs = values.keySet().stream().filter(k -> Set.of("merge", "split", "rename").contains(k)).toList();
    if (verbs.size() != 1) {
      throw malformed(where, line, verbs.isEmpty() ? "a correction needs one of merge, split or rename"
          : "one correction per entry: both " + verbs.get(0) + " and " + verbs.get(1));
    }
    String verb = verbs.get(0);
    for (String k : values.keySet()) {
      boolean fits = k.equals(verb) || k.equals("keep") && verb.equals("split") || k.equals("to") && verb.equals("rename");
      if (!fits) {
        throw malformed(where, lines.get(k), "'" + k + "' does not go with " + verb);
      }
    }
    List<String> names = values.get(verb);
    Corrections.Correction c = switch (verb) {
      case "merge" -> {
        if (names.size() < 2) {
          throw malformed(where, lines.get(verb), "merge needs a list of two names or more");
        }
        yield new Corrections.Merge(names, line);
      }
      case "split" -> {
        List<String> keep = values.get("keep");
        if (names.size() != 1 || keep == null) {
          throw malformed(where, lines.get(verb), names.size() != 1 ? "split takes one name" : "split needs keep: the variants that leave");
        }
        yield new Corrections.Split(names.get(0), keep, line);
      }
      default -> {
        List<String> to = values.get("to");
        if (names.size() != 1 || to == null || to.size() != 1) {
          throw malformed(where, lines.get(verb), names.size() != 1 ? "rename takes one name" : "rename needs to: the new name");
        }
        yield new Corrections.Rename(names.get(0), to.get(0), line);
      }
    };
    return new Entry(c, line, note);
  }

  /** A scalar, or a list of scalars, as strings; none empty. */
  private static List<String> strings(String where, JsonParser p, String key) throws IOException {
    JsonToken t = p.nextToken();
    List<String> out = new ArrayList<>();
    if (t == JsonToken.START_ARRAY) {
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        out.add(scalar(where, p, t, key));
      }
      if (out.isEmpty()) {
        throw malformed(where, p.currentTokenLocation(), "'" + key + "' is an empty list");
      }
    } else {
      out.add(scalar(where, p, t, key));
    }
    return out;
  }

  private static String scalar(String where, JsonParser p, JsonToken t, String key) throws IOException {
    if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
      throw malformed(where, p.currentTokenLocation(), "'" + key + "' needs a name or a list of names, not " + describe(t));
    }
    String s = p.getText().strip();
    if (s.isEmpty()) {
      throw malformed(where, p.currentTokenLocation(), "'" + key + "' holds an empty name");
    }
    return s;
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    return switch (t) {
      case START_OBJECT -> "a map";
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "nothing";
      default -> "'" + t.asString() + "'";
    };
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(1, at.getLineNr());
  }

  private static CorpusException.Data malformed(String where, JsonLocation at, String why) {
    return malformed(where, line(at), why);
  }

  private static CorpusException.Data malformed(String where, int line, String why) {
    return new CorpusException.Data(where + (line > 0 ? " line " + line : "") + ": " + why);
  }

  /** Where the file is (for messages). */
  public String where() {
    return where;
  }

  public String text() {
    return text;
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Corrections.Correction> corrections() {
    return entries.stream().map(Entry::correction).toList();
  }

  /**
   * A short hash of the corrections (16 hex digits; empty for none): the index records the hash of
   * the corrections it applied, so a file edited since is noticed. Comments, notes and layout do
   * not count: editing them changes no entity.
   */
  public String hash() {
    if (entries.isEmpty()) {
      return "";
    }
    StringBuilder canonical = new StringBuilder();
    for (Corrections.Correction c : corrections()) {
      canonical.append(withoutLine(c)).append('\n');
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has SHA-256", e);
    }
  }

  /** This file with {@code c} appended as its last entry (the header first, in a new file). */
  public CorrectionsFile plus(Corrections.Correction c) {
    Map<String, Object> entry = new LinkedHashMap<>();
    switch (c) {
      case Corrections.Merge m -> entry.put("merge", m.names());
      case Corrections.Split s -> {
        entry.put("split", s.name());
        entry.put("keep", s.keep());
      }
      case Corrections.Rename r -> {
        entry.put("rename", r.name());
        entry.put("to", r.to());
      }
    }
    String yaml;
    try {
      // Jackson quotes what YAML would misread ("yes", "1984", "a: b"); the text around is kept.
      yaml = new YAMLMapper(YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build())
          .writeValueAsString(List.of(entry));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a correction as YAML", e);
    }
    String before = text.isBlank() && entries.isEmpty() ? HEADER : text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    CorrectionsFile next = parse(where, before + yaml);
    if (next.entries.size() != entries.size() + 1) {
      // The list was written in flow style ("[ … ]"), which text cannot be appended to.
      throw new CorpusException.Data(where + ": cannot add a correction to a list written in flow style ([…]);"
          + " write it as lines starting with '- '");
    }
    return next;
  }

  /**
   * This file without its entry number {@code n} (1-based): the entry's lines are removed, and
   * the comments above the next entry kept.
   *
   * @throws CorpusException.Usage when there is no entry {@code n}
   * @throws CorpusException.Data when entries share lines (a flow-style list), which must be edited by hand
   */
  public CorrectionsFile minus(int n) {
    if (n < 1 || n > entries.size()) {
      throw new CorpusException.Usage("no correction " + n + " in " + where
          + (entries.isEmpty() ? " (it has none)" : " (it has " + entries.size() + ")"));
    }
    List<String> lines = new ArrayList<>(text.lines().toList());
    int start = entries.get(n - 1).line() - 1;
    if (start > 0 && lines.get(start - 1).strip().equals("-")) {
      start--; // "-" alone on its line, the entry below it
    }
    int end = n < entries.size() ? entries.get(n).line() - 1 : lines.size();
    if (n < entries.size() && end > 0 && lines.get(end - 1).strip().equals("-")) {
      end--;
    }
    while (end - 1 > start && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().startsWith("#"))) {
      end--; // a comment above the next entry belongs to it
    }
    for (int i = start; i < end; i++) {
      lines.set(i, null);
    }
    lines.removeIf(java.util.Objects::isNull);
    String rest = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    CorrectionsFile next = parse(where, rest);
    List<Corrections.Correction> expected = new ArrayList<>(corrections());
    expected.remove(n - 1);
    if (!sameCorrections(next.corrections(), expected)) {
      throw new CorpusException.Data(where + ": cannot remove correction " + n + " by its lines (several entries share"
          + " a line); edit the file by hand, then run `corpus entity corrections --apply`");
    }
    return next;
  }

  /** The same corrections, lines aside. */
  private static boolean sameCorrections(List<Corrections.Correction> a, List<Corrections.Correction> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!withoutLine(a.get(i)).equals(withoutLine(b.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static Corrections.Correction withoutLine(Corrections.Correction c) {
    return switch (c) {
      case Corrections.Merge m -> new Corrections.Merge(m.names(), 0);
      case Corrections.Split s -> new Corrections.Split(s.name(), s.keep(), 0);
      case Corrections.Rename r -> new Corrections.Rename(r.name(), r.to(), 0);
    };
  }

  /**
   * Writes this file into the index folder {@code indexDir}: to a temporary file, then moved over
   * the old one, so a reader (or a kill) never sees half a file. No corrections and no text: the
   * file is deleted.
   */
  public void write(Path indexDir) {
    Path file = indexDir.resolve(NAME);
    try {
      if (text.isBlank()) {
        Files.deleteIfExists(file);
        return;
      }
      Path tmp = indexDir.resolve("." + NAME + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
