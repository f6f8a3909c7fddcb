package dev.corpus.catalog;

import java.util.Map;

/**
 * One distinct article-level entity label of the corpus ({@code TYPE|name}) with what the
 * articles that use it add up to: the unit the catalog merges. The catalog is a function of the
 * set of these alone, so it does not depend on the order articles were indexed in.
 *
 * @param label {@code TYPE|name}
 * @param documents articles with an entity of this label
 * @param mentions mentions in those articles
 * @param aliases the other spellings those articles merged under the name, with the number of
 *     articles that did
 * @param context for a person's full name, the names ({@link
 *     dev.corpus.extract.entity.NameRules#key keys}) the articles that use it mention most (at most
 *     {@link #CONTEXT_SIZE} an article), with the number of articles that do; empty for other
 *     names. What the catalog asks before it takes two spellings that only sound alike for one
 *     person: that their articles talk about something in common.
 */
public record CatalogName(String label, String type, String name, int documents, int mentions, Map<String, Integer> aliases,
    Map<String, Integer> context) {

  /** The other entities an article gives a person's name as its context: its most mentioned ones. */
  public static final int CONTEXT_SIZE = 6;

  public CatalogName {
    aliases = Map.copyOf(aliases);
    context = context == null ? Map.of() : Map.copyOf(context); // null: a table stored before contexts were kept
  }

  /** A name without context. */
  public CatalogName(String label, String type, String name, int documents, int mentions, Map<String, Integer> aliases) {
    this(label, type, name, documents, mentions, aliases, Map.of());
  }

  /** The type part of a label. */
  public static String typeOf(String label) {
    return label.substring(0, label.indexOf('|'));
  }

  /** The name part of a label. */
  public static String nameOf(String label) {
    return label.substring(label.indexOf('|') + 1);
  }
}
