package dev.corpus.solr;

import java.nio.file.Path;

/**
 * A SolrCloud on this machine to try {@code corpus --solr} with ({@code scripts/solr-local.sh}):
 * starts a MiniSolrCloudCluster with a corpus collection, prints its two addresses (HTTP and
 * ZooKeeper) on stdout, one a line, and runs until it is stopped (Ctrl-C). Its data lives in a
 * temporary folder and is gone with it.
 *
 * <p>Arguments: {@code [COLLECTION [NODES [SHARDS]]]}, by default {@code corpus 2 2}.
 */
public final class SolrLocal {

  private SolrLocal() {}

  public static void main(String[] args) throws Exception {
    String collection = args.length > 0 ? args[0] : "corpus";
    int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int shards = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path configset = Path.of(System.getProperty("corpus.configset", MiniCluster.CONFIGSET.toString()));
    MiniCluster cluster = MiniCluster.start(nodes, shards, collection, configset);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        cluster.close();
      } catch (Exception e) {
        System.err.println("solr-local: " + e.getMessage());
      }
    }, "solr-local-shutdown"));
    System.out.println(cluster.url());
    System.out.println(cluster.zkTarget());
    System.out.flush();
    Thread.currentThread().join();
  }
}
