package dev.corpus.extract.ner;

import java.util.Locale;

/** The entity types {@code corpus} reports, and their CoNLL-2003 label names. */
public final class EntityType {

  public static final String PERSON = "PERSON";
  public static final String ORG = "ORG";
  public static final String LOC = "LOC";
  public static final String MISC = "MISC";
  /**
   * Nationalities, peoples, religious and political groups ("Russian", "North Koreans",
   * "Western", "Catholic"; OntoNotes' NORP). The name finder, trained on CoNLL-2003, calls them
   * {@code MISC}; the entity stage gives the words of {@code nationalities.txt} this type
   * ({@code NameRules#fixedType}), so that they are not counted among the names of things and can
   * be linked to the country they stand for. {@code corpus eval ner} scores the model alone, in
   * CoNLL's four types.
   */
  public static final String NORP = "NORP";

  private EntityType() {}

  /** Our type for a CoNLL label type ({@code PER} is {@code PERSON}; others keep their name). */
  public static String fromLabel(String conllType) {
    String t = conllType.toUpperCase(Locale.ROOT);
    return t.equals("PER") ? PERSON : t;
  }

  /**
   * The type a user typed ({@code person}, {@code PER}, {@code org}, {@code loc}, {@code misc},
   * {@code norp}),
   * or null when it is none of them.
   */
  public static String parse(String text) {
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "PER", "PERSON", "PEOPLE" -> PERSON;
      case "ORG", "ORGANIZATION", "ORGANISATION" -> ORG;
      case "LOC", "LOCATION", "PLACE", "GPE" -> LOC;
      case "MISC" -> MISC;
      case "NORP", "NATIONALITY", "NATIONALITIES" -> NORP;
      default -> null;
    };
  }
}
