package dev.corpus.extract.entity;

import dev.corpus.extract.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the titles or roles a sentence gives a person, from the words before the name ("Russian
 * presidential aide Yury Ushakov", "North Korea's leader Kim Jong Un"), from an apposition after
 * it ("Sergei Lavrov, the Russian foreign minister,"), and from a predicate that makes the person
 * something ("Jane Doe became prime minister on Friday", "Doe, who was elected president of the
 * union", "Doe is the finance minister"). A role must end in (or be headed by) a role noun of
 * {@code person-titles.txt}: "said Putin" has none.
 */
final class RoleFinder {

  /** Words that may stand in a role before the name without being role nouns themselves. */
  private static final Set<String> MODIFIERS = Set.of(
      "deputy", "vice", "senior", "former", "chief", "acting", "first", "presidential", "foreign", "defence",
      "defense", "interior", "finance", "state", "prime", "top", "special", "executive", "assistant",
      "associate", "policy", "affairs", "security", "national", "military", "party", "supreme", "general",
      "veteran", "then", "current", "new", "late", "the", "of", "'s", "’s", "and", "for", "international",
      "regional", "political", "economic", "trade", "justice", "health", "news", "agency", "ministry", "government");

  private static final Set<String> APPOSITION_STOPS = Set.of(
      "said", "says", "told", "added", "was", "is", "who", "which", "that", "when", "has", "had", "will", "would");

  private static final Set<String> ARTICLES = Set.of("the", "a", "an");

  private final NameRules rules;

  RoleFinder(NameRules rules) {
    this.rules = rules;
  }

  /**
   * The roles of the person named by tokens {@code [start, end)} of {@code sentence}: the one
   * before the name or else in an apposition after it, then the one a predicate gives; none, one
   * or two.
   *
   * @param inName for each token of the sentence, whether it is inside some other name
   */
  List<String> find(String body, List<Token> sentence, int start, int end, boolean[] inName) {
    String before = before(body, sentence, start, inName);
    String given = before != null ? before : after(body, sentence, end);
    String predicate = predicate(body, sentence, end, inName);
    if (given == null) {
      return predicate == null ? List.of() : List.of(predicate);
    }
    return predicate == null || predicate.equalsIgnoreCase(given) ? List.of(given) : List.of(given, predicate);
  }

  private String before(String body, List<Token> sentence, int start, boolean[] inName) {
    int k = start - 1;
    while (k >= 0 && start - k <= 7) {
      String w = sentence.get(k).text().toLowerCase(Locale.ROOT);
      boolean accepted = inName[k] || rules.isTitle(w) || MODIFIERS.contains(w);
      if (!accepted) {
        break;
      }
      k--;
    }
    int first = k + 1;
    // Trim words that cannot open a role: articles, "of", possessive marks.
    while (first < start && Set.of("the", "of", "'s", "’s", "and", "for").contains(sentence.get(first).text().toLowerCase(Locale.ROOT))) {
      first++;
    }
    if (first >= start || !rules.isTitle(sentence.get(start - 1).text())) {
      return null; // the word right before the name must be a role noun: "aide", "Minister"
    }
    return body.substring(sentence.get(first).start(), sentence.get(start - 1).end());
  }

  private String after(String body, List<Token> sentence, int end) {
    if (end >= sentence.size() || !sentence.get(end).text().equals(",")) {
      return null;
    }
    int from = end + 1;
    int to = from;
    while (to < sentence.size() && to - from < 10) {
      String t = sentence.get(to).text();
      if (t.equals(",") || t.equals(".") || t.equals(";") || t.equals(")") || t.equals("—")) {
        break;
      }
      if (APPOSITION_STOPS.contains(t.toLowerCase(Locale.ROOT))) {
        return null;
      }
      to++;
    }
    if (to == from || to - from >= 10 || to >= sentence.size()) {
      return null;
    }
    if (ARTICLES.contains(sentence.get(from).text().toLowerCase(Locale.ROOT))) {
      from++;
    }
    boolean headed = false;
    for (int k = from; k < to && !headed; k++) {
      boolean head = rules.isTitle(sentence.get(k).text());
      boolean last = k == to - 1;
      boolean ofFollows = k + 1 < to && Set.of("of", "to", "for", "at").contains(sentence.get(k + 1).text().toLowerCase(Locale.ROOT));
      headed = head && (last || ofFollows);
    }
    if (!headed || from >= to) {
      return null;
    }
    return body.substring(sentence.get(from).start(), sentence.get(to - 1).end());
  }

  /**
   * The verb groups that make their subject what follows them: a copula ("is", "was the"), a
   * change of office ("became", "took over as") or an appointment in the passive ("was named",
   * "has been elected"). Each is a sequence of lower-case words; "as" may follow any of them. A
   * negation ("was not elected") or a modal ("could become", "hopes to become") matches none:
   * the role is not the person's.
   */
  private static final List<List<String>> PREDICATES = predicates(
      "is", "was", "has been", "had been", "will be",
      "became", "becomes", "has become", "had become", "will become",
      "took over", "takes over", "has taken over", "served", "serves", "has served", "stepped in",
      "was named", "is named", "has been named", "was appointed", "is appointed", "has been appointed",
      "was elected", "is elected", "has been elected", "was re-elected", "was reelected", "was chosen",
      "was nominated", "has been nominated", "was sworn in", "is sworn in", "has been sworn in", "was installed",
      "was confirmed", "has been confirmed", "was promoted", "was made", "was reappointed");

  private static List<List<String>> predicates(String... groups) {
    return java.util.Arrays.stream(groups).map(g -> List.of(g.split(" ")))
        .sorted((a, b) -> b.size() - a.size()) // the longest group first: "has been named" before "has been"
        .toList();
  }

  /** Determiners a predicate's role may open with ("is the finance minister", "was a senator"). */
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her");

  /**
   * Lower-case words that may follow a role and end it: prepositions and conjunctions that start
   * what is said about the person next ("became prime minister on Friday", "… and pledged").
   * Anything else after the role noun continues a noun phrase the role is only part of ("was a
   * minister's aide", "is the minister responsible for sport"), which gives no role.
   */
  private static final Set<String> ROLE_ENDS = Set.of(
      "in", "on", "at", "since", "for", "from", "until", "after", "before", "when", "while", "and", "but", "last",
      "this", "next", "earlier", "later", "who", "under", "with", "by", "amid", "following", "during", "over",
      "between", "then", "again", "yesterday", "today", "tomorrow");

  /** The punctuation a role may end at. */
  private static final Set<String> PUNCTUATION = Set.of(",", ".", ";", ":", "!", "?", ")", "—", "–", "--", "\"", "”", "'", "’");

  /**
   * The role a predicate right after the name gives the person: "Jane Doe became prime minister
   * on Friday", "Doe, who was named chief executive in May,", "Doe is the finance minister."
   * The role is the words after the verb group (and an optional "as" and determiner) that the
   * role words before a name are made of, ending in a role noun, with an optional "of" and the
   * name of what the office is of ("president of the union"); and it must end the noun phrase.
   */
  private String predicate(String body, List<Token> sentence, int end, boolean[] inName) {
    int k = end;
    if (k + 1 < sentence.size() && sentence.get(k).text().equals(",") && lower(sentence, k + 1).equals("who")) {
      k += 2;
    }
    int verbEnd = -1;
    for (List<String> group : PREDICATES) {
      if (k + group.size() <= sentence.size() && matches(sentence, k, group)) {
        verbEnd = k + group.size();
        break;
      }
    }
    if (verbEnd < 0) {
      return null;
    }
    k = verbEnd;
    if (k < sentence.size() && lower(sentence, k).equals("as")) {
      k++;
    }
    if (k < sentence.size() && DETERMINERS.contains(lower(sentence, k))) {
      k++;
    }
    int from = k;
    int lastTitle = -1;
    while (k < sentence.size() && k - from < 7) {
      String w = lower(sentence, k);
      boolean roleWord = inName[k] || rules.isTitle(w) || (MODIFIERS.contains(w) && !ROLE_TAIL_STOPS.contains(w));
      if (!roleWord) {
        break;
      }
      if (rules.isTitle(w)) {
        lastTitle = k;
      }
      k++;
    }
    if (lastTitle < 0) {
      return null;
    }
    int roleEnd = lastTitle + 1;
    if (roleEnd < sentence.size() && lower(sentence, roleEnd).equals("of")) {
      // "president of the union", "secretary of state": the office's body, a few words up to
      // where the role ends.
      int j = roleEnd + 1;
      while (j < sentence.size() && j - roleEnd <= 5 && !endsRole(sentence.get(j).text()) && isWord(sentence.get(j).text())) {
        j++;
      }
      if (j == roleEnd + 1 || j - roleEnd > 5) {
        return null;
      }
      roleEnd = j;
    }
    if (roleEnd < sentence.size() && !endsRole(sentence.get(roleEnd).text())) {
      return null;
    }
    return body.substring(sentence.get(from).start(), sentence.get(roleEnd - 1).end());
  }

  /** Words a role before a name may hold but one after a predicate may not run on over. */
  private static final Set<String> ROLE_TAIL_STOPS = Set.of("the", "of", "and", "for", "then");

  private static boolean matches(List<Token> sentence, int at, List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (!sentence.get(at + i).text().equals(words.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String lower(List<Token> sentence, int k) {
    return sentence.get(k).text().toLowerCase(Locale.ROOT);
  }

  private static boolean isWord(String token) {
    return token.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '.');
  }

  /** Whether a role may end before {@code token}: punctuation, a word of {@link #ROLE_ENDS}, a day or month. */
  private static boolean endsRole(String token) {
    return PUNCTUATION.contains(token) || ROLE_ENDS.contains(token) || DAYS_AND_MONTHS.contains(token);
  }

  private static final Set<String> DAYS_AND_MONTHS = Set.of(
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
      "April", "May", "June", "July", "August", "September", "October", "November", "December");
}
