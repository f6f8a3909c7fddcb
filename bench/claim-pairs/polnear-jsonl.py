#!/usr/bin/env python3
"""PolNeAR texts as JSON Lines for `corpus index`: one article a line, with the outlet and the
publication date read from the file name (outlet_YYYY-MM-DD_slug.txt) and the file name as url,
so that statements can be mapped back to the original files by their text.

    bench/claim-pairs/polnear-jsonl.py ../shared/data/polnear/train/text > /tmp/polnear-train/articles.jsonl
"""
import json
import os
import sys

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if not name.endswith(".txt"):
        continue
    outlet, date = name.split("_")[0], name.split("_")[1]
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        text = f.read()
    print(json.dumps({"url": name, "source": outlet, "date": date, "text": text}, ensure_ascii=False))
