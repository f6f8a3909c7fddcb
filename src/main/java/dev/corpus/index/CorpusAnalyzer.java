package dev.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis of article text, used at index and query time alike: Unicode word segmentation,
 * possessives dropped ("Russia's" → "russia"), lower case, accents folded ("Choé" → "choe") and
 * minimal English stemming, which joins singular and plural ("treaties" → "treaty") and nothing
 * else. Heavier stemmers (KStem, Porter) also join verb forms but cost a sixth of indexing time
 * and conflate words news readers keep apart ("general"/"generally"). No stop words are removed,
 * so phrase queries stay exact.
 */
public final class CorpusAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new EnglishMinimalStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
