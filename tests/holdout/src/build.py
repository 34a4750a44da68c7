#!/usr/bin/env python3
"""Build the marketfig held-out set: writes ../cases/NAME.{txt,html} and NAME.expected.json,
checks every clean article for internal consistency (interval rounding, every printed number
present on its line), and derives the mutated variants (NAME.mutN.*) from the specs in
articles_ko.py / articles_en.py.  Each arithmetic mutant is re-checked and must FAIL the check.

Run:  python3 tests/holdout/src/build.py      (exits 1 on any problem)

Same format and conventions as the dev set (../shared/dev-set/README.md); entity names and
symbols are taken from data/lexicon/entities.csv (read only).
"""
import csv
import json
import os
import re
import sys
from decimal import Decimal as D

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CASES = os.path.join(ROOT, "cases")
REPO = os.path.dirname(os.path.dirname(ROOT))
sys.path.insert(0, HERE)


def load_entities():
    ents = {}
    path = os.path.join(REPO, "data", "lexicon", "entities.csv")
    with open(path, encoding="utf-8") as fh:
        rows = [r for r in fh if not r.startswith("#")]
    for row in csv.DictReader(rows):
        ents[row["entity"]] = (row["kind"], row["symbol"])
    return ents


ENTS = load_entities()


def num(s):
    return None if s is None else float(s)


def decimals(s):
    s = s.lstrip("+-")
    return len(s.split(".")[1]) if "." in s else 0


def interval(s):
    x = D(s)
    h = D(5) * D(10) ** (-(decimals(s) + 1))
    return x - h, x + h


def check_triple(level, pts, pct):
    L0, L1 = interval(level)
    P0, P1 = interval(pts)
    C0, C1 = interval(pct)
    vals = []
    for L in (L0, L1):
        for P in (P0, P1):
            prev = L - P
            if prev <= 0:
                return False
            vals.append(P / prev * 100)
    lo, hi = min(vals), max(vals)
    return not (hi < C0 or lo > C1)


def line_of(text, anchor, nth=0):
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            raise KeyError(f"anchor not found: {anchor!r}")
    if nth == 0 and text.count(anchor) > 1:
        raise KeyError(f"anchor not unique: {anchor!r}")
    return text.count("\n", 0, pos) + 1


KR_UNITS = [  # (regex, function) values of Korean-style amounts printed on a line
    (re.compile(r"(\d+)조\s*(\d+)천억"), lambda m: int(m[1]) * 10**12 + int(m[2]) * 10**11),
    (re.compile(r"(\d+)조\s*([\d,]+)억"), lambda m: int(m[1]) * 10**12 + int(m[2].replace(",", "")) * 10**8),
    (re.compile(r"([\d,]+(?:\.\d+)?)\s*조"), lambda m: float(m[1].replace(",", "")) * 10**12),
    (re.compile(r"([\d,]+(?:\.\d+)?)\s*억"), lambda m: float(m[1].replace(",", "")) * 10**8),
    (re.compile(r"(\d+)만\s*([\d,]+)"), lambda m: int(m[1]) * 10**4 + int(m[2].replace(",", ""))),
    (re.compile(r"([\d,]+(?:\.\d+)?)\s*만"), lambda m: float(m[1].replace(",", "")) * 10**4),
    (re.compile(r"([\d,]+(?:\.\d+)?)\s*(million|billion|trillion)", re.I),
     lambda m: round(float(m[1].replace(",", "")) * {"million": 10**6, "billion": 10**9,
                                                     "trillion": 10**12}[m[2].lower()])),
]


def printed_values(line):
    vals = set()
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", line):
        vals.add(float(m.group().replace(",", "")))
    for rx, fn in KR_UNITS:
        for m in rx.finditer(line):
            vals.add(float(fn(m)))
    return vals


def make_figure(art, f, text):
    """f = (kind, entity, anchor, fields); fields: level, pts, pct, d (date), s (session),
    amount, cur, approx, nth, id, note"""
    kind, ent, anchor, fields = f
    sym = None
    if ent is not None:
        if ent not in ENTS:
            raise SystemExit(f"[{art['name']}] entity not in lexicon: {ent}")
        ekind, sym = ENTS[ent]
        if ekind != kind:
            raise SystemExit(f"[{art['name']}] {ent} is {ekind}, not {kind}")
        sym = sym or None
    rec = {
        "kind": kind,
        "entity": ent,
        "symbol": sym,
        "event_date": fields.get("d", art.get("date")),
        "session": fields.get("s", "close"),
        "level": num(fields.get("level")),
        "change_points": num(fields.get("pts")),
        "change_pct": num(fields.get("pct")),
    }
    if kind in ("money", "fx", "ratio"):
        rec["amount"] = num(fields.get("amount"))
        rec["currency"] = fields.get("cur")
        rec["approx"] = bool(fields.get("approx", False))
        if kind in ("money", "ratio"):
            rec["session"] = fields.get("s", "unknown")
    rec["line"] = line_of(text, anchor, fields.get("nth", 0))
    if fields.get("note"):
        rec["note"] = fields["note"]
    if "id" in fields:
        rec["_id"] = fields["id"]
    return rec


def validate(art, figs, fspecs, text):
    problems = []
    lines = text.split("\n")
    for f, (_, _, anchor, fields) in zip(figs, fspecs):
        line = lines[f["line"] - 1]
        vals = printed_values(line)
        for key in ("level", "pts", "pct", "amount"):
            s = fields.get(key)
            if s is None or (key == "amount" and f["kind"] == "ratio"):
                continue
            if abs(float(s)) not in vals:
                problems.append(f"line {f['line']}: {key}={s} not printed on line: {line[:90]}")
        if f["kind"] not in ("index", "stock"):
            continue
        if all(fields.get(k) is not None for k in ("level", "pts", "pct")):
            lv, pt, pc = fields["level"], fields["pts"], fields["pct"]
            if (pt.startswith("-")) != (pc.startswith("-")):
                problems.append(f"line {f['line']}: sign mismatch pts {pt} pct {pc}")
            if not check_triple(lv, pt, pc):
                exact = float(pt) / (float(lv) - float(pt)) * 100
                problems.append(f"line {f['line']}: {f['entity']} {pt}/({lv}-({pt}))*100 = {exact:.4f} != {pc}")
        elif fields.get("pts") is not None and fields.get("pct") is not None:
            if (fields["pts"].startswith("-")) != (fields["pct"].startswith("-")):
                problems.append(f"line {f['line']}: sign mismatch")
    return problems


def write(path, data, encoding="utf-8"):
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data.encode(encoding))
    os.replace(tmp, path)


def expected_json(art, figs, findings):
    out = [{k: v for k, v in f.items() if not k.startswith("_")} for f in figs]
    return json.dumps({
        "lang": art["lang"],
        "published": art.get("published"),
        "encoding": art.get("enc", "utf-8"),
        "event": art.get("event"),
        "figures": out,
        "findings": findings,
    }, ensure_ascii=False, indent=1) + "\n"


def build(articles):
    n_clean = n_mut = 0
    ok = True
    for art in articles:
        text = art["text"]
        if text.startswith("\n"):
            text = text[1:]
        figs = [make_figure(art, f, text) for f in art["figures"]]
        problems = validate(art, figs, art["figures"], text)
        if problems:
            ok = False
            print(f"[{art['name']}] INCONSISTENT:")
            for p in problems:
                print("   ", p)
        ext, enc = art.get("ext", "txt"), art.get("enc", "utf-8")
        write(os.path.join(CASES, f"{art['name']}.{ext}"), text, enc)
        write(os.path.join(CASES, f"{art['name']}.expected.json"), expected_json(art, figs, []))
        n_clean += 1
        for i, m in enumerate(art.get("mutants", []), 1):
            old, new = m["old"], m["new"]
            if text.count(old) != 1:
                raise SystemExit(f"[{art['name']}.mut{i}] 'old' occurs {text.count(old)} times")
            mtext = text.replace(old, new)
            line = line_of(text, old)
            mfigs = []
            for f in figs:
                g = dict(f)
                pid = f.get("_id")
                if pid and pid in m.get("patch", {}):
                    g.update(m["patch"][pid])
                mfigs.append(g)
            # an arithmetic mutant must break the triple it touches
            for pid, spec in m.get("breaks", {}).items():
                if check_triple(*spec):
                    ok = False
                    print(f"[{art['name']}.mut{i}] mutation of {pid} is still consistent: {spec}")
            finding = {"line": line, "severity": "error", "why": m["why"]}
            if m.get("alt"):
                finding["alt_lines"] = [line_of(text, a) for a in m["alt"]]
            name = f"{art['name']}.mut{i}"
            write(os.path.join(CASES, f"{name}.{ext}"), mtext, enc)
            write(os.path.join(CASES, f"{name}.expected.json"), expected_json(art, mfigs, [finding]))
            n_mut += 1
    print(f"clean articles: {n_clean}, mutants: {n_mut}, consistent: {ok}")
    return ok


if __name__ == "__main__":
    os.makedirs(CASES, exist_ok=True)
    import articles_ko
    import articles_en
    arts = articles_ko.ARTICLES + articles_en.ARTICLES
    names = [a["name"] for a in arts]
    assert len(names) == len(set(names)), "duplicate names"
    sys.exit(0 if build(arts) else 1)
