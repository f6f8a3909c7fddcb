package dev.corpus.spark;

import dev.corpus.extract.Pipeline;
import dev.corpus.ingest.Ingestor;

/**
 * The ingestion and the extraction pipeline, built once per executor JVM and shared by all the
 * tasks that JVM runs.
 *
 * <p>This is the one exception to DESIGN.md's "no static caches": Spark gives a job no hook that
 * runs once per executor, and the closures it ships to tasks are serialised, so a pipeline held by
 * the driver would be copied (it is not serialisable either: native ONNX sessions, OpenNLP models).
 * Building one per partition instead would load the models (a few seconds, some hundred MB) again
 * for every task. The pipeline is pure and thread-safe (DESIGN.md: stages are), so the tasks an
 * executor runs at once may share it; nothing here holds per-run state.
 */
final class ExecutorModels {

  private ExecutorModels() {}

  /** Holders initialised on first use, by the JVM's class-initialisation lock (no double loading). */
  private static final class Annotating {
    static final Pipeline PIPELINE = Pipeline.withoutEmbeddings();
  }

  private static final class Embedding {
    static final Pipeline PIPELINE = Pipeline.standard();
  }

  private static final class Reading {
    static final Ingestor INGESTOR = new Ingestor();
  }

  /** The pipeline of {@code corpus annotate}, with the embedding stage when {@code embeddings}. */
  static Pipeline pipeline(boolean embeddings) {
    return embeddings ? Embedding.PIPELINE : Annotating.PIPELINE;
  }

  static Ingestor ingestor() {
    return Reading.INGESTOR;
  }
}
