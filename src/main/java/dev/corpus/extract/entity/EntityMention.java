package dev.corpus.extract.entity;

/**
 * One mention of a name in an article body.
 *
 * @param text the mention as written
 * @param type PERSON, ORG, LOC or MISC
 * @param start first code point, an offset into the body
 * @param end code point after the last, exclusive
 * @param entity canonical name of the entity it was merged into within its document
 */
public record EntityMention(String text, String type, int start, int end, String entity) {}
