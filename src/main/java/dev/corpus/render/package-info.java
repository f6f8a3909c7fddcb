/**
 * Output: {@link dev.corpus.render.Reports} turns each typed result into a {@link
 * dev.corpus.render.Report}, which {@link dev.corpus.render.Renderer} writes as table, JSON, JSON
 * Lines or CSV. JSON comes from Jackson serialising records; its shapes are documented in {@code
 * docs/json.md} and carry a {@code version}.
 */
package dev.corpus.render;
