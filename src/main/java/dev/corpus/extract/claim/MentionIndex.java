package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.ner.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity mentions of one document with the lookups {@link Speakers} makes by position: who is
 * named inside a span, last before a point, right before a relative "who". Each is a binary
 * search over the mentions, which are in text order and never overlap (the recogniser's spans do
 * not), instead of a pass over all of them: with one pass per statement, a long article cost its
 * statements times its mentions.
 */
final class MentionIndex {

  private final List<EntityMention> mentions;
  private final int[] starts;
  private final int[] ends;
  private final Map<String, MentionIndex> byType = new HashMap<>();
  private final Set<String> people = new HashSet<>();

  MentionIndex(List<EntityMention> mentions) {
    this(mentions, true);
  }

  private MentionIndex(List<EntityMention> mentions, boolean byType) {
    this.mentions = mentions;
    this.starts = new int[mentions.size()];
    this.ends = new int[mentions.size()];
    Map<String, List<EntityMention>> typed = new HashMap<>();
    for (int k = 0; k < mentions.size(); k++) {
      EntityMention m = mentions.get(k);
      starts[k] = m.start();
      ends[k] = m.end();
      if (byType) {
        typed.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
        if (m.type().equals(EntityType.PERSON)) {
          people.add(m.entity());
        }
      }
    }
    typed.forEach((type, list) -> this.byType.put(type, new MentionIndex(list, false)));
  }

  /** All mentions, in text order. */
  List<EntityMention> all() {
    return mentions;
  }

  /** Whether some mention of {@code entity} is a person. */
  boolean isPerson(String entity) {
    return people.contains(entity);
  }

  /** The entity a source span names: the first person in it, else the first organisation or place. */
  String named(int start, int end) {
    EntityMention m = namedMention(start, end);
    return m == null ? null : m.entity();
  }

  /** The mention {@link #named} takes the entity of, or null. */
  EntityMention namedMention(int start, int end) {
    EntityMention other = null;
    for (int k = firstAtOrAfter(starts, start); k < mentions.size() && starts[k] < end; k++) {
      EntityMention m = mentions.get(k);
      if (m.end() <= end) {
        if (m.type().equals(EntityType.PERSON)) {
          return m;
        }
        if (other == null && !m.type().equals(EntityType.MISC) && !m.type().equals(EntityType.NORP)) {
          other = m;
        }
      }
    }
    return other;
  }

  /** The first ({@code last} false) or last mention of {@code type} within {@code [start, end)}, or null. */
  EntityMention ofTypeWithin(int start, int end, String type, boolean last) {
    EntityMention found = null;
    for (int k = firstAtOrAfter(starts, start); k < mentions.size() && starts[k] < end; k++) {
      EntityMention m = mentions.get(k);
      if (m.end() <= end && m.type().equals(type)) {
        found = m;
        if (!last) {
          return m;
        }
      }
    }
    return found;
  }

  /** The mention that holds code point {@code at}, or null. */
  EntityMention at(int at) {
    int k = firstAtOrAfter(starts, at + 1) - 1; // the last mention that starts at or before at
    return k >= 0 && ends[k] > at ? mentions.get(k) : null;
  }

  /** Whether a person is named within {@code [start, end)}. */
  boolean namesPerson(int start, int end) {
    MentionIndex people = byType.get(EntityType.PERSON);
    if (people == null) {
      return false;
    }
    int k = firstAtOrAfter(people.starts, start);
    return k < people.mentions.size() && people.ends[k] <= end;
  }

  /** Whether {@code at} is inside a mention, after its first character ("Moody's": the "'s" is part of the name). */
  boolean inside(int at) {
    int k = firstAtOrAfter(starts, at) - 1; // the last mention that starts before at
    return k >= 0 && ends[k] > at;
  }

  /** The entity of the last mention of {@code type} that ends at or before {@code before}, or null. */
  String lastNamed(int before, String type) {
    MentionIndex of = byType.get(type);
    if (of == null) {
      return null;
    }
    int k = firstAtOrAfter(of.ends, before + 1) - 1; // the last that ends at or before
    return k < 0 ? null : of.mentions.get(k).entity();
  }

  /** The person or organisation named right before a relative "who" at {@code at} (", who"), or null. */
  String antecedent(int at) {
    for (int k = firstAtOrAfter(ends, at - 2); k < mentions.size() && ends[k] <= at; k++) {
      if (!mentions.get(k).type().equals(EntityType.LOC)) {
        return mentions.get(k).entity();
      }
    }
    return null;
  }

  /** The first person named within {@code [from, to)}, or null. */
  String firstPerson(int from, int to) {
    MentionIndex people = byType.get(EntityType.PERSON);
    if (people == null) {
      return null;
    }
    int k = firstAtOrAfter(people.starts, from);
    return k < people.mentions.size() && people.ends[k] <= to ? people.mentions.get(k).entity() : null;
  }

  /** The index of the first value at least {@code at} in the ascending {@code values}. */
  private static int firstAtOrAfter(int[] values, int at) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
