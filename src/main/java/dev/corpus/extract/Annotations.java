package dev.corpus.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable set of annotations of one document, by typed key. */
public final class Annotations {

  /** No annotations yet. */
  public static final Annotations EMPTY = new Annotations(Map.of());

  private final Map<AnnotationKey<?>, Object> values;

  private Annotations(Map<AnnotationKey<?>, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** A copy with {@code value} stored under {@code key}. */
  public <T> Annotations with(AnnotationKey<T> key, T value) {
    Map<AnnotationKey<?>, Object> copy = new HashMap<>(values);
    copy.put(key, key.type().cast(value));
    return new Annotations(copy);
  }

  /** The value under {@code key}, if a stage provided it. */
  public <T> Optional<T> get(AnnotationKey<T> key) {
    return Optional.ofNullable(values.get(key)).map(key.type()::cast);
  }

  public boolean has(AnnotationKey<?> key) {
    return values.containsKey(key);
  }
}
