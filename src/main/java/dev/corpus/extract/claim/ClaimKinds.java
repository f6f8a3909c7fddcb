package dev.corpus.extract.claim;

import dev.corpus.ResourceLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;

/**
 * The kind of a claim and whether its speaker denies the content, decided from the cue and the
 * shape of the content (see {@code docs/claims.md}, "Kinds and polarity"). Every place that
 * builds a {@link Claim} asks here, whatever found the claim (the rules of {@link ClaimExtractor},
 * an inferred cue, a learned tagger), so a cue outside {@code cues.txt} gets a kind too:
 *
 * <ol>
 *   <li>The cue's head verb or phrase — its first word that is not an auxiliary, a negation or an
 *       adverb, reduced to its lemma — is looked up in {@code cue-kinds.txt}.
 *   <li>A content that is a to-infinitive ("vowed <em>to rebuild the bridge</em>", "asked him
 *       <em>to form a government</em>") is an intention whatever the verb, or a position when the
 *       verb is marked {@code directive} (ask, urge, call on … to).
 *   <li>A verb marked {@code rejects} ("rejected", "dismissed") is a denying statement when its
 *       content is a report or a claim ("rejected claims that …"), else a position.
 *   <li>Else the kind listed for the verb, and a cue the lexicon does not know (or none: a quoted
 *       paragraph) gives a statement, as a quotation or a that-clause reports what was said.
 * </ol>
 *
 * <p>Immutable; {@link #shared()} is the one instance, loaded from the jar on first use.
 */
public final class ClaimKinds {

  /**
   * What a claim reports.
   *
   * @param kind statement, position, belief or intention
   * @param denies true when the speaker rejects the content instead of holding it ("denied that
   *     …", "rejected claims that …", "refused to …")
   */
  public record Reading(ClaimKind kind, boolean denies) {}

  /** A line of {@code cue-kinds.txt}. */
  private record Entry(ClaimKind kind, boolean denies, boolean rejects, boolean directive) {}

  /** Words of a cue before its head verb: auxiliaries, negations, adverbs ("did not say", "has repeatedly denied"). */
  private static final Set<String> BEFORE_THE_VERB = Set.of(
      "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "has", "have",
      "had", "having", "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "not", "never", "cannot", "also",
      "again", "yet", "once", "ever", "even", "still", "then", "later", "soon", "already", "first", "last", "just",
      "often", "always", "quickly");

  /** Words after "to" that open a noun phrase, not an infinitive: "spoke to the press" names a listener. */
  private static final Set<String> NOT_AN_INFINITIVE = Set.of(
      "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "him",
      "them", "us", "me", "you", "it", "whom", "which", "what", "some", "any", "all", "both", "each", "every", "no",
      "one", "two", "three", "reporters", "journalists", "date");

  /**
   * Nouns of a content that is itself a report or a claim: "rejected <em>claims</em> that …",
   * "dismissed <em>reports</em> of …", "disputed <em>the account</em>". Only the content's shape
   * uses them, so they live here and not in the cue lexicon.
   */
  private static final Set<String> REPORT_NOUNS = Set.of(
      "claim", "report", "allegation", "accusation", "charge", "suggestion", "assertion", "rumor", "rumour",
      "speculation", "notion", "idea", "story", "account", "characterization", "characterisation", "portrayal",
      "statement", "assessment", "contention", "insinuation", "theory", "impression", "perception");

  private static final class Holder {
    static final ClaimKinds INSTANCE = parse(ResourceLines.read(ClaimKinds.class, "cue-kinds.txt"));
  }

  private final Map<String, Entry> entries; // lemma or phrase (lemma first) -> entry
  private final Map<String, String> irregular; // irregular form -> lemma
  private final int longest; // words in the longest phrase

  private ClaimKinds(Map<String, Entry> entries, Map<String, String> irregular, int longest) {
    this.entries = entries;
    this.irregular = irregular;
    this.longest = longest;
  }

  /** The lexicon shipped in the jar ({@code cue-kinds.txt}). */
  public static ClaimKinds shared() {
    return Holder.INSTANCE;
  }

  /**
   * Reads lines of the {@code cue-kinds.txt} format (comments and blank lines already dropped).
   *
   * @throws IllegalStateException on a malformed line, an unknown kind or marker, or a lemma listed twice
   */
  static ClaimKinds parse(List<String> lines) {
    Map<String, Entry> entries = new HashMap<>();
    Map<String, String> irregular = new HashMap<>();
    int longest = 1;
    for (String line : lines) {
      String[] columns = line.split("\\|", -1);
      if (columns.length < 2 || columns.length > 3) {
        throw new IllegalStateException("cue-kinds.txt: expected 'LEMMA | KIND [| MARKERS]', got: " + line);
      }
      String lemma = columns[0].strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      ClaimKind kind = ClaimKind.of(columns[1].strip())
          .orElseThrow(() -> new IllegalStateException("cue-kinds.txt: unknown kind in: " + line));
      boolean denies = false;
      boolean rejects = false;
      boolean directive = false;
      String head = lemma.split(" ")[0];
      for (String marker : columns.length == 3 ? columns[2].strip().split("\\s+") : new String[0]) {
        switch (marker) {
          case "" -> { }
          case "denies" -> denies = true;
          case "rejects" -> rejects = true;
          case "directive" -> directive = true;
          default -> {
            if (!marker.startsWith("forms=")) {
              throw new IllegalStateException("cue-kinds.txt: unknown marker '" + marker + "' in: " + line);
            }
            for (String form : marker.substring("forms=".length()).split(",")) {
              String previous = irregular.put(form.toLowerCase(Locale.ROOT), head);
              if (previous != null && !previous.equals(head)) {
                throw new IllegalStateException("cue-kinds.txt: '" + form + "' is a form of both " + previous + " and " + head);
              }
            }
          }
        }
      }
      if (lemma.isEmpty() || entries.put(lemma, new Entry(kind, denies, rejects, directive)) != null) {
        throw new IllegalStateException("cue-kinds.txt: empty or repeated lemma in: " + line);
      }
      longest = Math.max(longest, lemma.split(" ").length);
    }
    return new ClaimKinds(Map.copyOf(entries), Map.copyOf(irregular), longest);
  }

  /**
   * The kind of a claim and whether it denies its content.
   *
   * @param cue the cue as written, negation included ("did not say", "told reporters", "According
   *     to"); null when there is none (a quoted paragraph)
   * @param content the content as written ("to rebuild the bridge", "claims that it had lied")
   * @param direct true for a quotation
   */
  public Reading read(String cue, String content, boolean direct) {
    List<String> words = words(cue);
    Match m = head(words);
    Entry e = m == null ? null : m.entry();
    boolean cueEndsInTo = words.size() >= 2 && words.get(words.size() - 1).equals("to") && (m == null || m.end() < words.size());
    boolean infinitive = infinitive(content) || cueEndsInTo; // "vowed to" | "rebuild the bridge", as a tagger may cut it
    if (infinitive && !direct) {
      return new Reading(e != null && e.directive() ? ClaimKind.POSITION : ClaimKind.INTENTION, e != null && e.denies());
    }
    if (e == null) {
      return new Reading(ClaimKind.STATEMENT, false); // a quotation, a that-clause, a cue not listed: something said
    }
    if (e.rejects() && reportedContent(content)) {
      return new Reading(ClaimKind.STATEMENT, true); // "rejected claims that …": a denial
    }
    return new Reading(e.kind(), e.denies());
  }

  /** A lexicon entry matched in a cue, and the index of the first cue word after it. */
  private record Match(Entry entry, int end) {}

  /** The entry of the cue's head verb or phrase, or null when the head is unknown. */
  private Match head(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      for (String lemma : lemmas(w)) {
        for (int len = Math.min(longest, words.size() - i); len >= 1; len--) {
          StringBuilder phrase = new StringBuilder(lemma);
          for (int k = i + 1; k < i + len; k++) {
            phrase.append(' ').append(words.get(k));
          }
          Entry e = entries.get(phrase.toString());
          if (e != null) {
            return new Match(e, i + len);
          }
        }
      }
      boolean beforeTheVerb = BEFORE_THE_VERB.contains(w) || w.endsWith("ly") || w.endsWith("n't") || w.endsWith("n’t");
      if (!beforeTheVerb) {
        return null; // an unknown verb: its listener's words ("briefed the press") say nothing of its kind
      }
    }
    return null;
  }

  /**
   * Lemmas {@code w} may be a form of, most likely first: the word itself, an irregular form's
   * lemma, then the word without -s, -es, -ies, -ed, -ied, -ing (restoring a dropped "e" or
   * undoubling a consonant). Only lemmas the lexicon lists are ever used, so the guesses that are
   * no word cost nothing.
   */
  List<String> lemmas(String w) {
    List<String> out = new ArrayList<>(List.of(w));
    String lemma = irregular.get(w);
    if (lemma != null) {
      out.add(lemma);
    }
    if (w.endsWith("ies") || w.endsWith("ied")) {
      out.add(w.substring(0, w.length() - 3) + "y");
    }
    if (w.endsWith("es")) {
      out.add(w.substring(0, w.length() - 2));
    }
    if (w.endsWith("s") && !w.endsWith("ss")) {
      out.add(w.substring(0, w.length() - 1));
    }
    for (String suffix : List.of("ed", "ing")) {
      if (w.endsWith(suffix) && w.length() > suffix.length() + 2) {
        String stem = w.substring(0, w.length() - suffix.length());
        out.add(stem);
        out.add(stem + "e");
        int n = stem.length();
        if (stem.charAt(n - 1) == stem.charAt(n - 2)) {
          out.add(stem.substring(0, n - 1)); // "slammed", "vetting"
        }
      }
    }
    return out;
  }

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}'’]+|[^\\p{L}\\p{N}]+$");

  /** The lower-case words of {@code text} without the punctuation around them. */
  private static List<String> words(String text) {
    return words(text, Integer.MAX_VALUE);
  }

  /**
   * The first {@code max} such words: the content's shape is read from its first few words, and
   * a content may be a long quotation.
   */
  private static List<String> words(String text, int max) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    java.util.Iterator<String> raw = SPACE.splitAsStream(text).iterator();
    while (raw.hasNext() && out.size() < max) {
      String w = EDGE_PUNCTUATION.matcher(raw.next().toLowerCase(Locale.ROOT)).replaceAll("");
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Whether {@code content} is a to-infinitive: a lower-case "to" and a verb, not a noun phrase ("to the press"). */
  static boolean infinitive(String content) {
    String c = content == null ? "" : content.strip();
    if (c.length() < 4 || !c.startsWith("to") || !Character.isWhitespace(c.charAt(2))) {
      return false;
    }
    List<String> after = words(c.substring(3), 1);
    if (after.isEmpty()) {
      return false;
    }
    String next = c.substring(3).strip();
    return Character.isLowerCase(next.codePointAt(0)) && !NOT_AN_INFINITIVE.contains(after.get(0));
  }

  /** Whether the content is a report or a claim ("claims that it had lied", "the reports of a deal"). */
  private static boolean reportedContent(String content) {
    List<String> w = words(content, 5); // a report noun among the first four, and the word after it
    for (int k = 0; k < Math.min(4, w.size()); k++) {
      String noun = w.get(k);
      boolean report = REPORT_NOUNS.contains(noun) || noun.endsWith("s") && REPORT_NOUNS.contains(noun.substring(0, noun.length() - 1));
      if (report && (k == w.size() - 1 || Set.of("that", "of", "about", "by", "from", "in").contains(w.get(k + 1)))) {
        return true;
      }
    }
    return false;
  }
}
