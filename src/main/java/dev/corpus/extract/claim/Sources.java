package dev.corpus.extract.claim;

import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the source of a statement lies among the tokens of its sentence, and whether a span
 * reads as one: a name, a pronoun or a short noun phrase, not a passive or a prepositional
 * phrase. No parser: position and a few word classes. Stateless.
 */
final class Sources {

  private Sources() {}

  /** Pronouns that can be a source; {@link Speakers} says whom they stand for. */
  static final Set<String> PRONOUNS = Set.of("he", "she", "it", "they", "we", "i");

  /** Lower-case words a noun-phrase source may open with ("the minister", "officials"). */
  static final Set<String> SOURCE_OPENERS = Set.of(
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "officials", "experts", "analysts", "critics", "some",
      "many", "several", "both", "two", "three", "one", "another", "other", "his", "her", "its", "their", "our",
      "sources", "diplomats", "observers", "residents", "witnesses", "police", "authorities", "lawmakers", "this", "that",
      "all", "most", "few", "voters", "americans", "democrats", "republicans", "polls", "surveys", "studies", "researchers");

  /** Words between a source and its cue that are not part of either ("he also said"). */
  static final Set<String> BETWEEN = Set.of(
      "also", "further", "later", "then", "previously", "repeatedly", "has", "have", "had", "has also", "once",
      "again", "reportedly", "publicly", "earlier", "separately", "recently", "would", "will", "did", "does", "not", "never");

  /**
   * Whether {@code word} (lower case) stands between a source and its cue without belonging to
   * either: {@link #BETWEEN}, or a manner adverb in -ly ("my father often said", "Trump bluntly
   * declared").
   */
  static boolean between(String word) {
    return BETWEEN.contains(word) || word.length() > 4 && word.endsWith("ly") && !word.equals("only") || ADVERBS.contains(word);
  }

  private static final Set<String> ADVERBS = Set.of("often", "always", "once", "still", "already", "soon", "now", "first", "long");

  /** Nouns for groups that speak: "state media reported", "the government said". */
  static final Set<String> COLLECTIVES = Set.of(
      "media", "police", "government", "ministry", "agency", "press", "staff", "military", "army", "public",
      "committee", "council", "court", "administration", "campaign", "office", "department", "parliament", "kremlin",
      "percent", "majority", "minority"); // "63 percent said": the respondents of a poll

  /** Auxiliaries: a span holding one is a clause ("The partnership is described"), not a source. */
  static final Set<String> VERBS = Set.of("is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must");

  /** Words a source never opens with ("During his remarks, …"). */
  static final Set<String> PREPOSITIONS = Set.of(
      "during", "in", "on", "at", "after", "before", "while", "since", "for", "with", "by", "from", "under", "over",
      "despite", "amid", "following", "unlike", "like", "beyond", "besides", "except", "although", "though", "if", "when", "as", "to", "of", "into", "about", "without", "through");

  /** Tokens that end a source on their side. */
  static final Set<String> BOUNDARIES = Set.of(",", ";", ":", "“", "”", "\"", "(", ")", "—", "–", "―", "--", "-");

  /** Possessive pronouns: a cue word after one is a noun ("his claim that …", "His promises to …"). */
  static final Set<String> POSSESSIVES = Set.of("his", "her", "their", "its", "my", "our", "your");
  /** The possessive ending as the tokenizer splits it ("Trump" "’s"). */
  static final Set<String> POSSESSIVE_MARKS = Set.of("’s", "'s");

  /** Words that open a clause: a source starts after them ("…, though he said"). */
  static final Set<String> CLAUSE_WORDS = Set.of("that", "and", "but", "while", "as", "which", "who", "because", "when", "after", "if",
      "though", "although", "whereas", "since", "unless", "until", "where", "so", "yet", "even");

  /** Capitalised only because they open a sentence: never the subject of a second cue. */
  static final Set<String> NOT_SUBJECTS = Set.of(
      "the", "a", "an", "this", "that", "these", "those", "rather", "but", "and", "or", "so", "yet", "still",
      "however", "in", "on", "at", "for", "with", "after", "before", "when", "while", "if", "as", "to", "from", "by");

  private static final Set<String> SUBORDINATORS = Set.of(
      "though", "although", "because", "since", "while", "when", "if", "as", "after", "before", "once", "unless", "whereas");

  /** Sentence adverbs: capitalised at a sentence's start, never a source ("Meanwhile", "Once"). */
  static final Set<String> SENTENCE_ADVERBS = Set.of(
      "meanwhile", "once", "having", "instead", "also", "now", "then", "later", "finally", "indeed", "moreover",
      "today", "yesterday", "earlier", "separately", "similarly", "likewise", "nevertheless", "nonetheless", "otherwise",
      "overall", "ultimately", "initially", "originally", "previously", "recently", "currently", "additionally",
      "furthermore", "besides", "perhaps", "maybe", "clearly", "obviously", "apparently", "notably", "again", "here",
      "there", "it's", "it’s");

  /**
   * The end of the sentence's subject when it is a name (a run of capitalised words, up to six)
   * or a pronoun starting at token {@code from}, ending before token {@code limit}; 0 when the
   * sentence opens otherwise.
   */
  static int subjectEnd(List<Token> tokens, int from, int limit) {
    if (from < limit && PRONOUNS.contains(tokens.get(from).text().toLowerCase(Locale.ROOT))) {
      return from + 1;
    }
    String opener = from < limit ? tokens.get(from).text().toLowerCase(Locale.ROOT) : "";
    boolean adverb = opener.endsWith("ly") && from + 1 < limit && tokens.get(from + 1).text().equals(","); // "Importantly, …"
    if (NOT_SUBJECTS.contains(opener) || SENTENCE_ADVERBS.contains(opener) || PREPOSITIONS.contains(opener) || adverb) {
      return 0; // "The …", "Rather …", "During …": capitalised only because they open the sentence
    }
    if ((opener.endsWith("ed") || opener.endsWith("ing")) && from + 1 < limit
        && !Character.isUpperCase(tokens.get(from + 1).text().codePointAt(0))) {
      return 0; // "Chastened by the defeat, …", "Having said that, …": a participle, not a name
    }
    int se = from;
    while (se < limit && se - from < 6 && Character.isUpperCase(tokens.get(se).text().codePointAt(0))) {
      se++;
    }
    return se == from ? 0 : se;
  }

  /**
   * The subject of a sentence that opens with a noun phrase rather than a name, up to its first
   * verb-like word (an auxiliary or a lower-case word in -ed): "A New York judge rejected …", "The
   * New York Times and the Gannett newspaper chain filed …"; also after a fronted phrase ("In a
   * column the day before, two Democratic speechwriters implored …", "In a speech, Trump
   * attacked …"). {@code [start, end)} or null. Used where a participle cue (", saying …") needs
   * the sentence's subject.
   */
  static int[] nounPhraseSubject(List<Token> tokens, int from, int limit) {
    int b = from;
    if (b < limit && (PREPOSITIONS.contains(tokens.get(b).text().toLowerCase(Locale.ROOT)) || tokens.get(b).text().endsWith("ly"))) {
      int comma = b;
      while (comma < limit && comma - b < 20 && !tokens.get(comma).text().equals(",")) {
        comma++;
      }
      if (comma >= limit || !tokens.get(comma).text().equals(",")) {
        // "Though she called it outrageous and called for …": the cue is inside the subordinate
        // clause, whose subject follows the subordinator.
        boolean subordinate = SUBORDINATORS.contains(tokens.get(b).text().toLowerCase(Locale.ROOT));
        return subordinate && b + 1 < limit && PRONOUNS.contains(tokens.get(b + 1).text().toLowerCase(Locale.ROOT))
            ? new int[] {b + 1, b + 2} : null;
      }
      b = comma + 1;
    }
    // "On Thursday, however, Trump spoke …"
    while (b + 1 < limit && tokens.get(b + 1).text().equals(",")
        && (SENTENCE_ADVERBS.contains(tokens.get(b).text().toLowerCase(Locale.ROOT)) || tokens.get(b).text().equalsIgnoreCase("however"))) {
      b += 2;
    }
    if (b >= limit) {
      return null;
    }
    if (PRONOUNS.contains(tokens.get(b).text().toLowerCase(Locale.ROOT))) {
      return new int[] {b, b + 1};
    }
    int name = subjectEnd(tokens, b, limit);
    if (name > b && name < limit && Character.isLowerCase(tokens.get(name).text().codePointAt(0))) {
      return new int[] {b, name};
    }
    for (int e = b + 1; e < limit && e - b <= 10; e++) {
      String t = tokens.get(e).text();
      String lower = t.toLowerCase(Locale.ROOT);
      if (BOUNDARIES.contains(t) || CLAUSE_WORDS.contains(lower) && !lower.equals("and")) {
        return null;
      }
      boolean verb = VERBS.contains(lower) || Character.isLowerCase(t.codePointAt(0)) && lower.endsWith("ed") && lower.length() > 4;
      if (verb) {
        int end = beforeTimePhrase(tokens, e); // "The Kremlin on Thursday dismissed …"
        end = end > b ? end : e;
        return plausibleSource(tokens, b, end) ? new int[] {b, end} : null;
      }
    }
    return null;
  }

  private static final Set<String> DATELINE_DASHES = Set.of("-", "—", "–", "―", "--");

  /**
   * Where a sentence starts after its dateline ("OSTRAVIK, June 20 (Interwire) - Norland's
   * central bank …"): after the dash, when the sentence opens with a word in capitals and a dash
   * follows within a dozen tokens; else 0.
   */
  static int afterDateline(List<Token> tokens, int limit) {
    if (limit < 2) {
      return 0;
    }
    String first = tokens.get(0).text();
    if (first.length() < 2 || !first.chars().allMatch(c -> Character.isUpperCase(c) || !Character.isLetter(c))) {
      return 0;
    }
    for (int k = 1; k < Math.min(limit, 12); k++) {
      if (DATELINE_DASHES.contains(tokens.get(k).text())) {
        return k + 1;
      }
    }
    return 0;
  }

  /**
   * The source that ends right before token {@code end}, or null: the clause before it, or, past
   * an apposition or relative clause between commas ("Putin, who visited Pyongyang, told"), the
   * noun phrase before that.
   */
  static int[] sourceBefore(List<Token> tokens, int end) {
    int s = clauseStart(tokens, end);
    // A subject with a relative clause, opening the sentence: "A 2014 study that appeared in the
    // journal found", "One of the docs who sent the letter called", "Surety companies that had
    // insured the obligations agreed".
    if (s > 1 && s < end && RELATIVES.contains(tokens.get(s - 1).text().toLowerCase(Locale.ROOT)) && end <= 20) {
      int head = s - 1;
      int opener = afterDateline(tokens, head);
      if (clauseStart(tokens, head) == opener && head - opener <= 6 && head > opener
          && Character.isUpperCase(tokens.get(opener).text().codePointAt(0)) && plausibleSource(tokens, opener, head)
          && tokens.subList(head, end).stream().noneMatch(t -> BOUNDARIES.contains(t.text()))) {
        return new int[] {opener, end};
      }
    }
    if (s < end && end - s <= 10 && plausibleSource(tokens, s, end)) {
      return new int[] {s, end};
    }
    // A long subject opening the sentence: "The Real Clear Politics average of polls taken over
    // the past two weeks shows …", "A USA TODAY analysis of super PACs … shows".
    if (s == 0 && end > 10 && end <= 18 && Character.isUpperCase(tokens.get(0).text().codePointAt(0))
        && !PREPOSITIONS.contains(tokens.get(0).text().toLowerCase(Locale.ROOT))
        && tokens.subList(0, end).stream().noneMatch(t -> VERBS.contains(t.text().toLowerCase(Locale.ROOT)))) {
      return new int[] {0, end};
    }
    // A name after a fronted phrase: "In a Bloomberg interview Trump declared".
    if (s < end && PREPOSITIONS.contains(tokens.get(s).text().toLowerCase(Locale.ROOT))) {
      int n = end;
      while (n > s + 1 && end - n < 5 && Character.isUpperCase(tokens.get(n - 1).text().codePointAt(0))) {
        n--;
      }
      String before = tokens.get(n - 1).text().toLowerCase(Locale.ROOT);
      if (n < end && Character.isLowerCase(tokens.get(n - 1).text().codePointAt(0))
          && !INSIDE_A_NOUN_PHRASE.contains(before)) {
        return new int[] {n, end};
      }
    }
    if (s == end && end >= 2 && tokens.get(end - 1).text().equals(",")) {
      for (int p = end - 2; p >= Math.max(1, end - 16); p--) {
        if (tokens.get(p).text().equals(",")) {
          int ps = clauseStart(tokens, p);
          if (ps < p && p - ps <= 6 && plausibleSource(tokens, ps, p)) {
            return new int[] {ps, p};
          }
          break;
        }
      }
    }
    if (s == end && end >= 3 && APPOSITION_MARKS.contains(tokens.get(end - 1).text())) {
      int b = end - 1;
      while (b > 0 && end - b <= MAX_APPOSITION && !PART_ENDS.contains(tokens.get(b - 1).text())) {
        b--;
      }
      int name = nameBeforeApposition(tokens, b, end);
      if (name > 0) {
        return new int[] {firstWord(tokens, b, name), name};
      }
    }
    // A subject joined by "and" opening the sentence: "Experts on North Korea and nuclear
    // nonproliferation said".
    if (s > 0 && s < end && tokens.get(s - 1).text().equalsIgnoreCase("and")) {
      int whole = clauseStart(tokens, s - 1);
      if (whole == 0 && end <= 10 && Character.isUpperCase(tokens.get(0).text().codePointAt(0)) && plausibleSource(tokens, 0, end)
          && tokens.subList(0, end).stream().noneMatch(t -> CLAUSE_WORDS.contains(t.text().toLowerCase(Locale.ROOT)) && !t.text().equalsIgnoreCase("and"))) {
        return new int[] {0, end};
      }
    }
    return null;
  }

  /** Words after which a capitalised run belongs to a noun phrase ("the Patriot mines"), not a fronted name. */
  private static final Set<String> INSIDE_A_NOUN_PHRASE = Set.of("the", "a", "an", "of", "his", "her", "their", "its", "our", "this", "that");
  /** Determiners that open a two-word listener ("told his advisers"). */
  private static final Set<String> LISTENER_DETERMINERS = Set.of("his", "her", "their", "its", "our", "my", "the", "a", "an");
  /** Prepositions after the head of a noun-phrase source ("documents from his tax return"). */
  private static final Set<String> HEAD_PREPOSITIONS = Set.of("of", "from", "at", "in", "on", "for", "with", "to");

  /** Marks around an apposition: commas and dashes ("Kall -- co-editor of … -- said"). */
  static final Set<String> APPOSITION_MARKS = Set.of(",", "--", "—", "–", "―");
  /** Tokens an apposition never crosses: the source is in the same part of the sentence. */
  private static final Set<String> PART_ENDS = Set.of(".", ";", ":", "“", "”", "\"", "''", "?", "!");
  static final int MAX_APPOSITION = 40;
  private static final Set<String> LEADING_CONJUNCTIONS = Set.of("but", "and", "so", "yet", "still", "now", "as");
  static final Set<String> RELATIVES = Set.of("who", "which", "that", "whose", "where");

  /**
   * The end of a name that opens tokens {@code [from, end)} and is followed by an apposition
   * reaching to {@code end - 1}, a comma or dash: "Johnnie Wilson, of Springfield, Va., (said)",
   * "Angelique Brunner, a developer and spokeswoman for the coalition, which is made up of
   * investors, (said)". An apposition may hold commas and a relative clause but no verb of its
   * own outside one; else -1.
   */
  static int nameBeforeApposition(List<Token> tokens, int from, int end) {
    int b = firstWord(tokens, from, end);
    int c = b;
    while (c < end - 1 && !APPOSITION_MARKS.contains(tokens.get(c).text())) {
      c++;
    }
    if (c == b || c >= end - 1 || c - b > 6 || end - c > MAX_APPOSITION) {
      return -1;
    }
    String first = tokens.get(b).text();
    if (!Character.isUpperCase(first.codePointAt(0)) || NOT_SUBJECTS.contains(first.toLowerCase(Locale.ROOT))
        || SENTENCE_ADVERBS.contains(first.toLowerCase(Locale.ROOT))
        || PREPOSITIONS.contains(first.toLowerCase(Locale.ROOT)) || !plausibleSource(tokens, b, c)) {
      return -1;
    }
    for (int k = b; k < c; k++) {
      int cp = tokens.get(k).text().codePointAt(0);
      if (Character.isLowerCase(cp)) {
        return -1; // a clause ("Trump campaigned, …"), not a name
      }
    }
    boolean relative = false;
    for (int k = c + 1; k < end - 1; k++) {
      String t = tokens.get(k).text().toLowerCase(Locale.ROOT);
      if (PART_ENDS.contains(t)) {
        return -1;
      }
      if (RELATIVES.contains(t)) {
        relative = true;
      } else if (APPOSITION_MARKS.contains(t)) {
        relative = false;
      } else if (!relative && VERBS.contains(t)) {
        return -1;
      }
    }
    return c;
  }

  /** {@code from}, or past the conjunctions that open a sentence part ("But Megan Hester, …"). */
  private static int firstWord(List<Token> tokens, int from, int end) {
    int b = from;
    while (b < end - 1 && LEADING_CONJUNCTIONS.contains(tokens.get(b).text().toLowerCase(Locale.ROOT))) {
      b++;
    }
    return b;
  }

  private static final Set<String> TIME_WORDS = Set.of(
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "month",
      "year", "morning", "afternoon", "evening", "night", "today", "yesterday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december");
  private static final Set<String> TIME_OPENERS = Set.of("on", "in", "last", "this", "earlier", "late", "early", "at");

  /** A day, month, year, part of a day, or a year or day number (lower case, no final period). */
  private static boolean timeWord(String t) {
    return TIME_WORDS.contains(t) || t.matches("(1[89]|20)\\d\\d|\\d{1,2}");
  }

  /**
   * The end of a time phrase that starts at {@code from} ("Friday afternoon", "on Monday", "last
   * week", "in 2010"), or {@code from} when none does.
   */
  static int timePhraseEnd(List<Token> tokens, int from) {
    int k = from;
    if (k < tokens.size() && TIME_OPENERS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
      k++;
    }
    int words = k;
    while (k < tokens.size() && k - words < 3) {
      if (!timeWord(tokens.get(k).text().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))) {
        break;
      }
      k++;
    }
    return k > words ? k : from;
  }

  /**
   * The end of a source before a time phrase that stands between it and the cue ("Trump on Monday
   * said", "who in 2010 said", "the minister last week told"), else {@code end}.
   */
  static int beforeTimePhrase(List<Token> tokens, int end) {
    for (int k = end - 1; k >= Math.max(1, end - 4); k--) {
      String t = tokens.get(k).text().toLowerCase(Locale.ROOT);
      if (TIME_OPENERS.contains(t)) {
        String last = tokens.get(end - 1).text().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        boolean time = timeWord(last) // or an abbreviated month or day: "on Sept. 5", "on Wed."
            || TIME_WORDS.stream().anyMatch(w -> w.length() > 3 && w.startsWith(last) && last.length() >= 3);
        return time && k < end - 1 ? k : end;
      }
    }
    return end;
  }

  /** The end of the listener after a cue like "told" that starts at token {@code from}. */
  static int listenerEnd(List<Token> tokens, int from) {
    int n = tokens.size();
    for (int k = from; k < n && k - from < 10; k++) { // "told Russian news agency Sputnik that …", "told a news conference in Hanoi that …"
      String t = tokens.get(k).text();
      if (t.equalsIgnoreCase("that")) {
        return k;
      }
      if (BOUNDARIES.contains(t) || t.equals(".")) {
        break;
      }
    }
    if (from >= n) {
      return from;
    }
    if (Character.isLowerCase(tokens.get(from).text().codePointAt(0))) {
      boolean determiner = LISTENER_DETERMINERS.contains(tokens.get(from).text());
      return determiner && from + 2 < n ? from + 2 : from + 1; // "told reporters the agreement …", "told his advisers to …"
    }
    int k = from;
    while (k < n && k - from < 5 && Character.isUpperCase(tokens.get(k).text().codePointAt(0))) {
      k++;
    }
    // "told Russian news agency Sputnik": lower-case words between capitalised ones belong to it
    int end = k;
    for (int j = k; j < n && j - from < 7; j++) {
      String t = tokens.get(j).text();
      if (BOUNDARIES.contains(t) || t.equals(".") || PREPOSITIONS.contains(t) || t.equalsIgnoreCase("that")) {
        break;
      }
      if (Character.isUpperCase(t.codePointAt(0))) {
        end = j + 1;
      }
    }
    return end;
  }

  /** Whether tokens from the comma at {@code comma} to the end are an apposition: ", the Kremlin spokesman." */
  static boolean appositionToEnd(List<Token> tokens, int comma) {
    int n = tokens.size();
    if (comma + 1 >= n || !Set.of("the", "a", "an", "who").contains(tokens.get(comma + 1).text().toLowerCase(Locale.ROOT)) || n - comma > 24) {
      return false;
    }
    for (int k = comma + 1; k < n; k++) {
      String t = tokens.get(k).text().toLowerCase(Locale.ROOT);
      if (t.equals("who") || t.equals("which") || t.equals("that")) {
        return true; // ", a longtime adviser to the family who oversees the campaign.": a relative clause may have verbs
      }
      if (VERBS.contains(t)) {
        return false;
      }
    }
    return true;
  }

  /** The first token of the clause that ends at {@code end}: after a boundary or a clause word. */
  static int clauseStart(List<Token> tokens, int end) {
    int s = end;
    while (s > 0) {
      String t = tokens.get(s - 1).text();
      if (t.equals(")")) { // "Gov. Mike Pence (R-IN) said": a parenthesis inside the name
        int open = s - 2;
        while (open >= 0 && !tokens.get(open).text().equals("(") && s - open < 6) {
          open--;
        }
        if (open >= 1 && tokens.get(open).text().equals("(")) {
          s = open;
          continue;
        }
      }
      if (BOUNDARIES.contains(t) || CLAUSE_WORDS.contains(t.toLowerCase(Locale.ROOT)) || t.equals(".")) {
        break;
      }
      s--;
    }
    return s;
  }

  /** Whether tokens {@code [s, e)} can name a source: a name, a pronoun or a noun phrase. */
  static boolean plausibleSource(List<Token> tokens, int s, int e) {
    if (s >= e || e - s > 10) {
      return false;
    }
    for (int k = s; k < e; k++) {
      if (VERBS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
        return false; // "The partnership is (described)": a passive, not a source
      }
    }
    String first = tokens.get(s).text();
    if (e - s == 1 && Set.of("the", "a", "an", "this", "that", "its", "their").contains(first.toLowerCase(Locale.ROOT))) {
      return false; // "The question of …", "a think tank": the cue word is a noun here
    }
    if (PREPOSITIONS.contains(first.toLowerCase(Locale.ROOT)) || SENTENCE_ADVERBS.contains(first.toLowerCase(Locale.ROOT))) {
      return false; // "During his (remarks)", "Meanwhile"
    }
    if (Character.isUpperCase(first.codePointAt(0))) {
      return true;
    }
    if (SOURCE_OPENERS.contains(first.toLowerCase(Locale.ROOT))) {
      return true;
    }
    // "longtime Democratic pollster Pat Caddell", "retired general Lloyd Newton": a name after
    // lower-case words that describe it.
    if (e - s <= 8 && Character.isUpperCase(tokens.get(e - 1).text().codePointAt(0))
        && Character.isUpperCase(tokens.get(e - 2 >= s ? e - 2 : e - 1).text().codePointAt(0))
        && tokens.subList(s + 1, e).stream().map(t -> t.text().toLowerCase(Locale.ROOT))
            .noneMatch(t -> PREPOSITIONS.contains(t) || t.equals("the") || t.equals("a") || t.equals("an"))) {
      return true;
    }
    // "top black lawmakers", "federal prosecutors", "senior officials": a short noun phrase
    // ending in a plural or a role noun.
    String last = tokens.get(e - 1).text().toLowerCase(Locale.ROOT);
    if (e - s <= 6 && speakingNoun(last)) {
      return true;
    }
    // "leaked documents from his 1995 tax return", "critics of the program": a plural head before a
    // preposition (a role noun there is an apposition's description: "spokeswoman for the coalition")
    for (int k = s + 1; k < e - 1 && e - s <= 9; k++) {
      if (HEAD_PREPOSITIONS.contains(tokens.get(k).text())) {
        String head = tokens.get(k - 1).text().toLowerCase(Locale.ROOT);
        return head.endsWith("s") && head.length() > 3 && !NameRules.shared().isTitle(head) || COLLECTIVES.contains(head);
      }
    }
    return false;
  }

  /** A plural, a role noun or a noun for a group that speaks: the head of a noun-phrase source. */
  private static boolean speakingNoun(String lower) {
    return lower.endsWith("s") && lower.length() > 3 || NameRules.shared().isTitle(lower) || COLLECTIVES.contains(lower);
  }
}
