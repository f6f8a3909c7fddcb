package dev.corpus.extract;

import dev.corpus.extract.text.Language;
import dev.corpus.extract.text.LanguageStage;
import dev.corpus.extract.text.SentenceStage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.corpus.extract.claim.ClaimStage;
import dev.corpus.extract.embed.EmbeddingStage;
import dev.corpus.extract.entity.EntityStage;
import dev.corpus.extract.time.DateStage;
import dev.corpus.model.Article;

/**
 * Stages run in order. Building a pipeline checks that every stage's needs are provided by an
 * earlier stage, so a misordered pipeline fails when it is built, not halfway through a corpus.
 */
public final class Pipeline {

  private final List<Stage> stages;

  private Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /**
   * A pipeline of {@code stages}.
   *
   * @throws IllegalArgumentException when a stage needs a key no earlier stage provides
   */
  public static Pipeline of(List<Stage> stages) {
    Set<AnnotationKey<?>> available = new HashSet<>();
    for (Stage stage : stages) {
      for (AnnotationKey<?> need : stage.requires()) {
        if (!available.contains(need)) {
          throw new IllegalArgumentException(
              "stage " + stage.name() + " needs " + need.name() + ", which no earlier stage provides");
        }
      }
      available.addAll(stage.provides());
    }
    return new Pipeline(stages);
  }

  /** No stages: text and metadata only ({@code corpus index --no-extract}, the warm-up). */
  public static Pipeline none() {
    return of(List.of());
  }

  /**
   * The stages every command uses: the language, the sentences (one tokenisation that the later
   * stages share), then entities, dates and claims (which need the entities), then the embeddings
   * of claims, own statements and dated sentences.
   */
  public static Pipeline standard() {
    List<Stage> stages = new java.util.ArrayList<>(annotationStages());
    stages.add(EmbeddingStage.shipped());
    return of(stages);
  }

  /**
   * The stages of {@link #standard()} but the embeddings: what {@code corpus annotate} prints, whose
   * JSON holds no vectors. For the Spark job (corpus-spark), which embeds only when asked and so
   * neither loads the embedding model nor runs it otherwise.
   */
  public static Pipeline withoutEmbeddings() {
    return of(annotationStages());
  }

  private static List<Stage> annotationStages() {
    return List.of(LanguageStage.shipped(), new SentenceStage(), EntityStage.shipped(), DateStage.shipped(), ClaimStage.shipped());
  }

  /**
   * Runs every stage on {@code article}, but stops once a stage has found the article is not in
   * English ({@link Language#readable()}): the extractors read English, and on other languages
   * they only produce noise. Such an article keeps its {@link Language} annotation and nothing else.
   */
  public Annotations run(Article article) {
    Annotations annotations = Annotations.EMPTY;
    for (Stage stage : stages) {
      annotations = stage.apply(article, annotations);
      if (!annotations.get(Language.KEY).map(Language::readable).orElse(true)) {
        break;
      }
    }
    return annotations;
  }

  public List<Stage> stages() {
    return stages;
  }
}
