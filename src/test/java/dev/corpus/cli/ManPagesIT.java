package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man pages the build ships (run by failsafe in {@code verify}, after {@code package}): one
 * troff page per command and subcommand under {@code target/man/man1/}, the same bytes in the jar
 * under {@code man/man1/}, none for a command that is gone, and each with the command's options,
 * arguments, examples and exit codes as {@code --help} gives them.
 */
class ManPagesIT {

  /** The build's output folder (failsafe passes it: the CLI module builds into the repository's target/). */
  private static final Path TARGET = Path.of(System.getProperty("corpus.target", "target"));
  private static final Path MAN1 = TARGET.resolve("man/man1");

  /** The commands of {@code corpus} that have a page, by page name ({@code corpus-entity-merge.1}). */
  private static final Map<String, CommandSpec> COMMANDS = new TreeMap<>();

  @BeforeAll
  static void commands() {
    collect(Cli.full(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getCommandSpec());
  }

  private static void collect(CommandSpec spec) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    COMMANDS.put(spec.qualifiedName("-") + ".1", spec);
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec()));
  }

  @Test
  void everyCommandAndSubcommandHasAPageAndNoPageOutlivesItsCommand() throws IOException {
    assertTrue(COMMANDS.containsKey("corpus-index.1") && COMMANDS.containsKey("corpus-entity-merge.1")
        && COMMANDS.containsKey("corpus-eval-ner.1") && !COMMANDS.containsKey("corpus-warmup.1"), COMMANDS.keySet().toString());
    assertTrue(Files.isDirectory(MAN1), MAN1 + " is missing: run mvn package");
    TreeSet<String> pages;
    try (Stream<Path> files = Files.list(MAN1)) {
      pages = files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
    assertEquals(COMMANDS.keySet(), pages, "pages in " + MAN1);
  }

  @Test
  void theJarShipsTheSamePages() throws IOException {
    Path jar = TARGET.resolve("corpus.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn package");
    TreeSet<String> inJar = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().map(ZipEntry::getName).filter(n -> n.startsWith("man/") && !n.endsWith("/")).forEach(inJar::add);
      for (String page : COMMANDS.keySet()) {
        ZipEntry entry = file.getEntry("man/man1/" + page);
        if (entry == null) {
          fail("the jar has no man/man1/" + page + "; it has " + inJar);
        }
        assertArrayEquals(Files.readAllBytes(MAN1.resolve(page)), file.getInputStream(entry).readAllBytes(), page);
      }
    }
    assertEquals(COMMANDS.keySet().stream().map(p -> "man/man1/" + p).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
        inJar);
  }

  @Test
  void eachPageHasItsCommandsOptionsArgumentsExamplesAndExitCodes() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, CommandSpec> e : COMMANDS.entrySet()) {
      Path page = MAN1.resolve(e.getKey());
      if (!Files.exists(page)) {
        missing.add(e.getKey() + ": no page");
        continue;
      }
      String text = plain(Files.readString(page, StandardCharsets.UTF_8));
      CommandSpec spec = e.getValue();
      List<String> expected = new ArrayList<>();
      expected.add(".TH \"" + spec.qualifiedName("-").toUpperCase(java.util.Locale.ROOT) + "\" \"1\"");
      expected.add(spec.qualifiedName(" "));
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          expected.add(option.negatable() ? "--[no-]" + option.longestName().substring(2) : option.longestName());
          if (option.arity().max() > 0) {
            expected.add(option.longestName() + "=" + option.paramLabel());
          }
        }
      }
      for (PositionalParamSpec positional : spec.positionalParameters()) {
        if (!positional.hidden()) {
          expected.add(positional.paramLabel());
        }
      }
      for (String footer : spec.usageMessage().footer()) {
        for (String line : footer.split("%n")) {
          if (!line.isBlank()) {
            // `code` is AsciiDoc markup: the page sets it in a monospace font, without the backticks
            expected.add(line.strip().replace("`", ""));
          }
        }
      }
      spec.usageMessage().exitCodeList().forEach((code, meaning) -> expected.add(meaning));
      for (String s : expected) {
        if (!text.contains(s)) {
          missing.add(e.getKey() + ": " + s);
        }
      }
    }
    assertEquals(List.of(), missing, "what the pages lack");
  }

  /** groff, where installed, reads every page without a warning (a page it would misrender fails). */
  @Test
  void groffReadsEveryPageWithoutAWarning() throws Exception {
    Assumptions.assumeTrue(onPath("groff"), "groff is not installed: the pages are not typeset here");
    for (String page : COMMANDS.keySet()) {
      Process p = new ProcessBuilder("groff", "-k", "-man", "-Tutf8", "-ww", "-z", MAN1.resolve(page).toString())
          .redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "groff did not finish on " + page);
      assertEquals("", out, page);
      assertEquals(0, p.exitValue(), page);
    }
  }

  @Test
  void plainUndoesTheTroffEscapesAsciidoctorWrites() {
    assertEquals("corpus search 'a b' --since 2024-06 --limit=N \"q\" \\",
        plain("\\fBcorpus search\\fP \\*(Aqa b\\*(Aq \\-\\-since 2024\\-06 \\fB\\-\\-limit\\fP=\\fIN\\fP \\(dqq\\(dq \\e"));
  }

  /**
   * The text of a troff page as a reader sees it, for searching: fonts dropped and escapes
   * undone (the few that Asciidoctor's manpage converter writes). Lines break where they do in
   * the page.
   */
  static String plain(String troff) {
    return troff
        .replaceAll("\\\\f(\\(..|\\[[^]]*]|.)", "")
        .replace("\\*(Aq", "'")
        .replace("\\(aq", "'")
        .replace("\\(cq", "'")
        .replace("\\(oq", "'")
        .replace("\\(dq", "\"")
        .replace("\\(lq", "\"")
        .replace("\\(rq", "\"")
        .replace("\\(em", "—")
        .replace("\\(en", "–")
        .replace("\\-", "-")
        .replace("\\&", "")
        .replace("\\e", "\\");
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
