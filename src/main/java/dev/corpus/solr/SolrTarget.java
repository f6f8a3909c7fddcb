package dev.corpus.solr;

import dev.corpus.CorpusException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;

/**
 * Where a corpus collection lives in SolrCloud, as the user writes it ({@code --solr TARGET} or
 * {@code $CORPUS_SOLR}): {@code http://host:8983/solr/COLLECTION} (any node of the cluster; it
 * tells the client where the shards are) or {@code zk:host:2181[,host2:2181][/chroot]/COLLECTION}
 * (the cluster's ZooKeeper ensemble).
 *
 * @param text the target as given, what {@code stats} reports as its {@code index}
 * @param solrUrl the node's base URL ({@code http://host:8983/solr}), or null for a ZooKeeper target
 * @param zkHosts the ZooKeeper hosts, empty for an HTTP target
 * @param chroot the ZooKeeper chroot ({@code /solr}), or null
 * @param collection the collection's name
 */
public record SolrTarget(String text, String solrUrl, List<String> zkHosts, String chroot, String collection) {

  /**
   * Parses {@code text}.
   *
   * @throws CorpusException.Usage when it is neither form, or names no collection
   */
  public static SolrTarget parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("http://") || t.startsWith("https://")) {
      String trimmed = t.replaceAll("/+$", "");
      int hostStart = trimmed.indexOf("//") + 2;
      int pathStart = trimmed.indexOf('/', hostStart);
      int slash = trimmed.lastIndexOf('/');
      // A host, then a path of at least the node's context (/solr) and the collection.
      if (pathStart <= hostStart || slash <= pathStart || slash == trimmed.length() - 1) {
        throw usage(text);
      }
      return new SolrTarget(t, trimmed.substring(0, slash), List.of(), null, trimmed.substring(slash + 1));
    }
    if (t.startsWith("zk:")) {
      String rest = t.substring(3).replaceAll("/+$", "");
      int slash = rest.lastIndexOf('/');
      int firstSlash = rest.indexOf('/');
      if (slash <= 0) {
        throw usage(text);
      }
      String hosts = rest.substring(0, firstSlash);
      String chroot = firstSlash == slash ? null : rest.substring(firstSlash, slash);
      String collection = rest.substring(slash + 1);
      List<String> zk = Arrays.stream(hosts.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
      if (zk.isEmpty() || collection.isEmpty()) {
        throw usage(text);
      }
      return new SolrTarget(t, null, zk, chroot, collection);
    }
    throw usage(text);
  }

  private static CorpusException.Usage usage(String text) {
    return new CorpusException.Usage("--solr '" + text + "' is not a SolrCloud collection: use http://HOST:8983/solr/COLLECTION"
        + " or zk:HOST:2181[,HOST2:2181][/CHROOT]/COLLECTION");
  }

  /**
   * A client of the cluster whose requests go to {@link #collection()} by default: it reads the
   * cluster's state (from the node or from ZooKeeper) and sends each request to the right nodes.
   */
  public CloudSolrClient client() {
    CloudHttp2SolrClient.Builder builder = solrUrl != null
        ? new CloudHttp2SolrClient.Builder(List.of(solrUrl))
        : new CloudHttp2SolrClient.Builder(zkHosts, Optional.ofNullable(chroot));
    return builder.withDefaultCollection(collection).build();
  }
}
