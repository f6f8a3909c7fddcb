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
 *
 * <p>Speed comes with the rules: {@link dev.corpus.extract.time.StartChars} reads from each
 * rule's and trigger's regex the characters (and pairs of characters) its matches can start
 * with, and {@link dev.corpus.extract.time.RuleScan} tries a pattern only at the word starts of
 * the text that begin that way, finding exactly what {@link java.util.regex.Matcher#find}
 * would. A construct the reading does not know (an intersection of classes, a back reference)
 * is read as "any character": the rule is then tried everywhere, slower but never wrong. A rule
 * that starts with a common word ("the", "a") is tried wherever that word is; one that can
 * match the empty string is tried at every position. {@code RuleScanTest} checks every shipped
 * rule against {@code Matcher.find}.
 */
package dev.corpus.extract.time;
