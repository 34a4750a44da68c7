//! Regression fixtures for the failure classes found on real newsroom text.
//!
//! Each case in `tests/fixtures/realforms/` is an article written in our own words with the
//! structure of a real one (`NAME.txt`) and its labels (`NAME.expected.json`, dev-set format,
//! conventions in `tests/realtext/LABELLING.md`). The index and stock figures the library
//! extracts must equal the labelled ones exactly (entity symbol, level, points, percent,
//! session, line), and `check` must raise no error or warning unless the labels list one.

use marketfig::{check, extract, Article, Config, Kind, Lexicon, Severity};
use serde_json::Value;
use std::path::{Path, PathBuf};

#[derive(Debug, PartialEq)]
struct Row {
    line: u64,
    symbol: Option<String>,
    session: String,
    level: Option<i64>,
    points: Option<i64>,
    pct: Option<i64>,
}

/// Values compared at 1e-6, as the dev-set scorer does.
fn micro(v: Option<f64>) -> Option<i64> {
    v.map(|x| (x * 1e6).round() as i64)
}

fn gold_rows(expected: &Value) -> Vec<Row> {
    let mut rows: Vec<Row> = expected["figures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| matches!(f["kind"].as_str(), Some("index" | "stock")))
        .map(|f| Row {
            line: f["line"].as_u64().unwrap_or(0),
            symbol: f["symbol"].as_str().map(str::to_string),
            session: f["session"].as_str().unwrap_or("close").to_string(),
            level: micro(f["level"].as_f64()),
            points: micro(f["change_points"].as_f64()),
            pct: micro(f["change_pct"].as_f64()),
        })
        .collect();
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/realforms");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_real_form_fixture_extracts_exactly_its_labels_and_checks_clean() {
    let lexicon = Lexicon::builtin();
    let cases = cases();
    assert!(cases.len() >= 30, "fixtures missing: {}", cases.len());
    let mut failures = Vec::new();
    for path in &cases {
        let article = Article::from_path(path).unwrap_or_else(|e| panic!("{e}"));
        let expected_path = path.with_extension("expected.json");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let figures = extract(&article, &lexicon);
        let mut got: Vec<Row> = figures
            .iter()
            .filter(|f| matches!(f.kind, Kind::Index | Kind::Stock))
            .map(|f| Row {
                line: u64::from(f.line),
                symbol: f.symbol.clone(),
                session: f.session.as_str().to_string(),
                level: micro(f.level_value()),
                points: micro(f.points_value()),
                pct: micro(f.pct_value()),
            })
            .collect();
        got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        let want = gold_rows(&expected);
        if got != want {
            let missing: Vec<&Row> = want.iter().filter(|r| !got.contains(r)).collect();
            let extra: Vec<&Row> = got.iter().filter(|r| !want.contains(r)).collect();
            failures.push(format!(
                "{}:\n  missing {missing:?}\n  extra   {extra:?}",
                path.display()
            ));
        }
        let planted = expected["findings"].as_array().map_or(0, Vec::len);
        let (findings, _) = check(std::slice::from_ref(&article), &figures, &Config::default());
        let alarms: Vec<String> = findings
            .iter()
            .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
            .map(|f| format!("{}:{} {}", f.code, f.line, f.message))
            .collect();
        if planted == 0 && !alarms.is_empty() {
            failures.push(format!("{}: false alarms {alarms:?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
