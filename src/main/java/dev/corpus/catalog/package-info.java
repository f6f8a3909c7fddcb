/**
 * The corpus's entity catalog: article-level entities merged across documents under stable ids.
 * {@link dev.corpus.catalog.CatalogMerge} is the merge (rules in {@code docs/entities.md}), a pure
 * function of the distinct names of the corpus; the index keeps the catalog up to date as
 * articles come and go ({@code dev.corpus.index.CatalogPass}), and commands read it from the
 * index ({@code dev.corpus.search.EntityCatalog}). The user's corrections ({@link
 * dev.corpus.catalog.Corrections}, read from {@link dev.corpus.catalog.CorrectionsFile}) are a
 * second pure function applied after the merge; a new kind of correction is a record of {@code
 * Corrections.Correction}, its case in {@code Corrections.apply}, and its key in the file.
 */
package dev.corpus.catalog;
