/**
 * The corpus in a SolrCloud collection (docs/scale-out.md): {@link dev.corpus.solr.SolrTarget}
 * (where the collection is: a node's URL or a ZooKeeper ensemble), {@link dev.corpus.solr.SolrPush}
 * ({@code corpus solr push}: every document of a local index, field by field) and {@link
 * dev.corpus.solr.SolrBackend} (the {@link dev.corpus.search.QueryBackend} that answers the query
 * commands from the collection). The collection's schema is {@code
 * corpus-solr/configset/conf/managed-schema.xml}, which mirrors {@link dev.corpus.index.IndexSchema}.
 *
 * <p>To make another command read SolrCloud: add its request to {@code QueryBackend}, answer it in
 * {@code LocalBackend} with its service and in {@code SolrBackend} with Solr queries that do the
 * aggregation in the cluster (JSON facets, sorts, filters; never every document to the client),
 * returning the same typed result; have the command call {@code IndexLocation.backend()}; and add
 * its cases to {@code SolrContractTest} in the corpus-solr module, which compares the JSON of both
 * backends.
 */
package dev.corpus.solr;
