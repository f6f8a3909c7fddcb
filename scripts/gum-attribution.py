#!/usr/bin/env python3
"""Turn GUM's RST attribution relations into brat gold for `corpus eval attribution`.

Usage:
  scripts/gum-attribution.py [--no-image-credits] SRC_DIR OUT_DIR
      SRC_DIR holds GUM's conllu/*.conllu and rst/rstweb/*.rs4 (e.g. ../shared/data/gum-news).
      Writes OUT_DIR/text/NAME.txt and OUT_DIR/attributions/NAME.ann, prints a summary.
  scripts/gum-attribution.py --check-polarity OUT_DIR
      Runs `bin/corpus annotate` on OUT_DIR/text/*.txt and counts, against the gold just written,
      how negative and positive attributions are marked (negated / denies), and the kinds of all
      claims found and of those matching no attribution (bin/corpus builds the jar if needed).

Text. Each document is rebuilt from its conllu: the words joined with their real spacing
(SpaceAfter=No, read on the multiword token for a contraction such as "Trump's"), sentences of
one paragraph joined by a space, paragraphs ("# newpar": headings, the dateline, captions too)
separated by a blank line. Offsets are code points into that text.

Mapping. An RST attribution is a satellite (the node whose relname is attribution-positive or
attribution-negative, typically "he said" or "according to X") attached to its parent, the
nucleus. For each one:
  - Content = the EDUs of the parent's whole subtree minus the satellite's own subtree, as brat
    pieces: one piece per run of adjacent EDUs, and a run is also cut at a paragraph break
    (PolNeAR's contents never cross a line break; a quotation over two paragraphs is two pieces).
  - Source = the EDUs of the satellite's subtree. It holds the cue too ("team member Rodaba Noori
    told the press ,"), so only the lenient source rule (the speaker span overlaps it) means
    anything; the strict source rule can hardly ever match.
  - The brat event's trigger (Attribution) is the satellite's span as well; an attribute line
    `A<n>\tPolarity E<n> positive|negative` keeps the relation's sign (the scorer ignores it).
Approximations: RST contents are clause-sized EDUs, not PolNeAR-style spans. The content is what
the annotators put in the relation's scope: with an "I think" or "he said" nested inside a quote
both relations are kept, and a quotation that goes on after its attribution ("A," she said. "B.")
usually ends the content at A, so a claim on B finds no gold. EDUs keep their punctuation and
quotation marks (the strict rule trims them at the ends only), and a nucleus keeps the satellites
of its own (a circumstance, an elaboration) that PolNeAR would leave out. GUM also marks photo
credits as attributions ("Image: NASA." over a caption); --no-image-credits leaves out those whose
satellite starts with "Image:". Relations that cannot be mapped (no parent, an empty content or
source) are counted and named on stderr, never written.

Output is deterministic (documents and relations in a fixed order) and nothing is written outside
OUT_DIR. Errors: a one-line message and exit 2 for usage or a missing input folder, 3 for
malformed data.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


class DataError(Exception):
    pass


def fail(code, message):
    print("gum-attribution: " + message, file=sys.stderr)
    sys.exit(code)


# ---------------------------------------------------------------- text from conllu

def read_conllu(path):
    """Returns (text, spans, par_of_word): the document's text, the [start, end) of each word in
    order, and the paragraph each word is in. Each sentence's spacing is checked against its
    "# text"."""
    paragraphs = []  # list of paragraphs, each a list of sentences, each a list of (form, space_after)
    sentence = []
    new_par = True
    skip_until = 0  # words covered by the multiword token just read
    mwt_space = None
    said = None  # the sentence's "# text", to check the spacing against
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if line.startswith("# newpar") and not line.startswith("# newpar_block"):
                    new_par = True
                elif line.startswith("# text = "):
                    said = line[len("# text = "):]
                continue
            if not line.strip():
                skip_until = 0
                if sentence:
                    rebuilt = "".join(form + (" " if space else "") for form, space in sentence).rstrip(" ")
                    if said is not None and rebuilt != said.strip():
                        raise DataError("%s: a sentence rebuilt as %r differs from its # text %r" % (path, rebuilt[:60], said[:60]))
                    said = None
                    if new_par or not paragraphs:
                        paragraphs.append([])
                        new_par = False
                    paragraphs[-1].append(sentence)
                    sentence = []
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise DataError("%s: not a conllu line: %r" % (path, line[:60]))
            tid, form, misc = cols[0], cols[1], cols[9]
            space = "SpaceAfter=No" not in misc.split("|")
            m = re.fullmatch(r"(\d+)-(\d+)", tid)
            if m:
                skip_until = int(m.group(2))
                mwt_space = space
                continue
            if "." in tid:  # an empty node: no text
                continue
            if not tid.isdigit():
                raise DataError("%s: bad token id %r" % (path, tid))
            n = int(tid)
            if n < skip_until:
                space = False  # inside a contraction
            elif n == skip_until:
                space = mwt_space
            sentence.append((form, space))
    if sentence:
        raise DataError("%s: the last sentence has no blank line after it" % path)
    parts = []
    spans = []
    pos = 0
    par_of_word = []
    for pi, par in enumerate(paragraphs):
        if pi > 0:
            parts.append("\n\n")
            pos += 2
        for si, sent in enumerate(par):
            if si > 0:
                parts.append(" ")
                pos += 1
            for wi, (form, space) in enumerate(sent):
                spans.append((pos, pos + len(form)))
                par_of_word.append(pi)
                parts.append(form)
                pos += len(form)
                if space and wi < len(sent) - 1:
                    parts.append(" ")
                    pos += 1
    text = "".join(parts) + "\n"
    return text, spans, par_of_word


# ---------------------------------------------------------------- the RST tree

def read_rs4(path, words):
    """Returns (edus, nodes): edus id -> (first_word, last_word), nodes id -> (parent, relname)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise DataError("%s: %s" % (path, e))
    body = root.find("body")
    if body is None:
        raise DataError("%s: no <body>" % path)
    edus = {}
    nodes = {}
    w = 0
    for el in body:
        if el.tag not in ("segment", "group"):
            continue
        nid = el.get("id")
        if nid in nodes:
            raise DataError("%s: node id %s twice" % (path, nid))
        nodes[nid] = (el.get("parent"), el.get("relname") or "")
        if el.tag == "segment":
            tokens = (el.text or "").split()
            if not tokens:
                raise DataError("%s: empty segment %s" % (path, nid))
            for t in tokens:
                if w >= len(words) or words[w] != t:
                    raise DataError("%s: segment %s token %r does not match conllu word %d (%r)"
                                    % (path, nid, t, w, words[w] if w < len(words) else None))
                w += 1
            edus[nid] = (w - len(tokens), w - 1)
    if w != len(words):
        raise DataError("%s: segments hold %d words, conllu %d" % (path, w, len(words)))
    return edus, nodes


def subtree_edus(node, children, edus):
    """The EDU ids under node (node included), iteratively."""
    out = []
    stack = [node]
    seen = set()
    while stack:
        n = stack.pop()
        if n in seen:
            raise DataError("cycle at node %s" % n)
        seen.add(n)
        if n in edus:
            out.append(n)
        stack.extend(children.get(n, ()))
    return out


def pieces(edu_ids, edus, spans, par_of_word):
    """[start, end) pieces over the EDUs' words: one per run of consecutive words in one paragraph."""
    covered = sorted(w for e in edu_ids for w in range(edus[e][0], edus[e][1] + 1))
    runs = []
    for w in covered:
        if runs and runs[-1][1] == w - 1 and par_of_word[w] == par_of_word[runs[-1][0]]:
            runs[-1][1] = w
        else:
            runs.append([w, w])
    return [(spans[a][0], spans[b][1]) for a, b in runs]


# ---------------------------------------------------------------- conversion

def convert(src, out, credits=True):
    rst_dir = os.path.join(src, "rst", "rstweb")
    conllu_dir = os.path.join(src, "conllu")
    if not os.path.isdir(rst_dir) or not os.path.isdir(conllu_dir):
        fail(2, "%s has no rst/rstweb or no conllu folder" % src)
    names = sorted(f[:-4] for f in os.listdir(rst_dir) if f.endswith(".rs4"))
    if not names:
        fail(2, "%s has no .rs4 files" % rst_dir)
    text_dir = os.path.join(out, "text")
    ann_dir = os.path.join(out, "attributions")
    os.makedirs(text_dir, exist_ok=True)
    os.makedirs(ann_dir, exist_ok=True)
    totals = {"documents": 0, "positive": 0, "negative": 0, "skipped": 0, "discontinuous": 0, "credits": 0}
    for name in names:
        conllu = os.path.join(conllu_dir, name + ".conllu")
        if not os.path.isfile(conllu):
            raise DataError("%s.rs4 has no %s" % (name, conllu))
        text, spans, par_of_word = read_conllu(conllu)
        words = [text[s:e] for s, e in spans]
        edus, nodes = read_rs4(os.path.join(rst_dir, name + ".rs4"), words)
        children = {}
        for nid in sorted(nodes, key=lambda k: (len(k), k)):
            parent = nodes[nid][0]
            if parent is not None:
                children.setdefault(parent, []).append(nid)
        gold = []
        for nid in sorted(nodes, key=lambda k: (len(k), k)):
            parent, rel = nodes[nid]
            if not rel.startswith("attribution"):
                continue
            sign = rel[len("attribution-"):] if rel.startswith("attribution-") else "positive"
            if sign not in ("positive", "negative"):
                print("skipped %s node %s: relation %s" % (name, nid, rel), file=sys.stderr)
                totals["skipped"] += 1
                continue
            if parent is None or parent not in nodes:
                print("skipped %s node %s: %s without a parent" % (name, nid, rel), file=sys.stderr)
                totals["skipped"] += 1
                continue
            sat = set(subtree_edus(nid, children, edus))
            whole = subtree_edus(parent, children, edus)
            content = [e for e in whole if e not in sat]
            if not content or not sat:
                print("skipped %s node %s: %s with an empty content or source" % (name, nid, rel), file=sys.stderr)
                totals["skipped"] += 1
                continue
            cp = pieces(content, edus, spans, par_of_word)
            sp = pieces(sat, edus, spans, par_of_word)
            if not credits and text[sp[0][0]:].startswith("Image:"):
                totals["credits"] += 1
                continue
            gold.append((cp, sp, sign, nid))
        gold.sort(key=lambda g: (g[0][0][0], g[1][0][0], g[3]))
        lines = []
        t = 0
        for i, (cp, sp, sign, nid) in enumerate(gold, 1):
            if len(cp) > 1:
                totals["discontinuous"] += 1
            totals[sign] += 1
            source_t, content_t, trigger_t = t + 1, t + 2, t + 3
            t += 3
            lines.append(brat_span(source_t, "Source", sp, text))
            lines.append(brat_span(content_t, "Content", cp, text))
            lines.append(brat_span(trigger_t, "Attribution", sp, text))
            lines.append("E%d\tAttribution:T%d Content:T%d Source:T%d" % (i, trigger_t, content_t, source_t))
            lines.append("A%d\tPolarity E%d %s" % (i, i, sign))
        with open(os.path.join(text_dir, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        with open(os.path.join(ann_dir, name + ".ann"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in lines))
        totals["documents"] += 1
    stale = sorted(f for f in os.listdir(ann_dir) if f.endswith(".ann") and f[:-4] not in names)
    if stale:
        print("warning: %s holds %d .ann files of another run (%s ...): the scorer reads them too"
              % (ann_dir, len(stale), stale[0]), file=sys.stderr)
    print("%d documents, %d attributions (%d positive, %d negative), %d skipped; %d contents in pieces%s"
          % (totals["documents"], totals["positive"] + totals["negative"], totals["positive"],
             totals["negative"], totals["skipped"], totals["discontinuous"],
             "" if credits else "; %d image credits left out" % totals["credits"]))


def brat_span(tid, label, pieces_, text):
    offsets = ";".join("%d %d" % (s, e) for s, e in pieces_)
    covered = " ".join(text[s:e] for s, e in pieces_).replace("\n", " ")
    return "T%d\t%s %s\t%s" % (tid, label, offsets, covered)


# ---------------------------------------------------------------- polarity and kinds

def read_gold(ann_path):
    """The attributions of one .ann this script wrote: (content pieces, source pieces, sign) in file order."""
    spans, signs, events = {}, {}, []
    with open(ann_path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0].startswith("T"):
                label, offsets = cols[1].split(" ", 1)
                spans[cols[0]] = [tuple(map(int, p.split())) for p in offsets.split(";")]
            elif cols[0].startswith("E"):
                args = dict(a.split(":", 1) for a in cols[1].split(" "))
                events.append((cols[0], args))
            elif cols[0].startswith("A"):
                _, event, value = cols[1].split(" ")
                signs[event] = value
    return [(spans[a["Content"]], spans[a["Source"]], signs.get(e, "positive")) for e, a in events]


def check_polarity(out):
    text_dir = os.path.join(out, "text")
    ann_dir = os.path.join(out, "attributions")
    if not os.path.isdir(text_dir) or not os.path.isdir(ann_dir):
        fail(2, "%s has no text or attributions folder (run gum-attribution.py SRC_DIR %s first)" % (out, out))
    names = sorted(f[:-4] for f in os.listdir(ann_dir) if f.endswith(".ann"))
    texts = [os.path.join(text_dir, n + ".txt") for n in names]
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bin", "corpus")
    run = subprocess.run([corpus, "annotate", "--format", "jsonl"] + texts, capture_output=True, text=True, encoding="utf-8")
    if run.returncode not in (0, 1):
        raise DataError("bin/corpus annotate failed (exit %d): %s" % (run.returncode, run.stderr.strip().splitlines()[-1:]))
    articles = {}
    for line in run.stdout.splitlines():
        if line.strip():
            a = json.loads(line)
            articles[os.path.basename(a["path"])[:-4]] = a
    kinds = {}
    unmatched_kinds = {}
    c = {"documents": 0, "unaligned": 0, "claims": 0,
         "negative": 0, "negative_matched": 0, "negative_marked": 0,
         "positive": 0, "positive_matched": 0, "positive_negated": 0, "positive_denies": 0}
    details = []
    for name, path in zip(names, texts):
        a = articles.get(name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if a is None:
            raise DataError("bin/corpus annotate printed nothing for %s" % path)
        # annotate's body drops the title and the dateline: its offsets are into body, which is
        # a piece of the text as written
        shift = text.find(a["body"]) if a["body"] else -1
        if shift < 0:
            c["unaligned"] += 1
            print("unaligned %s: annotate's body is not a piece of the text" % name, file=sys.stderr)
            continue
        c["documents"] += 1
        claims = a["claims"]
        c["claims"] += len(claims)
        for cl in claims:
            kinds[cl["kind"]] = kinds.get(cl["kind"], 0) + 1
        used = [False] * len(claims)
        # the scorer's lenient rule: gold in file order takes the unused claim covering most of its pieces
        for content, source, sign in read_gold(os.path.join(ann_dir, name + ".ann")):
            best, best_fit = -1, 0
            for k, cl in enumerate(claims):
                if used[k]:
                    continue
                s, e = cl["start"] + shift, cl["end"] + shift
                fit = sum(max(0, min(e, pe) - max(s, ps)) for ps, pe in content)
                if fit > best_fit:
                    best, best_fit = k, fit
            c[sign] += 1
            gold_text = " ".join(text[ps:pe] for ps, pe in content).replace("\n", " ")
            if best < 0:
                if sign == "negative":
                    details.append("negative, no claim: %s | %s" % (text[source[0][0]:source[-1][1]], gold_text))
                continue
            used[best] = True
            cl = claims[best]
            c[sign + "_matched"] += 1
            flags = ",".join(f for f in ("negated", "denies") if cl[f]) or "-"
            if sign == "negative":
                if cl["negated"] or cl["denies"]:
                    c["negative_marked"] += 1
                details.append("negative, claim %s (cue %r): %s | %s" % (flags, cl["cue"], text[source[0][0]:source[-1][1]], gold_text))
            else:
                c["positive_negated"] += cl["negated"]
                c["positive_denies"] += cl["denies"]
                if cl["negated"] or cl["denies"]:
                    details.append("positive, claim %s (cue %r): %s | %s" % (flags, cl["cue"], text[source[0][0]:source[-1][1]], gold_text))
        for k, cl in enumerate(claims):
            if not used[k]:
                unmatched_kinds[cl["kind"]] = unmatched_kinds.get(cl["kind"], 0) + 1
    print("%d documents (%d not aligned), %d claims by bin/corpus annotate" % (c["documents"], c["unaligned"], c["claims"]))
    print("negative attributions: %d, matched by a claim %d, of which negated or denies %d"
          % (c["negative"], c["negative_matched"], c["negative_marked"]))
    print("positive attributions: %d, matched by a claim %d, of which negated %d, denies %d"
          % (c["positive"], c["positive_matched"], c["positive_negated"], c["positive_denies"]))
    print("claims by kind: " + ", ".join("%s %d" % (k, kinds[k]) for k in sorted(kinds)))
    print("claims matching no attribution, by kind: "
          + ", ".join("%s %d" % (k, unmatched_kinds[k]) for k in sorted(unmatched_kinds)))
    for d in details:
        print("  " + d)


def main(argv):
    args = argv[1:]
    if len(args) == 2 and args[0] == "--check-polarity":
        try:
            check_polarity(args[1])
        except (DataError, OSError) as e:
            fail(3, str(e))
        return
    credits = True
    if args and args[0] == "--no-image-credits":
        credits = False
        args = args[1:]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        fail(2, "usage: gum-attribution.py [--no-image-credits] SRC_DIR OUT_DIR | --check-polarity OUT_DIR")
    try:
        convert(args[0], args[1], credits)
    except (DataError, OSError) as e:
        fail(3, str(e))


if __name__ == "__main__":
    main(sys.argv)
