package dev.corpus.render;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of {@code --format jsonl}: {@code {"type": "hit", "data": {…}}}, as ripgrep's {@code
 * --json} messages. {@code type} names the kind of record {@code data} holds; every command's types
 * are documented in {@code docs/json.md}. The record is wrapped, not flattened into the message,
 * because many records have a field named {@code type} of their own (an entity's PERSON).
 *
 * @param type the kind of record: {@code hit}, {@code entity}, {@code summary}…
 * @param data the record, serialised by Jackson as in the JSON document
 */
@JsonPropertyOrder({"type", "data"})
public record Message(String type, Object data) {

  /**
   * The version of the message stream, the same for every command: 2 since issue 16 (typed
   * messages ending with a summary). Version 1 wrote the elements of one array of the JSON
   * document bare, one a line, and left out the rest. What each message's {@code data} holds
   * follows the JSON document's own {@code version}, which the summary carries.
   */
  public static final int JSONL_VERSION = 2;

  /** The type of the last message of every stream. */
  public static final String SUMMARY = "summary";
}
