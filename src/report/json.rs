//! The json format: one JSON object per finding and line (NDJSON), then one closing
//! `{"summary": {...}}` line with the counts by severity and the coverage, so a consumer can
//! tell "no findings" from "nothing ran" and read the coverage without a second call.
//!
//! Fields, in this order (the finding record of the GUIDE):
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `code` | string | rule code, e.g. `MF001` |
//! | `severity` | string | `error`, `warning` or `note` |
//! | `article` | string | path as given on the command line (or `-`) |
//! | `line` | int | 1-based line of the span start (0: the whole file) |
//! | `column` | int | 1-based column of the span start, in characters |
//! | `span` | [int, int] | byte offsets `[start, end)` in the decoded source |
//! | `message` | string | one-line statement of the fact found |
//! | `expected` | string or null | what the arithmetic expects |
//! | `found` | string or null | what the text says |
//! | `note` | string or null | the arithmetic and the tolerance used |
//! | `figures` | array | the figures involved, each `{article, line, span}`; the first is the primary one |

use std::io::{self, Write};

use serde::Serialize;

use super::ReportInput;
use crate::check::{FigureRef, Finding};

/// The wire shape of one finding. Kept apart from `Finding` so that the JSON contract
/// changes only here, on purpose.
#[derive(Serialize)]
struct Record<'a> {
    code: &'a str,
    severity: &'static str,
    article: &'a str,
    line: u32,
    column: u32,
    span: [usize; 2],
    message: &'a str,
    expected: Option<&'a str>,
    found: Option<&'a str>,
    note: Option<&'a str>,
    figures: Vec<Figure<'a>>,
}

#[derive(Serialize)]
struct Figure<'a> {
    article: &'a str,
    line: u32,
    span: [usize; 2],
}

impl<'a> Record<'a> {
    fn new(f: &'a Finding) -> Self {
        Record {
            code: f.code,
            severity: f.severity.as_str(),
            article: &f.article,
            line: f.line,
            column: f.column,
            span: [f.span.0, f.span.1],
            message: &f.message,
            expected: f.expected.as_deref(),
            found: f.found.as_deref(),
            note: f.note.as_deref(),
            figures: f.figures.iter().map(Figure::new).collect(),
        }
    }
}

impl<'a> Figure<'a> {
    fn new(f: &'a FigureRef) -> Self {
        Figure {
            article: &f.article,
            line: f.line,
            span: [f.span.0, f.span.1],
        }
    }
}

pub(crate) fn render(input: &ReportInput<'_>, w: &mut dyn Write) -> io::Result<()> {
    for finding in input.findings {
        serde_json::to_writer(&mut *w, &Record::new(finding))?;
        w.write_all(b"\n")?;
    }
    let count =
        |s: crate::check::Severity| input.findings.iter().filter(|f| f.severity == s).count();
    let summary = serde_json::json!({
        "summary": {
            "findings": input.findings.len(),
            "errors": count(crate::check::Severity::Error),
            "warnings": count(crate::check::Severity::Warning),
            "notes": count(crate::check::Severity::Note),
            "articles": input.articles.len(),
            "coverage": input.coverage,
        }
    });
    serde_json::to_writer(&mut *w, &summary)?;
    w.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::report::testutil::Fixture;
    use crate::report::{render, OutputFormat};
    use serde_json::Value;

    #[test]
    fn one_object_per_line_with_every_field() {
        let fixture = Fixture::new();
        let mut out = Vec::new();
        render(OutputFormat::Json, &fixture.input(true), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        let summary: Value = serde_json::from_str(lines.pop().unwrap()).unwrap();
        assert_eq!(summary["summary"]["findings"], fixture.findings.len());
        assert_eq!(lines.len(), fixture.findings.len());
        for (line, finding) in lines.iter().zip(&fixture.findings) {
            let value: Value = serde_json::from_str(line).unwrap();
            let object = value.as_object().unwrap();
            let keys: Vec<&str> = object.keys().map(String::as_str).collect();
            let mut expected_keys = [
                "code", "severity", "article", "line", "column", "span", "message", "expected",
                "found", "note", "figures",
            ];
            expected_keys.sort_unstable();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, expected_keys);

            assert_eq!(value["code"], finding.code);
            assert_eq!(value["severity"], finding.severity.as_str());
            assert_eq!(value["article"], finding.article.as_str());
            assert_eq!(value["line"], finding.line);
            assert_eq!(value["column"], finding.column);
            assert_eq!(
                value["span"],
                serde_json::json!([finding.span.0, finding.span.1])
            );
            assert_eq!(value["message"], finding.message.as_str());
            assert_eq!(value["expected"].as_str(), finding.expected.as_deref());
            assert_eq!(value["found"].as_str(), finding.found.as_deref());
            assert_eq!(value["note"].as_str(), finding.note.as_deref());
            let figures = value["figures"].as_array().unwrap();
            assert_eq!(figures.len(), finding.figures.len());
            for (v, f) in figures.iter().zip(&finding.figures) {
                assert_eq!(v["article"], f.article.as_str());
                assert_eq!(v["line"], f.line);
                assert_eq!(v["span"], serde_json::json!([f.span.0, f.span.1]));
            }
        }
    }

    #[test]
    fn missing_values_are_null_and_only_the_summary_follows() {
        let fixture = Fixture::new();
        let mut finding = fixture.findings[0].clone();
        finding.expected = None;
        finding.found = None;
        finding.note = None;
        let findings = [finding];
        let mut input = fixture.input(false);
        input.findings = &findings;
        let mut out = Vec::new();
        render(OutputFormat::Json, &input, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let value: Value = serde_json::from_str(lines[0]).unwrap();
        assert!(value["expected"].is_null() && value["found"].is_null());
        assert!(value["note"].is_null());

        input.findings = &[];
        let mut out = Vec::new();
        render(OutputFormat::Json, &input, &mut out).unwrap();
        let summary: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(summary["summary"]["findings"], 0);
    }
}
