/**
 * {@code corpus report}: one self-contained HTML page on a set of articles, to open offline and
 * hand to a colleague. {@link dev.corpus.report.ReportService} gathers a typed {@link
 * dev.corpus.report.ReportData} from the query services, each list capped; {@link
 * dev.corpus.report.ReportPage} writes it as HTML (data inlined as JSON, the vendored charting
 * library and the page's script inlined under a Content-Security-Policy that allows nothing
 * else); {@link dev.corpus.report.ReportFile} replaces the target file in one step.
 *
 * <p>To add a section: give {@code ReportData} a record for it (with its total beside the capped
 * list), fill it in {@code ReportService} from a service's typed result, write its HTML table in
 * {@code ReportPage} (the page must read without JavaScript) and, if it has a chart, draw it in
 * {@code report.js} and report what the chart holds on {@code #status} for the browser test.
 * The vendored scripts are fetched by {@code scripts/vendor-report-libs.sh}.
 */
package dev.corpus.report;
