package dev.corpus.extract.claim;

import static dev.corpus.extract.claim.Sources.PRONOUNS;

import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
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
 * Who made each statement the {@link ClaimExtractor} drafted: the entity its source names (the
 * body, not the possessor, of "Germany's economy ministry"; the country of a capital, "Tokyo
 * said"), the person a pronoun, a description or a relative "who" stands for, the organisation a
 * description ("the ministry", {@link OrgDescriptions}) or a spokesperson ("an ILO spokesperson")
 * stands for, or nobody for an unnamed source (see {@code docs/claims.md}, "Speakers"). Stateless.
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
    SourceResolver sources = new SourceResolver(body, cp, entities == null ? EntityAnnotations.NONE : entities, NameRules.shared());
    String lastSpeaker = null;
    int lastSpeakerAt = 0;
    for (Draft d : drafts) { // first the statements with a source, in order
      if (d.sourceStart < 0) {
        continue;
      }
      String speaker = sources.speaker(d.sourceStart, d.sourceEnd, lastSpeaker, lastSpeakerAt);
      d.speaker = speaker;
      // "Sanders' campaign said …; he added": the possessor stays whom the text is about.
      String salient = speaker != null ? speaker : sources.possessor(d.sourceStart, d.sourceEnd);
      if (salient != null) {
        lastSpeaker = salient;
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

  /** The spokesperson family of role nouns: "spokesman", "spokeswoman", "spokesperson". */
  private static final Integer SPOKESPERSON = RoleFamilies.ofWord("spokesperson");

  /** Words that join a spokesperson to the body they speak for: "a spokesman for the ministry". */
  private static final Set<String> SPEAKS_FOR = Set.of("for", "of", "at");

  /** Words after which a spokesperson's body ends: "a spokesman for the ministry in Bonn". */
  private static final Set<String> ENDS_BODY = Set.of("in", "at", "on", "from", "who", ",", "(", "—", "--");

  /** Prepositions: a possessive after one is inside a modifier of the source, not its possessor. */
  private static final Set<String> PREPOSITIONS = Set.of("of", "for", "at", "in", "on", "from", "with", "by", "to");

  /** Articles and possessive marks, which a description is read without. */
  private static final Set<String> NOT_DESCRIBING = Set.of("a", "an", "the", "'s", "’s", "'", "’");

  /** The sources of one article and what it names, for resolving each source to its speaker. */
  private static final class SourceResolver {
    private final String body;
    private final CodePoints cp;
    private final NameRules rules;
    private final MentionIndex mentions;
    private final Descriptions descriptions;
    private final OrgDescriptions organisations;
    /** The article's organisations and places by the {@link NameRules#key} of each of their spellings. */
    private final Map<String, String> byKey = new HashMap<>();
    /** The article's people named in full, by the first and by the last word of their names. */
    private final Map<String, String> personByName = new HashMap<>();
    private final Tokenizer tokenizer = new Tokenizer();

    SourceResolver(String body, CodePoints cp, EntityAnnotations entities, NameRules rules) {
      this.body = body;
      this.cp = cp;
      this.rules = rules;
      this.mentions = new MentionIndex(entities.mentions());
      Map<String, List<String>> roles = new HashMap<>();
      for (DocumentEntity e : entities.entities()) {
        roles.put(e.name(), e.roles());
        String[] words = NameRules.normal(e.name()).split(" ");
        if (e.type().equals(EntityType.PERSON) && words.length >= 2) {
          personByName.putIfAbsent(words[0], e.name());
          personByName.putIfAbsent(words[words.length - 1], e.name());
        }
        if (!e.type().equals(EntityType.PERSON)) {
          byKey.putIfAbsent(rules.key(e.name()), e.name());
          e.aliases().forEach(a -> byKey.putIfAbsent(rules.key(a), e.name()));
        }
      }
      this.descriptions = new Descriptions(mentions.all(), roles);
      this.organisations = new OrgDescriptions(mentions.all(), entities.entities(), OrgKinds.shipped(), rules);
    }

    /**
     * The speaker of the source {@code body[from, to)} (UTF-16 offsets), or null; {@code
     * lastSpeaker} spoke last, at {@code lastSpeakerAt}.
     */
    String speaker(int from, int to, String lastSpeaker, int lastSpeakerAt) {
      String speakerText = body.substring(from, to);
      String lower = speakerText.toLowerCase(Locale.ROOT);
      String opener = lower.split("\\s+")[0];
      List<Token> tokens = tokenizer.tokens(speakerText);
      boolean definite = opener.equals("the") && lower.length() > 4; // "the" alone describes nobody
      if (definite && spokesperson(tokens) >= 0) {
        String known = descriptions.described(lower.substring(4), cp.of(from)); // "the ministry spokesman" introduced before
        if (known != null) {
          return known;
        }
      }
      String spokenFor = spokenFor(tokens, from, to, lastSpeaker);
      if (spokenFor != null || UNNAMED.contains(opener)) {
        return spokenFor;
      }
      int possessed = possessed(tokens, from);
      int headFrom = possessed == 0 ? from : from + tokens.get(possessed).start();
      EntityMention named = mentions.namedMention(cp.of(headFrom), cp.of(to));
      if (named != null) {
        return possessed == 0 ? capitalsCountry(named, speakerText) : named.entity();
      }
      if (possessed > 0) {
        // "Germany's economy ministry": the possessed body speaks, not its possessor.
        List<String> words = words(tokens, from, possessed, beforePreposition(tokens, possessed));
        String head = words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(Locale.ROOT);
        if (InferredCues.SAYING_NOUNS.contains(head)) {
          // "Cornyn's statement", "the company's report": a statement's possessor made it.
          EntityMention owner = mentions.namedMention(cp.of(from), cp.of(from + tokens.get(possessed - 1).start()));
          return owner != null ? owner.entity() : organisationDescribed(words(tokens, from, 0, possessed - 1), cp.of(from), lastSpeaker);
        }
        if (organisations.describesOrganisation(head)) {
          return organisations.described(words, cp.of(from), lastSpeaker);
        }
        // "the bank's senior economist" is a person the article may have named with that role;
        // "Kuwait's oil minister" or "Lyng's aide" is someone of a named possessor's, unnamed here.
        boolean possessorNamed = mentions.namedMention(cp.of(from), cp.of(headFrom)) != null;
        return definite && !possessorNamed ? personDescribed(lower, from, lastSpeaker) : null;
      }
      String subject = POSSESSIVE_TO_SUBJECT.getOrDefault(lower, lower);
      if (subject.equals("who") || subject.equals("which")) {
        return mentions.antecedent(cp.of(from));
      }
      if (PRONOUNS.contains(subject)) {
        return subject.equals("it") || subject.equals("they") || subject.equals("we")
            ? mentions.lastNamed(cp.of(from), EntityType.ORG)
            : lastSpeaker != null && mentions.isPerson(lastSpeaker) && paragraphsBetween(body, lastSpeakerAt, from, 1) <= 1 ? lastSpeaker
            : paragraphSubject(body, from, cp, mentions) != null ? paragraphSubject(body, from, cp, mentions)
            : mentions.lastNamed(cp.of(from), EntityType.PERSON);
      }
      if (!definite) {
        return null;
      }
      List<String> words = words(tokens, from, 0, tokens.size());
      if (!words.isEmpty() && organisations.describesOrganisation(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
        return organisations.described(words, cp.of(from), lastSpeaker); // "the ministry", "the company"
      }
      return personDescribed(lower, from, lastSpeaker);
    }

    /**
     * The person a description ({@code lower}, "the …") at {@code from} stands for: the one whose
     * role it names, else, when its head is a role noun, the last speaker ("the expert" after the
     * expert has spoken).
     */
    private String personDescribed(String lower, int from, String lastSpeaker) {
      if (!lower.startsWith("the ")) {
        return null;
      }
      String speaker = descriptions.described(lower.substring(4), cp.of(from));
      String head = lower.substring(lower.lastIndexOf(' ') + 1);
      if (speaker == null && lastSpeaker != null && mentions.isPerson(lastSpeaker) && rules.isTitle(head)) {
        speaker = lastSpeaker;
      }
      return speaker;
    }

    /**
     * The entity named as the possessor of the source {@code body[from, to)} ("Sanders" in
     * "Sanders' campaign"), or null when the source has no possessive.
     */
    String possessor(int from, int to) {
      List<Token> tokens = tokenizer.tokens(body.substring(from, to));
      int possessed = possessed(tokens, from);
      return possessed == 0 ? null : mentions.named(cp.of(from), cp.of(from + tokens.get(possessed - 1).start()));
    }

    /**
     * A capital speaking stands for its country's government ("Tokyo said" is Japan): the
     * article's entity for that country when it names it, else the country's name. Only a source
     * that is the capital's name alone: "officials in Tokyo" are not Japan, nor is "Paris" in
     * "talks in Paris", which no source holds.
     */
    private String capitalsCountry(EntityMention named, String speakerText) {
      String country = named.type().equals(EntityType.LOC) && NameRules.normal(named.text()).equals(NameRules.normal(speakerText))
          ? rules.countryOfCapital(named.text()) : null;
      if (country == null) {
        return named.entity();
      }
      // A person the article names in full with the capital's name ("Ada Lima … Lima said") is
      // who speaks: the model took the lone surname for the city.
      String person = personByName.get(NameRules.normal(named.text()));
      return person != null ? person : byKey.getOrDefault(rules.key(country), country);
    }

    /** The index of the first preposition of {@code tokens} at or after {@code from}, or their size. */
    private static int beforePreposition(List<Token> tokens, int from) {
      for (int k = from; k < tokens.size(); k++) {
        if (PREPOSITIONS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      return tokens.size();
    }

    /** The index of the last spokesperson noun of {@code tokens}, or -1. */
    private static int spokesperson(List<Token> tokens) {
      int at = -1;
      for (int k = 0; k < tokens.size(); k++) {
        if (SPOKESPERSON != null && SPOKESPERSON.equals(RoleFamilies.ofWord(tokens.get(k).text().toLowerCase(Locale.ROOT)))) {
          at = k;
        }
      }
      return at;
    }

    /**
     * The organisation a spokesperson speaks for: named or described before the noun ("an ILO
     * spokesperson", "a company spokesman", "Tesla's spokeswoman") or after it ("a spokesman for
     * the ministry in Bonn": up to the next preposition or comma); null when the source names a
     * person ("ILO spokesperson Jane Doe") or no organisation ("a spokesman").
     */
    private String spokenFor(List<Token> tokens, int from, int to, String lastSpeaker) {
      int spokes = spokesperson(tokens);
      if (spokes < 0 || mentions.namesPerson(cp.of(from), cp.of(to))) {
        return null;
      }
      int before = cp.of(from);
      if (spokes + 2 < tokens.size() && SPEAKS_FOR.contains(tokens.get(spokes + 1).text().toLowerCase(Locale.ROOT))) {
        int end = spokes + 2;
        while (end < tokens.size() && !ENDS_BODY.contains(tokens.get(end).text().toLowerCase(Locale.ROOT))) {
          end++;
        }
        String body = bodyOf(tokens, from, spokes + 2, end, false);
        return body != null ? body : organisationDescribed(words(tokens, from, spokes + 2, end), before, lastSpeaker);
      }
      if (spokes != tokens.size() - 1) {
        return null;
      }
      String body = bodyOf(tokens, from, 0, spokes, true);
      return body != null ? body : organisationDescribed(words(tokens, from, 0, spokes), before, lastSpeaker);
    }

    /**
     * The body a spokesperson speaks for, named within {@code tokens[first, last)}: an
     * organisation (the first after the noun, the last before it: "a U.S. State Department
     * spokesman"), else a place that is all the words there ("a U.S. spokesman"), not one that is
     * part of another name ("a spokesman for the Rio de Janeiro Port"); null when none is named.
     */
    private String bodyOf(List<Token> tokens, int from, int first, int last, boolean nearestLast) {
      if (first >= last) {
        return null;
      }
      int start = cp.of(from + tokens.get(first).start());
      int end = cp.of(from + tokens.get(last - 1).end());
      EntityMention org = mentions.ofTypeWithin(start, end, EntityType.ORG, nearestLast);
      if (org != null) {
        return org.entity();
      }
      int k = first;
      while (k < last && NOT_DESCRIBING.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
        k++;
      }
      EntityMention place = k < last ? mentions.at(cp.of(from + tokens.get(k).start())) : null;
      return place != null && place.type().equals(EntityType.LOC) && place.end() == end ? place.entity() : null;
    }

    private String organisationDescribed(List<String> words, int before, String lastSpeaker) {
      return words.isEmpty() || !organisations.describesOrganisation(words.get(words.size() - 1).toLowerCase(Locale.ROOT))
          ? null : organisations.described(words, before, lastSpeaker);
    }

    /**
     * The token where the possessed part of a source starts ("economy" in "Germany's economy
     * ministry"), or 0. A possessive counts only before the source's head: not inside a name
     * ("Moody's Investors Service", "Heck's Inc"), nor after a preposition ("Bolster of the
     * state's drilling unit", whose head is Bolster).
     */
    private int possessed(List<Token> tokens, int from) {
      for (int k = 1; k + 1 < tokens.size(); k++) {
        String t = tokens.get(k).text();
        if (PREPOSITIONS.contains(t.toLowerCase(Locale.ROOT))) {
          return 0;
        }
        boolean possessive = t.equals("'s") || t.equals("’s")
            || (t.equals("'") || t.equals("’")) && tokens.get(k - 1).text().endsWith("s");
        if (!possessive || mentions.inside(cp.of(from + tokens.get(k).start()))) {
          continue;
        }
        String next = tokens.get(k + 1).text();
        boolean nameGoesOn = k + 2 == tokens.size() && Character.isUpperCase(next.codePointAt(0))
            && organisations.isKindWord(next.toLowerCase(Locale.ROOT).replace(".", ""));
        if (!nameGoesOn) {
          return k + 1;
        }
      }
      return 0;
    }

    /**
     * The words of {@code tokens[first, last)} (the tokens of the source at {@code from}) that
     * describe: without punctuation, articles, possessive marks, and places and nationalities the
     * article names ("the Japanese bank" describes a bank).
     */
    private List<String> words(List<Token> tokens, int from, int first, int last) {
      List<String> out = new ArrayList<>();
      for (int k = Math.max(0, first); k < last; k++) {
        Token t = tokens.get(k);
        EntityMention in = mentions.at(cp.of(from + t.start()));
        boolean place = in != null && (in.type().equals(EntityType.LOC) || in.type().equals(EntityType.MISC) || in.type().equals(EntityType.NORP));
        if (!place && !NOT_DESCRIBING.contains(t.text().toLowerCase(Locale.ROOT)) && t.text().codePoints().anyMatch(Character::isLetter)) {
          out.add(t.text());
        }
      }
      return out;
    }
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
