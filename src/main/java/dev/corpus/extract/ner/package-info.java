/**
 * The statistical name finder: {@link dev.corpus.extract.ner.EntityRecognizer} (the model {@code
 * en-news-ner.bin}, decoded by {@link dev.corpus.extract.ner.NameDecoder}, which finds the names
 * OpenNLP's {@code NameFinderME} finds, faster), its feature generator {@link
 * dev.corpus.extract.ner.NewsFeatures} and lexicons {@link dev.corpus.extract.ner.NerLexicons},
 * training ({@link dev.corpus.extract.ner.NerTrainer}, run by {@code scripts/train-ner.sh}) and
 * conlleval scoring ({@link dev.corpus.extract.ner.NerEvaluation}).
 *
 * <p>To add a feature: add it to {@code NewsFeatures} (or to {@code DocumentContext} when it needs
 * the whole article), retrain with {@code scripts/train-ner.sh}, compare the {@code eng.testa}
 * figures, and update {@code docs/ner-model.md}. In {@code NewsFeatures}, write it through the
 * {@code FeatureSink} and give it its part: {@code OWN} only if it reads nothing but the token,
 * {@code PREVIOUS}/{@code NEXT} only if it reads nothing but the token before/after, else {@code
 * REST} (the decoder sums the first three once per word); {@code NewsFeaturesTest} and {@code
 * NameDecoderTest} check that the decoder still sees what the trainer sees. A model trained with
 * other features or lexicons than the code's silently loses accuracy: always ship the model with
 * the code it was trained on.
 */
package dev.corpus.extract.ner;
