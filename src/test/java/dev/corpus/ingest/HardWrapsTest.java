package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class HardWrapsTest {

  @Test
  void wrappedParagraphsAreJoinedAndParagraphEndsKept() {
    List<String> lines = List.of(
        "Ferry talks collapse",
        "",
        "By Jane Roe",
        "",
        "PORTSMOUTH, June 3 - Talks between the ferry operator and the United",
        "States shipping regulator broke down on Monday after the two sides",
        "failed to agree on the new inspection fees, a senior and widely well-",
        "known union official said.",
        "",
        "The operator said it would appeal. Its chief executive told staff the",
        "company had budgeted for higher fees but not for a second inspection",
        "regime running alongside the first one.");
    List<String> out = HardWraps.unwrap(lines);
    assertEquals(List.of(
        "Ferry talks collapse",
        "",
        "By Jane Roe",
        "",
        "PORTSMOUTH, June 3 - Talks between the ferry operator and the United States shipping regulator broke down on Monday"
            + " after the two sides failed to agree on the new inspection fees, a senior and widely well-known union official said.",
        "",
        "The operator said it would appeal. Its chief executive told staff the company had budgeted for higher fees but"
            + " not for a second inspection regime running alongside the first one."), out);
  }

  @Test
  void aLongLineStoppingMidSentenceIsContinued() {
    List<String> lines = List.of(
        "Talks between the ferry operator and the shipping regulator of the",
        "country broke down on Monday after the two sides failed to agree and",
        "left the United",
        "States regulator without a partner, officials said on Tuesday night.",
        "",
        "By Jane Roe",
        "Harbour desk",
        "",
        "The operator said it would appeal against the decision. Its chief",
        "executive told staff the company had budgeted for higher fees but not",
        "for a second inspection regime running alongside the first one.");
    assertEquals("Talks between the ferry operator and the shipping regulator of the country broke down on Monday after the two"
        + " sides failed to agree and left the United States regulator without a partner, officials said on Tuesday night.",
        HardWraps.unwrap(lines).get(0));
    assertEquals(List.of("By Jane Roe", "Harbour desk"), HardWraps.unwrap(lines).subList(2, 4), "short lines keep their breaks");
  }

  @Test
  void indentedParagraphsAndListItemsStartNewLines() {
    List<String> lines = List.of(
        "   The regulator said fees would rise by a fifth next year and that",
        "operators had been told of the change in writing at the end of May.",
        "   Operators said they had not been consulted about the new rules and",
        "would challenge them before the transport tribunal later this year.",
        "- fees rise by a fifth",
        "- inspections every six months");
    assertEquals(List.of(
        "   The regulator said fees would rise by a fifth next year and that operators had been told of the change in writing at the end of May.",
        "   Operators said they had not been consulted about the new rules and would challenge them before the transport tribunal later this year.",
        "- fees rise by a fifth",
        "- inspections every six months"), HardWraps.unwrap(lines));
  }

  @Test
  void textWithAParagraphALineIsNotTouched() {
    String para = "The regulator said fees would rise by a fifth next year and that operators had been told of the change in"
        + " writing at the end of May, a month later than the law requires, and the operators have complained.";
    List<String> lines = List.of("Fees to rise", "Harbour news", "Ferry news", "Port news", "", para, para);
    assertSame(lines, HardWraps.unwrap(lines));
    List<String> headlines = List.of("Related", "Harbour fees rise again this summer", "Council delays vote on new bridge",
        "Why the morning ferry is always late", "Fishing fleet lands record catch");
    assertSame(headlines, HardWraps.unwrap(headlines), "a list of headlines of varied length is not a wrapped paragraph");
  }
}
