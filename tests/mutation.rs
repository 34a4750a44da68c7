//! Mutation harness for the checker (library API only; no binary).
//!
//! Takes every clean article (the dev set's clean cases, i.e. files without `.mut` that have an
//! `expected.json`, and the five founding articles in `data/articles`), and plants one
//! inconsistency at a time at an extracted index/stock figure:
//!
//! * `pct-digit`, `points-digit`, `level-digit`: one digit of the printed number changed (the
//!   last non-zero digit + 3 mod 10, or two adjacent digits swapped at the end or at the start);
//! * `headline-number`: the same, on a headline figure (plus its leading digit + 1);
//! * `direction`: the direction word bound to the figure flipped (내린 ↔ 오른, fell ↔ rose ...);
//! * `sign`: a printed sign flipped (`-` ↔ `+`, `▲` ↔ `▼`, `↑` ↔ `↓`).
//!
//! A mutant is kept only when a reader can tell from the text that it is wrong. The reader
//! model is written here, independently of the checker: interval arithmetic on
//! points/percent/level triples (`pct = pts / (level − pts) × 100`, every printed number
//! standing for ± half its last digit), a printed sign against the bound direction word or
//! against the other change of the same figure, and a headline/body (or repeated) mention of
//! the same entity, day and session that agreed before the mutation (allowing a headline to
//! truncate as well as round). Hedged numbers (약, 넘게, nearly ...) are never mutated or used.
//!
//! A mutant is killed when the checker reports a new `error` or `warning` (one whose code is
//! not already reported on that line of the clean article) on the mutated line or on the line
//! of the counterpart that exposes it. The test prints every mutant, the kill rate and the
//! survivors (sentence + mutation), and asserts a kill rate of at least 0.99 and no
//! error/warning on the clean articles.

use marketfig::check::{check, Config, Finding, Severity};
use marketfig::corpus::Article;
use marketfig::extract::{extract, Direction, Figure, Kind, Lexicon, Quantity, Role};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const MIN_KILL_RATE: f64 = 0.99;

/// Findings that are real inconsistencies in the founding articles (not false alarms):
/// (file name, code, line).
///
/// * `004_…:6` MF011: `557만 달러 … 7800만 달러의 20분의 1에 불과하다`: 557/7,800 is 1/14, not
///   1/20 (a rounded-down claim beyond what the text's digits allow).
const KNOWN_FOUNDING_FINDINGS: &[(&str, &str, u32)] = &[("004_6945708fdece0a39.txt", "MF011", 6)];

/// Direction words and their opposites, matched as a prefix at the word the extractor bound
/// (`direction_text`); longest key first wins. Every replacement is itself a direction word of
/// the built-in lexicon, so the mutated sentence still binds a (now opposite) word.
const FLIPS: &[(&str, &str)] = &[
    // Korean, down -> up
    ("하락폭", "상승폭"),
    ("하락률", "상승률"),
    ("하락", "상승"),
    ("급락", "급등"),
    ("폭락", "폭등"),
    ("내린", "오른"),
    ("내렸", "올랐"),
    ("내려", "올라"),
    ("떨어진", "오른"),
    ("떨어졌", "올랐"),
    ("떨어져", "올라"),
    ("빠진", "오른"),
    ("빠졌", "올랐"),
    ("빠져", "올라"),
    ("밀린", "오른"),
    ("밀렸", "올랐"),
    ("밀려", "올라"),
    ("약세", "강세"),
    ("낙폭", "상승폭"),
    ("추락", "급등"),
    // Korean, up -> down
    ("상승폭", "하락폭"),
    ("상승률", "하락률"),
    ("상승", "하락"),
    ("급등", "급락"),
    ("폭등", "폭락"),
    ("오른", "내린"),
    ("올랐", "내렸"),
    ("올라", "내려"),
    ("뛴", "내린"),
    ("뛰었", "내렸"),
    ("반등", "하락"),
    ("강세", "약세"),
    ("오름폭", "낙폭"),
    // English
    ("fell", "rose"),
    ("rose", "fell"),
    ("falls", "rises"),
    ("rises", "falls"),
    ("dropped", "gained"),
    ("gained", "dropped"),
    ("drops", "gains"),
    ("gains", "drops"),
    ("lost", "added"),
    ("added", "lost"),
    ("declined", "advanced"),
    ("advanced", "declined"),
    ("slid", "rose"),
    ("climbed", "slid"),
    ("tumbled", "soared"),
    ("soared", "tumbled"),
    ("plunged", "surged"),
    ("surged", "plunged"),
    ("jumped", "slumped"),
    ("slumped", "jumped"),
    ("sank", "rose"),
    ("rallied", "slumped"),
    ("plummeted", "soared"),
    ("shed", "added"),
    ("slipped", "climbed"),
    ("rebounded", "tumbled"),
    ("plunges", "soars"),
    ("soars", "plunges"),
    ("slide", "gain"),
    ("주저앉", "치솟"),
    ("치솟", "주저앉"),
];

/// Printed signs and their opposites (HTML entities included).
const SIGN_FLIPS: &[(&str, &str)] = &[
    ("&minus;", "+"),
    ("&darr;", "&uarr;"),
    ("&uarr;", "&darr;"),
    ("-", "+"),
    ("−", "+"),
    ("－", "+"),
    ("+", "-"),
    ("＋", "-"),
    ("▲", "▼"),
    ("▼", "▲"),
    ("△", "▽"),
    ("▽", "△"),
    ("↑", "↓"),
    ("↓", "↑"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The clean articles: (path relative to the crate root, bytes).
fn clean_articles() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let dev = root().join("tests/fixtures/devset");
    let mut names: Vec<String> = std::fs::read_dir(&dev)
        .expect("tests/fixtures/devset is readable")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| (n.ends_with(".txt") || n.ends_with(".html")) && !n.contains(".mut"))
        .filter(|n| {
            let stem = n.rsplit_once('.').map_or(n.as_str(), |(s, _)| s);
            dev.join(format!("{stem}.expected.json")).is_file()
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 24, "the dev set has 24 clean cases: {names:?}");
    for n in names {
        let bytes = std::fs::read(dev.join(&n)).expect("dev-set case is readable");
        out.push((format!("tests/fixtures/devset/{n}"), bytes));
    }
    // the held-out sets (written to probe generality) when present
    for dir in [
        "tests/holdout/cases",
        "tests/holdout2/cases",
        "tests/holdout3/cases",
    ] {
        let d = root().join(dir);
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| (n.ends_with(".txt") || n.ends_with(".html")) && !n.contains(".mut"))
            .collect();
        names.sort();
        for n in names {
            let bytes = std::fs::read(d.join(&n)).expect("held-out case is readable");
            out.push((format!("{dir}/{n}"), bytes));
        }
    }
    let data = root().join("data/articles");
    let mut names: Vec<String> = std::fs::read_dir(&data)
        .expect("data/articles is readable")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "five founding articles: {names:?}");
    for n in names {
        let bytes = std::fs::read(data.join(&n)).expect("founding article is readable");
        out.push((format!("data/articles/{n}"), bytes));
    }
    out
}

fn is_founding(path: &str) -> bool {
    path.starts_with("data/articles/")
}

fn analyse(article: &Article, lexicon: &Lexicon) -> (Vec<Figure>, Vec<Finding>) {
    let figures = extract(article, lexicon);
    let (findings, _coverage) = check(std::slice::from_ref(article), &figures, &Config::default());
    (figures, findings)
}

fn alarms(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

// ---------------------------------------------------------------------------------------
// The reader model

/// A number as the reader sees it: signed value, rounding half-width.
#[derive(Debug, Clone, Copy)]
struct Num {
    v: f64,
    h: f64,
}

impl Num {
    fn of(q: &Quantity) -> Num {
        Num {
            v: q.value,
            h: q.half_width,
        }
    }
    fn neg(self) -> Num {
        Num {
            v: -self.v,
            h: self.h,
        }
    }
}

/// Can some values inside the three rounding intervals satisfy pct = pts / (level − pts) × 100?
fn triple_consistent(level: Num, points: Num, pct: Num) -> bool {
    let (llo, lhi) = (level.v - level.h, level.v + level.h);
    let (plo, phi) = (points.v - points.h, points.v + points.h);
    let mut ps = vec![plo, phi];
    if plo < 0.0 && phi > 0.0 {
        ps.push(0.0);
    }
    let (mut cmin, mut cmax) = (f64::INFINITY, f64::NEG_INFINITY);
    for l in [llo, lhi] {
        for &p in &ps {
            let prev = l - p;
            if prev <= 0.0 {
                // no previous close can be negative: the reader sees an impossible triple
                continue;
            }
            let c = p / prev * 100.0;
            cmin = cmin.min(c);
            cmax = cmax.max(c);
        }
    }
    if cmin > cmax {
        return false;
    }
    let eps = 1e-9 * (1.0 + pct.v.abs());
    cmin.max(pct.v - pct.h) <= cmax.min(pct.v + pct.h) + eps
}

/// Do two mentions of the same quantity agree? Same sign, and magnitudes within rounding,
/// also when the less precise one truncates (a headline `17%` for 17.40%, `2997` for
/// 2,997.10).
fn mentions_agree(a: Num, b: Num) -> bool {
    if a.v != 0.0 && b.v != 0.0 && a.v.signum() != b.v.signum() {
        return false;
    }
    let slack = a.h + b.h + a.h.max(b.h);
    (a.v.abs() - b.v.abs()).abs() <= slack + 1e-9 * (1.0 + a.v.abs())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Pct,
    Points,
    Level,
}

impl Slot {
    fn get(self, f: &Figure) -> Option<&Quantity> {
        match self {
            Slot::Pct => f.change_pct.as_ref(),
            Slot::Points => f.change_points.as_ref(),
            Slot::Level => f.level.as_ref(),
        }
    }
    fn name(self) -> &'static str {
        match self {
            Slot::Pct => "pct",
            Slot::Points => "points",
            Slot::Level => "level",
        }
    }
}

fn unhedged(q: Option<&Quantity>) -> Option<&Quantity> {
    q.filter(|q| q.hedge.is_none())
}

/// Is the sign of this quantity printed or bound by a word (so a reader knows it)?
fn sign_known(f: &Figure, q: &Quantity) -> bool {
    q.explicit_sign || f.direction_word.is_some()
}

/// Other mentions of the figure's entity on the same day and session that state `slot`
/// unhedged and agree with it as printed: the reader's cross-check.
fn counterparts<'a>(f: &Figure, slot: Slot, figures: &'a [Figure]) -> Vec<&'a Figure> {
    let Some(q) = unhedged(slot.get(f)) else {
        return vec![];
    };
    if f.symbol.is_none() || f.event_date.is_none() {
        return vec![];
    }
    figures
        .iter()
        .filter(|g| {
            g.span != f.span
                && g.symbol == f.symbol
                && g.event_date == f.event_date
                && g.session == f.session
        })
        .filter(|g| unhedged(slot.get(g)).is_some_and(|gq| mentions_agree(Num::of(q), Num::of(gq))))
        .collect()
}

/// The figure's (level, points, pct) as the reader sees them, with one slot replaced.
fn triple_with(f: &Figure, slot: Slot, n: Num) -> Option<(Num, Num, Num)> {
    let get = |s: Slot| {
        if s == slot {
            Some(n)
        } else {
            unhedged(s.get(f)).map(Num::of)
        }
    };
    Some((get(Slot::Level)?, get(Slot::Points)?, get(Slot::Pct)?))
}

fn complete_triple(f: &Figure) -> Option<(Num, Num, Num)> {
    Some((
        Num::of(unhedged(f.level.as_ref())?),
        Num::of(unhedged(f.change_points.as_ref())?),
        Num::of(unhedged(f.change_pct.as_ref())?),
    ))
}

// ---------------------------------------------------------------------------------------
// Mutants

#[derive(Debug, Clone)]
struct Mutant {
    article: String,
    category: &'static str,
    /// Source edit: replace `source[start..end]` by `with`.
    start: usize,
    end: usize,
    with: String,
    line: u32,
    /// Lines where a finding kills the mutant (the mutated line and exposing counterparts).
    lines: BTreeSet<u32>,
    /// Why a reader can tell.
    why: String,
    entity: String,
}

/// Digit edits of a printed number: (new text, description). Keeps the digit count, so the
/// precision stays; never creates a leading zero in front of other digits.
fn digit_variants(printed: &str, headline: bool) -> Vec<String> {
    let digits: Vec<(usize, u32)> = printed
        .char_indices()
        .filter_map(|(i, c)| {
            c.to_digit(10)
                .filter(|_| c.is_ascii_digit())
                .map(|d| (i, d))
        })
        .collect();
    let mut out = Vec::new();
    let set = |edits: &[(usize, u32)]| {
        let mut b = printed.as_bytes().to_vec();
        for &(i, d) in edits {
            b[i] = b'0' + u8::try_from(d).unwrap_or(0);
        }
        String::from_utf8(b).unwrap_or_default()
    };
    // last non-zero digit + 3 (mod 10)
    if let Some(&(i, d)) = digits.iter().rev().find(|(_, d)| *d != 0) {
        out.push(set(&[(i, (d + 3) % 10)]));
    }
    // swap the last pair of adjacent differing digits
    if let Some(w) = digits.windows(2).rev().find(|w| w[0].1 != w[1].1) {
        out.push(set(&[(w[0].0, w[1].1), (w[1].0, w[0].1)]));
    }
    // swap the first pair of adjacent differing digits
    if let Some(w) = digits.windows(2).find(|w| w[0].1 != w[1].1) {
        out.push(set(&[(w[0].0, w[1].1), (w[1].0, w[0].1)]));
    }
    if headline {
        // a headline number off in its leading digit
        if let Some(&(i, d)) = digits.first() {
            out.push(set(&[(i, if d == 9 { 1 } else { d + 1 })]));
        }
    }
    // a leading zero in front of other digits of the integer part reads differently
    let int_len = printed.find('.').unwrap_or(printed.len());
    out.retain(|s| {
        let int: String = s[..int_len.min(s.len())]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        !(int.len() > 1 && int.starts_with('0'))
    });
    out.sort();
    out.dedup();
    out.retain(|s| s != printed);
    out
}

/// The magnitude a printed number stands for (ASCII digits, `,` separators, `.` decimals).
fn magnitude(printed: &str) -> Option<f64> {
    let s: String = printed
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let s = s.trim_matches('.');
    s.parse().ok()
}

/// The digit run (with separators and decimal point) inside a source span.
fn number_run(source: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = source.get(start..end)?;
    let first = s.find(|c: char| c.is_ascii_digit())?;
    let mut last = first;
    for (i, c) in s[first..].char_indices() {
        if c.is_ascii_digit() {
            last = first + i + 1;
        } else if c == ',' || c == '.' {
            continue;
        } else {
            break;
        }
    }
    Some((start + first, start + last))
}

fn source_span(a: &Article, q: &Quantity) -> (usize, usize) {
    a.source_span(q.text_span.0, q.text_span.1)
}

fn entity_name(f: &Figure) -> String {
    f.entity.clone().unwrap_or_else(|| f.surface.clone())
}

fn digit_mutants(a: &Article, f: &Figure, figures: &[Figure], out: &mut Vec<Mutant>) {
    for slot in [Slot::Pct, Slot::Points, Slot::Level] {
        let Some(q) = unhedged(slot.get(f)) else {
            continue;
        };
        if q.value == 0.0 {
            continue;
        }
        let (s, e) = source_span(a, q);
        let Some((ds, de)) = number_run(&a.source, s, e) else {
            continue;
        };
        let printed = &a.source[ds..de];
        let Some(orig_mag) = magnitude(printed) else {
            continue;
        };
        if (orig_mag - q.value.abs()).abs() > 1e-9 * (1.0 + orig_mag) {
            // the number printed is not the value (a Korean unit such as 5만3,500): leave it
            continue;
        }
        let headline = f.role == Role::Headline;
        for new in digit_variants(printed, headline) {
            let Some(mag) = magnitude(&new) else { continue };
            let n = Num {
                v: q.value.signum() * mag,
                h: q.half_width,
            };
            let mut why = Vec::new();
            let mut lines = BTreeSet::from([f.line]);
            if let (Some(orig), Some(mutated)) = (complete_triple(f), triple_with(f, slot, n)) {
                if triple_consistent(orig.0, orig.1, orig.2)
                    && !triple_consistent(mutated.0, mutated.1, mutated.2)
                {
                    why.push("the triple no longer adds up".to_owned());
                }
            }
            for g in counterparts(f, slot, figures) {
                let gq = unhedged(slot.get(g)).map(Num::of);
                if gq.is_some_and(|gq| !mentions_agree(n, gq)) {
                    why.push(format!("disagrees with line {} `{}`", g.line, g.text));
                    lines.insert(g.line);
                }
            }
            if why.is_empty() {
                continue;
            }
            let category = if headline {
                "headline-number"
            } else {
                match slot {
                    Slot::Pct => "pct-digit",
                    Slot::Points => "points-digit",
                    Slot::Level => "level-digit",
                }
            };
            out.push(Mutant {
                article: a.path.clone(),
                category,
                start: ds,
                end: de,
                with: new.clone(),
                line: f.line,
                lines,
                why: format!("{} {printed} → {new}: {}", slot.name(), why.join("; ")),
                entity: entity_name(f),
            });
        }
    }
}

/// Where the bound direction word sits: the first occurrence on the figure's line at or after
/// the figure's start, else the last one before it.
fn find_word(a: &Article, f: &Figure, word: &str) -> Option<usize> {
    let line_start = a.source[..f.span.0].rfind('\n').map_or(0, |i| i + 1);
    let line_end = a.source[f.span.0..]
        .find('\n')
        .map_or(a.source.len(), |i| f.span.0 + i);
    let text = &a.source[line_start..line_end];
    let hits: Vec<usize> = text
        .match_indices(word)
        .map(|(i, _)| line_start + i)
        .collect();
    hits.iter()
        .copied()
        .find(|&i| i >= f.span.0)
        .or_else(|| hits.iter().copied().rev().find(|&i| i < f.span.0))
}

fn flip_at(source: &str, at: usize) -> Option<(usize, &'static str, &'static str)> {
    let rest = &source[at..];
    let mut best: Option<(&'static str, &'static str)> = None;
    for &(from, to) in FLIPS {
        if let Some(after) = rest.strip_prefix(from) {
            let ascii_word_continues =
                from.is_ascii() && after.starts_with(|c: char| c.is_ascii_alphabetic());
            if ascii_word_continues {
                continue;
            }
            if best.is_none_or(|(b, _)| from.len() > b.len()) {
                best = Some((from, to));
            }
        }
    }
    best.map(|(from, to)| (at + from.len(), from, to))
}

fn direction_mutants(
    a: &Article,
    f: &Figure,
    figures: &[Figure],
    out: &mut Vec<Mutant>,
    unflippable: &mut Vec<String>,
) {
    let (Some(dir), Some(word)) = (f.direction_word, f.direction_text.as_deref()) else {
        return;
    };
    let Some(at) = find_word(a, f, word) else {
        unflippable.push(format!(
            "{}:{} {}: `{word}` not found on the line",
            a.path,
            f.line,
            entity_name(f)
        ));
        return;
    };
    let Some((end, from, to)) = flip_at(&a.source, at) else {
        unflippable.push(format!(
            "{}:{} {}: no flip for `{word}`",
            a.path,
            f.line,
            entity_name(f)
        ));
        return;
    };
    let mut why = Vec::new();
    let mut lines = BTreeSet::from([f.line]);
    for (slot, q) in [
        (Slot::Pct, f.change_pct.as_ref()),
        (Slot::Points, f.change_points.as_ref()),
    ] {
        let Some(q) = unhedged(q) else { continue };
        if q.explicit_sign && q.value != 0.0 && q.value.signum() == dir.sign() {
            why.push(format!(
                "the printed sign of the {} contradicts the word",
                slot.name()
            ));
        }
    }
    // signs that came from the word flip with it
    let flipped = |q: Option<&Quantity>| {
        unhedged(q).map(|q| {
            if q.explicit_sign {
                Num::of(q)
            } else {
                Num::of(q).neg()
            }
        })
    };
    if let (Some(orig), Some(l), Some(p), Some(c)) = (
        complete_triple(f),
        unhedged(f.level.as_ref()).map(Num::of),
        flipped(f.change_points.as_ref()),
        flipped(f.change_pct.as_ref()),
    ) {
        if triple_consistent(orig.0, orig.1, orig.2) && !triple_consistent(l, p, c) {
            why.push("the triple no longer adds up".to_owned());
        }
    }
    for slot in [Slot::Pct, Slot::Points] {
        let Some(n) = flipped(slot.get(f)) else {
            continue;
        };
        for g in counterparts(f, slot, figures) {
            let Some(gq) = unhedged(slot.get(g)) else {
                continue;
            };
            if sign_known(g, gq) && !mentions_agree(n, Num::of(gq)) {
                why.push(format!("disagrees with line {} `{}`", g.line, g.text));
                lines.insert(g.line);
            }
        }
    }
    if why.is_empty() {
        return;
    }
    why.dedup();
    let line = a.line_col(at).0;
    lines.insert(line);
    out.push(Mutant {
        article: a.path.clone(),
        category: "direction",
        start: at,
        end,
        with: to.to_owned(),
        line,
        lines,
        why: format!(
            "word {from} → {to} ({}): {}",
            if dir == Direction::Up { "up" } else { "down" },
            why.join("; ")
        ),
        entity: entity_name(f),
    });
}

fn sign_mutants(a: &Article, f: &Figure, figures: &[Figure], out: &mut Vec<Mutant>) {
    for slot in [Slot::Pct, Slot::Points] {
        let Some(q) = unhedged(slot.get(f)) else {
            continue;
        };
        if !q.explicit_sign || q.value == 0.0 {
            continue;
        }
        let (s, e) = source_span(a, q);
        let Some(span_text) = a.source.get(s..e) else {
            continue;
        };
        // the sign is printed first (`-3.07%`, `▲1.5%`) or last (`17%↓`)
        let found = SIGN_FLIPS
            .iter()
            .find(|(from, _)| span_text.starts_with(from))
            .map(|&(from, to)| (s, from, to))
            .or_else(|| {
                SIGN_FLIPS
                    .iter()
                    .find(|(from, _)| span_text.ends_with(from))
                    .map(|&(from, to)| (e - from.len(), from, to))
            });
        let Some((at, from, to)) = found else {
            continue;
        };
        let n = Num::of(q).neg();
        let mut why = Vec::new();
        let mut lines = BTreeSet::from([f.line]);
        if let Some(dir) = f.direction_word {
            if q.value.signum() == dir.sign() {
                why.push("the sign now contradicts the direction word".to_owned());
            }
        }
        let other = match slot {
            Slot::Pct => unhedged(f.change_points.as_ref()),
            _ => unhedged(f.change_pct.as_ref()),
        };
        if let Some(o) = other {
            if sign_known(f, o) && o.value != 0.0 && o.value.signum() == q.value.signum() {
                why.push("points and percent now have opposite signs".to_owned());
            }
        }
        if let (Some(orig), Some(m)) = (complete_triple(f), triple_with(f, slot, n)) {
            if triple_consistent(orig.0, orig.1, orig.2) && !triple_consistent(m.0, m.1, m.2) {
                why.push("the triple no longer adds up".to_owned());
            }
        }
        for g in counterparts(f, slot, figures) {
            let Some(gq) = unhedged(slot.get(g)) else {
                continue;
            };
            if sign_known(g, gq) && !mentions_agree(n, Num::of(gq)) {
                why.push(format!("disagrees with line {} `{}`", g.line, g.text));
                lines.insert(g.line);
            }
        }
        if why.is_empty() {
            continue;
        }
        out.push(Mutant {
            article: a.path.clone(),
            category: "sign",
            start: at,
            end: at + from.len(),
            with: to.to_owned(),
            line: a.line_col(at).0,
            lines,
            why: format!("{} sign {from} → {to}: {}", slot.name(), why.join("; ")),
            entity: entity_name(f),
        });
    }
}

/// Every kept mutant of one clean article; the same edit made for two figures (a headline
/// `엔비디아·브로드컴 17%↓` is two figures) is one mutant.
fn mutants_of(a: &Article, figures: &[Figure], unflippable: &mut Vec<String>) -> Vec<Mutant> {
    let mut out = Vec::new();
    for f in figures
        .iter()
        .filter(|f| matches!(f.kind, Kind::Index | Kind::Stock))
    {
        digit_mutants(a, f, figures, &mut out);
        direction_mutants(a, f, figures, &mut out, unflippable);
        sign_mutants(a, f, figures, &mut out);
    }
    let mut merged: BTreeMap<(usize, usize, String), Mutant> = BTreeMap::new();
    for m in out {
        match merged.get_mut(&(m.start, m.end, m.with.clone())) {
            Some(prev) => {
                prev.lines.extend(m.lines.iter().copied());
                if !prev.why.contains(&m.why) {
                    prev.why = format!("{} | {}: {}", prev.why, m.entity, m.why);
                }
            }
            None => {
                merged.insert((m.start, m.end, m.with.clone()), m);
            }
        }
    }
    merged.into_values().collect()
}

fn apply(source: &str, m: &Mutant) -> String {
    format!("{}{}{}", &source[..m.start], m.with, &source[m.end..])
}

/// Build the mutated article the way the tool reads files: bytes plus the original path
/// (so `.html` is stripped as HTML). The EUC-KR case is mutated in its decoded form.
fn mutated_article(orig: &Article, m: &Mutant) -> Article {
    let text = apply(&orig.source, m);
    Article::from_bytes(&orig.path, text.as_bytes())
        .unwrap_or_else(|e| panic!("mutant of {} cannot be read: {e}", orig.path))
}

fn line_of(source: &str, line: u32) -> &str {
    source.lines().nth(line as usize - 1).unwrap_or("").trim()
}

#[test]
fn digit_variants_change_one_printed_digit() {
    assert_eq!(
        digit_variants("3.07", false),
        vec!["0.37".to_owned(), "3.00".to_owned(), "3.70".to_owned()]
    );
    assert_eq!(
        digit_variants("17", true),
        vec!["10".to_owned(), "27".to_owned(), "71".to_owned()]
    );
    // never a leading zero in front of other digits
    assert!(digit_variants("19,341.83", false)
        .iter()
        .all(|s| !s.starts_with('0')));
    assert_eq!(magnitude("19,341.86"), Some(19341.86));
}

#[test]
fn reader_model_arithmetic() {
    let n = |v: f64, d: i32| Num {
        v,
        h: 0.5 * 10f64.powi(-d),
    };
    // 612.47 points (-3.07%) to 19,341.83
    assert!(triple_consistent(
        n(19341.83, 2),
        n(-612.47, 2),
        n(-3.07, 2)
    ));
    assert!(!triple_consistent(
        n(19341.83, 2),
        n(-612.47, 2),
        n(-3.70, 2)
    ));
    assert!(
        !triple_consistent(n(19341.83, 2), n(612.47, 2), n(3.07, 2)),
        "a rise to the same level is +3.27%"
    );
    assert!(
        !triple_consistent(n(19341.83, 2), n(-612.47, 2), n(3.07, 2)),
        "opposite signs"
    );
    // headline 17% (truncated or rounded) against 16.97% and 17.40%
    assert!(mentions_agree(n(-17.0, 0), n(-16.97, 2)));
    assert!(mentions_agree(n(-17.0, 0), n(-17.40, 2)));
    assert!(!mentions_agree(n(-10.0, 0), n(-16.97, 2)));
    assert!(!mentions_agree(n(17.0, 0), n(-16.97, 2)));
}

#[test]
fn flip_table_maps_every_word_to_its_opposite() {
    let lex = Lexicon::builtin();
    let dir = |w: &str| -> Option<Direction> {
        let a = Article::from_text(
            "flip.txt",
            &format!(
                "나스닥 지수는 전 거래일보다 612.47포인트(3.07%) {w} 19,341.83에 거래를 마쳤다.\n"
            ),
        );
        extract(&a, &lex)
            .into_iter()
            .find(|f| f.symbol.as_deref() == Some("^IXIC"))
            .and_then(|f| f.direction_word)
    };
    for (from, to) in [
        ("급락한", "급등한"),
        ("하락한", "상승한"),
        ("내린", "오른"),
        ("떨어진", "오른"),
    ] {
        let (d1, d2) = (dir(from), dir(to));
        assert!(
            d1.is_some() && d2.is_some() && d1 != d2,
            "{from} → {to}: {d1:?} {d2:?}"
        );
        let (_, f, t) = flip_at(from, 0).expect("table entry");
        assert_eq!(format!("{t}{}", &from[f.len()..]), to);
    }
}

/// What one run of the harness found.
struct Report {
    /// Mutants generated and killed.
    total: usize,
    killed: usize,
    /// Error/warning findings on clean articles that are not known real findings.
    clean_alarms: Vec<String>,
    /// Error/warning findings on the 24 clean dev-set articles checked together (cross-article
    /// rules see them all).
    devset_corpus_alarms: Vec<String>,
    /// Error/warning findings involving a clean dev-set article when the dev set and the
    /// founding articles are checked together.
    mixed_corpus_alarms: Vec<String>,
    survivors: Vec<String>,
    per_category: BTreeMap<&'static str, (usize, usize)>,
}

fn describe(f: &Finding) -> String {
    format!(
        "{}:{}: {}[{}] {}",
        f.article,
        f.line,
        f.severity.as_str(),
        f.code,
        f.message
    )
}

/// Check several articles together; the error/warning findings that involve an article
/// for which `on` holds (anchored there or citing one of its figures).
fn corpus_alarms(
    articles: &[Article],
    lexicon: &Lexicon,
    on: impl Fn(&str) -> bool,
) -> Vec<String> {
    let figures: Vec<Figure> = articles.iter().flat_map(|a| extract(a, lexicon)).collect();
    let (findings, _) = check(articles, &figures, &Config::default());
    alarms(&findings)
        .into_iter()
        .filter(|f| on(&f.article) || f.figures.iter().any(|r| on(&r.article)))
        .map(describe)
        .collect()
}

impl Report {
    fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.killed as f64 / self.total as f64
        }
    }
}

/// Run the harness once per test binary and print everything it found.
fn report() -> &'static Report {
    static REPORT: std::sync::OnceLock<Report> = std::sync::OnceLock::new();
    REPORT.get_or_init(run_harness)
}

fn run_harness() -> Report {
    let lexicon = Lexicon::builtin();
    let mut clean_alarms = Vec::new();
    let mut known = Vec::new();
    let mut total = 0usize;
    let mut killed = 0usize;
    let mut survivors = Vec::new();
    let mut unflippable = Vec::new();
    let mut per_category: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut figures_seen = 0usize;
    let mut all_articles = Vec::new();
    for (path, bytes) in clean_articles() {
        let article = Article::from_bytes(&path, &bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        all_articles.push(article.clone());
        let (figures, findings) = analyse(&article, &lexicon);
        figures_seen += figures
            .iter()
            .filter(|f| matches!(f.kind, Kind::Index | Kind::Stock))
            .count();
        let mut baseline: BTreeSet<(&str, u32)> = BTreeSet::new();
        for f in alarms(&findings) {
            let name = path.rsplit('/').next().unwrap_or(&path);
            let is_known = is_founding(&path)
                && KNOWN_FOUNDING_FINDINGS
                    .iter()
                    .any(|&(n, c, l)| n == name && c == f.code && l == f.line);
            let entry = format!(
                "{path}:{}: {}[{}] {}",
                f.line,
                f.severity.as_str(),
                f.code,
                f.message
            );
            if is_known {
                known.push(entry);
            } else {
                clean_alarms.push(entry);
            }
            baseline.insert((f.code, f.line));
        }
        for m in mutants_of(&article, &figures, &mut unflippable) {
            total += 1;
            let mutant = mutated_article(&article, &m);
            let (_, mfindings) = analyse(&mutant, &lexicon);
            let hit = alarms(&mfindings)
                .into_iter()
                .any(|f| m.lines.contains(&f.line) && !baseline.contains(&(f.code, f.line)));
            let cat = per_category.entry(m.category).or_default();
            cat.0 += 1;
            println!(
                "{} {}:{} [{}] {} | {}",
                if hit { "killed  " } else { "SURVIVED" },
                m.article,
                m.line,
                m.category,
                m.entity,
                m.why
            );
            if hit {
                killed += 1;
                cat.1 += 1;
            } else {
                let others: Vec<String> = mfindings
                    .iter()
                    .map(|f| {
                        format!(
                            "{}[{}] line {}: {}",
                            f.severity.as_str(),
                            f.code,
                            f.line,
                            f.message
                        )
                    })
                    .collect();
                survivors.push(format!(
                    "{}:{} [{}] {}\n    mutation: {}\n    sentence: {}\n    findings on the mutant: {}",
                    m.article,
                    m.line,
                    m.category,
                    m.entity,
                    m.why,
                    line_of(&apply(&article.source, &m), m.line),
                    if others.is_empty() { "none".to_owned() } else { others.join("; ") }
                ));
            }
        }
    }
    // each labelled set is checked as one corpus of its own: two sets written independently
    // about the same day may disagree with each other, which is a finding, not a false alarm
    let set_of = |path: &str| {
        path.rsplit_once('/')
            .map_or(String::new(), |(d, _)| d.to_string())
    };
    let mut sets: Vec<String> = all_articles
        .iter()
        .filter(|a| !is_founding(&a.path))
        .map(|a| set_of(&a.path))
        .collect();
    sets.sort();
    sets.dedup();
    let mut devset_corpus_alarms = Vec::new();
    for set in &sets {
        let members: Vec<Article> = all_articles
            .iter()
            .filter(|a| set_of(&a.path) == *set)
            .cloned()
            .collect();
        devset_corpus_alarms.extend(corpus_alarms(&members, &lexicon, |_| true));
    }
    let dev_and_founding: Vec<Article> = all_articles
        .iter()
        .filter(|a| is_founding(&a.path) || a.path.starts_with("tests/fixtures/devset/"))
        .cloned()
        .collect();
    let mixed_corpus_alarms = corpus_alarms(&dev_and_founding, &lexicon, |a| !is_founding(a));
    let r = Report {
        total,
        killed,
        clean_alarms,
        devset_corpus_alarms,
        mixed_corpus_alarms,
        survivors,
        per_category,
    };
    println!("\n== mutation harness");
    println!("index/stock figures in clean articles: {figures_seen}");
    for (cat, (n, k)) in &r.per_category {
        println!("  {cat:<16} {k:>4} / {n:<4} killed");
    }
    println!(
        "kill rate: {} / {} = {:.4} (bar {MIN_KILL_RATE})",
        r.killed,
        r.total,
        r.rate()
    );
    println!(
        "clean false alarms (error/warning on clean articles): {}",
        r.clean_alarms.len()
    );
    for a in &r.clean_alarms {
        println!("  FALSE ALARM {a}");
    }
    for a in &r.devset_corpus_alarms {
        println!("  FALSE ALARM (dev set checked together) {a}");
    }
    for a in &r.mixed_corpus_alarms {
        println!("  FALSE ALARM (dev set checked with the founding articles) {a}");
    }
    for a in &known {
        println!("  known real finding in a founding article: {a}");
    }
    for u in &unflippable {
        println!("  direction word with no flip in the table: {u}");
    }
    if !r.survivors.is_empty() {
        println!("\nsurvivors ({}):", r.survivors.len());
        for s in &r.survivors {
            println!("  {s}");
        }
    }
    r
}

#[test]
fn clean_articles_raise_no_false_alarms() {
    let r = report();
    assert!(
        r.total >= 100,
        "too few mutants to measure anything: {}",
        r.total
    );
    for cat in [
        "pct-digit",
        "points-digit",
        "level-digit",
        "direction",
        "sign",
        "headline-number",
    ] {
        assert!(
            r.per_category.get(cat).is_some_and(|c| c.0 > 0),
            "no `{cat}` mutant was generated"
        );
    }
    assert!(
        r.clean_alarms.is_empty(),
        "error/warning findings on clean articles:\n{}",
        r.clean_alarms.join("\n")
    );
    assert!(
        r.devset_corpus_alarms.is_empty(),
        "error/warning findings on the clean dev set checked together:\n{}",
        r.devset_corpus_alarms.join("\n")
    );
}

#[test]
fn clean_dev_set_checked_with_the_founding_articles_raises_no_false_alarms() {
    let r = report();
    assert!(
        r.mixed_corpus_alarms.is_empty(),
        "error/warning findings on clean dev-set articles checked with data/articles:\n{}",
        r.mixed_corpus_alarms.join("\n")
    );
}

#[test]
fn mutation_kill_rate_meets_the_bar() {
    let r = report();
    assert!(
        r.rate() >= MIN_KILL_RATE,
        "kill rate {:.4} < {MIN_KILL_RATE}; survivors:\n{}",
        r.rate(),
        r.survivors.join("\n")
    );
}
