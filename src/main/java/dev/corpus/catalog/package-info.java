/**
 * The corpus's entity catalog: article-level entities merged across documents under stable ids.
 * {@link dev.corpus.catalog.CatalogMerge} is the merge (rules in {@code docs/entities.md}), a pure
 * function of the distinct names of the corpus; the index keeps the catalog up to date as
 * articles come and go ({@code dev.corpus.index.CatalogPass}), and commands read it from the
 * index ({@code dev.corpus.search.EntityCatalog}).
 */
package dev.corpus.catalog;
