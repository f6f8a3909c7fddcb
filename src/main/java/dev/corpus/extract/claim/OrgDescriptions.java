package dev.corpus.extract.claim;

import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "The ministry", "the company", "Germany's economy ministry": the organisation of one article
 * that a description stands for (see {@code docs/claims.md}, "Speakers"). A name fits a
 * description when its head noun (see {@link #kindWord}) is the description's noun ("the league":
 * Premier League) or shows the noun's kind ({@link OrgKinds}: "the lender" is Mizuho Bank, "the
 * company" Acme Corp); and the description's other words must be words of the name too, but for
 * qualifiers and hyphenated words ("the new company", "the state-owned lender"). The organisation
 * is the last speaker when it fits, also when its name shows no kind at all and the kind allows
 * that ("Tesla said … the company said"), else the last one named before the statement that fits.
 * Each description is matched against each organisation once; the last fitting mention before a
 * statement is then a binary search.
 */
final class OrgDescriptions {

  private final OrgKinds kinds;
  private final List<EntityMention> orgs; // the mentions of organisations, in text order
  /** For each organisation, the words of all its spellings. */
  private final Map<String, Set<String>> nameWords = new HashMap<>();
  /** For each organisation, the {@link #kindWord}s of its spellings. */
  private final Map<String, Set<String>> kindWords = new HashMap<>();
  /** Organisations that no description's kind may take unless its names show it: outlets, acronyms alone, pieces of names. */
  private final Set<String> unmarkable = new HashSet<>();
  /** The news outlets of the ingestion list among the organisations. */
  private final Set<String> outlets = new HashSet<>();
  /** Names made of kind words alone ("Inc", "Pty Ltd", "The Department"): pieces of names the model split, which fit nothing. */
  private final Set<String> pieces = new HashSet<>();
  /** For each description, the indexes in {@link #orgs} of the mentions that fit it, ascending. */
  private final Map<String, int[]> fitting = new HashMap<>();

  OrgDescriptions(List<EntityMention> mentions, List<DocumentEntity> entities, OrgKinds kinds, NameRules rules) {
    this.kinds = kinds;
    this.orgs = mentions.stream().filter(m -> m.type().equals(EntityType.ORG)).toList();
    for (DocumentEntity e : entities) {
      if (!e.type().equals(EntityType.ORG)) {
        continue;
      }
      Set<String> words = new HashSet<>();
      Set<String> heads = new HashSet<>();
      List<String> spellings = new ArrayList<>(e.aliases());
      spellings.add(e.name());
      boolean outlet = false;
      boolean acronym = true;
      for (String spelling : spellings) {
        words.addAll(List.of(NameRules.normal(spelling).split(" ")));
        String head = kindWord(spelling);
        if (head != null) {
          heads.add(head);
        }
        outlet |= rules.isOutlet(spelling);
        acronym &= spelling.codePoints().noneMatch(Character::isLowerCase);
      }
      nameWords.put(e.name(), words);
      kindWords.put(e.name(), heads);
      // A news outlet is what reported the story, not its subject ("told Reuters … the company
      // said"); a bare acronym may be anything ("CAC", "SEC"); a name made of kind words only is
      // a piece of one ("Inc", "Pty Ltd").
      boolean piece = words.stream().allMatch(w -> kinds.isKindWord(w) || w.equals("of") || w.equals("the"));
      if (outlet || acronym || piece) {
        unmarkable.add(e.name());
      }
      if (piece) {
        pieces.add(e.name());
      }
      if (outlet) {
        outlets.add(e.name());
      }
    }
  }

  /** Whether {@code word} (lower case) says what kind of organisation a name is ("inc", "bank"). */
  boolean isKindWord(String word) {
    return kinds.isKindWord(word);
  }

  /** Whether {@code noun} (lower case) describes an organisation. */
  boolean describesOrganisation(String noun) {
    return !kinds.of(noun).isEmpty();
  }

  /**
   * The organisation that {@code words} (a description without its article, as written: "central
   * bank", "company") stands for at {@code before} (a code point offset), or null: {@code
   * lastSpeaker} when it fits ("Acme said … the company said": news goes on about the one that
   * spoke), else the last organisation named before that fits.
   */
  String described(List<String> words, int before, String lastSpeaker) {
    String head = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    List<String> modifiers = words.subList(0, words.size() - 1);
    if (lastSpeaker != null && nameWords.containsKey(lastSpeaker) && fits(lastSpeaker, head, modifiers, true)) {
      return lastSpeaker;
    }
    int[] fit = fitting.computeIfAbsent(String.join(" ", words), k -> {
      Map<String, Boolean> fitsEntity = new HashMap<>();
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < orgs.size(); i++) {
        if (fitsEntity.computeIfAbsent(orgs.get(i).entity(), e -> fits(e, head, modifiers, false))) {
          out.add(i);
        }
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    });
    int k = lastEndingBy(fit, before);
    return k < 0 ? null : orgs.get(fit[k]).entity();
  }

  /**
   * Whether the names of {@code entity} fit a description with noun {@code head} and {@code
   * modifiers}; a name that shows no kind fits a kind that allows it only when {@code
   * unmarked} (for the last speaker: the model misses many company names, and the nearest
   * organisation it did find is then often another one).
   */
  private boolean fits(String entity, String head, List<String> modifiers, boolean unmarked) {
    if (pieces.contains(entity)) {
      return false;
    }
    Set<String> words = nameWords.getOrDefault(entity, Set.of());
    for (String m : modifiers) {
      if (!fitsName(m, words)) {
        return false;
      }
    }
    Set<String> heads = kindWords.getOrDefault(entity, Set.of());
    if (heads.contains(head)) {
      return true; // "the league": Premier League
    }
    for (OrgKinds.Kind kind : kinds.of(head)) {
      if (kind.nameWords().stream().anyMatch(heads::contains)) {
        return true; // "the lender": Mizuho Bank
      }
      if (kind.outlets() && outlets.contains(entity)) {
        return true; // "the paper": Rodong Sinmun, an outlet of the ingestion list
      }
      if (unmarked && kind.unmarked() && heads.isEmpty() && !unmarkable.contains(entity)) {
        return true; // "the company": Tesla
      }
    }
    return false;
  }

  /**
   * The word that says what kind of organisation a name is: its head noun, the last word before
   * any "of", "for" or "de" that is a description noun or shows a kind ("Commission" in
   * "Securities and Exchange Commission", "Bank" in "Bank of Japan" and in "Bank Negara"), or
   * null. Only the head counts: the Securities and Exchange Commission is not an exchange.
   */
  private String kindWord(String spelling) {
    String[] words = NameRules.normal(spelling).split(" ");
    int end = words.length;
    for (int k = 1; k < words.length; k++) {
      if (words[k].equals("of") || words[k].equals("for") || words[k].equals("de")) {
        end = k;
        break;
      }
    }
    for (int k = end - 1; k >= 0; k--) {
      if (kinds.isKindWord(words[k])) {
        return words[k];
      }
    }
    return null;
  }

  /**
   * Whether a description's modifier fits a name: it is a word of the name (or shares its first
   * five letters with one: "economy" and "Economic", "defence" and "Defense"), a qualifier, or a
   * hyphenated word ("state-owned", "Tokyo-based"), which describes rather than names. (Places
   * and nationalities, "the Japanese bank", are left out of a description before it comes here.)
   */
  private boolean fitsName(String modifier, Set<String> words) {
    if (modifier.isEmpty() || modifier.contains("-")) {
      return true;
    }
    String m = modifier.toLowerCase(Locale.ROOT);
    if (kinds.isQualifier(m) || words.contains(m)) {
      return true;
    }
    for (String w : words) {
      if (m.length() >= 5 && w.length() >= 5 && m.regionMatches(0, w, 0, 5)) {
        return true;
      }
    }
    return false;
  }

  /** The index in {@code indexes} of the last mention that ends at or before {@code before}, or -1. */
  private int lastEndingBy(int[] indexes, int before) {
    int lo = 0;
    int hi = indexes.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (orgs.get(indexes[mid]).end() <= before) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }
}
