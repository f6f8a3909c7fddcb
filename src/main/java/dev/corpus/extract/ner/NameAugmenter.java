package dev.corpus.extract.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training-data augmentation for East Asian person names, which CoNLL-2003 (Reuters, 1996) has
 * few of: copies of training documents in which some multi-word person names are replaced,
 * consistently through the document, by generated Korean, Chinese or Vietnamese names in their
 * usual news spellings ("Kim Jong Un", "Choe Son Hui", "Ri Yong-ho", "Wang Yi", "Pham Minh
 * Chinh"), family name first. A lone family name later in the document follows the replacement
 * ("Clinton" becomes "Kim", not the given name). Deterministic for a seed.
 */
final class NameAugmenter {

  private static final String[] KOREAN_FAMILY = {
      "Kim", "Lee", "Park", "Choi", "Choe", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo",
      "Shin", "Kwon", "Hwang", "Ahn", "Song", "Ri", "Pak", "Jon", "Ryu", "Hong", "Moon", "Yun", "Kwak", "Nam"};
  private static final String[] KOREAN_SYLLABLES = {
      "Jong", "Un", "Il", "Song", "Hui", "Hee", "Yo", "Yong", "Min", "Jae", "Young", "Soo", "Su", "Ho", "Dong",
      "Sung", "Chol", "Nam", "Gil", "Kyung", "Hyun", "Ju", "Ae", "Chun", "Tae", "Woo", "Sang", "Myung",
      "Hwan", "Ok", "Son", "Ryong", "Gwang", "Jin", "Seok", "Bong", "In", "Hak", "Sik"};
  private static final String[] CHINESE_FAMILY = {
      "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
      "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Xi", "Qin", "Han", "Fu", "Cai", "Deng", "Peng", "Jiang"};
  private static final String[] CHINESE_GIVEN = {
      "Yi", "Qiang", "Jinping", "Keqiang", "Wei", "Jun", "Ming", "Hua", "Lei", "Jian", "Xiaoping", "Zemin",
      "Jintao", "Huning", "Yang", "Gang", "Ning", "Xin", "Hong", "Bo", "Lijian", "Wenbin", "Dongsheng", "Yuan"};
  private static final String[] VIETNAMESE_FAMILY = {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui", "Do", "Ho"};
  private static final String[] VIETNAMESE_GIVEN = {
      "Van", "Thi", "Minh", "Phu", "Duc", "Xuan", "Quoc", "Chinh", "Trong", "Dung", "Tan", "Hai", "Thanh", "Long"};

  private final Random random;
  private final double share;

  /**
   * @param seed random seed
   * @param share the share of multi-word person names replaced in an augmented copy
   */
  NameAugmenter(long seed, double share) {
    this.random = new Random(seed);
    this.share = share;
  }

  /** An augmented copy of {@code doc}, or null when none of its names was replaced. */
  ConllFile.Document augment(ConllFile.Document doc) {
    Map<String, List<String>> replacement = new HashMap<>();
    Map<String, String> loneName = new HashMap<>();
    for (ConllFile.Sentence s : doc.sentences()) {
      for (ConllFile.Chunk c : s.chunks()) {
        if (!c.type().equals(EntityType.PERSON) || c.end() - c.start() < 2) {
          continue;
        }
        String name = String.join(" ", s.tokens().subList(c.start(), c.end()));
        if (!replacement.containsKey(name) && random.nextDouble() < share) {
          List<String> generated = generate();
          replacement.put(name, generated);
          loneName.put(s.tokens().get(c.end() - 1), generated.get(0).split("-")[0]);
        }
      }
    }
    if (replacement.isEmpty()) {
      return null;
    }
    List<ConllFile.Sentence> sentences = new ArrayList<>();
    for (ConllFile.Sentence s : doc.sentences()) {
      List<String> tokens = new ArrayList<>();
      List<ConllFile.Chunk> chunks = new ArrayList<>();
      int at = 0;
      for (ConllFile.Chunk c : s.chunks()) {
        tokens.addAll(s.tokens().subList(at, c.start()));
        List<String> original = s.tokens().subList(c.start(), c.end());
        List<String> name = original;
        if (c.type().equals(EntityType.PERSON)) {
          List<String> full = replacement.get(String.join(" ", original));
          if (full != null) {
            name = full;
          } else if (original.size() == 1 && loneName.containsKey(original.get(0))) {
            name = List.of(loneName.get(original.get(0)));
          }
        }
        chunks.add(new ConllFile.Chunk(tokens.size(), tokens.size() + name.size(), c.type()));
        tokens.addAll(name);
        at = c.end();
      }
      tokens.addAll(s.tokens().subList(at, s.tokens().size()));
      sentences.add(new ConllFile.Sentence(List.copyOf(tokens), List.copyOf(chunks)));
    }
    return new ConllFile.Document(List.copyOf(sentences));
  }

  /** A generated name as tokens, family name first. */
  private List<String> generate() {
    double r = random.nextDouble();
    if (r < 0.45) {
      String family = pick(KOREAN_FAMILY);
      String a = pick(KOREAN_SYLLABLES);
      String b = pick(KOREAN_SYLLABLES);
      return random.nextBoolean()
          ? List.of(family, a, b)
          : List.of(family, a + "-" + b.toLowerCase(java.util.Locale.ROOT));
    }
    if (r < 0.8) {
      return List.of(pick(CHINESE_FAMILY), pick(CHINESE_GIVEN));
    }
    return List.of(pick(VIETNAMESE_FAMILY), pick(VIETNAMESE_GIVEN), pick(VIETNAMESE_GIVEN));
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
