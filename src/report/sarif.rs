//! The sarif format: one SARIF 2.1.0 log with one run, for code scanning and IDEs.
//!
//! - `tool.driver.rules`: one entry per [`RuleInfo`], with `shortDescription` (summary),
//!   `fullDescription` (the doc's "What it does" section), `help` (the whole doc, as text and
//!   Markdown) and `defaultConfiguration.level`.
//! - `results`: one per finding, in order. The primary location is the finding's span; the
//!   other figures are `relatedLocations`. Columns are Unicode code points
//!   (`run.columnKind`), `endColumn` is exclusive, `charOffset`/`charLength` count code points
//!   in the decoded source. Byte offsets are left out: spans count bytes of the *decoded*
//!   text, which differ from the file's bytes for EUC-KR or UTF-16 input.
//! - `partialFingerprints."marketfig/v1"`: 64-bit FNV-1a (hex) of code, article, line and
//!   message, stable across runs and machines.
//! - `run.properties.coverage`: the coverage counts of the human summary.
//!
//! Artifact URIs are the paths as given, with `/` separators and percent-encoding where
//! RFC 3986 needs it; a Windows drive path becomes a `file:///` URI.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::source::{locate, Located};
use super::ReportInput;
use crate::check::{Finding, RuleInfo, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/marketfig/marketfig";
const FINGERPRINT: &str = "marketfig/v1";

pub(crate) fn render(input: &ReportInput<'_>, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &log(input))?;
    w.write_all(b"\n")
}

fn log(input: &ReportInput<'_>) -> Value {
    let rules: Vec<Value> = input.rules.iter().map(rule).collect();
    let results: Vec<Value> = input.findings.iter().map(|f| result(f, input)).collect();
    let c = &input.coverage;
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "marketfig",
                    "version": input.tool_version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "coverage": {
                    "figures": c.figures,
                    "checked": c.checked,
                    "passed": c.passed,
                    "passedByRounding": c.passed_by_rounding,
                    "failed": c.failed,
                    "notCheckable": c.not_checkable,
                }
            }
        }]
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn rule(rule: &RuleInfo) -> Value {
    let doc = rule.doc.trim();
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": what_it_does(doc).unwrap_or(rule.summary) },
        "help": { "text": doc, "markdown": doc },
        "defaultConfiguration": { "level": level(rule.default_severity) },
    })
}

/// The body of the doc's `## What it does` section.
fn what_it_does(doc: &str) -> Option<&str> {
    let (_, rest) = doc.split_once("## What it does")?;
    let body = rest.split("\n#").next().unwrap_or(rest).trim();
    (!body.is_empty()).then_some(body)
}

fn result(finding: &Finding, input: &ReportInput<'_>) -> Value {
    let mut text = finding.message.clone();
    for (label, value) in [("expected", &finding.expected), ("found", &finding.found)] {
        if let Some(value) = value {
            text.push_str(&format!("\n{label}: {value}"));
        }
    }

    let loc = input
        .sources
        .source(&finding.article)
        .and_then(|s| locate(s, finding.span))
        .filter(|loc| loc.line == finding.line);
    let region = match (&loc, finding.line) {
        (_, 0) => None,
        (Some(loc), _) => Some(located_region(loc)),
        (None, line) => {
            let mut region = Map::new();
            region.insert("startLine".into(), line.into());
            if finding.column > 0 {
                region.insert("startColumn".into(), finding.column.into());
            }
            Some(Value::Object(region))
        }
    };
    let mut location = physical(&finding.article, region);
    if let Some(loc) = loc.as_ref().filter(|l| l.end_line == l.line) {
        location["contextRegion"] = json!({
            "startLine": loc.line,
            "endLine": loc.line,
            "snippet": { "text": loc.text },
        });
    }

    let related: Vec<Value> = finding
        .figures
        .iter()
        .filter(|f| !(f.article == finding.article && f.span == finding.span))
        .enumerate()
        .map(|(id, figure)| {
            let loc = input
                .sources
                .source(&figure.article)
                .and_then(|s| locate(s, figure.span));
            let region = match &loc {
                Some(loc) => Some(located_region(loc)),
                None if figure.line > 0 => Some(json!({ "startLine": figure.line })),
                None => None,
            };
            let text = loc.as_ref().map_or("figure", |l| l.snippet);
            json!({
                "id": id,
                "physicalLocation": physical(&figure.article, region),
                "message": { "text": text },
            })
        })
        .collect();

    let mut result = Map::new();
    result.insert("ruleId".into(), finding.code.into());
    if let Some(index) = input.rules.iter().position(|r| r.code == finding.code) {
        result.insert("ruleIndex".into(), index.into());
    }
    result.insert("level".into(), level(finding.severity).into());
    result.insert("message".into(), json!({ "text": text }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": location }]),
    );
    if !related.is_empty() {
        result.insert("relatedLocations".into(), related.into());
    }
    result.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT: fingerprint(finding) }),
    );
    Value::Object(result)
}

fn physical(article: &str, region: Option<Value>) -> Value {
    let mut location = json!({ "artifactLocation": { "uri": artifact_uri(article) } });
    if let Some(region) = region {
        location["region"] = region;
    }
    location
}

fn located_region(loc: &Located<'_>) -> Value {
    json!({
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
        "charOffset": loc.char_offset,
        "charLength": loc.char_length,
        "snippet": { "text": loc.snippet },
    })
}

/// The path as a URI reference: `/` separators, percent-encoding outside RFC 3986's
/// unreserved and sub-delimiter characters (`:` too, so no segment reads as a scheme).
fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes.len() == 2 || bytes[2] == b'/');
    let (mut uri, rest) = if drive {
        (format!("file:///{}", &path[..2]), &path[2..])
    } else {
        (String::new(), path.as_str())
    };
    for &b in rest.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b);
        if keep {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// FNV-1a (64-bit) of code, article, line and message, NUL-separated, as 16 hex digits.
fn fingerprint(finding: &Finding) -> String {
    let key = format!(
        "{}\0{}\0{}\0{}",
        finding.code, finding.article, finding.line, finding.message
    );
    format!("{:016x}", fnv1a(key.as_bytes()))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testutil::{Fixture, ARTICLE};
    use crate::report::{render, OutputFormat};

    fn sarif(fixture: &Fixture) -> Value {
        let mut out = Vec::new();
        render(OutputFormat::Sarif, &fixture.input(true), &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn log_has_the_required_structure() {
        let fixture = Fixture::new();
        let log = sarif(&fixture);
        assert_eq!(log["$schema"], SCHEMA);
        assert_eq!(log["version"], "2.1.0");
        let runs = log["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "marketfig");
        assert_eq!(driver["version"], "0.1.0");
        assert_eq!(driver["informationUri"], INFORMATION_URI);
        let rules = driver["rules"].as_array().unwrap();
        assert_eq!(rules.len(), fixture.rules.len());
        for (value, info) in rules.iter().zip(&fixture.rules) {
            assert_eq!(value["id"], info.code);
            assert_eq!(value["name"], info.name);
            assert_eq!(value["shortDescription"]["text"], info.summary);
            assert!(value["fullDescription"]["text"].is_string());
            assert_eq!(value["help"]["text"], info.doc.trim());
            assert_eq!(value["help"]["markdown"], info.doc.trim());
            assert_eq!(
                value["defaultConfiguration"]["level"],
                level(info.default_severity)
            );
        }
        assert_eq!(
            rules[0]["fullDescription"]["text"],
            "Checks that a point change, a percent change and a level agree."
        );
        assert_eq!(run["properties"]["coverage"]["passedByRounding"], 3);

        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), fixture.findings.len());
        for (result, finding) in results.iter().zip(&fixture.findings) {
            assert_eq!(result["ruleId"], finding.code);
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], finding.code);
            assert_eq!(result["level"], level(finding.severity));
            let text = result["message"]["text"].as_str().unwrap();
            assert!(text.starts_with(&finding.message));
            assert!(text.contains(&format!("found: {}", finding.found.as_deref().unwrap())));
            let fp = result["partialFingerprints"][FINGERPRINT].as_str().unwrap();
            assert_eq!(fp.len(), 16);
            assert!(fp.bytes().all(|b| b.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn region_points_at_the_span() {
        let fixture = Fixture::new();
        let log = sarif(&fixture);
        let result = &log["runs"][0]["results"][0];
        let physical = &result["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], ARTICLE);
        let region = &physical["region"];
        let span_text = "612.47포인트(-3.70%) 급락한 19,341.83";
        let column = fixture.findings[0].column;
        assert_eq!(region["startLine"], 29);
        assert_eq!(region["startColumn"], column);
        // Column 1-based in code points: the characters before the span on line 29, plus 1.
        let line = crate::report::testutil::KOREAN_LINE;
        let before = &line[..line.find(span_text).unwrap()];
        assert_eq!(column as usize, before.chars().count() + 1);
        assert_eq!(region["endLine"], 29);
        assert_eq!(
            region["endColumn"],
            column as usize + span_text.chars().count()
        );
        assert_eq!(region["snippet"]["text"], span_text);
        let source = &fixture.sources[ARTICLE];
        let offset = region["charOffset"].as_u64().unwrap() as usize;
        let length = region["charLength"].as_u64().unwrap() as usize;
        let chars: String = source.chars().skip(offset).take(length).collect();
        assert_eq!(chars, span_text);
        assert!(region.get("byteOffset").is_none());
        assert_eq!(physical["contextRegion"]["snippet"]["text"], line);

        // The span's own figures are related locations, with their own regions.
        let related = result["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), 3);
        assert_eq!(related[1]["id"], 1);
        assert_eq!(
            related[1]["physicalLocation"]["region"]["snippet"]["text"],
            "-3.70%"
        );
        assert_eq!(related[1]["message"]["text"], "-3.70%");
    }

    #[test]
    fn findings_without_source_or_line_still_make_valid_results() {
        let fixture = Fixture::new();
        let mut f = fixture.findings[0].clone();
        let input = fixture.input(false);
        let mut bare = ReportInput {
            sources: &(),
            ..input
        };
        let findings = [f.clone()];
        bare.findings = &findings;
        let value = result(&f, &bare);
        let region = &value["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 29);
        assert_eq!(region["startColumn"], f.column);
        assert!(region.get("endColumn").is_none());
        f.line = 0;
        f.code = "MF999";
        let value = result(&f, &bare);
        assert!(value["locations"][0]["physicalLocation"]
            .get("region")
            .is_none());
        assert!(value.get("ruleIndex").is_none());
    }

    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            artifact_uri("data/articles/001.txt"),
            "data/articles/001.txt"
        );
        assert_eq!(artifact_uri("data\\a b#1.txt"), "data/a%20b%231.txt");
        assert_eq!(artifact_uri("기사.txt"), "%EA%B8%B0%EC%82%AC.txt");
        assert_eq!(artifact_uri("a:b.txt"), "a%3Ab.txt");
        assert_eq!(artifact_uri("C:\\news\\1.txt"), "file:///C:/news/1.txt");
        assert_eq!(artifact_uri("/abs/x.txt"), "/abs/x.txt");
        assert_eq!(artifact_uri("-"), "-");
    }

    #[test]
    fn fingerprint_is_stable_and_sensitive() {
        let fixture = Fixture::new();
        let f = &fixture.findings[0];
        assert_eq!(fingerprint(f), fingerprint(&f.clone()));
        let mut g = f.clone();
        g.line += 1;
        assert_ne!(fingerprint(f), fingerprint(&g));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
