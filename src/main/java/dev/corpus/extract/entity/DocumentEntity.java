package dev.corpus.extract.entity;

import java.util.List;

/**
 * An entity of one document: its mentions merged under a canonical name.
 *
 * @param type PERSON, ORG, LOC or MISC
 * @param name canonical name within the document
 * @param aliases other spellings of it in the document, in order of appearance
 * @param mentions number of mentions
 * @param roles titles and roles the document gives it ("Deputy Foreign Minister"), in order
 * @param spans code point {@code [start, end)} of each mention in the body
 */
public record DocumentEntity(String type, String name, List<String> aliases, int mentions, List<String> roles, List<int[]> spans) {}
