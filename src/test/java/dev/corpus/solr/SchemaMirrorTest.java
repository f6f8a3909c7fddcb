package dev.corpus.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.index.IndexSchema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SolrCloud configset ({@code corpus-solr/configset/conf/managed-schema.xml}) has every field
 * of {@link IndexSchema} under the same name, so that {@code corpus solr push} can send every
 * field of a local index: a field added to the schema class fails here until the configset has it.
 */
class SchemaMirrorTest {

  static final Path CONFIGSET_SCHEMA = Path.of("corpus-solr", "configset", "conf", "managed-schema.xml");

  /** Constants of IndexSchema that are not field names: versions and the values of {@link IndexSchema#KIND}. */
  private static boolean isFieldName(Field f) {
    return !f.getName().startsWith("KIND_") && !f.getName().startsWith("VERSION");
  }

  static Set<String> indexSchemaFields() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field f : IndexSchema.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && isFieldName(f)) {
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  static Set<String> configsetFields(Path schema) throws Exception {
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(schema.toFile());
    NodeList fields = doc.getElementsByTagName("field");
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < fields.getLength(); i++) {
      names.add(((Element) fields.item(i)).getAttribute("name"));
    }
    return names;
  }

  @Test
  void theConfigsetHasEveryFieldOfIndexSchema() throws Exception {
    Path schema = CONFIGSET_SCHEMA.toAbsolutePath();
    assertTrue(Files.isRegularFile(schema), "no configset schema at " + schema);
    Set<String> missing = new TreeSet<>(indexSchemaFields());
    missing.removeAll(configsetFields(schema));
    assertEquals(Set.of(), missing, "fields of IndexSchema the SolrCloud configset lacks (add them to " + CONFIGSET_SCHEMA + ")");
  }

  @Test
  void theCheckSeesTheFieldsItShould() throws Exception {
    Set<String> fields = indexSchemaFields();
    // Sanity: the reflection reads real field names and leaves the kinds and versions out.
    assertTrue(fields.containsAll(Set.of("body", "title", "entity_labels", "published_day", "vector", "meta")), fields.toString());
    assertTrue(!fields.contains(IndexSchema.VERSION) && !fields.contains(IndexSchema.VERSION_KEY), fields.toString());
    assertTrue(!fields.contains(IndexSchema.KIND_DATING) && !fields.contains(IndexSchema.KIND_TIE), fields.toString());
    // And a configset without one of them would fail the first test.
    Path trimmed = Files.createTempFile("managed-schema", ".xml");
    try {
      String xml = Files.readString(CONFIGSET_SCHEMA);
      Matcher m = Pattern.compile("\\s*<field name=\"published_day\"[^>]*/>").matcher(xml);
      assertTrue(m.find(), "the configset declares published_day");
      Files.writeString(trimmed, m.replaceFirst(""));
      Set<String> missing = new TreeSet<>(fields);
      missing.removeAll(configsetFields(trimmed));
      assertEquals(Set.of("published_day"), missing);
    } finally {
      Files.delete(trimmed);
    }
  }
}
