package dev.corpus.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When an article was published, as printed and as normalised.
 *
 * @param value ISO 8601 form ({@code 2024-06-19}, {@code 2024-06-19T13:10}, {@code
 *     2024-06-19T13:10+03:00}, {@code 2024-06}), or {@code null} when unknown: never the file's
 *     modification time
 * @param text the words on the page it was read from ({@code "Jun 19, 2024 1:10 PM"}, {@code
 *     "June 21"} from a dateline without a year), or {@code null}
 * @param precision {@code year}, {@code month}, {@code day}, {@code minute} or {@code second};
 *     {@code null} when {@code value} is
 * @param inferred true when the value was not printed whole but reasoned out (later issues)
 * @param evidence where the value came from: {@code metadata}, {@code header}, {@code dateline};
 *     for an inferred value, also how it was reasoned out
 * @param conflict null, or why the printed date disagrees with what the story says (a page
 *     dated a year after the events it reports as recent)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PublishedDate(
    String value, String text, String precision, boolean inferred, String evidence, String conflict) {

  /** A date with no conflict. */
  public PublishedDate(String value, String text, String precision, boolean inferred, String evidence) {
    this(value, text, precision, inferred, evidence, null);
  }

  /** This date with {@code conflict} noted. */
  public PublishedDate withConflict(String conflict) {
    return new PublishedDate(value, text, precision, inferred, evidence, conflict);
  }

  /** No publication date was found. */
  public static final PublishedDate UNKNOWN = new PublishedDate(null, null, null, false, null);

  /** True when a normalised value is known. */
  public boolean known() {
    return value != null;
  }
}
