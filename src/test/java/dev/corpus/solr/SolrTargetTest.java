package dev.corpus.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.CorpusException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolrTargetTest {

  @Test
  void anHttpTargetIsANodeAndACollection() {
    SolrTarget t = SolrTarget.parse("http://solr1.example:8983/solr/news/");
    assertEquals("http://solr1.example:8983/solr", t.solrUrl());
    assertEquals("news", t.collection());
    assertEquals(List.of(), t.zkHosts());
  }

  @Test
  void aZooKeeperTargetHasHostsAChrootAndACollection() {
    SolrTarget t = SolrTarget.parse("zk:zk1:2181,zk2:2181/solr/news");
    assertEquals(List.of("zk1:2181", "zk2:2181"), t.zkHosts());
    assertEquals("/solr", t.chroot());
    assertEquals("news", t.collection());
    assertNull(t.solrUrl());
    SolrTarget bare = SolrTarget.parse("zk:zk1:2181/news");
    assertNull(bare.chroot());
    assertEquals("news", bare.collection());
  }

  @Test
  void anythingElseIsAUsageErrorThatShowsBothForms() {
    for (String bad : List.of("news", "http://host:8983", "zk:/news", "zk:zk1:2181", "ftp://host/solr/news", "")) {
      CorpusException e = assertThrows(CorpusException.Usage.class, () -> SolrTarget.parse(bad), bad);
      assertTrue(e.getMessage().contains("http://HOST:8983/solr/COLLECTION"), e.getMessage());
    }
  }
}
