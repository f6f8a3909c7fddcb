package dev.corpus.extract.entity;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.extract.ner.EntityRecognizer;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import dev.corpus.model.Article;
import java.util.ArrayList;
import java.util.List;
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
    return in.with(EntityAnnotations.KEY, find(article.body()));
  }

  /** The entities of {@code body}. */
  public EntityAnnotations find(String body) {
    if (body == null || body.isBlank()) {
      return EntityAnnotations.NONE;
    }
    List<List<Token>> sentences = tokenizer.sentences(body).stream().map(Tokenizer.Sentence::tokens).toList();
    List<String[]> words = sentences.stream().map(s -> s.stream().map(Token::text).toArray(String[]::new)).toList();
    List<EntityRecognizer.Name> names = afterHonorifics(words, joinSplitPeople(recognizer.find(words)));
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
    return merger.merge(found);
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
