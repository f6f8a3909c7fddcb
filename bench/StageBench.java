import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimExtractor;
import dev.corpus.extract.embed.SentenceEmbedder;
import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.time.Timex;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.entity.EntityStage;
import dev.corpus.extract.time.DateStage;
import dev.corpus.model.PublishedDate;
import dev.corpus.extract.text.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Speed of the extraction stages on one thread, in tokens per second: the entity stage
 * (tokenising, sentence splitting, the name finder, roles and merging), the date stage (the
 * temporal rules and their normalisation) and the claim stage (attribution rules and the learned
 * attribution tagger, given the entities; also timed with the rules alone, to show the tagger's cost), against a baseline run in the same process: Lucene's
 * StandardAnalyzer tokenising the same texts. The embedding stage (all-MiniLM-L6-v2 on what the
 * clusters compare: claims' contents, own statements (every sentence of six tokens outside a
 * claim), sentences that date something) is timed once on the first EMBED articles (default 300), as it is slow; also
 * with only the own sentences that name or date something (a reduction tried and not shipped).
 * Run by bench/stages.sh.
 *
 * <pre>java -cp 'target/corpus.jar:target/lib/*' bench/StageBench.java [ARTICLES] [ROUNDS]</pre>
 */
public class StageBench {

  public static void main(String[] args) throws Exception {
    int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> texts = reuters(Path.of("..", "shared", "data", "reuters21578"), wanted);
    String origin = "Reuters-21578 story bodies";
    if (texts.isEmpty()) {
      texts = samples(Path.of("samples"));
      origin = "samples/ (../shared absent)";
    }
    Tokenizer tokenizer = new Tokenizer();
    long tokens = 0;
    long chars = 0;
    for (String t : texts) {
      tokens += tokenizer.tokens(t).size();
      chars += t.length();
    }
    EntityStage stage = EntityStage.shipped();
    DateStage dates = DateStage.shipped();
    ClaimExtractor claims = ClaimExtractor.shipped();
    ClaimExtractor rulesOnly = ClaimExtractor.rulesOnly();
    List<EntityAnnotations> entityResults = new ArrayList<>();
    for (String t : texts) {
      entityResults.add(stage.find(t)); // the claim stage reads the entity stage's output
    }
    PublishedDate published = new PublishedDate("1987-03-01", "1987-03-01", "day", false, "bench");
    StandardAnalyzer analyzer = new StandardAnalyzer();
    double[] lucene = new double[rounds];
    double[] entity = new double[rounds];
    double[] date = new double[rounds];
    double[] claim = new double[rounds];
    double[] rules = new double[rounds];
    long ruleCount = 0;
    long names = 0;
    long timexes = 0;
    long claimCount = 0;
    // One warm-up round of each, then the measured rounds alternate so that noise hits both.
    for (int r = -1; r < rounds; r++) {
      long t0 = System.nanoTime();
      long luceneTokens = 0;
      for (String t : texts) {
        try (TokenStream ts = analyzer.tokenStream("body", t)) {
          ts.reset();
          while (ts.incrementToken()) {
            luceneTokens++;
          }
          ts.end();
        }
      }
      long t1 = System.nanoTime();
      long found = 0;
      for (String t : texts) {
        found += stage.find(t).mentions().size();
      }
      long t2 = System.nanoTime();
      long expressions = 0;
      for (String t : texts) {
        expressions += dates.find(t, published).timexes().size();
      }
      long t3 = System.nanoTime();
      long statements = 0;
      for (int k = 0; k < texts.size(); k++) {
        statements += claims.extract(texts.get(k), entityResults.get(k)).size();
      }
      long t4 = System.nanoTime();
      long ruleStatements = 0;
      for (int k = 0; k < texts.size(); k++) {
        ruleStatements += rulesOnly.extract(texts.get(k), entityResults.get(k)).size();
      }
      long t5 = System.nanoTime();
      if (r >= 0) {
        rules[r] = tokens / ((t5 - t4) / 1e9);
        ruleCount = ruleStatements;
        claim[r] = tokens / ((t4 - t3) / 1e9);
        claimCount = statements;
        lucene[r] = luceneTokens / ((t1 - t0) / 1e9);
        entity[r] = tokens / ((t2 - t1) / 1e9);
        date[r] = tokens / ((t3 - t2) / 1e9);
        names = found;
        timexes = expressions;
      }
    }
    double l = median(lucene);
    double e = median(entity);
    double d = median(date);
    double c = median(claim);
    System.out.printf(Locale.ROOT, "texts: %d %s, %d tokens, %.1f MB, %d names and %d temporal expressions found%n",
        texts.size(), origin, tokens, chars / 1e6, names, timexes);
    System.out.printf(Locale.ROOT, "baseline: Lucene StandardAnalyzer tokenising: %,10.0f tokens/s (median of %d rounds)%n", l, rounds);
    System.out.printf(Locale.ROOT, "entity stage, 1 thread: %,10.0f tokens/s = %.4f x baseline; target >= 50,000: %s%n", e, e / l, e >= 50_000 ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "date stage, 1 thread:   %,10.0f tokens/s = %.4f x baseline; target >= 100,000: %s%n", d, d / l, d >= 100_000 ? "met" : "NOT met");
    double ro = median(rules);
    System.out.printf(Locale.ROOT, "claim stage, 1 thread:  %,10.0f tokens/s = %.4f x baseline (%d claims); target >= 150,000: %s%n", c, c / l, claimCount, c >= 150_000 ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "  of which rules alone: %,10.0f tokens/s = %.4f x baseline (%d claims): the tagger costs %.2f µs a token%n",
        ro, ro / l, ruleCount, 1e6 / c - 1e6 / ro);
    int embedArticles = Math.min(texts.size(), Integer.parseInt(System.getProperty("embed", "300")));
    long embedTokens = 0;
    List<List<String>> shipped = new ArrayList<>();
    List<List<String>> every = new ArrayList<>();
    for (int k = 0; k < embedArticles; k++) {
      String t = texts.get(k);
      embedTokens += tokenizer.tokens(t).size();
      List<Claim> found = claims.extract(t, entityResults.get(k));
      List<Timex> dated = dates.find(t, published).timexes();
      shipped.add(embedded(t, tokenizer, found, entityResults.get(k), dated, false));
      every.add(embedded(t, tokenizer, found, entityResults.get(k), dated, true));
    }
    try (SentenceEmbedder embedder = SentenceEmbedder.shipped()) {
      for (int k = 0; k < Math.min(20, shipped.size()); k++) {
        embedder.embed(shipped.get(k)); // warm-up
      }
      long s0 = System.nanoTime();
      long n = 0;
      for (List<String> batch : shipped) {
        n += embedder.embed(batch).size();
      }
      long s1 = System.nanoTime();
      long m = 0;
      for (List<String> batch : every) {
        m += embedder.embed(batch).size();
      }
      long s2 = System.nanoTime();
      double em = embedTokens / ((s1 - s0) / 1e9);
      double ev = embedTokens / ((s2 - s1) / 1e9);
      double extraction = 1 / (1 / e + 1 / c); // the entity and the claim stage, one after the other
      System.out.printf(Locale.ROOT, "embedding stage, 1 thread: %,10.0f tokens/s = %.4f x baseline (%d articles, %d texts, %.2f ms a text); "
          + "costs %.0f %% of the entity and claim stages' time; target <= 25 %%: %s%n",
          ev, ev / l, embedArticles, m, (s2 - s1) / 1e6 / Math.max(1, m), 100 * extraction / ev, extraction / ev <= 0.25 ? "met" : "NOT met");
      System.out.printf(Locale.ROOT, "  were only own sentences that name or date something embedded (tried, not shipped): %,10.0f tokens/s (%d texts), %.0f %%%n",
          em, n, 100 * extraction / em);
    }
  }

  /**
   * What the embedding stage embeds of one text: claims' contents, and sentences of six tokens or
   * more outside every claim that name something or date something (or, with {@code every}, all of
   * them), and every sentence with a date; each distinct text once.
   */
  private static List<String> embedded(String text, Tokenizer tokenizer, List<Claim> claims, EntityAnnotations entities,
      List<Timex> timexes, boolean every) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Claim c : claims) {
      out.add(c.content().replaceAll("\\s+", " ").strip());
    }
    for (Tokenizer.Sentence s : tokenizer.sentences(text)) {
      var t = s.tokens();
      if (t.isEmpty()) {
        continue;
      }
      int start = t.get(0).start();
      int end = t.get(t.size() - 1).end();
      boolean dated = timexes.stream().anyMatch(x -> x.start() >= start && x.end() <= end);
      boolean named = entities.mentions().stream().anyMatch(x -> x.start() >= start && x.end() <= end);
      boolean inClaim = claims.stream().anyMatch(c -> c.start() < end && start < c.end());
      if (dated || t.size() >= 6 && !inClaim && (every || named)) {
        out.add(text.substring(start, end).replaceAll("\\s+", " ").strip());
      }
    }
    out.remove("");
    return new ArrayList<>(out);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static List<String> reuters(Path dir, int wanted) throws Exception {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    Pattern body = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList()) {
        Matcher m = body.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
        while (m.find() && out.size() < wanted) {
          out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("&#\\d+;", ""));
        }
        if (out.size() >= wanted) {
          break;
        }
      }
    }
    return out;
  }

  private static List<String> samples(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(p -> {
        try {
          return Files.readString(p);
        } catch (Exception ex) {
          return "";
        }
      }).toList();
    }
  }
}
