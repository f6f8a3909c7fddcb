package dev.corpus.render;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Report} as JSON Lines: its {@link Report#messages()}, one compact JSON object a
 * line. Before writing, checks that the report declares every array of records of its document
 * (at its top, or in an object of it such as search's {@code facets}) as a {@link Report.Part},
 * and no path the document does not have, so that nothing the JSON document holds is missing from
 * the stream; then writes the summary as the document with its parts left out, by a Jackson
 * property filter on the objects that hold them.
 */
final class JsonLines {

  private static final String FILTER = "jsonl-summary";

  /** How deep into the document's objects parts are looked for. */
  private static final int DEPTH = 6;

  /** Gives every serialised bean the summary filter, which acts only on the objects holding the parts. */
  @JsonFilter(FILTER)
  private abstract static class Filtered {}

  private final ObjectMapper mapper;

  /** @param json the settings of the JSON format (escapes, order), to which the summary filter is added */
  JsonLines(JsonMapper.Builder json) {
    this.mapper = json.addMixIn(Object.class, Filtered.class).build();
  }

  void write(Report report, PrintWriter out) throws JsonProcessingException {
    Map<Object, Set<String>> leftOut = leftOut(report);
    ObjectWriter line = mapper.writer(new SimpleFilterProvider().addFilter(FILTER, new LeaveOut(leftOut)));
    for (Message m : report.messages()) {
      out.println(line.writeValueAsString(m));
    }
  }

  /**
   * The fields the summary leaves out, by the object (its identity) that holds them, after
   * checking the parts against the document's type: each a path of it, declared once, and every
   * array of records of it declared.
   *
   * @throws IllegalStateException when the report would lose or invent part of its document: a
   *     defect of the command, not of the user's input
   */
  private Map<Object, Set<String>> leftOut(Report report) {
    SerializationConfig config = mapper.getSerializationConfig();
    Object document = report.document();
    String what = document.getClass().getSimpleName();
    Map<String, BeanPropertyDefinition> paths = new LinkedHashMap<>();
    collect(mapper.constructType(document.getClass()), "", config, paths, 0);
    Set<String> parts = new HashSet<>();
    for (Report.Part p : report.parts()) {
      if (!paths.containsKey(p.path())) {
        throw new IllegalStateException(what + " has no field '" + p.path() + "' for the JSONL part " + p.type());
      }
      if (!parts.add(p.path())) {
        throw new IllegalStateException(what + ": the field '" + p.path() + "' is given as two JSONL parts");
      }
    }
    for (Map.Entry<String, BeanPropertyDefinition> f : paths.entrySet()) {
      if (recordsIn(f.getValue().getPrimaryType()) && !declared(f.getKey(), parts)) {
        throw new IllegalStateException(what + ": the field '" + f.getKey() + "' holds records but is not a JSONL part: "
            + "--format jsonl would leave them out (give its Report a Part for it)");
      }
    }
    Map<Object, Set<String>> out = new IdentityHashMap<>();
    for (String part : parts) {
      int dot = part.lastIndexOf('.');
      Object holder = dot < 0 ? document : valueAt(document, part.substring(0, dot), paths);
      if (holder != null) {
        out.computeIfAbsent(holder, h -> new HashSet<>()).add(part.substring(dot + 1));
      }
    }
    return out;
  }

  /** Every field path of {@code type} ("facets.source"), through its objects but not into arrays. */
  private static void collect(JavaType type, String prefix, SerializationConfig config, Map<String, BeanPropertyDefinition> out,
      int depth) {
    if (depth > DEPTH || plain(type) || type.isContainerType() || type.getRawClass() == Object.class) {
      return;
    }
    for (BeanPropertyDefinition p : config.introspect(type).findProperties()) {
      String path = prefix + p.getName();
      out.put(path, p);
      collect(p.getPrimaryType(), path + ".", config, out, depth + 1);
    }
  }

  /** Whether the path, or an object it is in, is a part. */
  private static boolean declared(String path, Set<String> parts) {
    for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
      if (parts.contains(p)) {
        return true;
      }
      if (p.indexOf('.') < 0) {
        return false;
      }
    }
  }

  /** The object at {@code path} of {@code document}, or null when one on the way is null. */
  private static Object valueAt(Object document, String path, Map<String, BeanPropertyDefinition> paths) {
    Object value = document;
    StringBuilder at = new StringBuilder();
    for (String name : path.split("\\.")) {
      at.append(at.length() == 0 ? "" : ".").append(name);
      AnnotatedMember accessor = paths.get(at.toString()).getAccessor();
      accessor.fixAccess(true); // as Jackson's serialiser does: a record need not be public to be written
      value = accessor.getValue(value);
      if (value == null) {
        return null;
      }
    }
    return value;
  }

  /** An array (or map) of records, rather than of plain values. */
  private static boolean recordsIn(JavaType type) {
    return type.isContainerType() && !plain(type.getContentType());
  }

  /** A JSON scalar: a string, number, boolean or enum. */
  private static boolean plain(JavaType type) {
    Class<?> c = type.getRawClass();
    return type.isPrimitive() || type.isEnumType() || CharSequence.class.isAssignableFrom(c) || Number.class.isAssignableFrom(c)
        || c == Boolean.class || c == Character.class;
  }

  /** Leaves the parts out of the objects that hold them; every other bean is written whole. */
  private static final class LeaveOut extends SimpleBeanPropertyFilter {
    private final Map<Object, Set<String>> leftOut;

    LeaveOut(Map<Object, Set<String>> leftOut) {
      this.leftOut = leftOut;
    }

    @Override
    public void serializeAsField(Object pojo, JsonGenerator gen, SerializerProvider provider, PropertyWriter writer) throws Exception {
      Set<String> names = leftOut.get(pojo);
      if (names != null && names.contains(writer.getName())) {
        return;
      }
      writer.serializeAsField(pojo, gen, provider);
    }
  }
}
