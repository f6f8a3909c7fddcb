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
 * @param negated true when the cue itself is negated ("did not say", "would not confirm", "never
 *     claimed"): the speaker did not state the content, and {@code cue} holds the negation
 * @param sentence the sentence (or quoted passage) the statement is in, on one line
 */
public record Claim(
    String speaker,
    String speakerText,
    String cue,
    String content,
    boolean direct,
    boolean negated,
    int start,
    int end,
    int speakerStart,
    int speakerEnd,
    int cueStart,
    int cueEnd,
    String sentence) {}
