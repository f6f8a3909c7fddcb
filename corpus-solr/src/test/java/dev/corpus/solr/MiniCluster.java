package dev.corpus.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A real SolrCloud in this JVM (Solr's MiniSolrCloudCluster: ZooKeeper and Jetty-hosted nodes)
 * holding one collection created with the corpus configset, as {@code bin/solr create -c NAME
 * -d corpus-solr/configset -shards 2} would on a real cluster. Used by the contract test, the
 * benchmark and {@code scripts/solr-local.sh}.
 */
final class MiniCluster implements AutoCloseable {

  /** The configset, relative to this module (Maven runs tests with the module as working directory). */
  static final Path CONFIGSET = Path.of("configset", "conf");

  private final MiniSolrCloudCluster cluster;
  private final String collection;

  private MiniCluster(MiniSolrCloudCluster cluster, String collection) {
    this.cluster = cluster;
    this.collection = collection;
  }

  /** Starts {@code nodes} nodes and creates {@code collection} with {@code shards} shards of one replica each. */
  static MiniCluster start(int nodes, int shards, String collection, Path configset) throws Exception {
    Path base = Files.createTempDirectory("corpus-solr");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base)
        .addConfig("corpus", configset)
        .build();
    try {
      CollectionAdminRequest.createCollection(collection, "corpus", shards, 1).process(cluster.getSolrClient());
      cluster.waitForActiveCollection(collection, shards, shards);
      return new MiniCluster(cluster, collection);
    } catch (Exception e) {
      cluster.shutdown();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT/solr/COLLECTION}: what {@code corpus --solr} takes. */
  String url() {
    return cluster.getJettySolrRunner(0).getBaseUrl() + "/" + collection;
  }

  /** {@code zk:127.0.0.1:PORT/solr/COLLECTION}: the same collection through ZooKeeper. */
  String zkTarget() {
    return "zk:" + cluster.getZkServer().getZkAddress() + "/" + collection;
  }

  @Override
  public void close() throws Exception {
    cluster.shutdown();
  }
}
