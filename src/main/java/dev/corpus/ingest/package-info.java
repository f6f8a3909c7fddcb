/**
 * Ingestion: from file bytes to {@link dev.corpus.model.Article}s.
 *
 * <p>{@link dev.corpus.ingest.Ingestor} decodes ({@link dev.corpus.ingest.TextDecoder}), picks a
 * reader by extension or content ({@link dev.corpus.ingest.Formats}), strips page furniture
 * ({@link dev.corpus.ingest.Boilerplate}) and finds metadata ({@link
 * dev.corpus.ingest.PageParser}). Nothing here touches the file system or the index.
 *
 * <p>To add a format: implement {@link dev.corpus.ingest.ArticleReader} (text in, {@link
 * dev.corpus.ingest.RawPage}s out, with any metadata the format states in {@link
 * dev.corpus.ingest.PageHints}) and register its extensions in {@link dev.corpus.ingest.Formats}.
 * HTML bodies are found by {@link dev.corpus.ingest.ContentExtractor} from the shape of the text
 * (paragraph scores, link density, the container with most prose, a broad fallback, JSON-LD
 * {@code articleBody}), after {@link dev.corpus.ingest.HtmlReader} has removed what is never read
 * as the story (hidden elements, captions) and {@link dev.corpus.ingest.CommentThreads} readers'
 * comments, recognised by structure (repeated signed, dated posts), and metadata by {@link
 * dev.corpus.ingest.PageMetadata} from what the page states (JSON-LD, meta tags). A reader that
 * isolates the article by structure says so ({@link dev.corpus.ingest.RawPage.Page#isolated()}):
 * {@link dev.corpus.ingest.Boilerplate} then drops a section marker inside it as a line instead of
 * ending the article there. To change how a body is chosen, measure with {@code corpus eval body
 * --per-page} before and after, and prefer a rule about text shape or page structure to one more
 * class name. A page with
 * no article text is skipped ({@link dev.corpus.ingest.IngestException#skipped}), never indexed
 * empty. {@code dev.corpus.ingest.eval} holds the benchmark's frozen body scorer.
 *
 * <p>To teach the boilerplate stripper a new kind of furniture, prefer a shape in {@link
 * dev.corpus.ingest.LineShapes} (what makes the line furniture: a label and a colon, bracketed
 * items, its place at the foot) with a reason that holds for news in general; a fixed phrase
 * goes in one of the resource files {@code boilerplate-lines.txt}, {@code
 * boilerplate-patterns.txt} or {@code boilerplate-tail.txt}. Outlets recognised in headers are in
 * {@code outlets.txt} and {@code outlet-words.txt}. Hard-wrapped text is unwrapped by the text
 * and Markdown readers ({@link dev.corpus.ingest.HardWraps}); a site's repeated lines are learnt
 * across the pages of a folder by {@link dev.corpus.ingest.SiteTemplate}.
 */
package dev.corpus.ingest;
