package dev.corpus.extract.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.ResourceLines;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gazetteer lists, where one list is kept in two files. */
class NerLexiconsTest {

  @Test
  void capitalsArePlacesToTheModel() {
    // capitals.tsv owns the capitals (with their countries); the model's "places" list still holds them.
    String[][] marks = NerLexicons.shared().gazetteer(new String[] {"talks", "in", "Tokyo", "and", "Buenos", "Aires"});
    assertArrayEquals(new String[] {"places:B"}, marks[2]);
    assertArrayEquals(new String[] {"places:B"}, marks[4]);
    assertArrayEquals(new String[] {"places:I"}, marks[5]);
  }

  @Test
  void everyCapitalIsOnceInTheGazetteerAndStandsForAKnownCountry() {
    Set<String> countries = new HashSet<>(ResourceLines.read(NerLexicons.class, "gazetteer/countries.txt"));
    for (String line : ResourceLines.read(NerLexicons.class, "gazetteer/aliases.txt")) {
      countries.addAll(List.of(line.split("\t")));
    }
    Set<String> places = new HashSet<>(ResourceLines.read(NerLexicons.class, "gazetteer/places.txt"));
    Set<String> seen = new HashSet<>();
    for (String line : ResourceLines.read(NerLexicons.class, "gazetteer/capitals.tsv")) {
      String[] capitalAndCountry = line.split("\t");
      assertTrue(capitalAndCountry.length == 2, line);
      assertTrue(countries.contains(capitalAndCountry[1]), () -> "unknown country: " + line);
      assertTrue(seen.add(capitalAndCountry[0]) && !places.contains(capitalAndCountry[0]),
          () -> "a capital is listed once, in capitals.tsv only: " + line);
    }
  }
}
