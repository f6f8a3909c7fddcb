#!/usr/bin/env python3
"""Build a large benchmark corpus of plain-text news articles from Reuters-21578.

Reads ../shared/data/reuters21578/reut2-*.sgm (../shared is the sibling of the
repository root), turns every <REUTERS> story into an article file

    TITLE LINE
    <blank>
    date line (format varies: "Oct 19, 1987 10:01 AM", "1987-10-19T10:01:00Z", ...)
    <blank>
    NEW YORK, Oct 19 - first paragraph ...
    <blank>
    next paragraph ...

and writes replicas of the whole collection until the output reaches the target
size. Replica 0 is the original text; every later replica varies each story
(date shifted by years and days, years in the text shifted to match, paragraphs
shuffled, synonyms swapped, numbers perturbed, title case changed), so copies
are not byte-identical while staying about the original size (~1 KB).

Layout: OUT/rNNNN/CC/NNNNN-title-slug.txt  (replica / chunk of <= 1000 stories).
On success a manifest is written next to OUT (OUT.manifest.json) with the file
count and bytes; bench/run.sh uses it to decide whether to rebuild.

The output is streamed (one file at a time) and built by worker processes, one
chunk of 1000 stories per task; the same --seed gives the same corpus.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import sys
import time
from collections import deque
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
SHARED_DIR = REPO_DIR.parent / "shared"
REUTERS_DIR = SHARED_DIR / "data" / "reuters21578"

CHUNK = 1000  # stories per folder
GENERATOR_VERSION = 1

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
# The abbreviations Reuters itself uses in datelines.
REUTERS_MON = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
               "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]

# ---------------------------------------------------------------- parsing ---

RE_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
RE_NEWID = re.compile(r'NEWID="(\d+)"')
RE_DATE = re.compile(r"<DATE>(.*?)</DATE>", re.S)
RE_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
RE_DATELINE = re.compile(r"<DATELINE>(.*?)</DATELINE>", re.S)
RE_BODY = re.compile(r"<BODY>(.*?)(?:</BODY>|$)", re.S)
RE_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S)
RE_NUMENT = re.compile(r"&#(\d+);")
RE_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
RE_DATEVAL = re.compile(
    r"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?")


def _nument(m: re.Match) -> str:
    n = int(m.group(1))
    if n in (9, 10) or (32 <= n < 127) or n >= 160:
        return chr(n)
    return ""  # control characters (&#2; &#3; &#31; ...) carry no text


def clean(s: str) -> str:
    s = RE_NUMENT.sub(_nument, s)
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    s = s.replace("\r", "")
    return RE_CTRL.sub("", s)


def parse_date(raw: str) -> dt.datetime:
    m = RE_DATEVAL.search(raw or "")
    if m:
        try:
            mon = MON3.index(m.group(2).capitalize()) + 1
            return dt.datetime(int(m.group(3)), mon, int(m.group(1)),
                               int(m.group(4)), int(m.group(5)),
                               int(m.group(6) or 0))
        except ValueError:
            pass
    return dt.datetime(1987, 3, 1, 12, 0, 0)


RE_TABLE_LINE = re.compile(r"\.\.\.|\S {2,}\S|\t")


def paragraphs(body: str) -> list[str]:
    """Split a Reuters body into blocks: prose paragraphs are re-flowed to one
    line (a paragraph starts at an indented line); runs of table-like lines
    are kept verbatim."""
    blocks: list[str] = []
    prose: list[str] = []
    table: list[str] = []

    def flush_prose():
        if prose:
            blocks.append(" ".join(prose))
            prose.clear()

    def flush_table():
        if table:
            blocks.append("\n".join(table))
            table.clear()

    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            flush_prose()
            flush_table()
            continue
        if RE_TABLE_LINE.search(stripped):
            flush_prose()
            table.append(line.rstrip())
            continue
        flush_table()
        if line[:1].isspace():
            flush_prose()
        prose.append(stripped)
    flush_prose()
    flush_table()
    return blocks


RE_DATELINE_PARTS = re.compile(r"^(.*?),\s*([A-Za-z]+)\s+(\d{1,2})\s*-?\s*$")


def parse_stories(files: list[Path]) -> list[tuple]:
    """Return a list of (newid, when, title, dateline_place_or_raw, blocks)."""
    stories = []
    for f in files:
        text = f.read_bytes().decode("latin-1")
        for m in RE_STORY.finditer(text):
            attrs, inner = m.group(1), m.group(2)
            idm = RE_NEWID.search(attrs)
            newid = int(idm.group(1)) if idm else len(stories) + 1
            dm = RE_DATE.search(inner)
            when = parse_date(clean(dm.group(1)) if dm else "")
            tm = RE_TITLE.search(inner)
            title = " ".join(clean(tm.group(1)).split()) if tm else ""
            dlm = RE_DATELINE.search(inner)
            dateline = " ".join(clean(dlm.group(1)).split()) if dlm else ""
            bm = RE_BODY.search(inner)
            if bm:
                body = clean(bm.group(1))
            else:
                # BRIEF stories have only a title; UNPROC ones have raw text
                # whose first line is the headline.
                xm = RE_TEXT.search(inner)
                raw = clean(xm.group(1)) if xm else ""
                raw = RE_TITLE.sub("", raw)
                raw = raw.replace("******", "").replace("Blah blah blah.", "")
                if not title:
                    lines = raw.strip("\n").split("\n", 1)
                    title = " ".join(lines[0].split())
                    raw = lines[1] if len(lines) > 1 else ""
                body = raw
            blocks = paragraphs(body)
            if not title:
                title = (blocks[0][:60] if blocks else f"REUTERS STORY {newid}")
            # datelines are "NEW YORK, Oct 19 -": keep place and month style
            dl = None
            if dateline:
                pm = RE_DATELINE_PARTS.match(dateline)
                if pm:
                    dl = (pm.group(1), pm.group(2), int(pm.group(3)))
                else:
                    dl = dateline
            stories.append((newid, when, title, dl, blocks))
    return stories


# -------------------------------------------------------------- rendering ---

def _h12(d: dt.datetime) -> str:
    h = d.hour % 12 or 12
    return f"{h}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


DATE_FORMATS = [
    lambda d: f"{MON3[d.month-1]} {d.day}, {d.year} {_h12(d)}",
    lambda d: f"{MONTHS[d.month-1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month-1]} {d.year} {d.hour:02d}:{d.minute:02d}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d}:{d.second:02d}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:{d.second:02d}Z",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month-1]} {d.day}, {d.year} {_h12(d)}",
    lambda d: f"{d.day:02d}-{MON3[d.month-1].upper()}-{d.year}",
    lambda d: f"{d.month:02d}/{d.day:02d}/{d.year} {d.hour:02d}:{d.minute:02d}",
    lambda d: f"{WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {MON3[d.month-1]} {d.year} {d.hour:02d}:{d.minute:02d}:{d.second:02d} GMT",
    lambda d: f"Published {MONTHS[d.month-1]} {d.day}, {d.year}, {_h12(d)}",
]

SYNONYMS = {
    "said": ["said", "stated", "told reporters", "added"],
    "rose": ["rose", "climbed", "increased", "gained"],
    "fell": ["fell", "dropped", "declined", "slipped"],
    "expected": ["expected", "anticipated", "forecast"],
    "company": ["company", "firm", "group"],
    "about": ["about", "around", "roughly", "some"],
    "increase": ["increase", "rise", "gain"],
    "large": ["large", "big", "sizeable"],
    "big": ["big", "large", "major"],
    "help": ["help", "assist", "aid"],
    "officials": ["officials", "authorities", "sources"],
    "spokesman": ["spokesman", "spokeswoman", "spokesperson"],
    "reported": ["reported", "posted", "recorded"],
    "announced": ["announced", "disclosed", "unveiled"],
    "agreed": ["agreed", "consented"],
    "major": ["major", "leading", "key"],
    "sharply": ["sharply", "steeply", "strongly"],
    "plans": ["plans", "intends", "aims"],
}
RE_SYN = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b", re.I)
RE_YEAR = re.compile(r"\b(19[4-9]\d)(?:/(\d\d)\b)?(?!\d)")
RE_NUMBER = re.compile(
    r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3,})(?![\w,.]\d|\w)")
RE_SLUG = re.compile(r"[^a-z0-9]+")


def _case_like(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _perturb_number(tok: str, rng: random.Random) -> str:
    plain = tok.replace(",", "")
    if "." not in plain and 1900 <= int(plain) <= 2099:
        return tok  # looks like a year
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    val = float(plain) * rng.uniform(0.8, 1.2)
    if decimals:
        out = f"{val:.{decimals}f}"
    else:
        out = str(max(1, int(round(val))))
    if "," in tok:
        ip, _, fp = out.partition(".")
        out = f"{int(ip):,}" + (f".{fp}" if fp else "")
    return out


def _shift_date(when: dt.datetime, years: int, days: int, minutes: int) -> dt.datetime:
    y = when.year + years
    try:
        d = when.replace(year=y)
    except ValueError:  # Feb 29
        d = when.replace(year=y, day=28)
    return d + dt.timedelta(days=days, minutes=minutes)


def render(story: tuple, replica: int, seed: int) -> tuple[str, str]:
    """Return (file name, text) of one story in one replica."""
    newid, when, title, dl, blocks = story
    rng = random.Random(seed * 1_000_003 + replica * 100_003 + newid)
    fmt = DATE_FORMATS[rng.randrange(len(DATE_FORMATS))]
    if replica == 0:
        d = when
        blocks = list(blocks)
    else:
        # distinct year offset per replica (cycles through -10..+34), plus a
        # random day/minute shift per story
        years = (replica * 17) % 45 - 10
        d = _shift_date(when, years, rng.randint(-45, 45), rng.randint(-600, 600))
        dy = d.year - when.year
        blocks = list(blocks)
        # keep the lead paragraph and the trailing "Reuter" sign-off in place
        tail = [blocks.pop()] if blocks and blocks[-1].strip() == "Reuter" else []
        if len(blocks) > 2 and rng.random() < 0.7:
            mid = blocks[1:]
            rng.shuffle(mid)
            blocks = blocks[:1] + mid
        blocks += tail
        p_syn = rng.uniform(0.2, 0.6)
        p_num = rng.uniform(0.3, 0.8)

        def syn(m):
            if rng.random() >= p_syn:
                return m.group(0)
            w = m.group(0)
            return _case_like(w, rng.choice(SYNONYMS[w.lower()]))

        def num(m):
            if rng.random() >= p_num:
                return m.group(0)
            return _perturb_number(m.group(0), rng)

        def year(m):
            y = int(m.group(1)) + dy
            if m.group(2):  # split years such as "1986/87"
                return f"{y}/{(int(m.group(2)) + dy) % 100:02d}"
            return str(y)

        out = []
        for b in blocks:
            b = RE_YEAR.sub(year, b) if dy else b
            b = RE_NUMBER.sub(num, b)
            b = RE_SYN.sub(syn, b)
            out.append(b)
        blocks = out
        r = rng.random()
        if r < 0.35:
            title = title.title()
        elif r < 0.45:
            title = title.capitalize()
        if dy:
            title = RE_YEAR.sub(year, title)

    if isinstance(dl, tuple):
        place, mon, _day = dl
        mname = REUTERS_MON[d.month - 1]
        if mon.isupper():
            mname = mname.upper()
        lead = f"{place}, {mname} {d.day} - "
    elif dl:
        lead = dl + " "
    else:
        lead = ""
    if lead:
        if blocks:
            blocks[0] = lead + blocks[0]
        else:
            blocks = [lead.rstrip(" -")]
    text = f"{title}\n\n{fmt(d)}\n"
    if blocks:
        text += "\n" + "\n\n".join(blocks) + "\n"
    slug = RE_SLUG.sub("-", title.lower()).strip("-")[:48].rstrip("-") or "story"
    return f"{newid:05d}-{slug}.txt", text


# ---------------------------------------------------------------- workers ---

_STORIES: list = []


def unit_dir(out: Path, replica: int, chunk: int) -> Path:
    return out / f"r{replica:04d}" / f"{chunk:02d}"


def write_unit(args) -> tuple[int, int, int]:
    out, replica, chunk, seed = args
    d = unit_dir(Path(out), replica, chunk)
    d.mkdir(parents=True, exist_ok=True)
    nfiles = nbytes = 0
    for story in _STORIES[chunk * CHUNK:(chunk + 1) * CHUNK]:
        name, text = render(story, replica, seed)
        data = text.encode("utf-8")
        with open(d / name, "wb") as fh:
            fh.write(data)
        nfiles += 1
        nbytes += len(data)
    return nfiles, nbytes, 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=1024,
                    help="target total size in MiB (default 1024 = 1 GiB)")
    ap.add_argument("--out", default=str(BENCH_DIR / "work" / "corpus"),
                    help="output directory (default bench/work/corpus)")
    ap.add_argument("--seed", type=int, default=1987)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes (default: number of CPUs)")
    ap.add_argument("--force", action="store_true",
                    help="delete OUT first if it exists and is not empty")
    a = ap.parse_args()

    if not REUTERS_DIR.is_dir():
        sys.exit(f"make-corpus: Reuters-21578 not found at {REUTERS_DIR}\n"
                 f"  (expected ../shared/data/reuters21578 next to the repository "
                 f"{REPO_DIR}; it holds reut2-000.sgm ... reut2-021.sgm)")
    files = sorted(REUTERS_DIR.glob("reut2-*.sgm"))
    if not files:
        sys.exit(f"make-corpus: no reut2-*.sgm files in {REUTERS_DIR}")
    if a.size_mb <= 0:
        sys.exit("make-corpus: --size-mb must be positive")

    out = Path(a.out).resolve()
    manifest = out.parent / (out.name + ".manifest.json")
    if out.exists() and any(out.iterdir()):
        if not a.force:
            sys.exit(f"make-corpus: {out} exists and is not empty; use --force to replace it")
        shutil.rmtree(out)
    if manifest.exists():
        manifest.unlink()
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.monotonic()
    global _STORIES
    _STORIES = parse_stories(files)
    nchunks = (len(_STORIES) + CHUNK - 1) // CHUNK
    target = int(a.size_mb * 1024 * 1024)
    print(f"make-corpus: {len(_STORIES)} stories parsed from {len(files)} files "
          f"in {time.monotonic() - t0:.1f}s; target {target:,} bytes into {out}",
          file=sys.stderr)

    def units():
        r = 0
        while True:
            if r >= 10000:
                raise SystemExit("make-corpus: more than 10000 replicas; target too large")
            for c in range(nchunks):
                yield (str(out), r, c, a.seed)
            r += 1

    total_files = total_bytes = 0
    last_report = 0.0
    done_units = 0
    jobs = max(1, a.jobs)
    ctx = mp.get_context("fork")  # workers inherit the parsed stories
    with ctx.Pool(jobs) as pool:
        pending: deque = deque()
        gen = units()
        window = jobs * 2
        while total_bytes < target:
            while len(pending) < window:
                u = next(gen)
                pending.append((u, pool.apply_async(write_unit, (u,))))
            _u, res = pending.popleft()
            nf, nb, _ = res.get()
            total_files += nf
            total_bytes += nb
            done_units += 1
            frac = min(1.0, total_bytes / target)
            if frac - last_report >= 0.05 or frac >= 1.0:
                last_report = frac
                el = time.monotonic() - t0
                print(f"  {frac*100:5.1f}%  {total_files:,} files  "
                      f"{total_bytes/2**20:,.1f} MiB  {el:.0f}s", file=sys.stderr)
        # tasks already started beyond the target: let them finish, then drop them
        for u, res in pending:
            res.get()
            shutil.rmtree(unit_dir(out, u[1], u[2]), ignore_errors=True)
            rdir = out / f"r{u[1]:04d}"
            if rdir.is_dir() and not any(rdir.iterdir()):
                rdir.rmdir()

    elapsed = time.monotonic() - t0
    info = {
        "generator_version": GENERATOR_VERSION,
        "size_mb": a.size_mb,
        "seed": a.seed,
        "files": total_files,
        "bytes": total_bytes,
        "stories": len(_STORIES),
        "units": done_units,
        "seconds": round(elapsed, 1),
        "out": str(out),
    }
    manifest.write_text(json.dumps(info, indent=2) + "\n")
    print(f"make-corpus: wrote {total_files:,} files, {total_bytes:,} bytes "
          f"({total_bytes/2**20:,.1f} MiB) to {out} in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
