package dev.corpus.spark;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corpus.extract.AnnotatedDocument;
import java.util.List;

/**
 * An article as {@code corpus annotate} prints it, plus its embeddings ({@code --embeddings}): the
 * fields of {@link AnnotatedDocument} followed by {@code embeddings}, so one schema serves both.
 */
public record EmbeddedDocument(@JsonUnwrapped AnnotatedDocument document, List<Embedding> embeddings) {}
