package dev.corpus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ids follow the path below the folder given, as {@code corpus index FOLDER} gives them. */
class CorpusPathTest {

  @Test
  void aFileBelowTheFolderGivenIsNamedFromTheFolder() {
    assertEquals("news/2024/a.txt", SparkExtraction.corpusPath("news", "/data/news", false, "/data/news/2024/a.txt"));
  }

  @Test
  void aFileGivenAloneIsItsName() {
    assertEquals("a.txt", SparkExtraction.corpusPath("a.txt", "/data/news/a.txt", true, "/data/news/a.txt"));
  }

  @Test
  void aFolderWhoseNameStartsTheSameIsNotBelowIt() {
    assertEquals("b.txt", SparkExtraction.corpusPath("news", "/data/news", false, "/data/newsroom/b.txt"));
  }

  @Test
  void theRootOfAFileSystemHasNoName() {
    assertEquals("2024/a.txt", SparkExtraction.corpusPath("", "/", false, "/2024/a.txt"));
  }
}
