//! Mutants from the gold, not from the extractor.
//!
//! `tests/mutation.rs` plants errors at figures the extractor found, so an extraction miss can
//! never lower its rate. This harness starts from the labels instead: every clean labelled
//! article (the dev set's clean cases, the three in-house held-out sets, the real-form fixtures)
//! and every labelled figure in it. For each figure it finds the printed number on the
//! labelled line, changes one digit (or flips a printed sign), and asks the checker.
//!
//! A mutant counts as **caught** only when a finding of the rule family that should catch it
//! lands on the mutated text: its span, or one of the figures it lists, covers the changed
//! byte. The families:
//!
//! * `arithmetic` (MF001, MF002, MF006): a figure whose label states level, points and percent
//!   — any of the three changed breaks `pct = pts / (level − pts) × 100`;
//! * `agreement` (MF003, MF004): a figure whose value is stated again elsewhere in the article
//!   for the same entity, day and session (a headline and its body, a repeated close);
//! * `sign` (MF001, MF002): a printed sign flipped on a change whose direction word or sibling
//!   change says otherwise;
//! * `conversion` (MF010): a won amount converted from a dollar amount on the same line, its
//!   leading digit changed so the implied exchange rate leaves the plausible range.
//!
//! Mutants a careful reader could not detect either are counted apart, with the reason: a lone
//! number that nothing else in the article states or implies, a change that stays inside the
//! rounding the text's own digits allow. Printed forms the harness cannot find on the line
//! (Korean `2만5634`, numbers printed twice on one line) are counted as not located.
//!
//! The test prints the rates per family and per set and asserts the overall rate of caught
//! detectable mutants; the README reports the numbers.

use marketfig::check::{check, Config, Finding};
use marketfig::corpus::Article;
use marketfig::extract::{extract, Lexicon};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The floor the harness holds the checker to (the measured rate is printed and in the README).
const MIN_CAUGHT: f64 = 0.98;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (set name, folder) of the labelled clean articles.
const SETS: &[(&str, &str)] = &[
    ("dev", "tests/fixtures/devset"),
    ("held-out 1", "tests/holdout/cases"),
    ("held-out 2", "tests/holdout2/cases"),
    ("held-out 3", "tests/holdout3/cases"),
    ("real forms", "tests/fixtures/realforms"),
];

struct Case {
    set: &'static str,
    path: String,
    source: String,
    labels: Value,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (set, dir) in SETS {
        let d = root().join(dir);
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".txt") && !n.contains(".mut"))
            .collect();
        names.sort();
        for n in names {
            let stem = n.trim_end_matches(".txt");
            let Ok(json) = std::fs::read_to_string(d.join(format!("{stem}.expected.json"))) else {
                continue;
            };
            let Ok(labels) = serde_json::from_str::<Value>(&json) else {
                continue;
            };
            // clean articles only: a labelled inconsistency would answer for the mutant
            if labels["findings"].as_array().is_some_and(|f| !f.is_empty()) {
                continue;
            }
            let Ok(source) = std::fs::read_to_string(d.join(&n)) else {
                continue;
            };
            out.push(Case {
                set,
                path: format!("{dir}/{n}"),
                source,
                labels,
            });
        }
    }
    out
}

/// Byte range of line `line` (1-based) in `source`.
fn line_range(source: &str, line: u64) -> Option<(usize, usize)> {
    let mut start = 0;
    for (i, l) in source.split('\n').enumerate() {
        if i as u64 + 1 == line {
            return Some((start, start + l.len()));
        }
        start += l.len() + 1;
    }
    None
}

/// The printed runs of digits on `[s, e)`: (start, end, value, decimals). A run keeps its
/// thousands separators and its decimal point; a run glued to Hangul scale words (`2만5634`)
/// or to letters is left out, as the harness cannot rewrite it safely.
fn number_runs(source: &str, (s, e): (usize, usize)) -> Vec<(usize, usize, f64, usize)> {
    let re = regex::Regex::new(r"[0-9][0-9,]*(?:\.[0-9]+)?").unwrap_or_else(|e| panic!("{e}"));
    re.find_iter(&source[s..e])
        .filter_map(|m| {
            let a = s + m.start();
            let raw = m.as_str().trim_end_matches(',');
            let b = a + raw.len();
            let before = source[..a].chars().next_back();
            let after = source[b..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() && !c.is_ascii_digit() && c != '만')
                || after.is_some_and(|c| matches!(c, '만' | '억' | '조' | '천' | '백'))
                || before == Some('만')
            {
                return None;
            }
            let value: f64 = raw.replace(',', "").parse().ok()?;
            let decimals = raw.split_once('.').map_or(0, |(_, f)| f.len());
            Some((a, b, value, decimals))
        })
        .collect()
}

/// The one run on the line that prints `value` (none when it is printed twice or not at all).
fn locate(runs: &[(usize, usize, f64, usize)], value: f64) -> Option<(usize, usize, f64, usize)> {
    let mut matching = runs.iter().filter(|r| (r.2 - value.abs()).abs() < 1e-6);
    let first = *matching.next()?;
    matching.next().is_none().then_some(first)
}

/// Family of rules expected to catch a mutant, and their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    Arithmetic,
    Agreement,
    Sign,
    Conversion,
}

impl Family {
    fn codes(self) -> &'static [&'static str] {
        match self {
            Family::Arithmetic => &["MF001", "MF002", "MF006"],
            Family::Agreement => &["MF003", "MF004"],
            Family::Sign => &["MF001", "MF002"],
            Family::Conversion => &["MF010"],
        }
    }
    fn name(self) -> &'static str {
        match self {
            Family::Arithmetic => "arithmetic (MF001/MF002/MF006)",
            Family::Agreement => "agreement (MF003/MF004)",
            Family::Sign => "sign (MF001/MF002)",
            Family::Conversion => "conversion (MF010)",
        }
    }
}

struct Mutant {
    family: Family,
    /// Byte range replaced in the source, and its replacement.
    at: (usize, usize),
    with: String,
    what: String,
}

enum Outcome {
    Mutant(Mutant),
    Undetectable(&'static str),
    NotLocated,
}

/// One digit changed: the last digit of the run, +3 mod 10 (a whole number's last non-zero
/// digit, so `2,400` does not become a threshold-looking `2,403` by accident … it does, and that
/// is fine: any changed digit is an error the arithmetic sees).
fn changed_digit(raw: &str) -> String {
    changed_at(raw, false)
}

/// One digit changed, +3 mod 10: the last digit (`integer == false`) or the last digit of
/// the whole part (`2,441.55` → `2,444.55`, `8.77` → `1.77`), a change no rounding hides.
fn changed_at(raw: &str, integer: bool) -> String {
    let mut chars: Vec<char> = raw.chars().collect();
    let last = if integer {
        let point = chars.iter().position(|c| *c == '.').unwrap_or(chars.len());
        chars[..point].iter().rposition(|c| c.is_ascii_digit())
    } else {
        chars.iter().rposition(|c| c.is_ascii_digit())
    };
    if let Some(i) = last {
        let d = chars[i].to_digit(10).unwrap_or(0);
        chars[i] = char::from_digit((d + 3) % 10, 10).unwrap_or('0');
    }
    chars.into_iter().collect()
}

fn value_of(label: &Value, key: &str) -> Option<f64> {
    label.get(key).and_then(Value::as_f64)
}

/// Does `pct = pts / (level − pts) × 100` hold for some values inside the printed intervals?
fn triple_holds(level: (f64, f64), points: (f64, f64), pct: (f64, f64)) -> bool {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for l in [level.0 - level.1, level.0 + level.1] {
        for p in [points.0 - points.1, points.0 + points.1] {
            let base = l - p;
            if base <= 0.0 {
                return true;
            }
            let v = p / base * 100.0;
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    pct.0 + pct.1 >= lo - 1e-9 && pct.0 - pct.1 <= hi + 1e-9
}

fn half(decimals: usize) -> f64 {
    0.5 * 10f64.powi(-(decimals as i32))
}

/// The mutant of one slot of one labelled figure.
fn slot_mutant(case: &Case, fig: &Value, figs: &[Value], key: &str, integer: bool) -> Outcome {
    let Some(value) = value_of(fig, key) else {
        return Outcome::Undetectable("no value");
    };
    let Some(line) = fig["line"].as_u64() else {
        return Outcome::NotLocated;
    };
    let Some(range) = line_range(&case.source, line) else {
        return Outcome::NotLocated;
    };
    let runs = number_runs(&case.source, range);
    let Some((a, b, _, dec)) = locate(&runs, value) else {
        return Outcome::NotLocated;
    };
    let raw = &case.source[a..b];
    let new = changed_at(raw, integer);
    if new == raw {
        return Outcome::NotLocated;
    }
    let new_value: f64 = new.replace(',', "").parse().unwrap_or(value.abs());
    let full = |k: &str| value_of(fig, k);
    let triple =
        full("level").is_some() && full("change_points").is_some() && full("change_pct").is_some();
    // the same value stated again for the same entity, day and session on another line
    let again = figs.iter().any(|g| {
        g["line"].as_u64() != Some(line)
            && g["symbol"] == fig["symbol"]
            && !fig["symbol"].is_null()
            && g["event_date"] == fig["event_date"]
            && g["session"] == fig["session"]
            && value_of(g, key).is_some_and(|v| (v.abs() - value.abs()).abs() <= half(dec) + 1e-9)
    });
    if triple {
        // each number stands for the interval its printed digits allow (found on the line;
        // two decimals where the printed form is not found, the tightest a reader would use)
        let printed = |k: &str| {
            let v = full(k).unwrap_or(0.0);
            let d = runs
                .iter()
                .find(|r| (r.2 - v.abs()).abs() < 1e-6)
                .map_or(2, |r| r.3);
            (v, half(d))
        };
        let (mut l, mut p, mut c) = (
            printed("level"),
            printed("change_points"),
            printed("change_pct"),
        );
        let changed = (
            new_value.copysign(if value < 0.0 { -1.0 } else { 1.0 }),
            half(dec),
        );
        match key {
            "level" => l = changed,
            "change_points" => p = changed,
            _ => c = changed,
        }
        if triple_holds(l, p, c) {
            return Outcome::Undetectable(
                "the changed digit stays inside the rounding of the triple",
            );
        }
        return Outcome::Mutant(Mutant {
            family: Family::Arithmetic,
            at: (a, b),
            with: new.clone(),
            what: format!("{key} {raw} -> {new}"),
        });
    }
    if again {
        return Outcome::Mutant(Mutant {
            family: Family::Agreement,
            at: (a, b),
            with: new.clone(),
            what: format!("{key} {raw} -> {new} (stated again elsewhere)"),
        });
    }
    Outcome::Undetectable("a lone number: nothing else in the article states or implies it")
}

/// A printed sign flipped on a labelled change (`-3.07%` → `+3.07%`).
fn sign_mutant(case: &Case, fig: &Value) -> Option<Mutant> {
    let line = fig["line"].as_u64()?;
    let range = line_range(&case.source, line)?;
    let pct = value_of(fig, "change_pct")?;
    if pct == 0.0 {
        return None;
    }
    let (a, ..) = locate(&number_runs(&case.source, range), pct)?;
    let sign = case.source[..a].chars().next_back()?;
    let flipped = match sign {
        '-' => "+",
        '−' => "+",
        '+' => "-",
        _ => return None,
    };
    Some(Mutant {
        family: Family::Sign,
        at: (a - sign.len_utf8(), a),
        with: flipped.to_owned(),
        what: format!("sign {sign}{pct} flipped"),
    })
}

/// A won amount converted from a dollar amount on the same line, its leading digit changed.
fn conversion_mutant(case: &Case, fig: &Value, figs: &[Value]) -> Option<Mutant> {
    if fig["kind"] != "money" || fig["currency"] != "KRW" {
        return None;
    }
    let line = fig["line"].as_u64()?;
    let partner = figs.iter().any(|g| {
        g["kind"] == "money" && g["currency"] == "USD" && g["line"].as_u64() == Some(line)
    });
    if !partner {
        return None;
    }
    let range = line_range(&case.source, line)?;
    // the won amount's leading digits, printed before 억/조/만원: `78억원` → `48억원`
    let re = regex::Regex::new(r"([0-9][0-9,]*)(?:억|조|만)").ok()?;
    let m = re
        .captures_iter(&case.source[range.0..range.1])
        .filter_map(|c| c.get(1))
        .last()?;
    let (a, b) = (range.0 + m.start(), range.0 + m.end());
    let raw = &case.source[a..b];
    let first = raw.chars().next()?.to_digit(10)?;
    let new = format!("{}{}", (first + 4) % 9 + 1, &raw[1..]);
    Some(Mutant {
        family: Family::Conversion,
        at: (a, b),
        with: new.clone(),
        what: format!("won amount {raw} -> {new}"),
    })
}

fn covers(f: &Finding, at: (usize, usize)) -> bool {
    let inside =
        |s: (usize, usize)| s.0 <= at.0 && at.1 <= s.1.max(s.0 + 1) || s.0 < at.1 && at.0 < s.1;
    inside(f.span) || f.figures.iter().any(|r| inside(r.span))
}

#[derive(Default)]
struct Tally {
    caught: usize,
    total: usize,
}

#[test]
fn gold_mutants_are_caught_by_the_right_rule_at_the_right_span() {
    let lexicon = Lexicon::builtin();
    let cases = cases();
    assert!(cases.len() >= 60, "{} labelled clean articles", cases.len());
    let mut by_family: BTreeMap<Family, Tally> = BTreeMap::new();
    let mut by_set: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut undetectable: BTreeMap<&str, usize> = BTreeMap::new();
    let mut not_located = 0usize;
    let mut missed: Vec<String> = Vec::new();
    for case in &cases {
        let figs: Vec<Value> = case.labels["figures"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut mutants: Vec<Mutant> = Vec::new();
        for fig in &figs {
            let kind = fig["kind"].as_str().unwrap_or("");
            if kind == "index" || kind == "stock" {
                // hedged numbers are not exact claims: a reader cannot hold them to a digit
                if fig["approx"] == true
                    || fig
                        .get("note")
                        .and_then(Value::as_str)
                        .is_some_and(|n| n.contains("hedge"))
                {
                    continue;
                }
                for key in ["level", "change_points", "change_pct"] {
                    if value_of(fig, key).is_none() {
                        continue;
                    }
                    for integer in [false, true] {
                        match slot_mutant(case, fig, &figs, key, integer) {
                            Outcome::Mutant(m) => mutants.push(m),
                            Outcome::Undetectable(why) => {
                                *undetectable.entry(why).or_default() += 1
                            }
                            Outcome::NotLocated => not_located += 1,
                        }
                    }
                }
                let sibling_sign =
                    value_of(fig, "change_points").is_some() || fig["direction"].is_string();
                if let Some(m) = sign_mutant(case, fig).filter(|_| sibling_sign) {
                    mutants.push(m);
                }
            } else if let Some(m) = conversion_mutant(case, fig, &figs) {
                mutants.push(m);
            }
        }
        for m in mutants {
            let mut source = case.source.clone();
            source.replace_range(m.at.0..m.at.1, &m.with);
            let at = (m.at.0, m.at.0 + m.with.len());
            let article = Article::from_text(&case.path, &source);
            let figures = extract(&article, &lexicon);
            let (findings, _) = check(std::slice::from_ref(&article), &figures, &Config::default());
            let caught = findings
                .iter()
                .any(|f| m.family.codes().contains(&f.code) && covers(f, at));
            let fam = by_family.entry(m.family).or_default();
            let set = by_set.entry(case.set).or_default();
            fam.total += 1;
            set.total += 1;
            if caught {
                fam.caught += 1;
                set.caught += 1;
            } else {
                let line = source[..at.0].matches('\n').count() + 1;
                missed.push(format!(
                    "{}:{line} [{}] {}",
                    case.path,
                    m.family.name(),
                    m.what
                ));
            }
        }
    }
    let (caught, total) = by_family
        .values()
        .fold((0, 0), |(c, t), x| (c + x.caught, t + x.total));
    println!("gold mutants: {caught} of {total} caught at the right span by the right family");
    for (f, t) in &by_family {
        println!("  {:32} {:4} of {:4}", f.name(), t.caught, t.total);
    }
    for (s, t) in &by_set {
        println!("  set {:28} {:4} of {:4}", s, t.caught, t.total);
    }
    println!("not mutated (a careful reader could not detect it either):");
    for (why, n) in &undetectable {
        println!("  {n:5}  {why}");
    }
    println!("not located on their line (Korean 만 forms, a number printed twice): {not_located}");
    for m in &missed {
        println!("  missed: {m}");
    }
    assert!(total >= 300, "only {total} mutants");
    let rate = caught as f64 / total as f64;
    assert!(
        rate >= MIN_CAUGHT,
        "{caught} of {total} = {rate:.3} < {MIN_CAUGHT}; missed:\n{}",
        missed.join("\n")
    );
}

#[test]
fn number_runs_skip_korean_scale_forms_and_keep_separators() {
    let s = "코스피는 2만5634.21, 나스닥은 19,341.83에 12.5% 올랐다";
    let runs = number_runs(s, (0, s.len()));
    let values: Vec<f64> = runs.iter().map(|r| r.2).collect();
    assert_eq!(values, [19341.83, 12.5]);
    assert_eq!(changed_digit("19,341.83"), "19,341.86");
    assert_eq!(changed_digit("2,400"), "2,403");
    assert_eq!(changed_at("2,441.55", true), "2,444.55");
    assert_eq!(changed_at("8.77", true), "1.77");
    assert!(triple_holds(
        (2441.55, 0.005),
        (-234.64, 0.005),
        (-8.77, 0.005)
    ));
    assert!(!triple_holds(
        (2441.55, 0.005),
        (-234.64, 0.005),
        (-8.47, 0.005)
    ));
    assert!(triple_holds(
        (19341.83, 0.005),
        (612.47, 0.005),
        (3.27, 0.005)
    ));
}
