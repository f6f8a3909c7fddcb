/**
 * The extraction pipeline: {@link dev.corpus.extract.Stage}s composed by {@link
 * dev.corpus.extract.Pipeline}, which checks at build time that each stage's required
 * annotations are provided by an earlier one. To add an extractor, implement {@code Stage} with
 * typed {@link dev.corpus.extract.AnnotationKey}s and list it in {@code Pipeline.standard()}.
 */
package dev.corpus.extract;
