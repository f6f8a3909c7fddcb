/**
 * The statistical name finder: {@link dev.corpus.extract.ner.EntityRecognizer} (OpenNLP's
 * {@code NameFinderME} with the model {@code en-news-ner.bin}), its feature generator {@link
 * dev.corpus.extract.ner.NewsFeatures} and lexicons {@link dev.corpus.extract.ner.NerLexicons},
 * training ({@link dev.corpus.extract.ner.NerTrainer}, run by {@code scripts/train-ner.sh}) and
 * conlleval scoring ({@link dev.corpus.extract.ner.NerEvaluation}).
 *
 * <p>To add a feature: add it to {@code NewsFeatures} (or to {@code DocumentContext} when it needs
 * the whole article), retrain with {@code scripts/train-ner.sh}, compare the {@code eng.testa}
 * figures, and update {@code docs/ner-model.md}. A model trained with other features or lexicons
 * than the code's silently loses accuracy: always ship the model with the code it was trained on.
 */
package dev.corpus.extract.ner;
