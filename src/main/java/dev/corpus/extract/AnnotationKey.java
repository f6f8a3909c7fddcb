package dev.corpus.extract;

/**
 * A typed name for one kind of annotation a stage provides or needs.
 *
 * @param name unique name, used in error messages
 * @param type class of the value stored under this key
 */
public record AnnotationKey<T>(String name, Class<T> type) {}
