package dev.corpus.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Mutated real articles, for the paths coverage guidance does not reach from small seeds: whole
 * pages with their furniture, long bodies, many quotes and dates. Deterministic: the same seed
 * and the same samples give the same inputs in the same order.
 *
 * <p>Each input is one sample with one to four mutations stacked: byte flips, a splice with
 * another sample, truncation (also in the middle of a UTF-8 sequence), deleted or duplicated
 * lines, inserted markup, quotes or Unicode oddities (separators, BOMs, bidi marks, lone
 * surrogates, overlong UTF-8), newlines removed, a line repeated many times; sometimes under
 * another file extension.
 */
final class MutationGenerator {

  /** A real article file: the name (whose extension picks the reader) and its bytes. */
  record Sample(String name, byte[] bytes) {}

  /** A generated input: the file name to ingest it under, its bytes, and how it was made. */
  record Input(String name, byte[] bytes, String recipe) {}

  private static final String[] MARKUP = {
    "<p>", "</p>", "<div class=\"share\">", "</div>", "<!--", "-->", "<script>", "</script>", "<![CDATA[",
    "<article>", "</body>", "<br>", "&amp;", "&#x2028;", "&#0;", "&nbsp;", "&", "<", ">",
    "---\n", "\n---\n", "title: [\n", "# ", "**", "> ", "- ", "[link](", "```\n", "{", "}", "\"", "\\",
    "{\"text\":\"", "\",\"title\":", "\n{}\n", "null", "By ", "Related Articles\n", "Share this article\n",
    "MOSCOW, June 21 (TASS) - ", "Jun 19, 2024 1:10 PM\n", "Published: 31/02/2024 25:61 GMT\n", "99.99.9999",
    "said", " told reporters ", "according to ", "he said.", ", she said, "
  };

  private static final String[] QUOTES = {
    "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u300c", "``", "''", "\"\"\""
  };

  private static final String[] ODDITIES = {
    "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\u200e", "\u202e", "\u0301", "\u0000", "\u000c",
    "\r", "\t", "\u00a0", "\u3000", "\ud83d\ude00", "\ud801\udc37", "\uff21", "\u0130", "\u00df", "\u2060",
    "\ufffd", "\u1680", "e\u0301\u0301\u0301", "\u0644\u0627", "\u05d0", "\u0915\u094d"
  };

  /** Byte sequences that are not valid UTF-8: lone surrogate, overlong, truncated, stray bytes. */
  private static final byte[][] BAD_BYTES = {
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe2, (byte) 0x80},
    {(byte) 0xff}, {(byte) 0xfe, (byte) 0xff}, {(byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
  };

  private static final String[] EXTENSIONS = {"txt", "md", "html", "jsonl", "dat", "htm", ""};

  private final List<Sample> samples;
  private final SplittableRandom random;
  private final int repeatBytes;

  MutationGenerator(List<Sample> samples, long seed) {
    this(samples, seed, 262_144);
  }

  /** @param repeatBytes how large the "repeat" mutation may make an input */
  MutationGenerator(List<Sample> samples, long seed, int repeatBytes) {
    this.repeatBytes = repeatBytes;
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    this.samples = List.copyOf(samples);
    this.random = new SplittableRandom(seed);
  }

  /** The next input. */
  Input next() {
    Sample sample = samples.get(random.nextInt(samples.size()));
    byte[] bytes = sample.bytes();
    StringBuilder recipe = new StringBuilder(sample.name());
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      int kind = random.nextInt(11);
      recipe.append(" +").append(KINDS[kind]);
      bytes = mutate(kind, bytes);
    }
    String name = sample.name();
    if (random.nextInt(8) == 0) {
      String ext = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
      name = stem(name) + (ext.isEmpty() ? "" : "." + ext);
      recipe.append(" as ").append(name);
    }
    return new Input("/fuzz/" + name, bytes, recipe.toString());
  }

  private static final String[] KINDS = {
    "flip", "splice", "truncate", "delete-lines", "duplicate-lines", "markup", "quotes", "unicode",
    "bad-utf8", "no-newlines", "repeat"
  };

  private byte[] mutate(int kind, byte[] b) {
    return switch (kind) {
      case 0 -> flip(b);
      case 1 -> splice(b, samples.get(random.nextInt(samples.size())).bytes());
      case 2 -> b.length == 0 ? b : Arrays.copyOf(b, random.nextInt(b.length));
      case 3 -> lines(b, false);
      case 4 -> lines(b, true);
      case 5 -> insert(b, MARKUP[random.nextInt(MARKUP.length)].getBytes(StandardCharsets.UTF_8), 1 + random.nextInt(6));
      case 6 -> insert(b, QUOTES[random.nextInt(QUOTES.length)].getBytes(StandardCharsets.UTF_8), 1 + random.nextInt(8));
      case 7 -> insert(b, ODDITIES[random.nextInt(ODDITIES.length)].getBytes(StandardCharsets.UTF_8), 1 + random.nextInt(8));
      case 8 -> insert(b, BAD_BYTES[random.nextInt(BAD_BYTES.length)], 1 + random.nextInt(3));
      case 9 -> noNewlines(b);
      default -> repeat(b);
    };
  }

  private byte[] flip(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    byte[] out = b.clone();
    int flips = 1 + random.nextInt(16);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(out.length);
      out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
    }
    return out;
  }

  private byte[] splice(byte[] a, byte[] b) {
    int cutA = a.length == 0 ? 0 : random.nextInt(a.length + 1);
    int cutB = b.length == 0 ? 0 : random.nextInt(b.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(a, 0, cutA);
    out.write(b, cutB, b.length - cutB);
    return out.toByteArray();
  }

  private byte[] lines(byte[] b, boolean duplicate) {
    List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
    int n = 1 + random.nextInt(Math.max(1, lines.size() / 3));
    for (int i = 0; i < n && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      if (duplicate) {
        lines.add(random.nextInt(lines.size() + 1), lines.get(at));
      } else {
        lines.remove(at);
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  private byte[] insert(byte[] b, byte[] what, int times) {
    byte[] out = b;
    for (int i = 0; i < times; i++) {
      int at = random.nextInt(out.length + 1);
      byte[] next = new byte[out.length + what.length];
      System.arraycopy(out, 0, next, 0, at);
      System.arraycopy(what, 0, next, at, what.length);
      System.arraycopy(out, at, next, at + what.length, out.length - at);
      out = next;
    }
    return out;
  }

  private byte[] noNewlines(byte[] b) {
    boolean all = random.nextBoolean();
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    for (byte x : b) {
      if ((x == '\n' || x == '\r') && (all || random.nextInt(2) == 0)) {
        if (random.nextInt(3) == 0) {
          out.write(' ');
        }
        continue;
      }
      out.write(x);
    }
    return out.toByteArray();
  }

  /** A stretch of the input repeated up to {@code repeatBytes}: long lines, long bodies. */
  private byte[] repeat(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    int from = random.nextInt(b.length);
    int len = 1 + random.nextInt(Math.min(b.length - from, 400));
    int times = 1 + random.nextInt(Math.max(1, repeatBytes / len));
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + len * times);
    out.write(b, 0, from + len);
    for (int i = 0; i < times; i++) {
      out.write(b, from, len);
    }
    out.write(b, from + len, b.length - from - len);
    return out.toByteArray();
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /**
   * The project's {@code samples/}, and, when {@code sharedData} exists, article-like files of
   * its sets (HTML pages, PolNeAR and TimeML news texts), at most {@code perSet} of each, in a
   * stable order.
   */
  static List<Sample> load(Path samplesDir, Path sharedData, int perSet) {
    List<Sample> out = new ArrayList<>(files(samplesDir, p -> true, Integer.MAX_VALUE));
    if (sharedData != null && Files.isDirectory(sharedData)) {
      out.addAll(files(sharedData.resolve("article-extraction-benchmark/html"), p -> p.endsWith(".html.gz"), perSet));
      out.addAll(files(sharedData.resolve("polnear/dev/text"), p -> p.endsWith(".txt"), perSet));
      out.addAll(files(sharedData.resolve("tempeval3/TBAQ-cleaned"), p -> p.endsWith(".tml"), perSet));
    }
    return out;
  }

  private static List<Sample> files(Path dir, java.util.function.Predicate<String> keep, int max) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> keep.test(p.getFileName().toString()))
          .sorted()
          .limit(max)
          .map(MutationGenerator::sample)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sample sample(Path p) {
    String name = p.getFileName().toString();
    try (InputStream in = Files.newInputStream(p)) {
      if (name.endsWith(".gz")) {
        try (InputStream gz = new GZIPInputStream(in)) {
          return new Sample(name.substring(0, name.length() - 3), gz.readAllBytes());
        }
      }
      // TimeML is XML around news text: read it as a page of unknown type.
      return new Sample(name.endsWith(".tml") ? name.replace(".tml", ".xml") : name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(p.toString(), e);
    }
  }
}
