package dev.corpus.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a user does, as a process of its own: the jar the cli module built
 * ({@code ../target/corpus.jar} and {@code ../target/lib}). The CLI's Lucene 10 cannot share this
 * JVM with the Solr server's Lucene 9.
 */
final class CorpusProcess {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path JAR = ROOT.resolve("target/corpus.jar");

  /** What one run printed. */
  record Run(int exit, String out, String err, long millis) {}

  private CorpusProcess() {}

  /** Whether the CLI jar is there (the reactor builds cli before this module). */
  static boolean available() {
    return Files.isRegularFile(JAR) && Files.isDirectory(ROOT.resolve("target/lib"));
  }

  static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(JAR + java.io.File.pathSeparator + ROOT.resolve("target/lib") + "/*");
    command.add("dev.corpus.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().remove("CORPUS_SOLR");
    pb.environment().remove("CORPUS_INDEX");
    Path out = Files.createTempFile("corpus-out", ".txt");
    Path err = Files.createTempFile("corpus-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long started = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("corpus " + String.join(" ", args) + " did not finish in 10 minutes");
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
