package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Speakers given a bare determiner as source text: resolved to nobody, never an exception. */
class SpeakersDescriptionTest {

  @Test
  void theAloneDescribesNobody() {
    String text = "The harbour board met on Monday. The said the ferry would resume.";
    Draft d = new Draft();
    int source = text.indexOf("The said");
    d.sourceStart = source;
    d.sourceEnd = source + 3;
    d.cueStart = source + 4;
    d.cueEnd = source + 8;
    d.start = source + 9;
    d.end = text.length() - 1;
    d.sentenceStart = source;
    d.sentenceEnd = text.length();
    List<Claim> claims = Speakers.resolve(text, List.of(d), EntityStage.shipped().find(text));
    assertEquals(1, claims.size());
    assertEquals("The", claims.getFirst().speakerText());
    assertNull(claims.getFirst().speaker());
  }
}
