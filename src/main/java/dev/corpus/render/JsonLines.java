package dev.corpus.render;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Report} as JSON Lines: its {@link Report#messages()}, one compact JSON object a
 * line. Before writing, checks that the report declares every array of records of its document as
 * a {@link Report.Part} (and no field the document does not have), so that nothing the JSON
 * document holds is missing from the stream; then writes the summary as the document with its
 * parts left out, by a Jackson property filter on the document's own fields.
 */
final class JsonLines {

  private static final String FILTER = "jsonl-summary";

  /** Gives every serialised bean the summary filter, which acts only on the report's document. */
  @JsonFilter(FILTER)
  private abstract static class Filtered {}

  private final ObjectMapper mapper;

  /** @param json the settings of the JSON format (escapes, order), to which the summary filter is added */
  JsonLines(JsonMapper.Builder json) {
    this.mapper = json.addMixIn(Object.class, Filtered.class).build();
  }

  void write(Report report, PrintWriter out) throws JsonProcessingException {
    Set<String> parts = check(report);
    ObjectWriter line = mapper.writer(new SimpleFilterProvider().addFilter(FILTER, new LeaveOut(report.document(), parts)));
    for (Message m : report.messages()) {
      out.println(line.writeValueAsString(m));
    }
  }

  /**
   * The fields of the document that the parts stand for, after checking that they are fields of
   * it, each declared once, and that no other field holds records in an array.
   *
   * @throws IllegalStateException when the report would lose or invent part of its document: a
   *     defect of the command, not of the user's input
   */
  private Set<String> check(Report report) {
    SerializationConfig config = mapper.getSerializationConfig();
    Map<String, JavaType> fields = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : config.introspect(mapper.constructType(report.document().getClass())).findProperties()) {
      fields.put(p.getName(), p.getPrimaryType());
    }
    String what = report.document().getClass().getSimpleName();
    Set<String> parts = new HashSet<>();
    for (Report.Part p : report.parts()) {
      if (!fields.containsKey(p.property())) {
        throw new IllegalStateException(what + " has no field '" + p.property() + "' for the JSONL part " + p.type());
      }
      if (!parts.add(p.property())) {
        throw new IllegalStateException(what + ": the field '" + p.property() + "' is given as two JSONL parts");
      }
    }
    for (Map.Entry<String, JavaType> f : fields.entrySet()) {
      if (!parts.contains(f.getKey()) && holdsRecords(f.getValue(), config, 0)) {
        throw new IllegalStateException(what + ": the field '" + f.getKey() + "' holds records but is not a JSONL part: "
            + "--format jsonl would leave them out (give its Report a Part for it)");
      }
    }
    return parts;
  }

  /** Whether a value of {@code type} is or holds an array (or map) of records, rather than plain values. */
  private static boolean holdsRecords(JavaType type, SerializationConfig config, int depth) {
    if (plain(type) || type.getRawClass() == Object.class || depth > 8) {
      return false;
    }
    if (type.isContainerType()) {
      return !plain(type.getContentType());
    }
    for (BeanPropertyDefinition p : config.introspect(type).findProperties()) {
      if (holdsRecords(p.getPrimaryType(), config, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** A JSON scalar: a string, number, boolean or enum. */
  private static boolean plain(JavaType type) {
    Class<?> c = type.getRawClass();
    return type.isPrimitive() || type.isEnumType() || CharSequence.class.isAssignableFrom(c) || Number.class.isAssignableFrom(c)
        || c == Boolean.class || c == Character.class;
  }

  /** Leaves the parts out of the document's own fields; every other bean is written whole. */
  private static final class LeaveOut extends SimpleBeanPropertyFilter {
    private final Object document;
    private final Set<String> parts;

    LeaveOut(Object document, Set<String> parts) {
      this.document = document;
      this.parts = parts;
    }

    @Override
    public void serializeAsField(Object pojo, JsonGenerator gen, SerializerProvider provider, PropertyWriter writer) throws Exception {
      if (pojo == document && parts.contains(writer.getName())) {
        return;
      }
      writer.serializeAsField(pojo, gen, provider);
    }
  }
}
