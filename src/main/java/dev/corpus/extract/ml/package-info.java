/**
 * Small pieces shared by the learned taggers: {@link dev.corpus.extract.ml.FeatureWeights} lays a
 * maximum-entropy model's weights out for fast look-up (the attribution tagger decodes from it).
 * To extend: keep each piece a mechanism with a test of its own, and check a tagger decoded
 * through it against the model's own evaluation (see {@code AttributionTaggerTest}).
 */
package dev.corpus.extract.ml;
