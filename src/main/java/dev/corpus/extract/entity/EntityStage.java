package dev.corpus.extract.entity;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.extract.ner.EntityRecognizer;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.SentenceStage;
import dev.corpus.extract.text.Tokenizer;
import dev.corpus.model.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity stage: tokenises the body, finds names with the statistical model, gives people
 * their roles and merges the mentions of the document into entities ({@link MentionMerger}).
 * Thread-safe.
 */
public final class EntityStage implements Stage {

  private final Tokenizer tokenizer = new Tokenizer();
  private final EntityRecognizer recognizer;
  private final MentionMerger merger;
  private final RoleFinder roles;
  private final NameRules rules;

  public EntityStage(EntityRecognizer recognizer, NameRules rules) {
    this.recognizer = recognizer;
    this.rules = rules;
    this.merger = new MentionMerger(rules);
    this.roles = new RoleFinder(rules);
  }

  /** The stage with the model and rules shipped in the jar. */
  public static EntityStage shipped() {
    return new EntityStage(EntityRecognizer.shipped(), NameRules.shared());
  }

  @Override
  public String name() {
    return "entities";
  }

  @Override
  public Set<AnnotationKey<?>> requires() {
    return Set.of();
  }

  @Override
  public Set<AnnotationKey<?>> provides() {
    return Set.of(EntityAnnotations.KEY);
  }

  @Override
  public Annotations apply(Article article, Annotations in) {
    String body = article.body();
    return in.with(EntityAnnotations.KEY, find(body, SentenceStage.of(in, body, tokenizer)));
  }

  /** The entities of {@code body}. */
  public EntityAnnotations find(String body) {
    return find(body, body == null ? List.of() : tokenizer.sentences(body));
  }

  /** The entities of {@code body}, tokenised as {@code tokenized}. */
  public EntityAnnotations find(String body, List<Tokenizer.Sentence> tokenized) {
    if (body == null || body.isBlank()) {
      return EntityAnnotations.NONE;
    }
    List<List<Token>> sentences = tokenized.stream().map(Tokenizer.Sentence::tokens).toList();
    List<String[]> words = sentences.stream().map(s -> s.stream().map(Token::text).toArray(String[]::new)).toList();
    List<EntityRecognizer.Name> names = withEditions(words, afterHonorifics(words, joinSplitPeople(recognizer.find(words))));
    Map<String, Definition> acronyms = new LinkedHashMap<>();
    names = definedAcronyms(words, names, acronyms);
    List<boolean[]> inName = new ArrayList<>();
    for (List<Token> s : sentences) {
      inName.add(new boolean[s.size()]);
    }
    for (EntityRecognizer.Name n : names) {
      if (!n.type().equals(EntityType.PERSON)) {
        for (int k = n.start(); k < n.end(); k++) {
          inName.get(n.sentence())[k] = true;
        }
      }
    }
    CodePoints cp = new CodePoints(body);
    List<MentionMerger.Found> found = new ArrayList<>(names.size());
    for (EntityRecognizer.Name n : names) {
      List<Token> sentence = sentences.get(n.sentence());
      int last = n.end() - 1;
      while (last > n.start() && (isPossessive(sentence.get(last).text()) || isLowerCase(sentence.get(last).text()))) {
        last--; // "Kim’s" names Kim; "sent Kim a message" does not name "Kim a"
      }
      int start = sentence.get(n.start()).start();
      int end = sentence.get(last).end();
      String text = body.substring(start, end);
      if (!looksLikeName(text)) {
        continue;
      }
      String type = n.type().equals(EntityType.PERSON) && isAcronym(text) ? EntityType.ORG : n.type(); // people are not "KCNA"
      type = rules.fixedType(text, type);
      List<String> personRoles = type.equals(EntityType.PERSON)
          ? roles.find(body, sentence, n.start(), n.end(), inName.get(n.sentence()))
          : List.of();
      found.add(new MentionMerger.Found(text, type, cp.of(start), cp.of(end), personRoles));
    }
    Map<String, String> longForms = new HashMap<>();
    acronyms.forEach((acronym, d) -> {
      List<Token> sentence = sentences.get(d.sentence());
      longForms.put(acronym, body.substring(sentence.get(d.start()).start(), sentence.get(d.end() - 1).end()));
    });
    return merger.merge(found, longForms);
  }

  /** A name the text spells out before an acronym in parentheses: tokens {@code [start, end)} of a sentence. */
  record Definition(int sentence, int start, int end, String type) {}

  /**
   * Acronyms the text defines: "the International Labour Organization (ILO)", "Doctors Without
   * Borders (MSF)". News spells a name out once with its acronym in parentheses and then writes
   * the acronym alone, also inside other phrases ("an ILO spokesperson"); the acronym is then that
   * name wherever the article writes it, whether or not its letters are the name's initials and
   * whether or not the model tagged it. The name before the parentheses is the model's name
   * ending there, else the run of capitalised words ending there ("of", "for", "and" and "the"
   * may join them) when the acronym starts with the run's first letter. No definition is read
   * from a person's name, from an acronym that is a known alias of another name ("Vodafone (UK)")
   * or a news outlet ("WASHINGTON (AP)"), or after words in capitals (a dateline).
   *
   * @param defined filled with each acronym's definition, the first one the text gives
   * @return the names, with the spelled-out names and every use of a defined acronym among them
   */
  List<EntityRecognizer.Name> definedAcronyms(List<String[]> words, List<EntityRecognizer.Name> names, Map<String, Definition> defined) {
    List<EntityRecognizer.Name> out = new ArrayList<>(names);
    for (int s = 0; s < words.size(); s++) {
      String[] w = words.get(s);
      for (int i = 1; i + 2 < w.length; i++) {
        if (!w[i].equals("(") || !w[i + 2].equals(")") || !isDefinableAcronym(w[i + 1]) || defined.containsKey(w[i + 1])) {
          continue;
        }
        Definition d = definition(words, s, i, out);
        if (d != null) {
          String acronym = w[i + 1];
          int sentence = s;
          out.removeIf(n -> n.sentence() == sentence && n.start() < d.end() && n.end() > d.start());
          out.add(new EntityRecognizer.Name(s, d.start(), d.end(), d.type(), 1.0));
          defined.put(acronym, d);
        }
      }
    }
    if (defined.isEmpty()) {
      return names;
    }
    for (int s = 0; s < words.size(); s++) {
      String[] w = words.get(s);
      for (int k = 0; k < w.length; k++) {
        Definition d = defined.get(w[k]);
        if (d == null) {
          continue;
        }
        int sentence = s;
        int at = k;
        // A use already inside a longer name ("ILO Director-General ...") stays part of it.
        boolean inLonger = out.stream().anyMatch(n -> n.sentence() == sentence && n.start() <= at && n.end() > at && n.end() - n.start() > 1);
        if (!inLonger) {
          out.removeIf(n -> n.sentence() == sentence && n.start() == at && n.end() == at + 1);
          out.add(new EntityRecognizer.Name(s, k, k + 1, d.type(), 1.0));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(EntityRecognizer.Name::sentence).thenComparingInt(EntityRecognizer.Name::start));
    return out;
  }

  /** The name that the acronym in parentheses at token {@code open + 1} of sentence {@code s} of {@code words} stands for, or null. */
  private Definition definition(List<String[]> words, int s, int open, List<EntityRecognizer.Name> names) {
    String[] w = words.get(s);
    String acronym = w[open + 1];
    EntityRecognizer.Name tagged = null;
    for (EntityRecognizer.Name n : names) {
      if (n.sentence() == s && n.end() == open) {
        tagged = n;
      }
    }
    if (tagged != null && tagged.type().equals(EntityType.PERSON)) {
      return null;
    }
    int run = open; // the capitalised words before the parenthesis
    while (run > 0 && open - run < MAX_DEFINED_WORDS) {
      String t = w[run - 1];
      boolean joiner = ACRONYM_JOINERS.contains(t) && run < open && isCapitalised(w[run]);
      if (isCapitalised(t) || t.equals("&") || joiner) {
        run--;
      } else {
        break;
      }
    }
    while (run < open && (ACRONYM_JOINERS.contains(w[run]) || w[run].equals("The") || w[run].equals("&"))) {
      run++; // "The Islamic State (ISIS)": the article is not part of the name
    }
    // The model's name, unless it is the end of a longer one after "of" ("Monetary Authority of
    // Singapore (MAS)", where the model found only Singapore).
    boolean longer = tagged != null && tagged.start() > 0 && ACRONYM_JOINERS.contains(w[tagged.start() - 1])
        && !w[tagged.start() - 1].equals("the");
    if (longer && run >= tagged.start()) {
      return null; // "the Monetary authority of Singapore (MAS)": MAS is not Singapore, and the name is not whole
    }
    int start = tagged == null || longer ? run : tagged.start();
    if (start >= open) {
      return null;
    }
    String text = String.join(" ", List.of(w).subList(start, open));
    boolean inCapitals = text.codePoints().noneMatch(Character::isLowerCase);
    boolean outlet = rules.isOutlet(acronym) && !rules.isOutlet(text) && !NameRules.isAcronymOf(acronym, text);
    if (inCapitals || outlet) {
      return null;
    }
    boolean known = rules.aliasCanonical(acronym) != null;
    if (known && !rules.key(acronym).equals(rules.key(text))) {
      return null; // "Vodafone (UK)": a known name of something else says where, not what it is called
    }
    if (tagged == null && !known && Character.toUpperCase(w[start].charAt(0)) != acronym.charAt(0)) {
      return null; // capitalised words the model did not take for a name, and not the acronym's
    }
    for (EntityRecognizer.Name n : names) {
      if (n.sentence() == s && n.start() < open && n.end() > start && n.type().equals(EntityType.PERSON)) {
        return null;
      }
    }
    String type = tagged != null && start == tagged.start() ? tagged.type() : definedType(words, w, start, open, acronym, names);
    return type == null ? null : new Definition(s, start, open, type);
  }

  /**
   * The type of a name spelled out before an acronym that the model did not find whole: an
   * organisation when its head noun (the last word before "of", "for" …) is an organisation word
   * of the gazetteer ("Authority", "Council"), else the type its head noun gives ("… Treaty"),
   * else the type the model gives the acronym where it stands alone; null when nothing says
   * (a "Generalised System of Preferences (GSP)" is not made an organisation for want of a type).
   */
  private String definedType(List<String[]> words, String[] w, int start, int open, String acronym, List<EntityRecognizer.Name> names) {
    int headAt = open - 1;
    for (int k = start + 1; k < open; k++) {
      if (ACRONYM_JOINERS.contains(w[k]) && !w[k].equals("and")) {
        headAt = k - 1;
        break;
      }
    }
    if (rules.isOrganisationWord(w[headAt])) {
      return EntityType.ORG;
    }
    String byHead = rules.fixedType(String.join(" ", List.of(w).subList(start, headAt + 1)), "");
    if (!byHead.isEmpty()) {
      return byHead;
    }
    Map<String, Integer> votes = new HashMap<>();
    for (EntityRecognizer.Name n : names) {
      if (n.end() - n.start() == 1 && words.get(n.sentence())[n.start()].equals(acronym)) {
        // An acronym is not a person ("KCNA"); the model's other types stand.
        votes.merge(n.type().equals(EntityType.PERSON) ? EntityType.ORG : n.type(), 1, Integer::sum);
      }
    }
    return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).orElse(null);
  }

  /** The most words a name spelled out before an acronym may have. */
  private static final int MAX_DEFINED_WORDS = 12;

  /** Lower-case words that join the capitalised words of a name ("Organisation for Economic Co-operation and Development"). */
  private static final Set<String> ACRONYM_JOINERS = Set.of("of", "for", "and", "the", "on", "de", "du", "des", "la");

  /** An acronym in parentheses: two to eight capital letters (digits and "&" after the first), e.g. "ILO", "G7", "AT&T". */
  static boolean isDefinableAcronym(String token) {
    if (token.length() < 2 || token.length() > 8 || !Character.isUpperCase(token.charAt(0))) {
      return false;
    }
    long capitals = token.chars().filter(Character::isUpperCase).count();
    return capitals >= 2 && token.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '&');
  }

  /**
   * Two person names side by side are one name the model split ("Choe" + "Son Hui"): news never
   * writes two people's names with nothing between them.
   */
  static List<EntityRecognizer.Name> joinSplitPeople(List<EntityRecognizer.Name> names) {
    List<EntityRecognizer.Name> out = new ArrayList<>(names.size());
    for (EntityRecognizer.Name n : names) {
      EntityRecognizer.Name last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.sentence() == n.sentence() && last.end() == n.start()
          && last.type().equals(EntityType.PERSON) && n.type().equals(EntityType.PERSON)) {
        out.set(out.size() - 1, new EntityRecognizer.Name(n.sentence(), last.start(), n.end(), n.type(), Math.min(last.probability(), n.probability())));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** Titles that only ever stand before a person's name. */
  private static final Set<String> HONORIFICS = Set.of(
      "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Prof.", "Rev.", "Sgt.", "Capt.", "Lt.", "Col.");

  /**
   * "Mr. Podesta", "Sen. Graham": the capitalised words after an honorific are a person, even where
   * the model found nothing there or took them for a place ("Mr. King", "Mr. Washington"). News
   * styles that name people this way in every sentence (the New York Times) would otherwise lose
   * most of their speakers. The honorific itself stays out of the span, as CoNLL spans do.
   */
  /** A year ("2022") or an ordinal in digits ("19th", "1st") that numbers an edition of an event. */
  private static final java.util.regex.Pattern EDITION = java.util.regex.Pattern.compile("1[89][0-9]{2}|2[01][0-9]{2}|[0-9]{1,3}(?:st|nd|rd|th)");

  /**
   * Names of events and bodies that recur take the year or number of their edition: "the 2022
   * World Cup", "the 20th Party Congress". The model, trained on CoNLL-2003 where the number
   * is seldom part of the name, tags "World Cup" alone, and the editions of a corpus would
   * collapse into one entity. A {@code MISC} or {@code ORG} name right after "the" and a year or
   * an ordinal in digits starts at the number; "in 2022 Google said" (no "the") is left alone, as
   * are places and people ("the 2022 Ukraine war" names Ukraine).
   */
  static List<EntityRecognizer.Name> withEditions(List<String[]> words, List<EntityRecognizer.Name> names) {
    List<EntityRecognizer.Name> out = null;
    for (int i = 0; i < names.size(); i++) {
      EntityRecognizer.Name n = names.get(i);
      String[] w = words.get(n.sentence());
      boolean kind = n.type().equals(EntityType.MISC) || n.type().equals(EntityType.ORG);
      if (kind && n.start() >= 2 && EDITION.matcher(w[n.start() - 1]).matches() && w[n.start() - 2].equalsIgnoreCase("the")
          && (i == 0 || names.get(i - 1).sentence() != n.sentence() || names.get(i - 1).end() < n.start())) {
        if (out == null) {
          out = new ArrayList<>(names);
        }
        out.set(i, new EntityRecognizer.Name(n.sentence(), n.start() - 1, n.end(), n.type(), n.probability()));
      }
    }
    return out == null ? names : out;
  }

  static List<EntityRecognizer.Name> afterHonorifics(List<String[]> words, List<EntityRecognizer.Name> names) {
    List<EntityRecognizer.Name> out = new ArrayList<>(names);
    boolean changed = false;
    for (int s = 0; s < words.size(); s++) {
      String[] w = words.get(s);
      for (int i = 0; i + 1 < w.length; i++) {
        if (!HONORIFICS.contains(w[i]) || !isCapitalised(w[i + 1])) {
          continue;
        }
        int end = i + 1;
        while (end < w.length && end < i + 4 && isCapitalised(w[end])) {
          end++;
        }
        int sentence = s;
        int from = i + 1;
        int to = end;
        boolean person = out.stream().anyMatch(n -> n.sentence() == sentence && n.start() <= from && n.end() >= to
            && n.type().equals(EntityType.PERSON));
        if (!person) {
          out.removeIf(n -> n.sentence() == sentence && n.start() < to && n.end() > from);
          out.add(new EntityRecognizer.Name(sentence, from, to, EntityType.PERSON, 1.0));
          changed = true;
        }
      }
    }
    if (changed) {
      out.sort(java.util.Comparator.comparingInt(EntityRecognizer.Name::sentence).thenComparingInt(EntityRecognizer.Name::start));
    }
    return out;
  }

  private static boolean isCapitalised(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0)) && token.length() > 1
        && token.codePoints().skip(1).anyMatch(Character::isLowerCase);
  }

  private static boolean isLowerCase(String token) {
    return token.codePoints().allMatch(c -> Character.isLowerCase(c) || !Character.isLetter(c))
        && token.codePoints().anyMatch(Character::isLetter);
  }

  private static boolean isAcronym(String text) {
    return text.length() >= 2 && text.length() <= 6 && text.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
  }

  private static boolean isPossessive(String token) {
    return token.equals("'s") || token.equals("’s") || token.equals("'") || token.equals("’");
  }

  /** A name has a capital letter or a digit and more than one character: never "he" or "-". */
  private static boolean looksLikeName(String text) {
    if (text.codePointCount(0, text.length()) < 2) {
      return false;
    }
    return text.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
  }
}
