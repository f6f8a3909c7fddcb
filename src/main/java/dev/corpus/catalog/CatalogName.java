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
 */
public record CatalogName(String label, String type, String name, int documents, int mentions, Map<String, Integer> aliases) {

  public CatalogName {
    aliases = Map.copyOf(aliases);
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
