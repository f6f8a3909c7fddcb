#!/usr/bin/env python3
"""Turns read and labelled candidate pairs into a labels file that holds no article text.

    bench/claim-pairs/labels.py CANDIDATES.tsv TEXT_DIR DECISIONS > LABELS.tsv

CANDIDATES.tsv is what `ClaimPairs candidates` printed (kept outside the repository: it holds
the statements' words); DECISIONS has one `pair label` line per pair read (1: the two state the
same claim or fact about the same event; 0: not). Each statement is written as its file and the
span (code points, end exclusive) of its words in that file.
"""
import csv
import re
import sys

candidates, text_dir, decisions = sys.argv[1:4]
label = {}
for line in open(decisions, encoding="utf-8"):
    line = line.split("#")[0].strip()
    if line:
        pair, value = line.split()[:2]
        label[pair] = value


def span(file, words):
    text = open(f"{text_dir}/{file}", encoding="utf-8").read()
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


print("file_a\tstart_a\tend_a\tfile_b\tstart_b\tend_b\tsame")
missing = 0
with open(candidates, encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["pair"] not in label:
            continue
        a = span(row["url_a"], row["text_a"])
        b = span(row["url_b"], row["text_b"])
        if a is None or b is None:
            missing += 1
            continue
        print(f"{row['url_a']}\t{a[0]}\t{a[1]}\t{row['url_b']}\t{b[0]}\t{b[1]}\t{label[row['pair']]}")
print(f"{len(label)} labels, {missing} pairs whose words were not found in their files", file=sys.stderr)
