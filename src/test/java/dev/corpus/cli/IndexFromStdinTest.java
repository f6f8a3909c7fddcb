package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus index -}: the paths to index read from standard input (issue 16); see also {@link IndexFilesFromTest}. */
class IndexFromStdinTest {

  @TempDir Path tmp;

  @Test
  void theCliIndexesTheFilesAPipeGivesIt() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("one.txt"), "Tram fares\n\nThe city froze tram fares for another year, the council said.\n");
    Files.writeString(docs.resolve("two.txt"), "Ferry times\n\nThe island ferry adds a late crossing on Fridays from June.\n");
    Files.writeString(docs.resolve("not-listed.txt"), "Bridge works\n\nThe old bridge closes for repairs in the spring.\n");
    Path idx = tmp.resolve("idx");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.corpus.cli.Main",
            "index", "-", "--index", idx.toString(), "--no-extract", "--format", "json")
        .redirectErrorStream(false)
        .start();
    p.getOutputStream().write((docs.resolve("one.txt") + "\n" + docs.resolve("two.txt") + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(out.contains("\"indexed\" : 2") || out.contains("\"indexed\": 2"), out);
    CliRun none = CliRun.of("search", "--index", idx.toString(), "bridge");
    assertEquals(1, none.exit(), "the file not listed is not indexed: " + none.out());
  }
}
