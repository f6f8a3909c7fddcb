/**
 * The entity stage: names found by {@code extract.ner} become mentions with code point spans and
 * roles ({@link dev.corpus.extract.entity.EntityStage}), merged into the article's entities
 * ({@link dev.corpus.extract.entity.MentionMerger}) by the comparisons of {@link
 * dev.corpus.extract.entity.NameRules}. Merging across articles happens at query time in {@code
 * dev.corpus.search.EntityCatalog} with the same rules. The rules are explained in {@code
 * docs/entities.md}; the word lists (aliases, titles) are resource files: extend those first.
 */
package dev.corpus.extract.entity;
