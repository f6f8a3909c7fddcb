/*
 * WordClusters: induces flat word clusters for the named-entity recogniser with the exchange
 * algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): a class-based bigram language model
 * P(w_i | w_{i-1}) = P(c_i | c_{i-1}) * P(w_i | c_i), where each word in turn is moved to the class
 * that most increases the training log-likelihood, until few words move.
 *
 * Usage (JDK standard library only, single-file source):
 *   java scripts/ner/WordClusters.java OUT.tsv
 *
 * Input, read in place:
 *   ../shared/data/conll2003/eng.train       (token column; never eng.testa)
 *   ../shared/data/reuters21578/reut2-*.sgm  (TITLE and BODY text, Penn-Treebank-style tokenised)
 *   ../shared/data/gum-news/conll/*.conll    (token column, if present)
 * The data root defaults to /work/shared/data; override with -Ddata=DIR.
 *
 * Output: "word TAB c64 TAB c512", one line per word of frequency >= 3, by frequency descending.
 * The two clusterings (C=64, C=512) run concurrently, one thread each; each run is exact and
 * deterministic (single-threaded within a run).
 */

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class WordClusters {

    static final int MIN_COUNT = 3;
    static final int MAX_PASSES = 15;
    static final double MIN_MOVE_FRACTION = 0.001;
    static final int[] CLASS_COUNTS = {64, 512};

    // ---------------------------------------------------------------- corpus

    /** Full-vocabulary ids; the stream holds word ids with -1 as sentence boundary. */
    static final Map<String, Integer> fullIds = new HashMap<>();
    static final List<String> fullWords = new ArrayList<>();
    static int[] stream = new int[1 << 22];
    static int streamLen = 0;
    static long sentences = 0;

    static void push(int x) {
        if (streamLen == stream.length) stream = Arrays.copyOf(stream, stream.length * 2);
        stream[streamLen++] = x;
    }

    static void addSentence(List<String> toks) {
        if (toks.isEmpty()) return;
        for (String t : toks) {
            Integer id = fullIds.get(t);
            if (id == null) {
                id = fullWords.size();
                fullIds.put(t, id);
                fullWords.add(t);
            }
            push(id);
        }
        push(-1);
        sentences++;
        toks.clear();
    }

    static void readConll(Path p) throws IOException {
        List<String> sent = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
            String s = line.strip();
            if (s.isEmpty()) { addSentence(sent); continue; }
            String tok = s.split("\\s+", 2)[0];
            if (tok.equals("-DOCSTART-")) { addSentence(sent); continue; }
            sent.add(tok);
        }
        addSentence(sent);
    }

    /** GUM conll: "# begin document", "idx TAB token TAB entity", no sentence breaks: split at . ! ? */
    static void readGum(Path p) throws IOException {
        List<String> sent = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) { addSentence(sent); continue; }
            String[] f = line.split("\t");
            if (f.length < 2 || !f[0].matches("\\d+")) continue;
            String tok = f[1];
            sent.add(tok);
            if (tok.equals(".") || tok.equals("!") || tok.equals("?")) addSentence(sent);
        }
        addSentence(sent);
    }

    static final Pattern ELEMENT = Pattern.compile("<(TITLE|BODY)>(.*?)</\\1>", Pattern.DOTALL);
    static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|#(\\d+));");
    static final Pattern SIGNOFF = Pattern.compile("(?i)\\s*reuter[.\\s]*$");

    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String r = switch (m.group(1)) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                default -> String.valueOf((char) Integer.parseInt(m.group(2)));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        // control characters (&#2; &#3; &#5; &#22; ..., CR, DEL) become spaces; newlines are kept
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            out.append(c == '\n' ? c : (c < 0x20 || c == 0x7f) ? ' ' : c);
        }
        return out.toString();
    }

    static void readReuters(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.ISO_8859_1);
        Matcher m = ELEMENT.matcher(text);
        List<String> sent = new ArrayList<>();
        while (m.find()) {
            String body = decode(m.group(2));
            if (m.group(1).equals("TITLE")) {
                tokenizeParagraph(body.replace('\n', ' '), sent);
                addSentence(sent);
                continue;
            }
            body = SIGNOFF.matcher(body).replaceFirst("");
            // paragraphs: a new paragraph starts at an indented or blank line
            StringBuilder para = new StringBuilder();
            for (String line : body.split("\n")) {
                if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                    tokenizeParagraph(para.toString(), sent);
                    addSentence(sent);
                    para.setLength(0);
                }
                para.append(line).append(' ');
            }
            tokenizeParagraph(para.toString(), sent);
            addSentence(sent);
        }
    }

    // ---------------------------------------------------------------- PTB-style tokeniser

    static final String LEAD = "\"'([{`";
    static final String TRAIL = "\"')]},;:!?`";
    static final Set<String> CLITICS = Set.of("'s", "'re", "'ve", "'ll", "'d", "'m");
    static final Pattern INITIALISM = Pattern.compile("[A-Za-z]{1,3}(\\.[A-Za-z]{1,3})+");
    static final Set<String> ABBREV = new HashSet<>();

    static {
        String caps = "Mr Mrs Ms Dr Prof Inc Ltd Corp Co Cos Bros Jr Sr St Mt Ft Gen Gov Sen Rep Col Lt "
                + "Capt Sgt Adm Rev Hon No Nos Dept Assn Ave Blvd Pty Messrs "
                + "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
                + "Calif Fla Mass Conn Ill Wash Tex Pa Va Md Mich Minn Wis Ariz Colo Ga Ky La Mo Nev "
                + "Okla Ore Tenn Ala Del Kan Kans Neb Vt Wyo Ind Miss Penn";
        for (String a : caps.split(" ")) {
            ABBREV.add(a);
            ABBREV.add(a.toUpperCase(Locale.ROOT));
        }
        ABBREV.addAll(List.of("vs", "etc", "v", "approx", "vol", "cf"));
    }

    static boolean isAbbrev(String w) {
        if (w.isEmpty()) return false;
        if (w.length() == 1) return Character.isLetter(w.charAt(0));
        return ABBREV.contains(w) || INITIALISM.matcher(w).matches();
    }

    static boolean startsClitic(String t, int s, int e) {
        // "'s", "'re", ... as a whitespace token of its own: keep the apostrophe
        String rest = t.substring(s, e).toLowerCase(Locale.ROOT);
        for (String c : CLITICS) {
            if (rest.startsWith(c) && (rest.length() == c.length() || !Character.isLetter(rest.charAt(c.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Tokenises one paragraph, appending to sent and flushing a sentence after sentence-final . ! ? */
    static void tokenizeParagraph(String text, List<String> sent) {
        for (String raw : text.split("\\s+")) {
            String t = raw.replace("<", "").replace(">", "");
            if (t.isEmpty()) continue;
            int s = 0, e = t.length();
            List<String> pre = new ArrayList<>(2), post = new ArrayList<>(2);
            boolean end = false;
            while (s < e && LEAD.indexOf(t.charAt(s)) >= 0) {
                if (t.charAt(s) == '\'' && startsClitic(t, s, e)) break;
                pre.add(t.charAt(s) == '`' ? "'" : String.valueOf(t.charAt(s)));
                s++;
            }
            while (e > s) {
                char c = t.charAt(e - 1);
                if (TRAIL.indexOf(c) >= 0) {
                    post.add(c == '`' ? "'" : String.valueOf(c));
                    if (c == '!' || c == '?') end = true;
                    e--;
                    continue;
                }
                if (c == '.') {
                    if (e - s >= 3 && t.startsWith("...", e - 3)) {
                        post.add("...");
                        e -= 3;
                        continue;
                    }
                    if (isAbbrev(t.substring(s, e - 1))) break;
                    post.add(".");
                    end = true;
                    e--;
                    continue;
                }
                break;
            }
            sent.addAll(pre);
            if (e > s) {
                String core = t.substring(s, e);
                String lower = core.toLowerCase(Locale.ROOT);
                int apo = core.lastIndexOf('\'');
                if (lower.endsWith("n't") && core.length() > 3) {
                    sent.add(core.substring(0, core.length() - 3));
                    sent.add(core.substring(core.length() - 3));
                } else if (apo > 0 && CLITICS.contains(lower.substring(apo))) {
                    sent.add(core.substring(0, apo));
                    sent.add(core.substring(apo));
                } else {
                    sent.add(core);
                }
            }
            for (int i = post.size() - 1; i >= 0; i--) sent.add(post.get(i));
            if (end) addSentence(sent);
        }
    }

    // ---------------------------------------------------------------- model data

    static int W;          // movable word types: V kept words (+ UNK if any); boundary id = W
    static int V;          // output words (frequency >= MIN_COUNT)
    static String[] words;
    static long[] freq;
    static int[] rStart, rWord, rCount; // right neighbours u of w (w,u), u != w
    static int[] lStart, lWord, lCount; // left neighbours v of w (v,w), v != w
    static int[] self, nL, nR;          // N(w,w), N(w,.), N(.,w)
    static double[] F;                  // F[x] = x ln x
    static long bigrams;

    static void buildModel() {
        long[] cnt = new long[fullWords.size()];
        for (int i = 0; i < streamLen; i++) if (stream[i] >= 0) cnt[stream[i]]++;
        Integer[] order = new Integer[fullWords.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> cnt[a] != cnt[b] ? Long.compare(cnt[b], cnt[a])
                : fullWords.get(a).compareTo(fullWords.get(b)));
        int[] map = new int[fullWords.size()];
        V = 0;
        boolean unk = false;
        for (int id : order) if (cnt[id] >= MIN_COUNT) map[id] = V++; else unk = true;
        W = V + (unk ? 1 : 0);
        int unkId = V, boundary = W;
        words = new String[W + 1];
        freq = new long[W + 1];
        for (int id = 0; id < map.length; id++) {
            if (cnt[id] >= MIN_COUNT) { words[map[id]] = fullWords.get(id); freq[map[id]] = cnt[id]; }
            else { map[id] = unkId; freq[unkId] += cnt[id]; }
        }
        if (unk) words[unkId] = "<UNK>";
        words[boundary] = "<S>";
        freq[boundary] = sentences;

        // bigram keys over the stream "B w w w B w w B ... B"
        int n = streamLen + 1;
        long[] keys = new long[n - 1];
        long K = W + 1;
        int prev = boundary;
        for (int i = 0; i < streamLen; i++) {
            int cur = stream[i] < 0 ? boundary : map[stream[i]];
            keys[i] = prev * K + cur;
            prev = cur;
        }
        stream = null;
        bigrams = keys.length;
        Arrays.sort(keys);
        self = new int[W + 1];
        nL = new int[W + 1];
        nR = new int[W + 1];
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) if (i == 0 || keys[i] != keys[i - 1]) distinct++;
        int[] ba = new int[distinct], bb = new int[distinct], bn = new int[distinct];
        int j = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                j++;
                ba[j] = (int) (keys[i] / K);
                bb[j] = (int) (keys[i] % K);
            }
            bn[j]++;
        }
        // CSR lists without self loops
        rStart = new int[W + 2];
        lStart = new int[W + 2];
        for (int i = 0; i < distinct; i++) {
            nL[ba[i]] += bn[i];
            nR[bb[i]] += bn[i];
            if (ba[i] == bb[i]) { self[ba[i]] = bn[i]; continue; }
            rStart[ba[i] + 1]++;
            lStart[bb[i] + 1]++;
        }
        for (int w = 0; w <= W; w++) { rStart[w + 1] += rStart[w]; lStart[w + 1] += lStart[w]; }
        int m = rStart[W + 1];
        rWord = new int[m]; rCount = new int[m]; lWord = new int[m]; lCount = new int[m];
        int[] rp = Arrays.copyOf(rStart, W + 1), lp = Arrays.copyOf(lStart, W + 1);
        for (int i = 0; i < distinct; i++) {
            if (ba[i] == bb[i]) continue;
            rWord[rp[ba[i]]] = bb[i]; rCount[rp[ba[i]]++] = bn[i];
            lWord[lp[bb[i]]] = ba[i]; lCount[lp[bb[i]]++] = bn[i];
        }
        F = new double[(int) bigrams + 2];
        for (int x = 1; x < F.length; x++) F[x] = x * Math.log(x);
        System.err.printf(Locale.ROOT, "tokens %d, sentences %d, types %d, kept %d (freq>=%d), bigram types %d%n",
                bigrams - sentences, sentences, fullWords.size(), V, MIN_COUNT, distinct);
    }

    // ---------------------------------------------------------------- exchange algorithm

    static final class Exchange implements Runnable {
        final int C, K;
        final int[] cls;
        final int[] m, mt;     // class bigram counts m[c*K+d] = N(c,d) and its transpose
        final int[] cl, cr;    // class marginals N(c,.), N(.,c)
        final int[] Lc, Rc, lIdx, rIdx;
        int nl, nr;
        final double[] delta;
        final String tag;

        Exchange(int C) {
            this.C = C;
            this.K = C + 1;
            cls = new int[W + 1];
            m = new int[K * K];
            mt = new int[K * K];
            cl = new int[K];
            cr = new int[K];
            Lc = new int[K];
            Rc = new int[K];
            lIdx = new int[K];
            rIdx = new int[K];
            delta = new double[C];
            tag = "[C=" + C + "] ";
        }

        /** Class-aggregated neighbour counts of w (assigned neighbours only). */
        void gather(int w) {
            nl = 0;
            nr = 0;
            for (int i = lStart[w]; i < lStart[w + 1]; i++) {
                int c = cls[lWord[i]];
                if (c < 0) continue;
                if (Lc[c] == 0) lIdx[nl++] = c;
                Lc[c] += lCount[i];
            }
            for (int i = rStart[w]; i < rStart[w + 1]; i++) {
                int c = cls[rWord[i]];
                if (c < 0) continue;
                if (Rc[c] == 0) rIdx[nr++] = c;
                Rc[c] += rCount[i];
            }
        }

        void clear() {
            for (int i = 0; i < nl; i++) Lc[lIdx[i]] = 0;
            for (int i = 0; i < nr; i++) Rc[rIdx[i]] = 0;
        }

        /** Adds (sign=+1) or removes (sign=-1) word w to/from class a; requires gather(w). */
        void update(int w, int a, int sign) {
            for (int i = 0; i < nl; i++) {
                int c = lIdx[i];
                m[c * K + a] += sign * Lc[c];
                mt[a * K + c] += sign * Lc[c];
            }
            for (int i = 0; i < nr; i++) {
                int d = rIdx[i];
                m[a * K + d] += sign * Rc[d];
                mt[d * K + a] += sign * Rc[d];
            }
            m[a * K + a] += sign * self[w];
            mt[a * K + a] += sign * self[w];
            cl[a] += sign * nL[w];
            cr[a] += sign * nR[w];
        }

        /** Best class for w, which is currently in no class; requires gather(w). */
        int best(int w, int current) {
            final double[] dl = delta;
            final double[] f = F;
            Arrays.fill(dl, 0);
            for (int i = 0; i < nl; i++) {          // sum_c F(N(c,b)+L_c) - F(N(c,b))
                int c = lIdx[i], row = c * K, add = Lc[c];
                for (int b = 0; b < C; b++) {
                    int x = m[row + b];
                    dl[b] += f[x + add] - f[x];
                }
            }
            for (int i = 0; i < nr; i++) {          // sum_d F(N(b,d)+R_d) - F(N(b,d))
                int d = rIdx[i], row = d * K, add = Rc[d];
                for (int b = 0; b < C; b++) {
                    int x = mt[row + b];
                    dl[b] += f[x + add] - f[x];
                }
            }
            int nlw = nL[w], nrw = nR[w], sw = self[w];
            int bestB = -1;
            double bestD = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < C; b++) {
                int x = m[b * K + b], lb = Lc[b], rb = Rc[b];
                double d = dl[b]
                        - (f[x + lb] - f[x]) - (f[x + rb] - f[x])   // undo the b==c / b==d terms
                        + (f[x + lb + rb + sw] - f[x])
                        - (f[cl[b] + nlw] - f[cl[b]])
                        - (f[cr[b] + nrw] - f[cr[b]]);
                if (b == current) d += 1e-9;                      // ties: stay
                if (d > bestD) { bestD = d; bestB = b; }
            }
            return bestB;
        }

        double logLikelihood() {
            double ll = 0;
            for (int i = 0; i < K * K; i++) ll += F[m[i]];
            for (int c = 0; c < K; c++) ll -= F[cl[c]] + F[cr[c]];
            for (int w = 0; w <= W; w++) ll += F[nR[w]];
            return ll;
        }

        void progress(String what, int moves, long t0) {
            double ll = logLikelihood();
            System.err.printf(Locale.ROOT, "%s%s moves %d  LL %.6e  ppl %.2f  %.1fs%n", tag, what, moves, ll,
                    Math.exp(-ll / bigrams), (System.nanoTime() - t0) / 1e9);
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            Arrays.fill(cls, -1);
            cls[W] = C;                       // boundary: its own fixed class
            cl[C] = nL[W];
            cr[C] = nR[W];
            m[C * K + C] = self[W];
            mt[C * K + C] = self[W];
            // greedy start: the C most frequent words in classes of their own, then every other
            // word (by frequency) into the class that most increases the likelihood so far
            for (int w = 0; w < W; w++) {
                gather(w);
                int b = w < C ? w : best(w, -1);
                cls[w] = b;
                // neighbour w itself is not in Lc/Rc; the boundary row/column is updated as well
                update(w, b, +1);
                clear();
            }
            // bigrams between two words both assigned later were added when the second arrived;
            // the counts are now exact
            progress("init     ", W, t0);
            for (int pass = 1; pass <= MAX_PASSES; pass++) {
                long tp = System.nanoTime();
                int moves = 0;
                for (int w = 0; w < W; w++) {
                    int a = cls[w];
                    gather(w);
                    update(w, a, -1);
                    int b = best(w, a);
                    update(w, b, +1);
                    cls[w] = b;
                    clear();
                    if (b != a) moves++;
                }
                double ll = logLikelihood();
                System.err.printf(Locale.ROOT, "%spass %2d  moves %d  LL %.6e  ppl %.2f  %.1fs (total %.1fs)%n",
                        tag, pass, moves, ll, Math.exp(-ll / bigrams), (System.nanoTime() - tp) / 1e9,
                        (System.nanoTime() - t0) / 1e9);
                if (moves < MIN_MOVE_FRACTION * W) break;
            }
            check();
        }

        /** Recomputes the class counts from scratch and compares (guards the incremental updates). */
        void check() {
            int[] m2 = new int[K * K];
            for (int w = 0; w <= W; w++) {
                for (int i = rStart[w]; i < rStart[w + 1]; i++) m2[cls[w] * K + cls[rWord[i]]] += rCount[i];
                m2[cls[w] * K + cls[w]] += self[w];
            }
            if (!Arrays.equals(m, m2)) throw new IllegalStateException(tag + "class bigram counts out of sync");
        }

        /** Class ids renumbered by first occurrence in frequency order. */
        int[] renumbered() {
            int[] ren = new int[K];
            Arrays.fill(ren, -1);
            int next = 0;
            int[] out = new int[V];
            for (int w = 0; w < V; w++) {
                if (ren[cls[w]] < 0) ren[cls[w]] = next++;
                out[w] = ren[cls[w]];
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java scripts/ner/WordClusters.java OUT.tsv");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Path data = Paths.get(System.getProperty("data", "/work/shared/data"));
        readConll(data.resolve("conll2003/eng.train"));
        long afterConll = sentences;
        Path reuters = data.resolve("reuters21578");
        try (Stream<Path> s = Files.list(reuters)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm")).sorted().toList()) {
                readReuters(p);
            }
        }
        long afterReuters = sentences;
        Path gum = data.resolve("gum-news/conll");
        if (Files.isDirectory(gum)) {
            try (Stream<Path> s = Files.list(gum)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".conll")).sorted().toList()) readGum(p);
            }
        }
        System.err.printf(Locale.ROOT, "read: conll %d sentences, reuters %d, gum %d  (%.1fs)%n", afterConll,
                afterReuters - afterConll, sentences - afterReuters, (System.nanoTime() - t0) / 1e9);
        buildModel();

        Exchange[] runs = new Exchange[CLASS_COUNTS.length];
        Thread[] threads = new Thread[runs.length];
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new Exchange(CLASS_COUNTS[i]);
            threads[i] = new Thread(runs[i], "exchange-" + CLASS_COUNTS[i]);
            threads[i].setUncaughtExceptionHandler((t, e) -> failure[0] = e);
        }
        // the larger C is much slower: start it first
        for (int i = runs.length - 1; i >= 0; i--) threads[i].start();
        for (Thread t : threads) t.join();
        if (failure[0] != null) throw new RuntimeException(failure[0]);

        int[][] ids = new int[runs.length][];
        for (int i = 0; i < runs.length; i++) ids[i] = runs[i].renumbered();
        try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            out.write("# word clusters (exchange algorithm), C=64 and C=512, from CoNLL-2003 eng.train + "
                    + "Reuters-21578 tokens; generated by scripts/ner/WordClusters.java\n");
            for (int w = 0; w < V; w++) {
                out.write(words[w]);
                for (int[] id : ids) out.write("\t" + id[w]);
                out.write('\n');
            }
        }
        System.err.printf(Locale.ROOT, "wrote %d words to %s  (total %.1fs)%n", V, args[0],
                (System.nanoTime() - t0) / 1e9);
    }
}
