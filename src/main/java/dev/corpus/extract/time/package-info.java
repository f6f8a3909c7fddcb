/**
 * Temporal expressions: {@link dev.corpus.extract.time.TimexTagger} applies the rules of {@code
 * timex-rules.txt} ({@link dev.corpus.extract.time.TimexRules}) and values each match with the
 * rule's function in {@link dev.corpus.extract.time.TimexNormalizer}; {@link
 * dev.corpus.extract.time.DateStage} dates the article (inferring a missing year) and resolves
 * against it. {@link dev.corpus.extract.time.TimexEvaluation} scores TimeML files.
 *
 * <p>To add an expression: write a rule line (type, function, regex with named groups) in
 * {@code timex-rules.txt}, reusing a function when its groups fit; add a function to {@code
 * TimexNormalizer} (and to {@code TimexRules.FUNCTIONS}) only for a new kind of value. Add a case
 * to {@code TimexTaggerTest} and check {@code corpus eval timex} on TBAQ before and after.
 */
package dev.corpus.extract.time;
