package dev.corpus.cli;

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
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build tool, not a test: writes the man pages of {@code corpus} and of every command and
 * subcommand that is not hidden. picocli-codegen's {@link ManPageGenerator} writes each page in
 * AsciiDoc from the annotations {@code --help} prints (options, arguments, examples, exit codes),
 * and Asciidoctor's {@code manpage} converter (AsciidoctorJ, in this JVM: nothing needs to be
 * installed) turns it into troff. The build runs it in {@code prepare-package} (exec-maven-plugin,
 * see pom.xml), writing {@code target/man/man1/corpus-search.1} and the like, and the same pages
 * into the classes, which the jar ships under {@code man/man1/}; {@code ManPagesIT} checks them.
 *
 * <p>Usage: {@code ManPages VERSION ADOC_DIR PAGE_DIR...}: the AsciiDoc goes to {@code
 * ADOC_DIR}, each troff page to every {@code PAGE_DIR}. A page whose AsciiDoc did not change and
 * is in every {@code PAGE_DIR} is not converted again (starting Asciidoctor, which runs on
 * JRuby, costs seconds, and the launcher rebuilds at every source change); the pages of a command
 * that is gone are deleted.
 *
 * <p>It lives with the tests because it needs picocli-codegen and AsciidoctorJ, which users of
 * the jar never do, and {@link Cli}'s package-private command line: the commands are registered by
 * {@link Cli}, not by {@code @Command(subcommands = ...)}, so {@code ManPageGenerator}'s own
 * {@code main}, which reads the annotations of one class, would find no subcommand.
 */
public final class ManPages {

  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: ManPages VERSION ADOC_DIR PAGE_DIR...");
    }
    String version = "corpus " + args[0];
    Path adocDir = Path.of(args[1]);
    List<Path> pageDirs = Stream.of(args).skip(2).map(Path::of).toList();

    Map<String, String> sources = new TreeMap<>();
    CommandLine corpus = Cli.full(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    asciiDoc(corpus.getCommandSpec(), version, sources);

    Files.createDirectories(adocDir);
    for (Path dir : pageDirs) {
      Files.createDirectories(dir);
    }
    removeStale(adocDir, ".adoc", sources);
    for (Path dir : pageDirs) {
      removeStale(dir, ".1", sources);
    }
    List<String> toConvert = new ArrayList<>();
    for (Map.Entry<String, String> page : sources.entrySet()) {
      Path adoc = adocDir.resolve(page.getKey() + ".adoc");
      boolean same = Files.isRegularFile(adoc) && Files.readString(adoc, StandardCharsets.UTF_8).equals(page.getValue());
      if (!same || pageDirs.stream().anyMatch(d -> !Files.isRegularFile(d.resolve(page.getKey() + ".1")))) {
        toConvert.add(page.getKey());
      }
    }
    if (toConvert.isEmpty()) {
      return;
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      Options options = Options.builder().backend("manpage").standalone(true).safe(SafeMode.SAFE).build();
      for (String name : toConvert) {
        String troff = asciidoctor.convert(sources.get(name), options);
        for (Path dir : pageDirs) {
          Files.writeString(dir.resolve(name + ".1"), troff, StandardCharsets.UTF_8);
        }
        // only now: a build stopped before this page was converted converts it next time
        Files.writeString(adocDir.resolve(name + ".adoc"), sources.get(name), StandardCharsets.UTF_8);
      }
    }
  }

  /** The AsciiDoc of the page of {@code spec} and of its subcommands' pages, by page name ({@code corpus-entity-merge}). */
  private static void asciiDoc(CommandSpec spec, String version, Map<String, String> out) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    forManPage(spec, version);
    StringWriter page = new StringWriter();
    try (PrintWriter w = new PrintWriter(page)) {
      ManPageGenerator.writeSingleManPage(w, spec);
    }
    out.put(spec.qualifiedName("-"), page.toString());
    for (CommandLine sub : spec.subcommands().values()) {
      asciiDoc(sub.getCommandSpec(), version, out);
    }
  }

  /**
   * The same pages whichever machine builds them: the release's version rather than the build
   * JDK's ({@link VersionProvider} names the JDK it runs on), and a fixed width rather than the
   * terminal's (picocli would ask {@code stty} for it). Headings as man pages write them ("Exit
   * codes", not the help's "Exit codes:"), and each line of a description a paragraph, as {@code
   * --help} shows them (AsciiDoc joins the lines of a paragraph).
   */
  private static void forManPage(CommandSpec spec, String version) {
    spec.versionProvider(() -> new String[] {version});
    UsageMessageSpec usage = spec.usageMessage();
    usage.autoWidth(false).width(80);
    usage.footerHeading(heading(usage.footerHeading()));
    usage.exitCodeListHeading(heading(usage.exitCodeListHeading()));
    usage.description(paragraphs(usage.description()));
  }

  /** {@code "%nExamples:%n"} as {@code "%nExamples%n"}. */
  static String heading(String help) {
    return help.replaceFirst(":\\s*((?:%n)*)$", "$1");
  }

  /** The lines of a description, each ending a paragraph: a blank line between two that are not blank. */
  static String[] paragraphs(String[] lines) {
    String[] out = lines.clone();
    for (int i = 0; i + 1 < out.length; i++) {
      if (!lines[i].isBlank() && !lines[i + 1].isBlank()) {
        out[i] = lines[i] + "%n";
      }
    }
    return out;
  }

  /** Deletes the files {@code corpus*SUFFIX} in {@code dir} that are not the page of a command in {@code pages}. */
  private static void removeStale(Path dir, String suffix, Map<String, String> pages) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith("corpus") && name.endsWith(suffix) && !pages.containsKey(name.substring(0, name.length() - suffix.length()))) {
          Files.delete(f);
        }
      }
    }
  }
}
