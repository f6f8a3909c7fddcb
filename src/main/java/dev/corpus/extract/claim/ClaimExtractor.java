package dev.corpus.extract.claim;

import static dev.corpus.extract.claim.Sources.*;

import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds attributed statements in a news article (see {@code docs/claims.md}):
 *
 * <ol>
 *   <li>Quotations with their attribution after ({@code “…,” he said}, {@code “…,” said Dmitry
 *       Peskov}) or before ({@code Putin said: “…”}); a quoted paragraph without one takes the
 *       speaker of the nearest attributed quotation in the paragraphs around it.
 *   <li>Reported speech: {@code SOURCE CUE (that) CONTENT}, {@code SOURCE told LISTENER (that)
 *       CONTENT}, {@code CONTENT, SOURCE CUE}, {@code CONTENT, CUE SOURCE}, {@code According to
 *       SOURCE, CONTENT} and {@code CONTENT, according to SOURCE}.
 *   <li>Then the statements of the learned {@link AttributionTagger} (trained on PolNeAR, see
 *       {@code docs/attribution-model.md}) that overlap none of the rules': cues and
 *       constructions no rule names. Each has a cue and three words at least.
 *   <li>Speakers: a named person or organisation gives its entity; "he"/"she" the person last
 *       speaking or named before; "it"/"they" the organisation last named; a description ("the
 *       expert", "the minister") the person last named whose role has that word. An unnamed
 *       source ("a Russian analyst") keeps its words with no speaker: never a guess.
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class ClaimExtractor {

  /**
   * Quotations: curly, straight, or doubled apostrophes (''…''). A closing mark opening a
   * paragraph or a sentence before a capital ("”Fear. I am truly afraid…”") is taken as an
   * opening one: pages mangled by editors write it so. A curly quotation stays within its
   * paragraph and, when the paragraph has no curly closing mark, ends at a straight one (“…,"
   * said X), as pages pasted together from several sources mix the two; so may a straight
   * opening end at a curly closing ("…” ). Without that, one odd mark made a quotation run on
   * to the next closing mark paragraphs later and swallow the statements between.
   */
  private static final Pattern QUOTE = Pattern.compile(
      "(?:“|(?<=^|\\s)”(?=\\p{Lu}))(?:([^“”\\n]{2,}?)”|([^“”\"\\n]{2,}?)\"(?![\\p{L}\\p{N}]))"
          + "|\"(?:([^\"\\n]{2,}?)\"|([^\"“”\\n]{2,}?)”)|''([^\\n]{2,}?)''",
      Pattern.MULTILINE);
  private static final Set<String> REFLEXIVES = Set.of("itself", "himself", "herself", "themselves", "myself", "ourselves");
  /** Labels that stand before a colon like a speaker's name but are page furniture. */
  private static final Set<String> NOT_SPEAKERS = Set.of(
      "photo", "photos", "picture", "caption", "video", "watch", "read more", "related", "credit", "source", "note",
      "editor's note", "update", "correction", "clarification", "listen", "see also", "file photo");
  /** Auxiliaries of a progressive cue ("is stressing"), skipped between source and cue. */
  private static final Set<String> PROGRESSIVE = Set.of("is", "are", "was", "were", "'s", "’s");

  private final Cues cues;
  private final Tokenizer tokenizer = new Tokenizer();

  /** Which finders draft the statements. */
  enum Mode {
    /** the rules of this class only */
    RULES,
    /** the learned tagger only */
    TAGGER,
    /** the rules, then the tagger's statements that overlap none of theirs */
    BOTH
  }

  private final AttributionTagger tagger;
  private final Mode mode;

  private ClaimExtractor(Cues cues, AttributionTagger tagger, Mode mode) {
    this.cues = cues;
    this.tagger = tagger;
    this.mode = mode;
  }

  /** The extractor with the cue list and attribution model shipped in the jar. */
  public static ClaimExtractor shipped() {
    Cues cues = Cues.shipped();
    return new ClaimExtractor(cues, AttributionTagger.shipped(cues), Mode.BOTH);
  }

  /** The rules only, without the learned tagger: for comparisons (bench/stages.sh, the trainer). */
  public static ClaimExtractor rulesOnly() {
    return new ClaimExtractor(Cues.shipped(), null, Mode.RULES);
  }

  /** An extractor with {@code tagger} (for training and comparisons). */
  static ClaimExtractor withTagger(Cues cues, AttributionTagger tagger, Mode mode) {
    return new ClaimExtractor(cues, tagger, mode);
  }

  /** The claims of {@code body}, whose entities are {@code entities} (code point offsets). */
  public List<Claim> extract(String body, EntityAnnotations entities) {
    return extract(body, body == null ? List.of() : tokenizer.sentences(body), entities);
  }

  /** The claims of {@code body}, tokenised as {@code sentences}, whose entities are {@code entities}. */
  public List<Claim> extract(String body, List<Tokenizer.Sentence> sentences, EntityAnnotations entities) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    // one tokenisation for both finders
    List<Draft> drafts = mode == Mode.TAGGER ? new ArrayList<>() : ruleDrafts(body, sentences);
    if (mode != Mode.RULES) {
      List<Draft> tagged = AttributionLinker.drafts(body, tagger.tag(body, sentences, entities == null ? List.of() : entities.mentions()));
      // The rules' drafts are in text order: those starting before a tagged one ends are a prefix,
      // and one of them overlaps it when the furthest end in that prefix passes its start. A binary
      // search per tagged statement, not a comparison with every rule's (a long article has thousands).
      int found = drafts.size();
      int[] starts = new int[found];
      int[] furthestEnd = new int[found];
      for (int k = 0; k < found; k++) {
        starts[k] = drafts.get(k).start;
        furthestEnd[k] = Math.max(drafts.get(k).end, k > 0 ? furthestEnd[k - 1] : Integer.MIN_VALUE);
      }
      for (Draft t : tagged) {
        int before = lowerBound(starts, t.end); // drafts [0, before) start before t ends
        boolean overlaps = before > 0 && furthestEnd[before - 1] > t.start;
        // A content with no cue near it is no attribution the reader could check (who says so,
        // and how?): the tagger's contents are kept only with their cue. A content of one or two
        // words names a topic ("criticised the plan", "welcomed the envoy"), not a statement
        // that could be true or false: those are left out.
        if (!overlaps && t.cueStart >= 0 && words(body, t.start, t.end) >= MIN_TAGGED_WORDS) {
          drafts.add(t);
        }
      }
    }
    drafts.sort(Comparator.comparingInt(x -> x.start));
    return Speakers.resolve(body, drafts, entities);
  }

  /** The number of values of the sorted {@code a} below {@code key}. */
  private static int lowerBound(int[] a, int key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The fewest words a content found by the tagger has. */
  static final int MIN_TAGGED_WORDS = 3;

  private static int words(String body, int start, int end) {
    int words = 0;
    boolean in = false;
    for (int k = start; k < end; k++) {
      boolean letter = Character.isLetterOrDigit(body.charAt(k));
      if (letter && !in) {
        words++;
      }
      in = letter || (in && (body.charAt(k) == '\'' || body.charAt(k) == '’' || body.charAt(k) == '-'));
    }
    return words;
  }

  /** The statements the rules find in {@code body}, in text order. */
  private List<Draft> ruleDrafts(String body, List<Tokenizer.Sentence> sentences) {
    List<Draft> drafts = new ArrayList<>();
    List<int[]> quotes = new ArrayList<>();
    Matcher q = QUOTE.matcher(body);
    while (q.find()) {
      int group = 1;
      while (q.group(group) == null) {
        group++;
      }
      quotes.add(new int[] {q.start(), q.end(), q.start(group), q.end(group)});
    }
    Set<Integer> usedCues = new HashSet<>();
    // A statement found in a sentence can only overlap a quotation or another statement of the
    // same sentence: those are the ones compared with it, not every statement of the article.
    List<Draft> quoted = new ArrayList<>(); // in text order, none overlapping
    List<Draft> ofSentence = new ArrayList<>();
    for (int[] quote : quotes) {
      Draft d = direct(body, quote, sentences);
      if (d != null) {
        drafts.add(d);
        quoted.add(d);
        if (d.cueStart >= 0) {
          usedCues.add(d.cueStart);
        }
      }
    }
    for (Tokenizer.Sentence s : sentences) {
      // Each clause may report its own speaker ("X said A, while Y said B"); a sentence whose
      // clauses give nothing is read whole.
      List<Draft> found = new ArrayList<>();
      List<List<Token>> clauses = clauses(s.tokens());
      if (clauses.size() > 1) {
        for (List<Token> clause : clauses) {
          found.addAll(allIndirect(body, clause, quotes, usedCues));
        }
      }
      // "A could happen, but only if B, Graham told The Huffington Post.": an attribution closing
      // the sentence reports all its clauses, so the sentence is read whole.
      boolean trailing = found.size() == 1 && found.get(0).sourceStart > found.get(0).end
          && found.get(0).start > s.tokens().get(0).start() && !found.get(0).direct;
      if (trailing) {
        usedCues.remove(found.get(0).cueStart);
        found.clear();
      }
      if (found.isEmpty()) {
        found.addAll(allIndirect(body, s.tokens(), quotes, usedCues));
      }
      // "Senators mocked his repeated emphasis that …": a statement named by a noun, also inside another's content.
      Draft possessed = possessedStatement(s.tokens(), usedCues, quotes);
      ofSentence.clear();
      for (Draft d : found) {
        // A statement may hold a quoted one with its own cue ("X said that the evidence, he said,
        // "supports what we heard""): both are claims. Otherwise the first reading stands, unless
        // it rests on a cue inferred from the words around it ("unless it planned to attack, he
        // said") and this one on a listed cue.
        List<Draft> overlapping = overlapping(d, quoted, ofSentence).stream().filter(o -> !nestedWithOwnCue(o, d)).toList();
        if (overlapping.isEmpty()) {
          drafts.add(d);
          ofSentence.add(d);
        } else if (!cues.inferred(body, d) && overlapping.stream().allMatch(o -> !o.direct && cues.inferred(body, o))) {
          drafts.removeAll(overlapping);
          ofSentence.removeAll(overlapping);
          drafts.add(d);
          ofSentence.add(d);
        }
      }
      if (possessed != null && overlapping(possessed, quoted, ofSentence).stream().allMatch(o -> nestedWithOwnCue(possessed, o))) {
        drafts.add(possessed);
      }
    }
    drafts.sort(Comparator.comparingInt(x -> x.start));
    return drafts;
  }

  /** The statements of {@code quoted} (in text order, none overlapping) and of {@code ofSentence} that overlap {@code d}. */
  private static List<Draft> overlapping(Draft d, List<Draft> quoted, List<Draft> ofSentence) {
    List<Draft> out = new ArrayList<>();
    int lo = 0;
    int hi = quoted.size();
    while (lo < hi) { // the first quotation ending after d starts
      int mid = (lo + hi) >>> 1;
      if (quoted.get(mid).end <= d.start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int k = lo; k < quoted.size() && quoted.get(k).start < d.end; k++) {
      out.add(quoted.get(k));
    }
    for (Draft o : ofSentence) {
      if (o.start < d.end && d.start < o.end) {
        out.add(o);
      }
    }
    return out;
  }

  private static final Set<String> TITLE_SMALL_WORDS = Set.of("the", "of", "and", "a", "an", "in", "on", "for", "to", "with", "at");

  /** Whether a quoted text reads as the name of a show, book or film: a few words, all capitalised. */
  private static boolean isTitleCase(String text) {
    String[] words = text.strip().replaceAll("[,.;:!?]+$", "").split("\\s+");
    if (words.length > 8 || text.strip().matches(".*[.!?][,]?$")) {
      return false;
    }
    for (String w : words) {
      if (!w.isEmpty() && !Character.isUpperCase(w.codePointAt(0)) && !TITLE_SMALL_WORDS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every reported statement of a clause, in cue order: "Authorities announced an arrest and said
   * a curfew would continue" holds two. A statement's content stops where a coordinated one begins.
   */
  private List<Draft> allIndirect(String body, List<Token> tokens, List<int[]> quotes, Set<Integer> usedCues) {
    List<Draft> out = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      Draft d = indirect(body, tokens, quotes, usedCues);
      if (d == null) {
        break;
      }
      int sourceFrom = d.sourceStart;
      int sourceTo = d.sourceEnd;
      boolean sourceHoldsCue = out.stream().anyMatch(o -> o.cueStart >= sourceFrom && o.cueStart < sourceTo);
      if (!sourceHoldsCue) { // "She says Trump's tweets accusing …" is not a statement of "She says Trump's tweets"
        out.add(d);
      }
      if (d.cueStart < 0 || !usedCues.add(d.cueStart)) {
        break; // "according to" and "NAME:" readings come once
      }
    }
    for (Draft later : out) {
      if (later.joinedAt < 0) {
        continue;
      }
      for (Draft earlier : out) {
        if (earlier != later && earlier.start < later.joinedAt && earlier.end > later.joinedAt) {
          earlier.end = trimEnd(body, earlier.start, later.joinedAt);
        }
      }
    }
    out.removeIf(d -> d.end <= d.start || wordCount(body.substring(d.start, d.end)) < 2); // cut down to nothing
    return out;
  }

  private static boolean allCaps(List<Token> tokens, int from, int to) {
    return tokens.subList(from, to).stream().allMatch(t -> t.text().equals(t.text().toUpperCase(Locale.ROOT)));
  }

  /** Whether the words from {@code from} open with a source and a listed cue of their own ("the office says …"). */
  private boolean reportsItsOwnSource(List<Token> tokens, int from) {
    for (int k = from + 1; k < Math.min(tokens.size(), from + 8); k++) {
      if (Character.isLowerCase(tokens.get(k).text().codePointAt(0)) && cues.listed(Cues.text(tokens, k, k + 1))) {
        return sourceBefore(tokens.subList(from, k), k - from) != null;
      }
    }
    return false;
  }

  /** Whether {@code inner} lies inside {@code outer}'s content and has a cue of its own. */
  private static boolean nestedWithOwnCue(Draft inner, Draft outer) {
    return inner.cueStart >= 0 && outer.cueStart >= 0 && inner.cueStart != outer.cueStart
        && outer.start <= inner.start && inner.end <= outer.end && (inner.start > outer.start || inner.end < outer.end);
  }

  // --- quotations ---------------------------------------------------------------------------

  private Draft direct(String body, int[] quote, List<Tokenizer.Sentence> sentences) {
    int contentStart = quote[2];
    int contentEnd = trimEnd(body, contentStart, quote[3]);
    // A scare quote or a title ("Fox News Sunday", “Face the Nation”) is not a statement; a short
    // quotation closed by a comma or a question and attributed right after it is ("“It's
    // heartbreaking,” Ryan said").
    String quoted = body.substring(contentStart, contentEnd);
    boolean brief = wordCount(quoted) < 3;
    if (isTitleCase(quoted) || brief && (wordCount(quoted) < 2 || ",!?".indexOf(body.charAt(quote[3] - 1)) < 0)) {
      return null;
    }
    Draft d = new Draft();
    d.direct = true;
    d.start = contentStart;
    d.end = contentEnd;
    d.sentenceStart = quote[0];
    d.sentenceEnd = quote[1];
    // Attribution after the closing mark, in the same sentence: ,” he said. / ,” said Peskov.
    // A quotation that ends its sentence (“….” He added) is attributed by what comes before.
    int afterEnd = sentenceEndAfter(body, quote[1]);
    List<Token> after = tokenizer.tokens(body.substring(quote[1], afterEnd));
    shift(after, quote[1]);
    boolean closesSentence = quote[3] > quote[2] && body.charAt(quote[3] - 1) == '.';
    if (signedWithDash(after, d)) {
      d.sentenceEnd = after.get(after.size() - 1).end();
      return d;
    }
    if (!closesSentence && attributionAfter(after, d)) {
      d.sentenceEnd = afterEnd;
      return d;
    }
    if (brief) {
      return null;
    }
    // Attribution before the opening mark: Putin said: “…” / Clinton said on the other hand, “…”
    // (also across a line break after a colon: "He said:\n\n“…”").
    int opening = quote[0];
    int back = opening;
    while (back > 0 && Tokenizer.isSpace(body.charAt(back - 1))) {
      back--;
    }
    if (back < opening && back > 0 && body.charAt(back - 1) == ':') {
      opening = back;
    }
    int from = sentenceStartBefore(body, opening);
    List<Token> before = tokenizer.tokens(body.substring(from, opening));
    shift(before, from);
    if (attributionBefore(before, d)) {
      d.sentenceStart = from;
      return d;
    }
    // A quotation standing as its own paragraph, or going on after an attributed one ("“….” said
    // Caddell. “It is one of …”), takes a neighbour's speaker (resolved later).
    boolean ownParagraph = lineStart(body, quote[0]) && (quote[1] >= body.length() || body.charAt(Math.min(body.length() - 1, quote[1])) == '\n'
        || body.startsWith("\n", quote[1]) || quote[1] == afterEnd);
    // A quotation opening a sentence after a closed one in its paragraph goes on with the same
    // speaker ("“…,” Ryan said. “And …”"); one inside a sentence is a fragment of what it reports.
    int previous = quote[0] - 1;
    while (previous >= 0 && Tokenizer.isSpace(body.charAt(previous))) {
      previous--;
    }
    boolean opensSentence = previous < 0 || ".!?”\"".indexOf(body.charAt(previous)) >= 0;
    boolean continues = closedInLine(body, quote[0]) && opensSentence || ownParagraph;
    d.continuesQuote = continues && !ownParagraph;
    return ownParagraph || continues ? d : null;
  }

  /** Dashes that sign a quotation: "“…” ― Sonya Herridge", "“…” — Mark Twain". */
  private static final Set<String> SIGNING_DASHES = Set.of("―", "—", "–", "--");

  /** A quotation signed by the name after a dash; the dash is the cue. */
  private static boolean signedWithDash(List<Token> after, Draft d) {
    if (after.size() < 2 || !SIGNING_DASHES.contains(after.get(0).text())) {
      return false;
    }
    int e = 1;
    while (e < after.size() && e <= 5 && Character.isUpperCase(after.get(e).text().codePointAt(0))) {
      e++;
    }
    if (e == 1) {
      return false;
    }
    setSource(d, after, 1, e);
    setCue(d, after, 0, 1);
    return true;
  }

  private boolean attributionAfter(List<Token> after, Draft d) {
    int k = 0;
    while (k < after.size() && (after.get(k).text().equals(",") || after.get(k).text().equals("."))) {
      k++;
    }
    // Ten tokens hold a name and a short title; a longer apposition must read as one
    // (",” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing, said").
    int limit = Math.min(after.size(), k + 10 + MAX_APPOSITION);
    for (int i = k; i < limit; i++) {
      int cueLength = cues.at(after, i);
      if (cueLength == 0) {
        continue;
      }
      if (i >= k + 10) {
        int e = beforeTimePhrase(after, i);
        int name = nameBeforeApposition(after, k, e);
        if (name < 0) {
          return false;
        }
        setSource(d, after, k, name);
        setCue(d, after, i, i + cueLength);
        return true;
      }
      if (i == k) { // ,” said Dmitry Peskov, the Kremlin spokesman.
        int s = i + cueLength;
        int e = s;
        while (e < after.size() && !BOUNDARIES.contains(after.get(e).text()) && !after.get(e).text().equals(".") && e - s < 12) {
          e++;
        }
        if (e == s) {
          return false;
        }
        setSource(d, after, s, e);
      } else {
        int s = k;
        int e = i;
        while (e > s && between(after.get(e - 1).text().toLowerCase(Locale.ROOT))) {
          e--;
        }
        e = beforeTimePhrase(after, e);
        int comma = indexOf(after, ",", s, e);
        if (!plausibleSource(after, s, comma > s ? comma : e)) {
          return false;
        }
        setSource(d, after, s, comma > s ? comma : e); // "Dmitry Peskov, the Kremlin spokesman, said": the name
      }
      setCue(d, after, i, i + cueLength);
      return true;
    }
    return false;
  }

  private boolean attributionBefore(List<Token> before, Draft d) {
    int n = before.size();
    // Skip what separates the cue from the quotation: ":" "," "that" and short adverbials.
    for (int i = n - 1; i >= Math.max(0, n - 12); i--) {
      int cueLength = cues.endingAt(before, i);
      if (cueLength == 0) {
        continue;
      }
      int cueStart = i - cueLength + 1;
      int e = cueStart;
      while (e > 0 && between(before.get(e - 1).text().toLowerCase(Locale.ROOT))) {
        e--;
      }
      int[] source = sourceBefore(before, beforeTimePhrase(before, e));
      if (source == null) {
        return false;
      }
      setSource(d, before, source[0], source[1]);
      setCue(d, before, cueStart, i + 1);
      return true;
    }
    return false;
  }

  // --- reported speech -----------------------------------------------------------------------

  private Draft indirect(String body, List<Token> tokens, List<int[]> quotes, Set<Integer> usedCues) {
    int n = tokens.size();
    if (n < 4) {
      return null;
    }
    // NAME: CONTENT at the start of a line (headlines, transcripts: "PENCE: Well, the question …")
    int first = tokens.get(0).text().equals("\"") || tokens.get(0).text().equals("“") ? 1 : 0; // "PENCE: … in a quoted transcript
    int colon = indexOf(tokens, ":", first + 1, Math.min(n, first + 5));
    boolean inverted = colon > first + 1 && cues.listed(Cues.text(tokens, first, first + 1)); // "Said Ellis: …" mid-paragraph
    if (colon > 0 && (lineStart(body, tokens.get(0).start()) || inverted) && n - colon > 3) {
      boolean names = true;
      for (int k = first; k < colon; k++) {
        names &= Character.isUpperCase(tokens.get(k).text().codePointAt(0));
      }
      if (names && NOT_SPEAKERS.contains(Cues.text(tokens, first, colon))) {
        names = false; // "Photo: …", "Watch: …": page furniture, not a speaker
      }
      if (names && tokens.subList(colon + 1, n).stream().filter(t -> t.text().equals(";")).count() >= 3) {
        names = false; // "Riverside City: Carter; Mensah, Holt; …": a list, not a statement
      }
      if (names && !inverted && !allCaps(tokens, first, colon) && reportsItsOwnSource(tokens, colon + 1)) {
        names = false; // "South Korea: the presidential office says …": a label over a statement with its own source
      }
      if (names) {
        Draft d = draft(tokens);
        if (colon - first >= 2 && cues.listed(Cues.text(tokens, first, first + 1))) {
          setCue(d, tokens, first, first + 1); // "Said Ellis: …", "Added Trump: …"
          setSource(d, tokens, first + 1, colon);
        } else {
          setSource(d, tokens, first, colon);
        }
        if (content(d, tokens, colon + 1, n)) {
          return d;
        }
      }
    }
    // According to SOURCE, CONTENT  /  CONTENT, according to SOURCE.
    for (int i = 0; i + 1 < n; i++) {
      if (tokens.get(i).text().equalsIgnoreCase("according") && tokens.get(i + 1).text().equalsIgnoreCase("to")) {
        int s = i + 2;
        int e = s;
        while (e < n && !BOUNDARIES.contains(tokens.get(e).text()) && !tokens.get(e).text().equals(".") && e - s < 12) {
          e++;
        }
        if (e == s) {
          return null;
        }
        Draft d = draft(tokens);
        setCue(d, tokens, i, i + 2);
        setSource(d, tokens, s, e);
        if (i == 0) {
          int cs = e < n && tokens.get(e).text().equals(",") ? e + 1 : e;
          return content(d, tokens, cs, n) ? d : null;
        }
        int ce = i > 0 && tokens.get(i - 1).text().equals(",") ? i - 1 : i;
        return content(d, tokens, 0, ce) ? d : null;
      }
    }
    for (int i = 1; i < n; i++) {
      int cueLength = cues.at(tokens, i);
      if (cueLength == 0 || usedCues.contains(tokens.get(i).start()) || insideQuote(tokens.get(i).start(), quotes)) {
        continue;
      }
      if (tokens.get(i - 1).text().equalsIgnoreCase("to")
          || i + cueLength < n && REFLEXIVES.contains(tokens.get(i + cueLength).text().toLowerCase(Locale.ROOT))) {
        continue; // "declined to say when", "a save to deny him", "found itself at war": nothing is stated
      }
      int afterCue = i + cueLength;
      int listenerEnd = afterCue;
      boolean directive = cues.listenerOnlyBeforeInfinitive(tokens, i, afterCue); // "urged X to …", "urges retaliation"
      if (cues.takesListener(tokens, i, afterCue) && !directive) {
        while (listenerEnd < n && listenerEnd - afterCue < 3 && !tokens.get(listenerEnd).text().equals(".") && !BOUNDARIES.contains(tokens.get(listenerEnd).text())) {
          listenerEnd++;
        }
      }
      // "…, Peskov said, adding that …": the cue ends its clause when a participle cue follows.
      boolean atEnd = listenerEnd >= n - 1 || tokens.get(listenerEnd).text().equals(".")
          || tokens.get(listenerEnd).text().equals(",") && listenerEnd + 1 < n
          && tokens.get(listenerEnd + 1).text().endsWith("ing") && cues.at(tokens, listenerEnd + 1) > 0;
      // "…, top black lawmakers said Friday afternoon, as they …": a time phrase then a new clause.
      int afterTime = timePhraseEnd(tokens, listenerEnd);
      atEnd |= afterTime > listenerEnd && i > 0 && !tokens.get(i - 1).text().equals(",")
          && afterTime < n && (tokens.get(afterTime).text().equals(",") || tokens.get(afterTime).text().equals("."))
          && lastIndexOf(tokens, ",", 0, i) > 0;
      if (atEnd) {
        // CONTENT, SOURCE CUE.
        int e = i;
        while (e > 0 && between(tokens.get(e - 1).text().toLowerCase(Locale.ROOT))) {
          e--;
        }
        e = beforeTimePhrase(tokens, e);
        int comma = lastIndexOf(tokens, ",", 0, e);
        int sourceEnd = e;
        if (comma == e - 1) {
          // CONTENT, NAME, APPOSITION, CUE. ("…, Johnnie Wilson, of Springfield, Va., said.")
          comma = -1;
          for (int p = e - 2; p > 0 && e - p <= MAX_APPOSITION; p--) {
            int name = tokens.get(p).text().equals(",") ? nameBeforeApposition(tokens, p + 1, e) : -1;
            if (name > 0) {
              comma = p;
              sourceEnd = name;
              break;
            }
          }
        }
        if (comma <= 0 || sourceEnd - comma - 1 > 10 || !plausibleSource(tokens, comma + 1, sourceEnd)) {
          continue;
        }
        Draft d = draft(tokens);
        setSource(d, tokens, comma + 1, sourceEnd);
        setCue(d, tokens, i, Math.max(afterCue, listenerEnd));
        return content(d, tokens, 0, comma) ? d : null;
      }
      int beforeCue = i;
      while (beforeCue > 0 && between(tokens.get(beforeCue - 1).text().toLowerCase(Locale.ROOT))) {
        beforeCue--;
      }
      // ", saying …", and a gerund after a preposition: "for saying that …", "began by saying …"
      boolean participle = tokens.get(i).text().endsWith("ing") && (tokens.get(i - 1).text().equals(",")
          || GERUND_PREPOSITIONS.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT)));
      // "Trump bemoaned the unrest and said he thought …": a second verb of the sentence's subject.
      boolean coordinated = beforeCue >= 3 && Set.of("and", "but").contains(tokens.get(beforeCue - 1).text().toLowerCase(Locale.ROOT));
      if (participle || coordinated) {
        // "…, saying it would happen when conditions align": the speaker is the sentence's subject.
        int ss = afterDateline(tokens, beforeCue - 1);
        int se = subjectEnd(tokens, ss, beforeCue - 1);
        if (participle && i >= 3 && tokens.get(i - 1).text().equals(",") && cues.endingAt(tokens, i - 2) > 0) {
          // "“…,” the mayor said, adding that …", "Any such deliveries …, Peskov said, adding that …":
          // the one who just spoke, whatever opens the sentence
          int[] previous = sourceBefore(tokens, i - 1 - cues.endingAt(tokens, i - 2));
          if (previous != null) {
            ss = previous[0];
            se = previous[1];
          }
        } else if (se == 0 && participle && tokens.get(i - 1).text().equals(",")) {
          // "“…,” said Caddell, speaking of …": the name after the cue just before
          int name = i - 1;
          while (name > 0 && i - 1 - name < 4 && Character.isUpperCase(tokens.get(name - 1).text().codePointAt(0))) {
            name--;
          }
          if (name < i - 1 && name > 0 && cues.endingAt(tokens, name - 1) > 0) {
            ss = name;
            se = i - 1;
          }
        }
        if (se == 0) {
          int[] np = nounPhraseSubject(tokens, afterDateline(tokens, beforeCue - 1), beforeCue - 1);
          if (np != null) {
            ss = np[0];
            se = np[1];
          }
        }
        if (se > 0) {
          Draft d = draft(tokens);
          setSource(d, tokens, ss, se);
          int c = afterCue;
          if (cues.takesListener(tokens, i, afterCue)) {
            c = listenerEnd(tokens, afterCue); // ", telling Putin that …": the listener is part of the cue
          }
          setCue(d, tokens, i, c);
          d.joinedAt = tokens.get(participle ? i - 1 : beforeCue - 1).start();
          while (c < n && (tokens.get(c).text().equalsIgnoreCase("that") || tokens.get(c).text().equals(","))) {
            c++;
          }
          if (content(d, tokens, c, n)) {
            return d;
          }
        }
        continue;
      }
      // SOURCE CUE (LISTENER) (that) CONTENT
      int e = i;
      while (e > 0 && between(tokens.get(e - 1).text().toLowerCase(Locale.ROOT))) {
        e--;
      }
      if (tokens.get(i).text().endsWith("ing") && e > 1 && PROGRESSIVE.contains(tokens.get(e - 1).text().toLowerCase(Locale.ROOT))) {
        e--; // "Clinton is stressing that …"
      }
      e = beforeTimePhrase(tokens, e);
      // "an architect who said he was stiffed": the relative pronoun is the source; its
      // antecedent, when a name, becomes the speaker.
      // "the study -- which notes that …": the same for "which", whose antecedent is a thing.
      String relative = e >= 2 ? tokens.get(e - 1).text().toLowerCase(Locale.ROOT) : "";
      int[] source = relative.equals("who") || relative.equals("which") && e >= 3 && !tokens.get(e - 2).text().equals("of")
          ? new int[] {e - 1, e} : sourceBefore(tokens, e);
      if (source == null) {
        if (tokens.get(i - 1).text().equals(",") && i >= 3 && !cues.takesListener(tokens, i, afterCue)) {
          // CONTENT, CUE SOURCE. (Not for "told": what follows it is the listener.)
          int ss = afterCue;
          int se = ss;
          while (se < n && !tokens.get(se).text().equals(".") && !tokens.get(se).text().equals(",") && se - ss < 8) {
            se++;
          }
          if (se > ss && (se >= n - 1 || tokens.get(se).text().equals(".") || appositionToEnd(tokens, se)) && plausibleSource(tokens, ss, se)) {
            Draft d = draft(tokens);
            setSource(d, tokens, ss, se);
            setCue(d, tokens, i, afterCue);
            return content(d, tokens, 0, i - 1) ? d : null;
          }
        }
        continue;
      }
      int s = source[0];
      e = source[1];
      int c = afterCue;
      int cueEnd = afterCue;
      if (cues.takesListener(tokens, i, afterCue)) {
        // told reporters / told TASS / told Russian news agency Sputnik: the listener is part of
        // the cue: one lower-case word, or a run of capitalised ones, or all up to "that".
        int k = listenerEnd(tokens, c);
        if (!directive || k < n && (tokens.get(k).text().equals("to") || tokens.get(k).text().equalsIgnoreCase("that"))) {
          cueEnd = k; // "urged Republicans to join …"; but "urges retaliation on Russia" names no listener
          c = k;
        }
      }
      // "said through Sputnik that …", "said on Monday that …": past a phrase that opens with a
      // preposition or an adverb, the statement starts after "that"; in "questioned Moscow's
      // insistence that …" the words before "that" are the content.
      String next = c < n ? tokens.get(c).text().toLowerCase(Locale.ROOT) : "";
      boolean adverbial = PREPOSITIONS.contains(next) || next.endsWith("ly") || BETWEEN.contains(next);
      for (int k = c; adverbial && k < Math.min(n, c + 5) && !BOUNDARIES.contains(tokens.get(k).text()); k++) {
        if (tokens.get(k).text().equalsIgnoreCase("that")) {
          c = k;
          break;
        }
      }
      while (c < n && (tokens.get(c).text().equalsIgnoreCase("that") || tokens.get(c).text().equals(",") || tokens.get(c).text().equals(":"))) {
        c++;
      }
      Draft d = draft(tokens);
      setSource(d, tokens, s, e);
      setCue(d, tokens, i, cueEnd);
      if (s > 0 && JOINING.contains(tokens.get(s - 1).text().toLowerCase(Locale.ROOT))) {
        d.joinedAt = tokens.get(s - 1).start(); // "Fowler said X — and he noted that Y": X ends before "and"
      }
      int contentEnd = n;
      if (s > 0 && e - s == 1 && ASIDE_OPENERS.contains(tokens.get(s - 1).text())) {
        // "the study -- which notes that … -- should …": the statement ends with the aside
        String close = tokens.get(s - 1).text().equals("(") ? ")" : tokens.get(s - 1).text();
        int k = indexOf(tokens, close, c, n);
        contentEnd = k > c ? k : n;
      } else if (s > 0 && e - s == 1 && tokens.get(s - 1).text().equals(",") && RELATIVES.contains(tokens.get(s).text().toLowerCase(Locale.ROOT))) {
        // "Mr. Obama, who understood that a push would be fruitless, told his advisers …": the
        // relative clause ends where the main verb comes.
        for (int k = c + 1; k + 1 < n; k++) {
          if (tokens.get(k).text().equals(",") && cues.at(tokens, k + 1) > 0) {
            contentEnd = k;
            break;
          }
        }
      }
      int contentStart = c;
      int partStart = afterDateline(tokens, Math.max(0, s - 1));
      if (s > 0 && tokens.get(s - 1).text().equals(",") && cueEnd + 1 < n && tokens.get(cueEnd).text().equals(",")
          && !RELATIVES.contains(tokens.get(s).text().toLowerCase(Locale.ROOT)) && s - 1 - partStart <= 12
          && indexOf(tokens, ",", partStart, s - 1) < 0
          && (VERBS.contains(tokens.get(cueEnd + 1).text().toLowerCase(Locale.ROOT))
              || PREDICATE_WORDS.contains(tokens.get(cueEnd + 1).text().toLowerCase(Locale.ROOT)))) {
        // "The economy, analysts say, is slowing": an attribution set inside the sentence, between
        // its subject and its verb, reports all of it
        contentStart = partStart;
      }
      if (content(d, tokens, contentStart, contentEnd)) {
        return d;
      }
    }
    return null;
  }

  /**
   * POSSESSOR's NOUN that CONTENT: a statement named by a noun, its source the possessor ("Donald
   * Trump's claim that there have been thousands of shootings", "Nervo's conclusion that …", "his
   * repeated insistence that …"), also where it is what another statement is about.
   */
  private Draft possessedStatement(List<Token> tokens, Set<Integer> usedCues, List<int[]> quotes) {
    int n = tokens.size();
    for (int t = 2; t + 2 < n; t++) {
      int noun = t - 1;
      if (!tokens.get(t).text().equalsIgnoreCase("that") || !InferredCues.SAYING_NOUNS.contains(tokens.get(noun).text().toLowerCase(Locale.ROOT))
          || usedCues.contains(tokens.get(noun).start()) || insideQuote(tokens.get(noun).start(), quotes)
          || !InferredCues.opensClause(tokens, t + 1)) {
        continue;
      }
      int p = noun - 1;
      while (p > 0 && noun - p <= 2 && Character.isLowerCase(tokens.get(p).text().codePointAt(0))
          && !Speakers.POSSESSIVE_TO_SUBJECT.containsKey(tokens.get(p).text().toLowerCase(Locale.ROOT))) {
        p--; // "repeated", "hyperbolic"
      }
      String mark = tokens.get(p).text();
      int sourceStart;
      if (POSSESSIVE_MARKS.contains(mark)) {
        sourceStart = p;
        while (sourceStart > 0 && p - sourceStart < 5 && Character.isUpperCase(tokens.get(sourceStart - 1).text().codePointAt(0))) {
          sourceStart--;
        }
        if (sourceStart == p) {
          continue; // "the party's claim": no name
        }
      } else if (Speakers.POSSESSIVE_TO_SUBJECT.containsKey(mark.toLowerCase(Locale.ROOT))) {
        sourceStart = p;
      } else {
        continue;
      }
      Draft d = draft(tokens);
      setSource(d, tokens, sourceStart, p + 1);
      setCue(d, tokens, noun, noun + 1);
      if (content(d, tokens, t + 1, n)) {
        return d;
      }
    }
    return null;
  }

  static final Set<String> OPENING_MARKS = Set.of("“", "\"");
  /** Prepositions of a phrase that says where or when something was said, not what. */
  private static final Set<String> PLACE_OR_TIME_PREPOSITIONS = Set.of(
      "in", "at", "from", "on", "during", "after", "before", "since", "through", "by", "under", "over", "while");
  /** Days that open a time phrase right after a cue ("said Tuesday the …"). */
  private static final Set<String> TIME_START = Set.of(
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday");
  private static final Set<String> CLOSING_MARKS = Set.of("”", "\"");
  /** Punctuation a content does not end with; nor with a dash. */
  private static final Set<String> CLOSING_PUNCTUATION = Set.of(".", ",", ";", ":", "!", "?");
  private static final Set<String> DASHES = Set.of("—", "–", "--");
  /** Marks that open an aside a relative source may stand in ("the study -- which notes …"). */
  private static final Set<String> ASIDE_OPENERS = Set.of("—", "–", "--", "(");
  /** Words besides {@link Sources#VERBS} that show a sentence going on with its predicate. */
  private static final Set<String> PREDICATE_WORDS = Set.of("not", "won't", "does", "did");

  private static final Set<String> GERUND_PREPOSITIONS = Set.of("for", "by", "after", "before", "while", "without", "from");

  /** Words that join a second statement with its own subject to a first one. */
  private static final Set<String> JOINING = Set.of("and", "but", "while", "whereas", "though", "although");

  private static Draft draft(List<Token> sentence) {
    Draft d = new Draft();
    d.sentenceStart = sentence.get(0).start();
    d.sentenceEnd = sentence.get(sentence.size() - 1).end();
    return d;
  }

  /** A sentence cut at "; " and at ", and/but/while/whereas" into clauses, unless a cue follows the conjunction. */
  private List<List<Token>> clauses(List<Token> tokens) {
    List<List<Token>> out = new ArrayList<>();
    int from = 0;
    for (int k = 0; k < tokens.size(); k++) {
      String t = tokens.get(k).text();
      // ", and criticized the party": a second verb of the same subject stays in its sentence,
      // where the coordinated reading finds that subject.
      boolean cut = t.equals(";") || (t.equals(",") && k + 2 < tokens.size()
          && Set.of("and", "but", "while", "whereas").contains(tokens.get(k + 1).text().toLowerCase(Locale.ROOT))
          && cues.at(tokens, k + 2) == 0);
      if (cut) {
        if (k > from) {
          out.add(tokens.subList(from, k));
        }
        from = t.equals(";") ? k + 1 : k + 2;
        k = from - 1;
      }
    }
    if (from < tokens.size()) {
      out.add(tokens.subList(from, tokens.size()));
    }
    return out;
  }

  /** Sets the content to tokens {@code [s, e)} without closing punctuation; false when too short. */
  private static boolean content(Draft d, List<Token> tokens, int s, int e) {
    for (int k = s + 3; k + 1 < e; k++) {
      String w = tokens.get(k + 1).text();
      if (tokens.get(k).text().equals(",") && w.endsWith("ing") && Character.isLowerCase(w.codePointAt(0)) && w.length() > 5) {
        e = k; // "Video shows that X, contradicting the police's claim": the participle is the reporter's
        break;
      }
    }
    while (e > s && (CLOSING_PUNCTUATION.contains(tokens.get(e - 1).text()) || DASHES.contains(tokens.get(e - 1).text()))) {
      e--;
    }
    int afterTime = timePhraseEnd(tokens, s); // "said Tuesday the drug was found": not part of what was said
    if (afterTime > s && afterTime < e && TIME_START.contains(tokens.get(s).text().toLowerCase(Locale.ROOT))) {
      s = afterTime;
      while (s < e && (tokens.get(s).text().equalsIgnoreCase("that") || tokens.get(s).text().equals(","))) {
        s++;
      }
    }
    if (e - s <= 6 && s < e && PLACE_OR_TIME_PREPOSITIONS.contains(tokens.get(s).text().toLowerCase(Locale.ROOT))
        && tokens.subList(s, e).stream().map(t -> t.text().toLowerCase(Locale.ROOT))
            .noneMatch(t -> VERBS.contains(t) || t.endsWith("ed") || t.equals("to"))) {
      return false; // "said in his interview", "reported from Midway Atoll": where, not what
    }
    if (e - s >= 3 && OPENING_MARKS.contains(tokens.get(s).text()) && CLOSING_MARKS.contains(tokens.get(e - 1).text())
        && tokens.subList(s + 1, e - 1).stream().noneMatch(t -> OPENING_MARKS.contains(t.text()) || CLOSING_MARKS.contains(t.text()))) {
      s++; // "Said Ellis: “…”": the content is one quotation, without its marks
      e--;
      while (e > s && CLOSING_PUNCTUATION.contains(tokens.get(e - 1).text())) {
        e--;
      }
      d.direct = true;
    }
    if (e - s < 3) {
      return false;
    }
    d.start = tokens.get(s).start();
    d.end = tokens.get(e - 1).end();
    return true;
  }

  // --- token helpers -------------------------------------------------------------------------

  private static int indexOf(List<Token> tokens, String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).text().equals(text)) {
        return k;
      }
    }
    return -1;
  }

  private static int lastIndexOf(List<Token> tokens, String text, int from, int to) {
    for (int k = to - 1; k >= from; k--) {
      if (tokens.get(k).text().equals(text)) {
        return k;
      }
    }
    return -1;
  }

  private static void setSource(Draft d, List<Token> tokens, int s, int e) {
    if (e - s > 1 && PRONOUNS.contains(tokens.get(e - 1).text().toLowerCase(Locale.ROOT))) {
      s = e - 1; // "… the formal security umbrella it (wanted)": the source is the pronoun
    }
    d.sourceStart = tokens.get(s).start();
    d.sourceEnd = tokens.get(e - 1).end();
  }

  private static void setCue(Draft d, List<Token> tokens, int s, int e) {
    d.cueStart = tokens.get(s).start();
    d.cueEnd = tokens.get(e - 1).end();
  }

  private static void shift(List<Token> tokens, int by) {
    tokens.replaceAll(t -> new Token(t.text(), t.start() + by, t.end() + by));
  }

  /** Whether {@code at} is inside a quotation's text; {@code quotes} are in text order and never overlap. */
  private static boolean insideQuote(int at, List<int[]> quotes) {
    int lo = 0;
    int hi = quotes.size();
    while (lo < hi) { // the first quotation whose text ends after at
      int mid = (lo + hi) >>> 1;
      if (quotes.get(mid)[3] <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < quotes.size() && quotes.get(lo)[2] <= at;
  }

  private static int trimEnd(String body, int start, int end) {
    while (end > start && ",.;: —–-".indexOf(body.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  private static int wordCount(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  /** Whether the period at {@code body[dot]} closes a title or an initial ("Mr.", "F."), not a sentence. */
  private static boolean afterTitle(String body, int dot) {
    int w = dot;
    while (w > 0 && Character.isLetter(body.charAt(w - 1))) {
      w--;
    }
    return w < dot && Tokenizer.periodNeverEnds(body.substring(w, dot));
  }

  /** Where the sentence after {@code from} ends: at most {@link Tokenizer#MAX_SENTENCE_CHARS} on. */
  private static int sentenceEndAfter(String body, int from) {
    int k = from;
    int limit = Math.min(body.length(), from + Tokenizer.MAX_SENTENCE_CHARS);
    while (k < limit && body.charAt(k) != '\n' && body.charAt(k) != '“' && body.charAt(k) != '"') {
      char c = body.charAt(k);
      if ((c == '.' || c == '!' || c == '?') && (k + 1 >= body.length() || Tokenizer.isSpace(body.charAt(k + 1)))
          && !(c == '.' && afterTitle(body, k))) {
        return k + 1;
      }
      k++;
    }
    return k;
  }

  /** Where the sentence before {@code to} starts: at most {@link Tokenizer#MAX_SENTENCE_CHARS} back. */
  private static int sentenceStartBefore(String body, int to) {
    int k = to;
    int limit = Math.max(0, to - Tokenizer.MAX_SENTENCE_CHARS);
    while (k > limit && body.charAt(k - 1) != '\n' && body.charAt(k - 1) != '”') {
      char c = body.charAt(k - 1);
      if ((c == '.' || c == '!' || c == '?') && k < body.length() && Tokenizer.isSpace(body.charAt(k))
          && !(c == '.' && afterTitle(body, k - 1))) {
        break;
      }
      k--;
    }
    return k;
  }

  /**
   * Whether a closing mark stands before {@code at} on its line. Looks back only to the nearest
   * mark or line break, not to the last of each in the article: on a page without line breaks
   * the latter cost every quotation the whole text before it.
   */
  private static boolean closedInLine(String body, int at) {
    for (int k = at - 1; k >= 0; k--) {
      char c = body.charAt(k);
      if (c == '\n') {
        return false;
      }
      if (c == '”' || c == '"') {
        return true;
      }
    }
    return false;
  }

  private static boolean lineStart(String body, int at) {
    return at == 0 || body.charAt(at - 1) == '\n';
  }

}
