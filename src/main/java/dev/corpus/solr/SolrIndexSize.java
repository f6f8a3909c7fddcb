package dev.corpus.solr;

import dev.corpus.CorpusException;
import java.io.IOException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.NamedList;

/**
 * The size on disk of a collection: its shards' leader replicas, as each node reports them (the
 * other replicas are copies). What {@code stats} shows as {@code indexBytes} for SolrCloud.
 */
final class SolrIndexSize {

  private SolrIndexSize() {}

  static long of(CloudSolrClient solr, String collection) {
    DocCollection state = solr.getClusterState().getCollectionOrNull(collection);
    if (state == null) {
      throw new CorpusException.Data("SolrCloud has no collection '" + collection + "'");
    }
    long bytes = 0;
    for (Slice slice : state.getActiveSlices()) {
      Replica leader = slice.getLeader();
      if (leader == null) {
        continue;
      }
      try (HttpJdkSolrClient node = new HttpJdkSolrClient.Builder(leader.getBaseUrl()).build()) {
        NamedList<Object> status = CoreAdminRequest.getStatus(leader.getCoreName(), node).getCoreStatus(leader.getCoreName());
        if (status != null && status.get("index") instanceof NamedList<?> index && index.get("sizeInBytes") instanceof Number n) {
          bytes += n.longValue();
        }
      } catch (SolrServerException | IOException e) {
        throw new CorpusException.Data("cannot read the size of " + leader.getCoreName() + ": " + SolrBackend.reason(e), e);
      }
    }
    return bytes;
  }
}
