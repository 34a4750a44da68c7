#!/usr/bin/env python3
"""The real-article corpus: verify the texts, split the slices, score a slice.

The texts are third-party and never committed; their labels, URLs and checksums are
(tests/realtext/README.md says how to rebuild the texts). Layout:

    tests/realtext/manifest/*.tsv   NAME, url, query, outlet, lang, published, sha256
    tests/realtext/SLICES.tsv       NAME, slice (dev | blind1 | blind2 ...)
    tests/realtext/<slice>/NAME.txt            text (gitignored)
    tests/realtext/<slice>/NAME.expected.json  labels (committed)

usage:
    python3 scripts/realtext.py verify                 # every text present, checksums match
    python3 scripts/realtext.py split                  # move incoming/ cases into their slice
    python3 scripts/realtext.py score SLICE [BIN] [score.py options]
    python3 scripts/realtext.py stats                  # articles, languages, outlets, years
"""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "tests", "realtext")
SCORER = os.path.join(ROOT, "..", "shared", "dev-set", "score.py")


def manifest():
    rows = {}
    for path in sorted(glob.glob(os.path.join(REAL, "manifest", "*.tsv"))):
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 7 and f[0]:
                rows[f[0]] = dict(url=f[1], query=f[2], outlet=f[3], lang=f[4],
                                  published=f[5], sha256=f[6].split()[0])
    return rows


def slices():
    path = os.path.join(REAL, "SLICES.tsv")
    out = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, sl = line.split()[:2]
                out[name] = sl
    return out


def find_case(name):
    for ext in ("txt", "html"):
        hits = glob.glob(os.path.join(REAL, "*", f"{name}.{ext}"))
        if hits:
            return hits[0]
    return None


def verify():
    rows, bad = manifest(), 0
    for name, row in rows.items():
        path = find_case(name)
        if path is None:
            print(f"missing  {name}  (rebuild from {row['url']})")
            bad += 1
            continue
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != row["sha256"]:
            print(f"changed  {name}  ({digest[:12]} != {row['sha256'][:12]})")
            bad += 1
    print(f"{len(rows)} articles in the manifest, {bad} missing or changed")
    return 1 if bad else 0


def split():
    sl = slices()
    moved = 0
    for path in sorted(glob.glob(os.path.join(REAL, "incoming", "*"))):
        base = os.path.basename(path)
        name = base.split(".")[0]
        if name not in sl:
            continue
        dest = os.path.join(REAL, sl[name])
        os.makedirs(dest, exist_ok=True)
        shutil.move(path, os.path.join(dest, base))
        moved += 1
    print(f"moved {moved} files")


def stats():
    rows, sl = manifest(), slices()
    by = {}
    for name, row in rows.items():
        s = sl.get(name, "unassigned")
        d = by.setdefault(s, dict(n=0, ko=0, en=0, outlets=set(), years=set()))
        d["n"] += 1
        d[row["lang"] if row["lang"] in ("ko", "en") else "ko"] += 1
        d["outlets"].add(row["outlet"])
        d["years"].add(name.split("_")[1][:4])
    allout = set(r["outlet"] for r in rows.values())
    for s, d in sorted(by.items()):
        ys = sorted(d["years"])
        print(f"{s:10} {d['n']:4} articles ({d['ko']} ko, {d['en']} en), "
              f"{len(d['outlets'])} outlets, years {ys[0]}-{ys[-1]} ({len(ys)} distinct)")
    print(f"all        {len(rows):4} articles, {len(allout)} outlets")


def score(argv):
    if not argv:
        sys.exit("usage: realtext.py score SLICE [BIN] [score.py options]")
    sl = argv[0]
    binary = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else \
        os.path.join(ROOT, "target", "release", "marketfig")
    rest = argv[2:] if len(argv) > 1 and not argv[1].startswith("-") else argv[1:]
    cases = os.path.join(REAL, sl)
    return subprocess.call([sys.executable, SCORER, binary, "--cases", cases] + rest)


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "verify":
        sys.exit(verify())
    if cmd == "split":
        split()
    elif cmd == "score":
        sys.exit(score(sys.argv[2:]))
    elif cmd == "stats":
        stats()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
