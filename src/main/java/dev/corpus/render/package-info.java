/**
 * Output: {@link dev.corpus.render.Reports} turns each typed result into a {@link
 * dev.corpus.render.Report}, which {@link dev.corpus.render.Renderer} writes as table, JSON, JSON
 * Lines or CSV. JSON comes from Jackson serialising records; its shapes are documented in {@code
 * docs/json.md} and carry a {@code version}.
 *
 * <p>To add a command's output: give its result record to a new {@code Reports} method that
 * builds a {@code Report} with a {@link dev.corpus.render.Report.Part} for each array of records
 * of the document (the JSONL messages, typed by a name documented in docs/json.md; every other
 * field goes into the JSONL summary by itself) and the rows of its table. {@link
 * dev.corpus.render.JsonLines} refuses a report whose document holds an array of records that no
 * part declares.
 */
package dev.corpus.render;
