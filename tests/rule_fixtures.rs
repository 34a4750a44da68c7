//! Every rule has fixtures, ruff's way: `tests/fixtures/rules/MFxxx/pass_*/` (articles the rule
//! must accept) and `fail_*/` (articles it must flag, with their findings in `expected.json`).
//! A case is a folder of articles (several for the cross-article rules), with an optional
//! `reference.csv` of official closes. The registry test fails when a rule lacks either kind.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The rule codes `marketfig explain --all` lists.
fn registered_codes() -> Vec<String> {
    let out = Command::cargo_bin("marketfig")
        .unwrap_or_else(|e| panic!("binary: {e}"))
        .args(["explain", "--all"])
        .output()
        .unwrap_or_else(|e| panic!("explain --all: {e}"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| c.starts_with("MF"))
        .map(str::to_owned)
        .collect()
}

fn cases(code: &str, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(rules_dir().join(code))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_dir()
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(prefix))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

type Found = BTreeSet<(String, String, String, u64)>;

/// `check` on one case folder: (code, severity, file name, line) of every finding.
fn check(case: &Path) -> Found {
    let mut cmd = Command::cargo_bin("marketfig").unwrap_or_else(|e| panic!("binary: {e}"));
    cmd.args([
        "check",
        "--isolated",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let reference = case.join("reference.csv");
    if reference.exists() {
        cmd.arg("--reference").arg(&reference);
    }
    let out = cmd
        .arg(case)
        .output()
        .unwrap_or_else(|e| panic!("check {}: {e}", case.display()));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v.get("code").is_some())
        .map(|v| {
            let file = v["article"].as_str().unwrap_or_default();
            let file = Path::new(file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            (
                v["code"].as_str().unwrap_or_default().to_owned(),
                v["severity"].as_str().unwrap_or_default().to_owned(),
                file,
                v["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn expected(case: &Path) -> Found {
    let path = case.join("expected.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    v["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no `findings` list", path.display()))
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_owned(),
                f["severity"].as_str().unwrap_or_default().to_owned(),
                f["file"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn every_rule_has_passing_and_failing_fixtures() {
    let codes = registered_codes();
    assert!(codes.len() >= 12, "explain --all lists {codes:?}");
    let missing: Vec<String> = codes
        .iter()
        .filter(|c| cases(c, "pass_").is_empty() || cases(c, "fail_").is_empty())
        .cloned()
        .collect();
    assert!(
        missing.is_empty(),
        "rules without pass_ and fail_ fixtures: {missing:?}"
    );
    // and no fixture folder for a code that is not a rule (a typo, a removed rule)
    let dirs: Vec<String> = std::fs::read_dir(rules_dir())
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let unknown: Vec<&String> = dirs.iter().filter(|d| !codes.contains(d)).collect();
    assert!(
        unknown.is_empty(),
        "fixture folders for unknown codes: {unknown:?}"
    );
}

#[test]
fn failing_fixtures_raise_exactly_their_findings() {
    for code in registered_codes() {
        for case in cases(&code, "fail_") {
            let found = check(&case);
            let want = expected(&case);
            assert_eq!(found, want, "{}", case.display());
            assert!(
                found.iter().any(|(c, ..)| *c == code),
                "{}: no {code} finding",
                case.display()
            );
        }
    }
}

#[test]
fn passing_fixtures_raise_no_alarm() {
    for code in registered_codes() {
        for case in cases(&code, "pass_") {
            let alarms: Vec<_> = check(&case)
                .into_iter()
                .filter(|(_, sev, ..)| sev != "note")
                .collect();
            assert!(alarms.is_empty(), "{}: {alarms:?}", case.display());
        }
    }
}
