#!/usr/bin/env python3
"""Build the marketfig held-out set 2: writes ../cases/NAME.{txt,html} and NAME.expected.json,
checks every clean article for internal consistency (interval rounding), derives the mutated
variants (NAME.mutN.*) and confirms that each arithmetic mutant really breaks the arithmetic.

Run:  python3 tests/holdout2/src/build.py      (exit 1 when a check fails)
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
LEXICON = os.path.join(ROOT, "..", "..", "data", "lexicon", "entities.csv")
sys.path.insert(0, HERE)

# short code -> canonical entity name (data/lexicon/entities.csv)
CODES = {
    "DJI": "Dow Jones Industrial Average", "SPX": "S&P 500", "IXIC": "Nasdaq Composite",
    "KS11": "KOSPI", "KQ11": "KOSDAQ", "KS200": "KOSPI 200", "N225": "Nikkei 225",
    "VIX": "CBOE Volatility Index", "HSI": "Hang Seng Index", "SSEC": "Shanghai Composite",
    "TWII": "TAIEX", "RUT": "Russell 2000", "DAX": "DAX", "CAC": "CAC 40", "FTSE": "FTSE 100",
    "STOXX": "STOXX Europe 600",
    "SEC": "Samsung Electronics", "SKH": "SK hynix", "HMC": "Hyundai Motor", "KIA": "Kia",
    "MOBIS": "Hyundai Mobis", "KEPCO": "Korea Electric Power", "SKT": "SK Telecom",
    "AMORE": "Amorepacific", "SLI": "Samsung Life Insurance", "SHINHAN": "Shinhan Financial Group",
    "CELL": "Celltrion", "LGCHEM": "LG Chem", "SBL": "Samsung Biologics", "NAVER": "NAVER",
    "KAKAO": "Kakao", "LGES": "LG Energy Solution", "POSCO": "POSCO Holdings",
    "PFE": "Pfizer", "AMZN": "Amazon", "NFLX": "Netflix", "COIN": "Coinbase Global",
    "MSTR": "MicroStrategy", "AAPL": "Apple", "NVDA": "Nvidia", "NKE": "Nike", "META": "Meta Platforms",
    "BAC": "Bank of America", "BA": "Boeing", "HD": "Home Depot", "AVGO": "Broadcom",
    "COST": "Costco", "CRM": "Salesforce",
    "USDKRW": "USD/KRW",
}


def load_lexicon():
    ent = {}
    with open(LEXICON, encoding="utf-8") as fh:
        rows = [l for l in fh if not l.startswith("#")]
    for r in csv.DictReader(rows):
        ent[r["entity"]] = (r["kind"], r["symbol"])
    return ent


LEX = load_lexicon()


def ent_sym(code):
    if code is None:
        return None, None
    name = CODES[code]
    if name not in LEX:
        raise SystemExit(f"entity not in lexicon: {name}")
    sym = LEX[name][1] or None
    if sym is None:
        raise SystemExit(f"entity without symbol (cannot be scored): {name}")
    return name, sym


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
    """Some values inside the rounding intervals satisfy pct = pts / (level - pts) * 100."""
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
    return not (max(vals) < C0 or min(vals) > C1)


def line_of(text, anchor, nth=0):
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            raise KeyError(f"anchor not found: {anchor!r}")
    return text.count("\n", 0, pos) + 1


def kr_to_int(s):
    """'7만9,600' -> 79600 ; '107만9,000' -> 1079000 ; '43,100' -> 43100"""
    s = s.replace(",", "")
    total = 0
    if "만" in s:
        a, b = s.split("만", 1)
        total += int(a) * 10000
        s = b
    if s:
        total += int(s)
    return total


def make_figure(art, f, text):
    kind, code, anchor, fields = f
    ent, sym = ent_sym(code)
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
            rec["entity"] = rec["symbol"] = None
            rec["level"] = rec["change_points"] = rec["change_pct"] = None
            rec["session"] = fields.get("s", "unknown")
    rec["line"] = line_of(text, anchor, fields.get("nth", 0))
    if fields.get("note"):
        rec["note"] = fields["note"]
    rec["_id"] = fields.get("id")
    rec["_fields"] = fields
    return rec


def validate(art, figs, text):
    problems = []
    lines = text.split("\n")
    for f in figs:
        fields = f["_fields"]
        if f["kind"] not in ("index", "stock"):
            continue
        line = lines[f["line"] - 1]
        flat = line.replace(",", "")
        for key in ("level", "pts", "pct"):
            s = fields.get(key)
            if s is None:
                continue
            digits = s.lstrip("+-")
            if digits in flat:
                continue
            if fields.get("kr_price"):
                found = [kr_to_int(m) for m in re.findall(r"\d[\d,]*만[\d,]*|\d[\d,]*", line)]
                if int(D(digits)) in found:
                    continue
            problems.append(f"line {f['line']}: {key}={s} not printed on line: {line[:90]}")
        if all(fields.get(k) is not None for k in ("level", "pts", "pct")):
            lv, pt, pc = fields["level"], fields["pts"], fields["pct"]
            if pt.startswith("-") != pc.startswith("-"):
                problems.append(f"line {f['line']}: sign mismatch pts {pt} pct {pc}")
            if not check_triple(lv, pt, pc):
                exact = float(pt) / (float(lv) - float(pt)) * 100
                problems.append(f"line {f['line']}: {f['entity']} {pt}/({lv}-({pt}))*100 = {exact:.4f} != {pc}")
    return problems


def encode(text, enc):
    if enc == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(enc)


def write(path, data: bytes):
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def expected_json(art, figs, findings):
    out = [{k: v for k, v in f.items() if not k.startswith("_")} for f in figs]
    enc = art.get("enc", "utf-8")
    return json.dumps({
        "lang": art["lang"],
        "published": art.get("published"),
        "encoding": "utf-16le (BOM)" if enc == "utf-16-le-bom" else enc,
        "event": art.get("event"),
        "figures": out,
        "findings": findings,
    }, ensure_ascii=False, indent=1) + "\n"


def build(articles):
    ok = True
    n_clean = n_mut = 0
    table = []
    for art in articles:
        text = art["text"].lstrip("\n")
        figs = [make_figure(art, f, text) for f in art["figures"]]
        problems = validate(art, figs, text)
        if problems:
            ok = False
            print(f"[{art['name']}] INCONSISTENT:")
            for p in problems:
                print("   ", p)
        ext, enc = art.get("ext", "txt"), art.get("enc", "utf-8")
        write(os.path.join(CASES, f"{art['name']}.{ext}"), encode(text, enc))
        write(os.path.join(CASES, f"{art['name']}.expected.json"),
              expected_json(art, figs, []).encode("utf-8"))
        n_clean += 1
        counts = {k: sum(1 for f in figs if f["kind"] == k) for k in ("index", "stock", "money", "fx", "ratio")}
        table.append((art, counts))
        for i, m in enumerate(art.get("mutants", []), 1):
            old, new = m["old"], m["new"]
            if text.count(old) != 1:
                raise SystemExit(f"[{art['name']}.mut{i}] 'old' occurs {text.count(old)} times: {old!r}")
            mtext = text.replace(old, new)
            line = line_of(text, old)
            mfigs = []
            for f in figs:
                g = dict(f)
                if f["_id"] and f["_id"] in m.get("patch", {}):
                    g.update(m["patch"][f["_id"]])
                mfigs.append(g)
            # arithmetic mutants must break the triple they touch
            for fid in m.get("breaks", []):
                g = next(x for x in mfigs if x["_id"] == fid)
                fl = g["_fields"]
                pc = m.get("strs", {}).get(fid, {})
                lv, pt, pp = pc.get("level", fl.get("level")), pc.get("pts", fl.get("pts")), pc.get("pct", fl.get("pct"))
                if check_triple(lv, pt, pp):
                    ok = False
                    print(f"[{art['name']}.mut{i}] mutant triple still consistent: {lv} {pt} {pp}")
            finding = {"line": line, "severity": "error", "why": m["why"]}
            if m.get("alt"):
                finding["alt_lines"] = [line_of(text, a) for a in m["alt"]]
            name = f"{art['name']}.mut{i}"
            write(os.path.join(CASES, f"{name}.{ext}"), encode(mtext, enc))
            write(os.path.join(CASES, f"{name}.expected.json"),
                  expected_json(art, mfigs, [finding]).encode("utf-8"))
            n_mut += 1
    print(f"clean articles: {n_clean}, mutants: {n_mut}, consistent: {ok}")
    return ok, table


if __name__ == "__main__":
    os.makedirs(CASES, exist_ok=True)
    import articles_ko
    import articles_en
    arts = articles_ko.ARTICLES + articles_en.ARTICLES
    names = [a["name"] for a in arts]
    assert len(names) == len(set(names)), "duplicate names"
    ok, table = build(arts)
    if "--table" in sys.argv:
        for art, c in table:
            ext = art.get("ext", "txt")
            print(f"| `{art['name']}.{ext}` | {art['lang']} | {art.get('enc', 'utf-8')} | {art.get('published')} "
                  f"| {c['index']} | {c['stock']} | {c['money']} | {c['fx']} | {c['ratio']} | {art['event']} |")
    sys.exit(0 if ok else 1)
