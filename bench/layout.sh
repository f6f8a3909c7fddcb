#!/usr/bin/env bash
# Extraction time per MB of one long article in two layouts: its paragraphs on lines of their own
# ("many") and the same text on one line ("one"), at two or more sizes, so that a cost that depends
# on where the line breaks are, or grows faster than the text, shows (issue 11). See bench/README.md.
#
# Usage: bench/layout.sh
# Environment:
#   SIZES="1.25 5"     article sizes in MB (10^6 bytes), ascending
#   LAYOUTS="many one" layouts to build: many, one, and nostop (one line with its sentence-final
#                      stops removed, so the sentence splitter finds no sentence end at all)
#   CORPUS_BIN=...     the launcher whose jar is measured (default: bin/corpus of this repository)
# Results: a Markdown table on stdout and in bench/work/layout.md; the articles and the raw
# timings (bench/work/layout/times.tsv) stay in bench/work/layout.
set -euo pipefail
export LC_NUMERIC=C

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK=$BENCH/work/layout
CORPUS_BIN=${CORPUS_BIN:-$REPO/bin/corpus}
read -r -a SIZES <<< "${SIZES:-1.25 5}"
read -r -a LAYOUTS <<< "${LAYOUTS:-many one}"
REUTERS=$REPO/../shared/data/reuters21578

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

[[ -d $REUTERS ]] || die "Reuters-21578 not found in $REUTERS (../shared/data, see bench/README.md)"
command -v python3 >/dev/null 2>&1 || die "python3 is required"
for s in "${SIZES[@]}"; do
  [[ $s =~ ^[0-9]+([.][0-9]+)?$ ]] || die "SIZES must be numbers of MB, got '$s'"
done
for l in "${LAYOUTS[@]}"; do
  [[ $l == many || $l == one || $l == nostop ]] || die "LAYOUTS takes many, one and nostop, got '$l'"
done

# Builds the jar if sources changed, so that no build is timed; the launcher remembers its JDK.
"$CORPUS_BIN" --version >/dev/null
jar_dir=$(cd "$(dirname "$CORPUS_BIN")/.." && pwd)/target
read -r _ java_bin < "$jar_dir/.java" 2>/dev/null || java_bin="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"

mkdir -p "$WORK"

# ------------------------------------------------------------- articles ---
# The prose paragraphs of the Reuters stories in file order (make-corpus.py's parser, tables left
# out), each on a line of its own between blank lines, under one headline, until the size is
# reached; "one" is the same text with every run of line breaks made one space.
log "building articles of ${SIZES[*]} MB in $WORK ..."
python3 - "$BENCH/make-corpus.py" "$REUTERS" "$WORK" "${SIZES[@]}" <<'EOF'
import importlib.util, re, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("make_corpus", sys.argv[1])
mc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mc)
reuters, out, sizes = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
paragraphs, have = [], 0
goal = max(float(s) for s in sizes) * 1e6
for f in sorted(reuters.glob("reut2-*.sgm")):
    for story in mc.parse_stories([f]):
        for block in story[4]:
            if "\n" not in block and not mc.RE_TABLE_LINE.search(block):
                paragraphs.append(block)
                have += len(block.encode("utf-8")) + 2
    if have >= goal:
        break
if have < goal:
    sys.exit(f"Reuters holds only {have / 1e6:.1f} MB of prose; choose smaller SIZES")
STOP = re.compile(r"(?<=\w)[.!?](?=\s|$)")
for s in sizes:
    target, n = float(s) * 1e6, 0
    parts = []
    for p in paragraphs:
        parts.append(p)
        n += len(p.encode("utf-8")) + 2
        if n >= target:
            break
    many = "LONG REUTERS DIGEST\n\n" + "\n\n".join(parts) + "\n"
    one = re.sub(r"\n+", " ", many).strip() + "\n"
    (out / f"many-{s}.txt").write_text(many, encoding="utf-8")
    (out / f"one-{s}.txt").write_text(one, encoding="utf-8")
    (out / f"nostop-{s}.txt").write_text(STOP.sub("", one), encoding="utf-8")
(out / "warmup.txt").write_text("LONG REUTERS DIGEST\n\n" + "\n\n".join(paragraphs[-2000:]) + "\n", encoding="utf-8")
EOF

# ---------------------------------------------------------------- timing ---
# One JVM per article, each first warmed up on other Reuters paragraphs (warmup.txt).
: > "$WORK/times.tsv"
for s in "${SIZES[@]}"; do
  for l in "${LAYOUTS[@]}"; do
    log "extracting $l-$s.txt ..."
    printf '%s\t%s\t' "$s" "$l" >> "$WORK/times.tsv"
    "$java_bin" -Xmx4g -cp "$jar_dir/corpus.jar:$jar_dir/lib/*" "$BENCH/LayoutBench.java" \
      "$WORK/warmup.txt" "$WORK/$l-$s.txt" >> "$WORK/times.tsv" || die "LayoutBench failed on $l-$s.txt"
  done
done

# --------------------------------------------------------------- report ---
python3 - "$WORK/times.tsv" "$BENCH/work/layout.md" "$jar_dir/corpus.jar" "$("$CORPUS_BIN" --version 2>&1 | sed -n 1p)" <<'EOF'
import sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    size, layout, path, nbytes, wall, cpu, *stages = line.rstrip("\n").split("\t")
    rows.append(dict(size=size, layout=layout, mb=int(nbytes) / 1e6, wall=float(wall), cpu=float(cpu),
                     stages=" ".join(stages)))
by = {(r["size"], r["layout"]): r for r in rows}
sizes = list(dict.fromkeys(r["size"] for r in rows))
L = [f"# Extraction time by line layout", "", f"{sys.argv[4]}, {sys.argv[3]}.", "",
     "CPU seconds of the extraction thread (wall seconds in brackets; the machine may be shared), "
     "s/MB from the CPU time. `one / many`: s/MB of the layout over that of the paragraphs on their "
     "own lines, same size. `growth`: s/MB over that of the same layout at the previous size "
     "(1.00 = linear).", "",
     "| size MB | layout | seconds | s/MB | one / many | growth | per stage (CPU s) |",
     "|---|---|---|---|---|---|---|"]
for r in rows:
    spm = r["cpu"] / r["mb"]
    base = by.get((r["size"], "many"))
    ratio = f"{spm / (base['cpu'] / base['mb']):.2f}" if base and r["layout"] != "many" else ""
    k = sizes.index(r["size"])
    prev = by.get((sizes[k - 1], r["layout"])) if k > 0 else None
    growth = f"{spm / (prev['cpu'] / prev['mb']):.2f}" if prev else ""
    L.append(f"| {r['mb']:.2f} | {r['layout']} | {r['cpu']:.1f} ({r['wall']:.1f}) | {spm:.2f} | {ratio} | {growth} | {r['stages']} |")
text = "\n".join(L) + "\n"
open(sys.argv[2], "w", encoding="utf-8").write(text)
print(text, end="")
EOF
log "results written to $BENCH/work/layout.md"
