/**
 * Text segmentation shared by the extractors: {@link dev.corpus.extract.text.Tokenizer} splits a
 * body into sentences of {@link dev.corpus.extract.text.Token}s with UTF-16 offsets, the way the
 * CoNLL-2003 training data is tokenised. Extractors convert offsets to code points when they
 * report spans.
 */
package dev.corpus.extract.text;
