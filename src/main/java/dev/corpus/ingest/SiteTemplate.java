package dev.corpus.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The furniture a site repeats on every page, learnt from several pages of one folder: the short
 * lines that stand near the top or the bottom of at least half of the pages (and of three at
 * least). Production extractors find site templates this way; here a folder of saves from one
 * site plays the part of the site.
 *
 * <p>Only lines that cannot be prose are learnt (fewer than {@value #MAX_WORDS} words, no digits,
 * so neither a date line nor a sentence of a story repeated in several updates), and only in the
 * first and last {@value #EDGE} non-blank lines of a page, where templates live. The result
 * depends on the set of pages only, never on their order: a folder's template is the same
 * whichever thread reads which file first. {@link #fingerprint()} names it, so that an index can
 * store it with each article and re-read a folder's files when a new file changes it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SiteTemplate {

  /** No template: nothing is removed beyond the page's own furniture. */
  public static final SiteTemplate NONE = new SiteTemplate(Set.of());

  static final int EDGE = 40;
  static final int MAX_WORDS = 12;
  public static final int MIN_PAGES = 3;

  private final Set<String> keys;

  private SiteTemplate(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  /**
   * Learns the template of {@code pages}, each a page's lines as its reader gives them.
   *
   * @return {@link #NONE} for fewer than {@value #MIN_PAGES} pages
   */
  public static SiteTemplate learn(Collection<List<String>> pages) {
    if (pages.size() < MIN_PAGES) {
      return NONE;
    }
    Map<String, Integer> pagesWith = new HashMap<>();
    for (List<String> page : pages) {
      for (String key : edgeKeys(page)) {
        pagesWith.merge(key, 1, Integer::sum);
      }
    }
    int needed = Math.max(MIN_PAGES, (pages.size() + 1) / 2);
    Set<String> keys = new HashSet<>();
    pagesWith.forEach((key, count) -> {
      if (count >= needed) {
        keys.add(key);
      }
    });
    return keys.isEmpty() ? NONE : new SiteTemplate(keys);
  }

  /** True when the line whose {@link Boilerplate#key} is {@code key} belongs to the template. */
  boolean contains(String key) {
    return key != null && keys.contains(key);
  }

  /** True when the template is empty. */
  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The template's lines, sorted: for tests and for showing what was learnt. */
  public List<String> lines() {
    return List.copyOf(new TreeSet<>(keys));
  }

  /** A short stable name of the template's content (16 hex digits of SHA-256 of its sorted lines). */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String key : new TreeSet<>(keys)) {
        sha.update(key.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys of the candidate lines at the edges of {@code page}, each once. */
  static Set<String> edgeKeys(List<String> page) {
    List<Integer> nonBlank = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      if (!page.get(i).isBlank()) {
        nonBlank.add(i);
      }
    }
    Set<String> out = new HashSet<>();
    for (int n = 0; n < nonBlank.size(); n++) {
      if (n >= EDGE && n < nonBlank.size() - EDGE) {
        continue;
      }
      String key = candidateKey(page.get(nonBlank.get(n)));
      if (key != null) {
        out.add(key);
      }
    }
    return out;
  }

  /** The key of a line that may be template furniture, or null for prose, dates and figures. */
  static String candidateKey(String line) {
    String trimmed = line.replace('\u00A0', ' ').strip();
    if (trimmed.isEmpty() || trimmed.length() > 120 || LineShapes.hasDigit(trimmed) || Boilerplate.words(trimmed) >= MAX_WORDS) {
      return null;
    }
    String key = Boilerplate.key(trimmed);
    return key.isEmpty() ? null : key;
  }
}
