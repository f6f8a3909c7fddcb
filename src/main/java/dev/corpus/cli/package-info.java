/**
 * picocli commands: thin glue from options to one service and a renderer. Only {@link
 * dev.corpus.cli.Main} calls {@code System.exit}; commands return exit codes and write through
 * the writers picocli gives them, so tests run them in-process ({@link dev.corpus.cli.Cli}).
 * Shared options are mixins ({@link dev.corpus.cli.OutputOptions}, {@link
 * dev.corpus.cli.IndexLocation}).
 */
package dev.corpus.cli;
