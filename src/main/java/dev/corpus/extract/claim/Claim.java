package dev.corpus.extract.claim;

/**
 * An attributed statement: who said what. Offsets are code points into the article body, end
 * exclusive; a missing part has -1 offsets.
 *
 * @param speaker canonical name of the speaker entity (within the article) when known; null when
 *     the source is unnamed ("a Russian analyst") or could not be resolved
 * @param speakerText the words of the article that name the source ("he", "the expert",
 *     "Dmitry Peskov"); null when the article names none near the statement
 * @param cue the reporting verb or phrase ("said", "told reporters", "according to")
 * @param content the statement
 * @param direct true for a quotation, false for reported speech
 * @param kind what the claim reports: a statement, a position, a belief or an intention, as
 *     {@link ClaimKinds} reads it from the cue and the content
 * @param negated true when the cue itself is negated ("did not say", "would not confirm", "never
 *     claimed"): the speaker did not state the content, and {@code cue} holds the negation
 * @param denies true when the speaker rejects the content instead of holding it ("denied that …",
 *     "rejected claims that …", "refused to …"): the content is never presented as asserted
 * @param sentence the sentence (or quoted passage) the statement is in, on one line
 */
public record Claim(
    String speaker,
    String speakerText,
    String cue,
    String content,
    boolean direct,
    ClaimKind kind,
    boolean negated,
    boolean denies,
    int start,
    int end,
    int speakerStart,
    int speakerEnd,
    int cueStart,
    int cueEnd,
    String sentence) {

  /**
   * The version of every JSON document that carries claims ({@code claims}, {@code speaker},
   * {@code claims --clusters}, {@code annotate}, {@code show}); see {@code docs/json.md}. Version
   * 2 added {@code kind} and {@code denies} and made {@code claims} list statements and positions
   * by default.
   */
  public static final int JSON_VERSION = 2;
}
