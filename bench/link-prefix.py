#!/usr/bin/env python3
"""Links the first SIZE_MB MiB of a generated corpus (files in sorted path order) into DST as hard
links, and writes DST's manifest. Shared by bench/entity.sh and bench/commands.sh, whose smaller
corpora are prefixes of one source corpus, so sizes are exact and the small one is part of the
large one.

usage: link-prefix.py SRC DST SIZE_MB SRC_MANIFEST MANIFEST
"""
import json, os, sys
src, dst, size_mb, src_manifest, manifest = sys.argv[1:]
target = float(size_mb) * 1048576
paths = sorted(os.path.relpath(os.path.join(d, f), src)
               for d, _, fs in os.walk(src) for f in fs)
files = nbytes = 0
for rel in paths:
    if nbytes >= target:
        break
    os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
    os.link(os.path.join(src, rel), os.path.join(dst, rel))
    files += 1
    nbytes += os.path.getsize(os.path.join(src, rel))
if nbytes < target:
    sys.exit(f"bench: the source corpus holds only {nbytes:,} bytes, less than {size_mb} MiB")
info = json.load(open(src_manifest))
json.dump({"size_mb": float(size_mb), "seed": info["seed"], "files": files, "bytes": nbytes,
           "source": src}, open(manifest, "w"), indent=2)
