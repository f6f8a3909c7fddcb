package dev.corpus.extract.entity;

import dev.corpus.ResourceLines;
import dev.corpus.extract.ner.EntityType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names are compared when mentions are merged into entities (see {@code docs/entities.md}).
 *
 * <ul>
 *   <li>Every name is compared in a normal form: lower case, accents and periods dropped,
 *       hyphens as spaces, a leading "the" dropped ({@code U.S.} is {@code us}, {@code Kim
 *       Jong-un} is {@code kim jong un}).
 *   <li>Known aliases ({@code aliases.txt}: {@code DPRK} = {@code North Korea}) share their
 *       canonical name's key.
 *   <li>Person names drop leading titles ({@code President Putin} is {@code putin}) and match
 *       word by word with romanisation variants allowed (see {@link #sameWord}).
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class NameRules {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Set<String> ACRONYM_SKIP = Set.of("of", "the", "and", "for", "&", "de", "'s", "der", "du", "la");

  private final Map<String, String> aliasToCanonical;
  private final Set<String> titles;
  private final Set<String> nationalities;
  private final int longestTitle;
  private final Map<String, String> typeByHead;
  private final Set<String> outlets;
  private final Map<String, String> countryOfCapital;
  private final Set<String> organisationWords;
  private final Map<String, String> countryOfSeat;
  private final Map<String, String> countryOfDemonym;

  private NameRules(Map<String, String> aliasToCanonical, Set<String> titles, Set<String> nationalities, int longestTitle,
      Map<String, String> typeByHead, Set<String> outlets, Map<String, String> countryOfCapital, Set<String> organisationWords,
      Map<String, String> countryOfSeat, Map<String, String> countryOfDemonym) {
    this.aliasToCanonical = aliasToCanonical;
    this.titles = titles;
    this.nationalities = nationalities;
    this.longestTitle = longestTitle;
    this.typeByHead = typeByHead;
    this.outlets = outlets;
    this.countryOfCapital = countryOfCapital;
    this.organisationWords = organisationWords;
    this.countryOfSeat = countryOfSeat;
    this.countryOfDemonym = countryOfDemonym;
  }

  private static final class Holder {
    static final NameRules INSTANCE = load();
  }

  /** The rules with the alias and title lists of the resources. */
  public static NameRules shared() {
    return Holder.INSTANCE;
  }

  private static NameRules load() {
    Map<String, String> aliases = new HashMap<>();
    for (String line : lines("/dev/corpus/extract/ner/gazetteer/aliases.txt")) {
      String[] names = line.split("\t");
      String canonical = names[0].strip();
      for (String name : names) {
        if (!name.isBlank()) {
          aliases.putIfAbsent(normal(name), canonical);
        }
      }
    }
    Set<String> titles = new HashSet<>();
    int longest = 1;
    for (String line : lines("/dev/corpus/extract/ner/gazetteer/person-titles.txt")) {
      String t = normal(line);
      titles.add(t);
      longest = Math.max(longest, t.split(" ").length);
    }
    Set<String> nationalities = new HashSet<>();
    for (String line : lines("/dev/corpus/extract/ner/gazetteer/nationalities.txt")) {
      String n = normal(line);
      nationalities.add(n);
      longest = Math.max(longest, n.split(" ").length);
    }
    Map<String, String> heads = new HashMap<>();
    for (String line : lines("/dev/corpus/extract/ner/gazetteer/head-nouns.txt")) {
      String[] typeAndWord = line.split("\t");
      heads.put(typeAndWord[1].strip(), typeAndWord[0].strip());
    }
    // The outlets ingestion recognises in bylines and datelines: "Rodong Sinmun" is a newspaper
    // wherever it is named, though the model, seeing two capitalised Korean words, says PERSON.
    Set<String> outlets = new HashSet<>();
    for (String line : lines("/dev/corpus/ingest/outlets.txt")) {
      outlets.add(normal(line));
    }
    Map<String, String> capitals = new HashMap<>();
    for (String line : lines("/dev/corpus/extract/ner/gazetteer/capitals.tsv")) {
      String[] capitalAndCountry = line.split("\t");
      String country = capitalAndCountry[1].strip();
      capitals.put(normal(capitalAndCountry[0]), aliases.getOrDefault(normal(country), country));
    }
    Set<String> organisationWords = new HashSet<>();
    for (String line : lines("/dev/corpus/extract/ner/gazetteer/org-words.txt")) {
      organisationWords.add(normal(line));
    }
    Map<String, String> seats = countries("/dev/corpus/extract/ner/gazetteer/seats.tsv", aliases);
    Map<String, String> demonyms = countries("/dev/corpus/extract/ner/gazetteer/demonyms.tsv", aliases);
    return new NameRules(Map.copyOf(aliases), Set.copyOf(titles), Set.copyOf(nationalities), longest, Map.copyOf(heads),
        Set.copyOf(outlets), Map.copyOf(capitals), Set.copyOf(organisationWords), Map.copyOf(seats), Map.copyOf(demonyms));
  }

  /** A {@code NAME<TAB>COUNTRY} list: each name's normal form to its country's canonical spelling. */
  private static Map<String, String> countries(String resource, Map<String, String> aliases) {
    Map<String, String> out = new HashMap<>();
    for (String line : lines(resource)) {
      String[] nameAndCountry = line.split("\t");
      String country = nameAndCountry[1].strip();
      out.put(normal(nameAndCountry[0]), aliases.getOrDefault(normal(country), country));
    }
    return out;
  }

  /**
   * What a name other than a person's stands for when news uses it for a country or its
   * government: {@code country} in its canonical spelling, and the {@code relation}: {@link
   * #CAPITAL} ("Moscow said"), {@link #SEAT} of government ("the Kremlin said") or {@link
   * #DEMONYM} ("Russian officials").
   */
  public record StandsFor(String country, String relation) {}

  /** A national capital speaking for its country's government (capitals.tsv). */
  public static final String CAPITAL = "capital";
  /** A seat of government speaking for it (seats.tsv). */
  public static final String SEAT = "seat";
  /** A nationality word naming a country's people (demonyms.tsv). */
  public static final String DEMONYM = "demonym";

  /**
   * The country {@code name}, of entity type {@code type}, stands for, or null: a nationality
   * (type {@code NORP}) of {@code demonyms.tsv}, a seat of government of {@code seats.tsv}, a
   * capital of {@code capitals.tsv}; never a person ("George Washington" is not the United
   * States), and a place's name never as a demonym. The name stays what it is; this says only whom
   * it speaks for, so that the catalog can roll it up to the country.
   */
  public StandsFor standsFor(String name, String type) {
    if (type.equals(EntityType.PERSON)) {
      return null;
    }
    String n = normal(name);
    String country = type.equals(EntityType.NORP) || type.equals(EntityType.MISC) ? countryOfDemonym.get(n) : null;
    if (country != null) {
      return new StandsFor(country, DEMONYM);
    }
    country = countryOfSeat.get(n);
    if (country != null) {
      return new StandsFor(country, SEAT);
    }
    country = countryOfCapital.get(n);
    return country == null ? null : new StandsFor(country, CAPITAL);
  }

  /** Whether {@code name} is a nationality, people, language or religion of {@code nationalities.txt} ("Russian", "North Koreans"). */
  public boolean isNationality(String name) {
    return nationalities.contains(normal(name));
  }

  /**
   * The type of a name that a list fixes, else {@code type}: a nationality of {@code
   * nationalities.txt} the model did not take for a person is {@link EntityType#NORP}; a news outlet of the ingestion
   * list is an organisation ("Rodong Sinmun", "TASS"); a name of several words whose last word
   * fixes it is that ("Korean Peninsula" is a place, "Comprehensive Strategic Partnership Treaty"
   * a document). The model sees a few words around a name; these say what the name is.
   */
  public String fixedType(String name, String type) {
    if (!type.equals(EntityType.PERSON) && isNationality(name)) {
      return EntityType.NORP; // "Russian", "North Korean": a people's adjective, not a name of a thing (see EntityType.NORP)
    }
    int space = name.lastIndexOf(' ');
    if (outlets.contains(normal(name)) && !(space < 0 && type.equals(EntityType.PERSON))) {
      return EntityType.ORG; // a news outlet or agency of the ingestion list (a lone "Bloomberg" may be Michael)
    }
    if (space < 0) {
      return type;
    }
    return typeByHead.getOrDefault(name.substring(space + 1), type);
  }

  /**
   * The country whose government sits in the capital {@code place} ("Tokyo" gives "Japan",
   * "Washington" "United States", "Brussels" "European Union"), in its canonical spelling; null
   * for any other place. From {@code capitals.tsv}.
   */
  public String countryOfCapital(String place) {
    return countryOfCapital.get(normal(place));
  }

  /**
   * Whether {@code word} marks a name as an organisation's: a legal suffix or an organisation's
   * head noun of {@code org-words.txt} ("Corp", "Authority", "Council").
   */
  public boolean isOrganisationWord(String word) {
    return organisationWords.contains(normal(word));
  }

  /** Whether {@code name} is a news outlet or agency of the ingestion list ("Reuters", "AP", "KCNA"). */
  public boolean isOutlet(String name) {
    return outlets.contains(normal(name));
  }

  private static List<String> lines(String resource) {
    return ResourceLines.read(NameRules.class, resource);
  }

  /** The normal form of a name: {@code "The U.S."} is {@code "us"}, {@code "Jong-un"} is {@code "jong un"}. */
  public static String normal(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace('’', '\'');
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        continue;
      }
      if (c == '-' || c == '‐' || c == '–' || Character.isWhitespace(c)) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
          b.append(' ');
        }
        continue;
      }
      if (c == '\'' && s.startsWith("'s", i) && (i + 2 == s.length() || s.charAt(i + 2) == ' ')) {
        b.append(" 's");
        i++;
        continue;
      }
      b.append(c);
    }
    String out = b.toString().strip();
    return out.startsWith("the ") ? out.substring(4) : out;
  }

  /** The canonical spelling of a known alias ({@code DPRK} gives {@code North Korea}), or null. */
  public String aliasCanonical(String name) {
    return aliasToCanonical.get(normal(name));
  }

  /** The key non-person names merge on: the normal form of the name or of its alias canonical. */
  public String key(String name) {
    String canonical = aliasCanonical(name);
    return normal(canonical != null ? canonical : name);
  }

  /**
   * The words of a person name without what precedes it as a title: {@code "President Vladimir
   * Putin"} and {@code "Russian President Vladimir Putin"} give {@code [vladimir, putin]}. A
   * nationality is dropped only before a title ("German Titov" keeps its first name).
   */
  public List<String> personWords(String name) {
    List<String> words = new ArrayList<>(Arrays.asList(normal(name).split(" ")));
    words.removeIf(w -> w.isEmpty() || w.equals("'s"));
    boolean stripped = true;
    while (stripped && words.size() > 1) {
      stripped = false;
      for (int len = Math.min(longestTitle, words.size() - 1); len >= 1 && !stripped; len--) {
        String head = String.join(" ", words.subList(0, len));
        boolean title = titles.contains(head);
        boolean nationalityBeforeTitle = nationalities.contains(head) && startsWithTitle(words.subList(len, words.size()));
        if (title || nationalityBeforeTitle) {
          words.subList(0, len).clear();
          stripped = true;
        }
      }
    }
    return words;
  }

  private boolean startsWithTitle(List<String> words) {
    for (int len = Math.min(longestTitle, words.size() - 1); len >= 1; len--) {
      if (titles.contains(String.join(" ", words.subList(0, len)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code words} is a title alone ("President", "Foreign Minister"). */
  public boolean isTitle(String name) {
    return titles.contains(normal(name));
  }

  private static final Set<String> GENERATIONS = Set.of("jr", "sr", "ii", "iii", "iv");

  /**
   * The generational suffix of a person's words ("jr" of {@code [martin, luther, king, jr]}), or
   * "": it tells a son from his father, so it is part of who a name is, but it is not the surname.
   */
  public static String generation(List<String> words) {
    String last = words.get(words.size() - 1);
    return words.size() > 2 && GENERATIONS.contains(last) ? last : "";
  }

  /** The surname of a person's words: the last word before a generational suffix ("king" of "martin luther king jr"). */
  public static String surname(List<String> words) {
    return words.get(words.size() - (generation(words).isEmpty() ? 1 : 2));
  }

  /**
   * Whether two full person names (two words or more) name the same person: the same words, or
   * the same first and last words with one having a middle name the other lacks, word by word
   * allowing romanisation variants.
   */
  public static boolean samePerson(List<String> a, List<String> b) {
    return samePerson(a, b, NameRules::sameWord);
  }

  /** {@link #samePerson(List, List)} with {@code sameWord} saying which words are one. */
  public static boolean samePerson(List<String> a, List<String> b, java.util.function.BiPredicate<String, String> sameWord) {
    if (a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameWord.test(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    List<String> shorter = a.size() < b.size() ? a : b;
    List<String> longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 2 && longer.size() == shorter.size() + 1
        && sameWord.test(shorter.get(0), longer.get(0))
        && sameWord.test(shorter.get(shorter.size() - 1), longer.get(longer.size() - 1))
        && Character.isLetter(longer.get(1).charAt(0)) && longer.get(1).length() > 2;
  }

  /**
   * Whether two name words are the same word or romanisation variants of it: once {@code y} is
   * read as {@code i} and a final {@code ng} as {@code n}, they have the same length and the same
   * letter at every position but where both have a vowel ({@code Yuri}/{@code Yury},
   * {@code Choi}/{@code Choe}, {@code Song}/{@code Son}, {@code Hee}/{@code Hui}; not
   * {@code Il}/{@code Un}, {@code Hale}/{@code Hall}).
   */
  public static boolean sameWord(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    String x = variantForm(a);
    String y = variantForm(b);
    if (x.length() != y.length() || x.length() < 2 || x.charAt(0) != y.charAt(0)) {
      return false;
    }
    for (int i = 1; i < x.length(); i++) {
      char p = x.charAt(i);
      char q = y.charAt(i);
      if (p != q && !(isVowel(p) && isVowel(q))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A key two words share exactly when {@link #sameWord} holds: the {@link #variantForm} with
   * every vowel after the first letter written {@code *}. Lets callers find candidates by hash
   * instead of comparing every pair.
   */
  public static String looseKey(String word) {
    String w = variantForm(word);
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      b.append(i > 0 && isVowel(c) ? '*' : c);
    }
    return b.toString();
  }

  /** The initials {@link #isAcronymOf} compares an acronym with: {@code kcna} for Korean Central News Agency. */
  public static String initials(String longName) {
    StringBuilder initials = new StringBuilder();
    for (String w : normal(longName).split(" ")) {
      if (!w.isEmpty() && !ACRONYM_SKIP.contains(w)) {
        initials.append(w.charAt(0));
      }
    }
    return initials.toString();
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** The word with {@code y} as {@code i} and a final {@code ng} as {@code n}. */
  static String variantForm(String word) {
    String w = word.replace('y', 'i');
    return w.endsWith("ng") ? w.substring(0, w.length() - 1) : w;
  }

  /** Whether {@code shortName} is an acronym of {@code longName}: {@code KCNA} of {@code Korean Central News Agency}. */
  public static boolean isAcronymOf(String shortName, String longName) {
    String s = shortName.replace(".", "");
    if (s.length() < 2 || s.length() > 8 || !s.chars().allMatch(Character::isUpperCase)) {
      return false;
    }
    StringBuilder initials = new StringBuilder();
    for (String w : normal(longName).split(" ")) {
      if (!w.isEmpty() && !ACRONYM_SKIP.contains(w)) {
        initials.append(w.charAt(0));
      }
    }
    return initials.length() >= 2 && initials.toString().equals(s.toLowerCase(Locale.ROOT));
  }
}
