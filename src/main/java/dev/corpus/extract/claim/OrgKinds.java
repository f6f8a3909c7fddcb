package dev.corpus.extract.claim;

import dev.corpus.ResourceLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of organisation a description names ({@code org-descriptions.txt}): the nouns that
 * describe one ("the company", "the lender") and the words of a name that show an organisation is
 * of that kind ("Corp", "Bank"). Used to resolve "the ministry said" or "a company spokesman" to
 * an organisation the article named before. Immutable.
 */
final class OrgKinds {

  /**
   * One kind of organisation.
   *
   * @param nouns the description nouns, lower case
   * @param nameWords the words of a name that show the kind, lower case
   * @param unmarked whether an organisation whose names show no kind at all is of this kind
   * @param outlets whether a news outlet is
   */
  record Kind(String label, Set<String> nouns, Set<String> nameWords, boolean unmarked, boolean outlets) {}

  private static final OrgKinds SHIPPED = load();

  private final Map<String, List<Kind>> byNoun;
  private final Set<String> allNameWords;
  private final Set<String> qualifiers;

  private OrgKinds(Map<String, List<Kind>> byNoun, Set<String> allNameWords, Set<String> qualifiers) {
    this.byNoun = byNoun;
    this.allNameWords = allNameWords;
    this.qualifiers = qualifiers;
  }

  /** The kinds of the resource file. */
  static OrgKinds shipped() {
    return SHIPPED;
  }

  private static OrgKinds load() {
    Map<String, List<Kind>> byNoun = new HashMap<>();
    Set<String> allNameWords = new HashSet<>();
    Set<String> qualifiers = new HashSet<>();
    for (String line : ResourceLines.read(OrgKinds.class, "/dev/corpus/extract/claim/org-descriptions.txt")) {
      String[] cols = line.split("\t");
      if (cols[0].equals("qualifiers")) {
        qualifiers.addAll(List.of(cols[1].split("\\s+")));
        continue;
      }
      Set<String> words = new HashSet<>(List.of(cols[2].split("\\s+")));
      boolean unmarked = words.remove("<unmarked>");
      boolean outlets = words.remove("<outlet>");
      Kind kind = new Kind(cols[0], Set.of(cols[1].split("\\s+")), Set.copyOf(words), unmarked, outlets);
      for (String noun : kind.nouns()) {
        byNoun.computeIfAbsent(noun, n -> new ArrayList<>()).add(kind);
      }
      allNameWords.addAll(words);
    }
    byNoun.replaceAll((noun, kinds) -> List.copyOf(kinds));
    return new OrgKinds(Map.copyOf(byNoun), Set.copyOf(allNameWords), Set.copyOf(qualifiers));
  }

  /** The kinds {@code noun} (lower case) describes; empty when it describes no organisation. */
  List<Kind> of(String noun) {
    return byNoun.getOrDefault(noun, List.of());
  }

  /** Whether {@code word} (lower case) may qualify a description without naming the organisation. */
  boolean isQualifier(String word) {
    return qualifiers.contains(word);
  }

  /** Whether {@code word} (lower case) is a description noun or a name word of some kind: it says what kind an organisation is. */
  boolean isKindWord(String word) {
    return allNameWords.contains(word) || byNoun.containsKey(word);
  }
}
