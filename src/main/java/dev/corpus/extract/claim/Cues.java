package dev.corpus.extract.claim;

import dev.corpus.ResourceLines;
import dev.corpus.extract.text.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cue lexicon ({@code cues.txt}: reporting verbs and phrases, a line {@code word >object}
 * for those that take a listener, {@code word >object-to} for those that take one only before an
 * infinitive) and where a cue stands among a sentence's tokens: written in
 * lower case except in a title-case headline, not a noun after a possessive or determiner, not
 * before an infinitive except for commitments, or else a cue {@link InferredCues} reads from the
 * words around it. Immutable.
 */
final class Cues {

  /** Cues whose infinitive is a stated intention ("vowed to punish", "wants to make tuition free"). */
  private static final Set<String> COMMITMENTS = Set.of(
      "want", "wants", "wanted", "vow", "vows", "vowed", "pledge", "pledges", "pledged", "promise", "promises", "promised",
      "promising", "threatened", "agreed");
  /** Words after which a cue word is a noun (or, after "as", reports nothing: "as predicted"). */
  private static final Set<String> NOUN_MARKERS = union(Sources.POSSESSIVES, Sources.POSSESSIVE_MARKS,
      Set.of("the", "a", "an", "every", "each", "these", "those", "any", "no", "as"));

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }

  private final Map<String, Boolean> forms; // word form (lower case) -> takes a listener object
  private final Set<String> listenerBeforeInfinitive; // forms whose listener comes only before "to …"
  private final int longest;

  private Cues(Map<String, Boolean> forms, Set<String> listenerBeforeInfinitive, int longest) {
    this.forms = forms;
    this.listenerBeforeInfinitive = listenerBeforeInfinitive;
    this.longest = longest;
  }

  /** The lexicon shipped in the jar. */
  static Cues shipped() {
    Map<String, Boolean> forms = new HashMap<>();
    Set<String> beforeInfinitive = new java.util.HashSet<>();
    int longest = 1;
    for (String t : ResourceLines.read(Cues.class, "cues.txt")) {
      int marker = t.indexOf(" >");
      String form = (marker < 0 ? t : t.substring(0, marker)).strip().toLowerCase(Locale.ROOT);
      String kind = marker < 0 ? "" : t.substring(marker + 2).strip();
      forms.put(form, !kind.isEmpty());
      if (kind.equals("object-to")) {
        beforeInfinitive.add(form);
      }
      longest = Math.max(longest, form.split(" ").length);
    }
    return new Cues(Map.copyOf(forms), Set.copyOf(beforeInfinitive), longest);
  }

  /** Whether {@code form} (lower case, words one space apart) is a listed cue. */
  boolean listed(String form) {
    return forms.containsKey(form);
  }

  /** Whether the cue of tokens {@code [from, to)} takes a listener ("told reporters"). */
  boolean takesListener(List<Token> tokens, int from, int to) {
    return forms.get(text(tokens, from, to)) == Boolean.TRUE;
  }

  /**
   * Whether the cue of tokens {@code [from, to)} takes a listener only before an infinitive
   * ({@code >object-to}: "urged Republicans to join", but "urges retaliation on Russia").
   */
  boolean listenerOnlyBeforeInfinitive(List<Token> tokens, int from, int to) {
    return listenerBeforeInfinitive.contains(text(tokens, from, to));
  }

  /**
   * The number of tokens of a cue starting at {@code i}, or 0. A cue is written in lower case (a
   * capitalised "State" is a name) and is not followed by "to" ("is expected to serve").
   */
  int at(List<Token> tokens, int i) {
    if (i > 0 && NOUN_MARKERS.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT))) {
      return 0; // "His promises to …", "Trump's claims", "made the remarks": a noun; "as predicted": no statement
    }
    if (!Character.isLowerCase(tokens.get(i).text().codePointAt(0)) && !(forms.containsKey(text(tokens, i, i + 1)) && titleCase(tokens))) {
      return 0;
    }
    for (int len = Math.min(longest, tokens.size() - i); len >= 1; len--) {
      if (forms.containsKey(text(tokens, i, i + len))) {
        int to = i + len < tokens.size() && tokens.get(i + len).text().equalsIgnoreCase("not") ? i + len + 1 : i + len;
        boolean infinitive = to < tokens.size() && tokens.get(to).text().equalsIgnoreCase("to")
            && !InferredCues.listenerAfterTo(tokens, to + 1); // "said to the nominee" names a listener; "asked not to be named" no one
        return infinitive && !COMMITMENTS.contains(text(tokens, i, i + len)) ? 0 : len;
      }
    }
    return InferredCues.thatCue(tokens, i) || InferredCues.intentionCue(tokens, i) ? 1 : 0;
  }

  /** The number of tokens of a cue ending at {@code i}, or 0. */
  int endingAt(List<Token> tokens, int i) {
    for (int len = Math.min(longest, i + 1); len >= 1; len--) {
      if (forms.containsKey(text(tokens, i - len + 1, i + 1))
          && (Character.isLowerCase(tokens.get(i - len + 1).text().codePointAt(0)) || titleCase(tokens))) {
        return len;
      }
    }
    return 0;
  }

  /**
   * Whether {@code tokens} are written in title case, as headlines are ("Obama Says Museum Will
   * Tell of Suffering"): there a capitalised "Says" is a cue. Elsewhere cues are lower case, so
   * that "Said" opening a name or a sentence is not one.
   */
  static boolean titleCase(List<Token> tokens) {
    int words = 0;
    int capitalised = 0;
    for (Token t : tokens) {
      int cp = t.text().codePointAt(0);
      if (Character.isLetter(cp) && t.text().length() > 3) { // short words ("of", "the", "in") may stay lower case
        words++;
        capitalised += Character.isUpperCase(cp) ? 1 : 0;
      }
    }
    return words >= 3 && capitalised >= words * 0.8;
  }

  /** The words of tokens {@code [from, to)} in lower case, one space apart: a cue's form. */
  static String text(List<Token> tokens, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (k > from) {
        b.append(' ');
      }
      b.append(tokens.get(k).text().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  /** Whether {@code d}'s cue is not one of {@code cues.txt} but inferred (a verb before "that", an intention). */
  boolean inferred(String body, Draft d) {
    if (d.cueStart < 0) {
      return false;
    }
    String cue = body.substring(d.cueStart, d.cueEnd).toLowerCase(Locale.ROOT);
    String first = cue.split("\\s+")[0];
    return !forms.containsKey(cue) && !forms.containsKey(first) && !first.equals("according");
  }

}
