/** Records shared by every layer: an ingested {@link dev.corpus.model.Article} and its dates. */
package dev.corpus.model;
