package dev.corpus.extract.claim;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * What a claim reports of its source (see {@code docs/claims.md}, "Kinds and polarity"): decided
 * by {@link ClaimKinds} from the cue and the shape of the content. Written in lower case in JSON,
 * in the index and on the command line.
 */
public enum ClaimKind {
  /** Something said or written: "said", "told", "announced", "denied", "according to", a quotation. */
  STATEMENT,
  /** A stance taken on something or someone: "criticised", "praised", "urged", "called for", "condemned". */
  POSITION,
  /** What the source holds true or likely: "thinks", "believes", "fears", "expects", "hopes", "doubts". */
  BELIEF,
  /** What the source means to do: "plans to", "vowed to", "agreed to", "refused to", "voted to". */
  INTENTION;

  /** The lower-case name used in JSON, in the index and by {@code --kind}. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code label} (lower case, as {@link #label()} writes it), if any. */
  public static Optional<ClaimKind> of(String label) {
    for (ClaimKind k : values()) {
      if (k.label().equals(label)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
