#!/usr/bin/env python3
"""Merge entity lists into data/lexicon/entities.csv and keep the file canonical.

    python3 scripts/lexicon_build.py                 # check entities.csv, exit 1 on a problem
    python3 scripts/lexicon_build.py --write         # rewrite it in canonical form
    python3 scripts/lexicon_build.py --write NEW.csv [MORE.csv ...]
                                                     # merge rows from source lists, then rewrite

Each source list has the shape of entities.csv (`kind,entity,symbol,market,aliases`, aliases
joined by `|`, `#` comment lines and blank lines ignored, header line optional). A row whose
entity is already in the file adds its aliases to that entity (the file's kind, symbol and
market are kept; a different symbol or market is reported, not applied).

Canonical form (what tests/lexicon_files.rs checks): the file's `#` header comments and the
header line on top; rows grouped by kind, the kinds in the order they first appear in the file
(new kinds last); rows sorted by entity name (byte order) within each kind; every field NFC and
trimmed; no alias repeated within a row; no alias (nor entity name, which is an alias too)
shared by two entities (compared after NFC, without the `=` number-only marker, and with the
spaces the matcher ignores removed: `지멘스 에너지` = `지멘스에너지`).

The script refuses to write when two entities share an alias or a market/kind is unknown: fix
the source list (qualify the alias, or drop it) and run it again. Python 3 standard library only.
"""

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = ROOT / "data" / "lexicon" / "entities.csv"
LEXICON_RS = ROOT / "src" / "extract" / "lexicon.rs"
HEADER = "kind,entity,symbol,market,aliases"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def squeeze(alias):
    """The form the matcher holds (src/extract/lexicon.rs `squeeze`): spaces dropped except
    between two Latin letters, so `지멘스 에너지` and `지멘스에너지` are one alias."""
    out = []
    for k, c in enumerate(alias):
        if c in (" ", "\u00a0"):
            p = alias[k - 1] if k else ""
            n = alias[k + 1] if k + 1 < len(alias) else ""
            if not (p.isascii() and p.isalpha() and n.isascii() and n.isalpha()):
                continue
        out.append(c)
    return "".join(out)


def accepted(fn_name):
    """String literals the Rust parser accepts (Market::parse / parse_kind)."""
    src = LEXICON_RS.read_text(encoding="utf-8")
    m = re.search(r"fn " + fn_name + r"\(s: &str\).*?\n    \}\n", src, re.S) or re.search(
        r"fn " + fn_name + r"\(s: &str\).*?\n\}\n", src, re.S
    )
    if not m:
        sys.exit(f"cannot find fn {fn_name} in {LEXICON_RS}")
    return set(re.findall(r'"([A-Za-z_]+)"\s*(?:\||=>)', m.group(0)))


def read_rows(path, problems):
    comments, rows, header_seen = [], [], False
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if line.startswith("#"):
            if not header_seen:
                comments.append(nfc(raw.rstrip()))
            continue
        if line.startswith("kind,entity"):
            header_seen = True
            continue
        header_seen = True
        f = [nfc(x.strip()) for x in line.split(",", 4)]
        if len(f) != 5:
            problems.append(f"{path}:{n}: expected 5 fields, got {len(f)}")
            continue
        kind, entity, symbol, market, aliases = f
        if not entity:
            problems.append(f"{path}:{n}: empty entity")
            continue
        alias_list = [a.strip() for a in aliases.split("|") if a.strip()]
        rows.append([kind, entity, symbol, market, alias_list, f"{path.name}:{n}"])
    return comments, rows


def merge(base, extra, problems):
    by_name = {r[1]: r for r in base}
    for r in extra:
        old = by_name.get(r[1])
        if old is None:
            base.append(r)
            by_name[r[1]] = r
            continue
        for i, what in ((0, "kind"), (2, "symbol"), (3, "market")):
            if r[i] and old[i] != r[i]:
                problems.append(
                    f"{r[5]}: {r[1]}: {what} `{r[i]}` differs from the file's `{old[i]}` (kept the file's)"
                )
        old[4].extend(r[4])
    return base


def canonical(rows):
    for r in rows:
        seen, out = set(), []
        for a in r[4]:
            if a not in seen:
                seen.add(a)
                out.append(a)
        r[4] = out
    order = []
    for r in rows:
        if r[0] not in order:
            order.append(r[0])
    return sorted(rows, key=lambda r: (order.index(r[0]), r[1].encode("utf-8")))


def check(rows, markets, kinds):
    problems = []
    owner = {}
    names = set()
    for r in rows:
        kind, entity, symbol, market, aliases, where = r
        if kind not in kinds:
            problems.append(f"{where}: unknown kind `{kind}`")
        if market not in markets:
            problems.append(f"{where}: unknown market `{market}` (accepted: {sorted(markets)})")
        if entity in names:
            problems.append(f"{where}: entity `{entity}` listed twice")
        names.add(entity)
        if "," in entity or "," in symbol:
            problems.append(f"{where}: comma in entity or symbol")
        for a in [entity] + aliases:
            key = squeeze(a[1:] if a.startswith("=") else a)
            if not key:
                problems.append(f"{where}: empty alias")
                continue
            prev = owner.setdefault(key, entity)
            if prev != entity:
                problems.append(f"{where}: alias `{key}` of `{entity}` is also an alias of `{prev}`")
    return problems


def render(comments, rows):
    out = comments + [HEADER]
    for kind, entity, symbol, market, aliases, _ in rows:
        out.append(",".join([kind, entity, symbol, market, "|".join(aliases)]))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", type=Path, help="entity lists to merge in")
    ap.add_argument("--write", action="store_true", help="rewrite entities.csv")
    ap.add_argument("--file", type=Path, default=ENTITIES, help="the lexicon file (default: %(default)s)")
    args = ap.parse_args()

    markets, kinds = accepted("parse"), accepted("parse_kind")
    problems = []
    comments, rows = read_rows(args.file, problems)
    for src in args.sources:
        _, extra = read_rows(src, problems)
        rows = merge(rows, extra, problems)
    rows = canonical(rows)
    fatal = check(rows, markets, kinds)
    for p in dict.fromkeys(problems + fatal):
        print(p, file=sys.stderr)
    text = render(comments, rows)
    if fatal:
        return 1
    if args.write:
        args.file.write_text(text, encoding="utf-8")
        counts = {}
        for r in rows:
            counts[r[0]] = counts.get(r[0], 0) + 1
        print(f"wrote {args.file}: {len(rows)} entities {counts}")
        return 0
    if text != args.file.read_text(encoding="utf-8"):
        print(f"{args.file} is not in canonical form: run with --write", file=sys.stderr)
        return 1
    print(f"{args.file}: ok ({len(rows)} entities)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
