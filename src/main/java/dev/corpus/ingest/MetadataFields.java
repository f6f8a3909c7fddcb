package dev.corpus.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Picks metadata values out of front matter and JSON records, whatever the key is called. */
final class MetadataFields {

  private MetadataFields() {}

  /**
   * The first of {@code keys} present with a non-empty value, as text; arrays of strings are
   * joined with " and " (several authors); objects with a {@code name} give the name.
   */
  static String first(JsonNode node, String... keys) {
    for (String key : keys) {
      JsonNode value = node.get(key);
      String text = text(value);
      if (text != null && !text.isBlank()) {
        return text.strip();
      }
    }
    return null;
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> {
        String t = text(v);
        if (t != null && !t.isBlank()) {
          parts.add(t.strip());
        }
      });
      return parts.isEmpty() ? null : String.join(" and ", parts);
    }
    if (value.isObject()) {
      return text(value.get("name"));
    }
    return value.asText();
  }
}
