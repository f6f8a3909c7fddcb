package dev.corpus.fuzz;

import dev.corpus.extract.Pipeline;

/**
 * The standard pipeline, loaded once per JVM for the fuzz targets and the generator test: its
 * models take seconds to load, Jazzer calls a target millions of times, and the pipeline is
 * stateless and thread-safe.
 */
final class SharedPipeline {

  static final Pipeline STANDARD = Pipeline.standard();

  private SharedPipeline() {}
}
