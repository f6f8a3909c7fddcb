/**
 * Attributed statements: {@link dev.corpus.extract.claim.ClaimExtractor} finds quotations and
 * reported speech with the cues of {@code cues.txt} ({@code Cues}: the lexicon and where a cue
 * stands) and those {@code InferredCues} reads from the words around them (a verb before a
 * that-clause, an intention), {@code Sources} tells where a statement's
 * source lies and whether a span reads as one, {@code Speakers} resolves sources to the
 * article's entities (descriptions of organisations through {@code OrgDescriptions} and the kinds
 * of {@code org-descriptions.txt}) and builds each {@link dev.corpus.extract.claim.Claim}, whose
 * kind and denial {@link dev.corpus.extract.claim.ClaimKinds} reads from the cue
 * ({@code cue-kinds.txt}) and the content; {@link dev.corpus.extract.claim.ClaimStage} runs it after the entity stage. {@link
 * dev.corpus.extract.claim.AttributionEvaluation} scores brat attribution files (PolNeAR).
 * Grouping across articles is kept by the index ({@code dev.corpus.index.ClaimClusterPass}, {@code
 * StatementLinks}); roles by {@code role-families.txt}. See {@code docs/claims.md}.
 *
 * <p>To extend: add cue words to {@code cues.txt} (mark verbs that take a listener with
 * {@code >object}, or with {@code >object-to} when they take one only before an infinitive), or a construction to {@code ClaimExtractor.indirect}/{@code direct} with a
 * case in {@code ClaimExtractorTest} (a sentence of your own, not one from the data:
 * {@code TestTextsAreOurOwnTest} fails on a copied one), and compare {@code corpus eval attribution}
 * before and after.
 * Give a new cue verb its kind in {@code cue-kinds.txt} (a lemma, its kind, and the markers its
 * header lists) with a case in {@code ClaimKindsTest}; code that builds claims another way (a
 * learned tagger) asks {@code ClaimKinds.shared().read(cue, content, direct)} like {@code Speakers}.
 */
package dev.corpus.extract.claim;
