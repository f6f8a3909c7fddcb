/**
 * Query services: typed requests in, typed results out; they print nothing. {@link
 * dev.corpus.search.SearchService} (ranked search with snippets), {@link
 * dev.corpus.search.ShowService} and {@link dev.corpus.search.StatsService}. A new query command
 * gets its own service here and a renderer entry in {@link dev.corpus.render.Reports}.
 */
package dev.corpus.search;
