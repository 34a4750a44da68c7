#!/usr/bin/env python3
"""Derive the short names newsrooms use for listed companies from their canonical names.

    python3 scripts/lexicon_short_names.py > /tmp/short.csv
    python3 scripts/lexicon_short_names.py --apply   # merge through lexicon_build.py --write

Copy calls `Lloyds Banking Group` "Lloyds", `CRH plc` "CRH", `Baker Hughes Co` "Baker Hughes":
the canonical name without its legal or group suffix. A short name is proposed only when it
is not a common English word that starts sentences (`Next`, `Target`), is at least four
letters (or an acronym of three capitals), and no other entity already has it; lexicon_build
refuses any alias two entities would share. Python 3 standard library only.
"""
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = ROOT / "data" / "lexicon" / "entities.csv"

# Trailing words that say what kind of company it is, not which one (longest first).
SUFFIXES = [
    "Banking Group", "Banking Corporation", "Holdings Inc.", "Holdings Inc", "Holdings plc",
    "Holdings", "Holding", "Group plc", "Group Inc.", "Group Inc", "Group", "Corporation",
    "Corp.", "Corp", "Incorporated", "Inc.", "Inc", "Company", "Co.", "Co", "plc", "PLC",
    "Limited", "Ltd.", "Ltd", "AG", "SE", "SA", "S.A.", "NV", "N.V.", "ASA", "AB", "Oyj",
    "International", "Industries", "& Co.", "& Co",
]
# Capitalised words that open sentences or headlines: never a company's short name.
COMMON = set("""
Next Target Arch Ball Block Compass Experian Entergy General American National United First
Best Global International Capital Energy Financial Health Land Gas Water Power Electric Public
Southern Northern Eastern Western Central Pacific Atlantic Royal British China Japan Hong Kong
Smith Brown Franklin Union Standard Universal Dollar Dollar Ross Morgan Church Principal Mobile
Bank Motor Motors Steel Data Digital Insurance Life Home Star Sun Gold Silver Crown Prime Live
Alliance Fortune Legal Real Estate Trust Marathon Match Vertex Edison Evergy Sempra Aptiv
News Partners Progressive Pool Orange Sharp Phoenix Recruit Waters Sage Zeus Booking Dover Disco
Everest Diploma Continental Mosaic Lucid Tapestry STI TSE TES SHIFT SCREEN Otsuka Principal MSCI London Stock Exchange
""".split())
# Names of exchanges and index providers as well as companies: the place, not the share.
EXCHANGES = {"London Stock Exchange", "Japan Exchange", "MSCI", "S&P Global"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def rows():
    for line in ENTITIES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("kind,"):
            continue
        f = line.split(",")
        if len(f) >= 5:
            yield f[0], f[1], f[2], f[3], [a for a in f[4].split("|") if a]


def short_name(entity):
    name = entity.strip()
    changed = True
    while changed:
        changed = False
        for suf in SUFFIXES:
            if name.endswith(" " + suf) or name.endswith("," + suf):
                name = name[: -len(suf)].rstrip(" ,&")
                changed = True
    return name


def main():
    all_rows = list(rows())
    taken = {}
    for kind, entity, symbol, market, aliases in all_rows:
        for a in [entity] + aliases:
            taken.setdefault(re.sub(r"\s+", "", nfc(a.lstrip("="))), set()).add(entity)
    out = []
    for kind, entity, symbol, market, aliases in all_rows:
        if kind != "stock" or not re.search(r"[A-Za-z]", entity):
            continue
        short = short_name(entity)
        if short == entity or short in aliases:
            continue
        words = short.split()
        acronym = re.fullmatch(r"[A-Z0-9&]{3,}", short) is not None
        if not (acronym or len(short) >= 4) or short in COMMON or short in EXCHANGES or words[0] in COMMON and len(words) == 1:
            continue
        key = re.sub(r"\s+", "", nfc(short))
        if taken.get(key, {entity}) != {entity}:
            continue
        taken.setdefault(key, set()).add(entity)
        out.append(f"{kind},{entity},{symbol},{market},{short}")
    text = "\n".join(out) + "\n"
    if "--apply" in sys.argv:
        tmp = Path("/tmp/marketfig_short_names.csv")
        tmp.write_text(text, encoding="utf-8")
        sys.exit(subprocess.call([sys.executable, str(ROOT / "scripts" / "lexicon_build.py"), "--write", str(tmp)]))
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
