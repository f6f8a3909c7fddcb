package dev.corpus.extract.claim;

import static dev.corpus.extract.claim.Sources.PRONOUNS;

import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who made each statement the {@link ClaimExtractor} drafted: the entity its source names, the
 * person a pronoun, a description or a relative "who" stands for, or nobody for an unnamed source
 * (see {@code docs/claims.md}, "Speakers"). Stateless.
 */
final class Speakers {

  private Speakers() {}

  /** Openers of a source nobody is named by: "an official", "some analysts". */
  static final Set<String> UNNAMED = Set.of("a", "an", "some", "several", "many", "one", "two", "three", "officials", "sources", "experts", "analysts", "observers", "critics", "diplomats");

  /**
   * The claims of {@code drafts} with their speakers: first the statements with a source, in text
   * order (so "he" can take the last speaker), then the quoted paragraphs that name no one.
   */
  static List<Claim> resolve(String body, List<Draft> drafts, EntityAnnotations entities) {
    CodePoints cp = new CodePoints(body);
    MentionIndex mentions = new MentionIndex(entities == null ? List.of() : entities.mentions());
    Map<String, List<String>> roles = new HashMap<>();
    if (entities != null) {
      for (DocumentEntity e : entities.entities()) {
        roles.put(e.name(), e.roles());
      }
    }
    Descriptions descriptions = new Descriptions(mentions.all(), roles);
    String lastSpeaker = null;
    int lastSpeakerAt = 0;
    for (Draft d : drafts) { // first the statements with a source, in order
      if (d.sourceStart < 0) {
        continue;
      }
      String speakerText = body.substring(d.sourceStart, d.sourceEnd);
      String opener = speakerText.split("\\s+")[0].toLowerCase(Locale.ROOT);
      boolean unnamed = UNNAMED.contains(opener);
      String speaker = unnamed ? null : mentions.named(cp.of(d.sourceStart), cp.of(d.sourceEnd));
      if (speaker == null && !unnamed) {
        String lower = POSSESSIVE_TO_SUBJECT.getOrDefault(speakerText.toLowerCase(Locale.ROOT), speakerText.toLowerCase(Locale.ROOT));
        if (lower.equals("who") || lower.equals("which")) {
          speaker = mentions.antecedent(cp.of(d.sourceStart));
        } else if (PRONOUNS.contains(lower)) {
          speaker = lower.equals("it") || lower.equals("they") || lower.equals("we")
              ? mentions.lastNamed(cp.of(d.sourceStart), EntityType.ORG)
              : lastSpeaker != null && mentions.isPerson(lastSpeaker) && paragraphsBetween(body, lastSpeakerAt, d.sourceStart, 1) <= 1 ? lastSpeaker
              : paragraphSubject(body, d.sourceStart, cp, mentions) != null ? paragraphSubject(body, d.sourceStart, cp, mentions)
              : mentions.lastNamed(cp.of(d.sourceStart), EntityType.PERSON);
        } else if (lower.startsWith("the ")) {
          speaker = descriptions.described(lower.substring(4), cp.of(d.sourceStart));
          String head = lower.substring(lower.lastIndexOf(' ') + 1);
          if (speaker == null && lastSpeaker != null && mentions.isPerson(lastSpeaker) && NameRules.shared().isTitle(head)) {
            speaker = lastSpeaker; // "the expert" after the expert has spoken
          }
        }
      }
      d.speaker = speaker;
      if (speaker != null) {
        lastSpeaker = speaker;
        lastSpeakerAt = d.sourceStart;
      }
    }
    for (int k = 0; k < drafts.size(); k++) { // then quoted paragraphs that name no one
      if (drafts.get(k).sourceStart < 0 && drafts.get(k).direct) {
        drafts.get(k).speaker = neighbourSpeaker(drafts, k, body);
      }
    }
    List<Claim> out = new ArrayList<>();
    for (Draft d : drafts) {
      int cueStart = d.cueStart < 0 ? -1 : negationStart(body, d);
      boolean negated = cueStart >= 0 && cueStart < d.cueStart;
      String cue = cueStart < 0 ? null : body.substring(cueStart, d.cueEnd);
      String content = body.substring(d.start, d.end);
      ClaimKinds.Reading reading = ClaimKinds.shared().read(cue, content, d.direct);
      out.add(new Claim(d.speaker, d.sourceStart < 0 ? null : body.substring(d.sourceStart, d.sourceEnd),
          cue, content, d.direct, reading.kind(), negated, reading.denies(),
          cp.of(d.start), cp.of(d.end),
          d.sourceStart < 0 ? -1 : cp.of(d.sourceStart), d.sourceEnd < 0 ? -1 : cp.of(d.sourceEnd),
          cueStart < 0 ? -1 : cp.of(cueStart), d.cueEnd < 0 ? -1 : cp.of(d.cueEnd),
          body.substring(d.sentenceStart, d.sentenceEnd).replaceAll("\\s+", " ").strip()));
    }
    return List.copyOf(out);
  }

  /**
   * English negates a verb inside its verb group: an auxiliary with "not" or "n't", or "never",
   * right before the verb ("did not say", "wouldn't confirm", "has never claimed", "could not
   * immediately confirm"). The group is the few words before the cue back to the source or to a
   * quotation mark or punctuation, so a "not" inside a quotation or an earlier clause never counts.
   */
  private static final Pattern NEGATED_GROUP = Pattern.compile(
      "(?i)(?:\\b(?:do|does|did|will|would|can|could|may|might|must|shall|should|has|have|had|is|are|was|were)\\s+(?:not|never)\\b"
          + "|\\b\\w+n['’]t\\b|\\bcannot\\b|\\bnever\\b)(?:\\s+(?:yet|immediately|publicly|directly|explicitly|specifically|even|once|ever))*\\s*$");
  private static final int VERB_GROUP_CHARS = 40;

  /** Where the cue's verb group starts: before its negation when it is negated, else the cue itself. */
  private static int negationStart(String body, Draft d) {
    int from = Math.max(d.sentenceStart, d.cueStart - VERB_GROUP_CHARS);
    if (d.sourceEnd >= 0 && d.sourceEnd <= d.cueStart) {
      from = Math.max(from, d.sourceEnd);
    }
    for (int i = d.cueStart - 1; i >= from; i--) {
      char c = body.charAt(i);
      if (c == '"' || c == '“' || c == '”' || c == ',' || c == ';' || c == ':' || c == '.' || c == '—') {
        from = i + 1;
        break;
      }
    }
    Matcher m = NEGATED_GROUP.matcher(body.substring(from, d.cueStart));
    return m.find() ? from + m.start() : d.cueStart;
  }

  /**
   * A possessive pronoun source ("his insistence that …") stands for whom its subject form would;
   * the extractor takes these, and only these, as the possessor of a statement named by a noun.
   */
  static final java.util.Map<String, String> POSSESSIVE_TO_SUBJECT = java.util.Map.of(
      "his", "he", "her", "she", "their", "they", "its", "it");

  /**
   * The longest stretch of text taken as one paragraph. A page flattened onto one line has no
   * paragraph breaks: without a bound, "the paragraph before" a pronoun was the whole text before
   * it, a quoted paragraph's neighbours could be any distance away, and finding either cost every
   * statement the text before it. A longer paragraph counts as one paragraph per this many
   * characters, cut after a sentence end. The longest paragraphs seen in real articles: 16,239
   * characters in PolNeAR's training set (a transcript run together), 646 in Reuters-21578, 498
   * in {@code samples/}.
   */
  static final int MAX_PARAGRAPH_CHARS = 20_000;

  /** The first person named in the paragraph before {@code at}: who "he" usually is. */
  static String paragraphSubject(String body, int at, CodePoints cp, MentionIndex mentions) {
    return mentions.firstPerson(cp.of(paragraphStart(body, at)), cp.of(at));
  }

  /**
   * Where the paragraph holding {@code at} starts: after the blank line before it, or, when there
   * is none within {@link #MAX_PARAGRAPH_CHARS}, after the first sentence end in that reach.
   */
  static int paragraphStart(String body, int at) {
    int floor = Math.max(0, at - MAX_PARAGRAPH_CHARS);
    for (int i = Math.min(at, body.length() - 2); i >= floor; i--) {
      if (body.charAt(i) == '\n' && body.charAt(i + 1) == '\n') {
        return i + 2;
      }
    }
    if (floor == 0) {
      return 0;
    }
    for (int k = floor; k + 1 < at; k++) {
      char c = body.charAt(k);
      if ((c == '.' || c == '!' || c == '?') && Tokenizer.isSpace(body.charAt(k + 1))) {
        return k + 2;
      }
    }
    return floor;
  }

  /**
   * "The expert", "the minister": the person last named whose role has the word or one of its
   * family, preferring the role that holds most of the description's other words. A document has
   * few distinct roles: each description is scored against each role once, and the person is
   * then the last one named before the statement with a role of the best score, found by a binary
   * search per role. Reading every person named before each statement cost a long article its
   * statements times its people.
   */
  static final class Descriptions {
    private final List<EntityMention> people; // the mentions of people with a role, in text order
    private final int[] ends;
    /** For each role, the indexes in {@link #people} of the mentions of people who have it, ascending. */
    private final Map<String, int[]> withRole = new LinkedHashMap<>();
    /** For each description, the score of each role that fits it (no entry: the role does not). */
    private final Map<String, Map<String, Integer>> scores = new HashMap<>();

    Descriptions(List<EntityMention> mentions, Map<String, List<String>> roles) {
      this.people = mentions.stream()
          .filter(m -> m.type().equals(EntityType.PERSON) && !roles.getOrDefault(m.entity(), List.of()).isEmpty())
          .toList();
      this.ends = people.stream().mapToInt(EntityMention::end).toArray();
      Map<String, List<Integer>> lists = new LinkedHashMap<>();
      for (int k = 0; k < people.size(); k++) {
        for (String role : roles.get(people.get(k).entity())) {
          lists.computeIfAbsent(role, r -> new ArrayList<>()).add(k);
        }
      }
      lists.forEach((role, list) -> withRole.put(role, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The person {@code description} ("expert", "Russian leader") stands for at {@code before}, or null. */
    String described(String description, int before) {
      int last = lastAtOrBefore(ends, before, ends.length); // the last person named before
      int bestScore = 0;
      int bestAt = -1;
      for (Map.Entry<String, Integer> fit : scores.computeIfAbsent(description, this::score).entrySet()) {
        int[] at = withRole.get(fit.getKey());
        int k = lastAtOrBefore(at, last, at.length);
        // Ties go to the person named last.
        if (k >= 0 && (fit.getValue() > bestScore || fit.getValue() == bestScore && at[k] > bestAt)) {
          bestScore = fit.getValue();
          bestAt = at[k];
        }
      }
      return bestAt < 0 ? null : people.get(bestAt).entity();
    }

    /** The roles that fit {@code description}, with their scores. */
    private Map<String, Integer> score(String description) {
      String[] words = description.split("\\s+");
      String head = words[words.length - 1];
      Integer headFamily = RoleFamilies.ofWord(head);
      Map<String, Integer> out = new HashMap<>();
      for (String role : withRole.keySet()) {
        String lower = role.toLowerCase(Locale.ROOT);
        // The head noun, or one of its family ("the Russian leader" for "Russian President"),
        // and then as many of the description's other words as can be had ("Russian").
        boolean sameHead = lower.contains(head);
        if (!sameHead && (headFamily == null || !headFamily.equals(RoleFamilies.of(role)))) {
          continue;
        }
        int score = sameHead ? 1 : 0;
        for (int k = 0; k < words.length - 1; k++) {
          score += lower.contains(words[k]) ? 2 : 0;
        }
        out.put(role, score);
      }
      return out;
    }

    /** The index of the last of the first {@code n} ascending {@code values} at most {@code at}, or -1. */
    private static int lastAtOrBefore(int[] values, int at, int n) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] <= at) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - 1;
    }
  }

  /** The speaker of the nearest attributed quotation within two paragraphs, or null. */
  static String neighbourSpeaker(List<Draft> drafts, int k, String body) {
    Draft d = drafts.get(k);
    if (d.continuesQuote && k > 0) {
      // "“…,” Ryan said. “…”": the one quoted just before in the same paragraph goes on.
      Draft o = drafts.get(k - 1);
      if (o.direct && o.sourceStart >= 0 && !lineBreakIn(body, o.end, d.start)) {
        d.sourceStart = o.sourceStart;
        d.sourceEnd = o.sourceEnd;
        return o.speaker;
      }
    }
    for (int distance = 1; distance <= 2; distance++) {
      for (int j : new int[] {k - distance, k + distance}) {
        if (j >= 0 && j < drafts.size() && drafts.get(j).direct && drafts.get(j).sourceStart >= 0) {
          Draft o = drafts.get(j);
          if (paragraphsBetween(body, Math.min(o.start, drafts.get(k).start), Math.max(o.start, drafts.get(k).start), 2) <= 2) {
            drafts.get(k).sourceStart = o.sourceStart; // the same source, named once
            drafts.get(k).sourceEnd = o.sourceEnd;
            return o.speaker;
          }
        }
      }
    }
    return null;
  }

  /** Whether {@code body[from, to]} holds a line break. */
  private static boolean lineBreakIn(String body, int from, int to) {
    for (int i = from; i <= to && i < body.length(); i++) {
      if (body.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * The paragraph breaks between {@code from} and {@code to}: blank lines, and one for every
   * {@link #MAX_PARAGRAPH_CHARS} of text without one. Counts no further than past {@code atMost},
   * so that the answer costs at most that many paragraphs of text.
   */
  static int paragraphsBetween(String body, int from, int to, int atMost) {
    int count = 0;
    int run = 0; // characters since the last blank line
    for (int i = from; i + 1 < to && count <= atMost; i++) {
      if (body.charAt(i) == '\n' && body.charAt(i + 1) == '\n') {
        count++;
        run = 0;
      } else if (++run >= MAX_PARAGRAPH_CHARS) {
        count++;
        run = 0;
      }
    }
    return count;
  }
}
