//! Report: findings rendered for people (rustc-style) and machines (JSON, SARIF, GitHub, JUnit).
//!
//! Renderers only format: they never compute findings, decide `--fail-on` policy or print.
//! Everything is written into the `&mut dyn Write` the caller passes to [`render`], which is
//! the one place that branches on [`OutputFormat`]. Findings are rendered in the order given;
//! the caller sorts them (article, span start, code) first.
//!
//! The source text a snippet, SARIF region or end column needs comes through the small
//! [`SourceLines`] trait, so this module depends on `corpus` only for the `Article` impl.
//!
//! # Formats
//!
//! - `human` (streams): rustc-style diagnostics, then a summary line
//!   (`1 error, 0 warnings, 2 notes`) and the coverage line. Source lines longer than
//!   [`MAX_SOURCE_WIDTH`] display columns are cut to a window around the span, with `…` on
//!   the cut sides; columns are display columns (Hangul is two wide).
//! - `json` (streams): one JSON object per finding and line, nothing else. Fields, in order:
//!   `code` (string), `severity` (`error`|`warning`|`note`), `article` (path as given),
//!   `line` (1-based; 0 when the finding is about the whole file), `column` (1-based, in
//!   characters), `span` (`[start, end)` byte offsets in the decoded source), `message`,
//!   `expected`, `found`, `note` (strings or null), `figures` (array of
//!   `{article, line, span}`).
//! - `sarif` (buffers): one SARIF 2.1.0 log with one run; columns are Unicode code points
//!   (`run.columnKind = "unicodeCodePoints"`), `partialFingerprints."marketfig/v1"` is a
//!   FNV-1a hash of code, article, line and message; the coverage goes in `run.properties`.
//! - `github` (streams): workflow commands, `::error file=…,line=…,col=…,endColumn=…,title=MF001::…`
//!   (`warning` → `::warning`, `note` → `::notice`).
//! - `junit` (buffers): one `<testcase>` per article; error and warning findings make a
//!   `<failure>`, notes go into `<system-out>`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use crate::check::{Coverage, Finding, RuleInfo};
use crate::corpus::Article;

mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod source;

pub use human::MAX_SOURCE_WIDTH;

/// How findings are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// rustc-style diagnostics for people, with a summary.
    Human,
    /// One JSON object per finding and line (NDJSON).
    Json,
    /// One SARIF 2.1.0 log (code scanning, IDEs).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML, one test case per article (CI test reports).
    Junit,
}

impl OutputFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [OutputFormat; 5] = [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Sarif,
        OutputFormat::Github,
        OutputFormat::Junit,
    ];

    /// The name used on the command line (`human`, `json`, `sarif`, `github`, `junit`).
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Human => "human",
            OutputFormat::Json => "json",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Github => "github",
            OutputFormat::Junit => "junit",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A format name that is not one of [`OutputFormat::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown output format `{0}` (expected one of: human, json, sarif, github, junit)")]
pub struct UnknownFormat(pub String);

impl FromStr for OutputFormat {
    type Err = UnknownFormat;

    /// Parse a format name, ignoring ASCII case and surrounding whitespace.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        OutputFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// Where renderers get the decoded source text that spans refer to.
///
/// Implemented for article slices and for maps from path to source text (handy in tests and
/// for callers that keep only the text). Lookups that fail just leave out the snippet,
/// end column or region that would need the text.
pub trait SourceLines {
    /// The whole decoded source of `article` (the text whose byte offsets spans count).
    fn source(&self, article: &str) -> Option<&str>;

    /// The source line with 1-based number `line`, without its line ending.
    fn line(&self, article: &str, line: u32) -> Option<&str> {
        let index = usize::try_from(line.checked_sub(1)?).ok()?;
        let text = self.source(article)?.split('\n').nth(index)?;
        Some(text.strip_suffix('\r').unwrap_or(text))
    }
}

/// No sources at all: every renderer still works, without snippets or end columns.
impl SourceLines for () {
    fn source(&self, _article: &str) -> Option<&str> {
        None
    }
}

/// Linear search by path: fine for the sorted, per-article order renderers ask in.
fn article_source<'a>(articles: &'a [Article], path: &str) -> Option<&'a str> {
    articles
        .iter()
        .find(|a| a.path == path)
        .map(|a| a.source.as_str())
}

impl SourceLines for &[Article] {
    fn source(&self, article: &str) -> Option<&str> {
        article_source(self, article)
    }
}

impl SourceLines for Vec<Article> {
    fn source(&self, article: &str) -> Option<&str> {
        article_source(self, article)
    }
}

impl SourceLines for BTreeMap<String, String> {
    fn source(&self, article: &str) -> Option<&str> {
        self.get(article).map(String::as_str)
    }
}

impl SourceLines for HashMap<String, String> {
    fn source(&self, article: &str) -> Option<&str> {
        self.get(article).map(String::as_str)
    }
}

/// Everything a renderer may use.
pub struct ReportInput<'a> {
    /// Findings in output order (sorted by the caller).
    pub findings: &'a [Finding],
    /// Source text of the articles the findings point into.
    pub sources: &'a dyn SourceLines,
    /// Every article path processed, clean or not (JUnit makes one test case of each).
    pub articles: &'a [String],
    /// Metadata of every rule (SARIF `tool.driver.rules`).
    pub rules: &'a [RuleInfo],
    /// What the checker could and could not verify (human summary, SARIF properties).
    pub coverage: Coverage,
    /// Use ANSI colours (human format only). The caller decides: terminal and `NO_COLOR`.
    pub color: bool,
    /// Version of marketfig, for SARIF `tool.driver.version`.
    pub tool_version: &'a str,
}

/// Render `input` in `format` into `w`.
///
/// Streaming formats (human, json, github) write finding by finding; sarif and junit build
/// their document first and write it at the end. I/O errors (a closed pipe too) come back
/// unchanged for the caller to judge.
pub fn render(format: OutputFormat, input: &ReportInput<'_>, w: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Human => human::render(input, w),
        OutputFormat::Json => json::render(input, w),
        OutputFormat::Sarif => sarif::render(input, w),
        OutputFormat::Github => github::render(input, w),
        OutputFormat::Junit => junit::render(input, w),
    }
}

/// The text `marketfig explain CODE` prints: code and name, default severity, then the doc.
pub fn explain(rule: &RuleInfo) -> String {
    let mut out = format!(
        "{}: {}\nDefault severity: {}\n",
        rule.code,
        rule.name,
        rule.default_severity.as_str()
    );
    let summary = rule.summary.trim();
    if !summary.is_empty() {
        out.push_str("Summary: ");
        out.push_str(summary);
        out.push('\n');
    }
    let doc = rule.doc.trim();
    if !doc.is_empty() {
        out.push('\n');
        out.push_str(doc);
        out.push('\n');
    }
    out
}

#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;

    #[test]
    fn format_names_round_trip() {
        for format in OutputFormat::ALL {
            assert_eq!(format.as_str().parse::<OutputFormat>(), Ok(format));
            assert_eq!(format.to_string(), format.as_str());
        }
        assert_eq!(" SARIF ".parse::<OutputFormat>(), Ok(OutputFormat::Sarif));
        let err = "xml".parse::<OutputFormat>().unwrap_err();
        assert_eq!(err, UnknownFormat("xml".into()));
        assert!(err
            .to_string()
            .contains("human, json, sarif, github, junit"));
    }

    #[test]
    fn source_lines_line_strips_line_endings() {
        let mut map = BTreeMap::new();
        map.insert("a.txt".to_owned(), "first\r\nsecond\nthird".to_owned());
        assert_eq!(map.line("a.txt", 1), Some("first"));
        assert_eq!(map.line("a.txt", 2), Some("second"));
        assert_eq!(map.line("a.txt", 3), Some("third"));
        assert_eq!(map.line("a.txt", 0), None);
        assert_eq!(map.line("a.txt", 4), None);
        assert_eq!(map.line("b.txt", 1), None);
        assert_eq!(().line("a.txt", 1), None);
    }

    #[test]
    fn articles_are_a_source() {
        let articles = vec![
            Article::from_text("a.txt", "코스피\r\n2,500\n"),
            Article::from_text("b.txt", "x"),
        ];
        assert_eq!(articles.source("b.txt"), Some("x"));
        assert_eq!(articles.line("a.txt", 1), Some("코스피"));
        assert_eq!(articles.line("a.txt", 2), Some("2,500"));
        let slice: &[Article] = &articles;
        assert_eq!(slice.source("c.txt"), None);
        // Columns agree with the corpus's own arithmetic.
        let loc = source::locate(&articles[0].source, (11, 16)).unwrap();
        assert_eq!((loc.line, loc.column), articles[0].line_col(11));
    }

    #[test]
    fn explain_contains_code_name_severity_and_doc() {
        let rule = RuleInfo {
            code: "MF001",
            name: "point-percent-level-mismatch",
            summary: "Point change, percent change and level disagree",
            doc: "## What it does\nChecks that points, percent and level agree.\n\n## Tolerance\nInterval rounding.\n",
            default_severity: Severity::Error,
        };
        let text = explain(&rule);
        assert!(text.starts_with("MF001: point-percent-level-mismatch\n"));
        assert!(text.contains("Default severity: error\n"));
        assert!(text.contains("Summary: Point change, percent change and level disagree\n"));
        assert!(text.contains("## What it does\nChecks that points, percent and level agree."));
        assert!(text.ends_with("Interval rounding.\n"));
    }

    #[test]
    fn every_format_renders_the_shared_fixture() {
        let fixture = testutil::Fixture::new();
        for format in OutputFormat::ALL {
            let mut out = Vec::new();
            render(format, &fixture.input(false), &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(!text.is_empty(), "{format} wrote nothing");
            assert!(
                text.ends_with('\n'),
                "{format} output lacks a final newline"
            );
            assert!(!text.contains('\x1b'), "{format} wrote colour codes");
        }
    }

    /// The machine formats of the shared fixture, one snapshot each (the human one lives
    /// beside its renderer).
    #[test]
    fn snapshot_machine_formats() {
        let fixture = testutil::Fixture::new();
        for format in OutputFormat::ALL {
            if format == OutputFormat::Human {
                continue;
            }
            let mut out = Vec::new();
            render(format, &fixture.input(false), &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            insta::assert_snapshot!(format.as_str(), text);
        }
    }

    #[test]
    fn every_format_survives_missing_sources_and_odd_spans() {
        let fixture = testutil::Fixture::new();
        let mut findings = fixture.findings.clone();
        findings[0].span = (usize::MAX - 1, usize::MAX);
        findings[1].span = (10, 2);
        findings[1].line = 0;
        findings[1].column = 0;
        for sources in [&() as &dyn SourceLines, &fixture.sources] {
            let mut input = fixture.input(true);
            input.findings = &findings;
            input.sources = sources;
            for format in OutputFormat::ALL {
                let mut out = Vec::new();
                render(format, &input, &mut out).unwrap();
                // the findings are still reported, whatever their spans say
                let text = String::from_utf8_lossy(&out);
                assert!(text.contains("MF001"), "{format:?}: {text}");
            }
        }
    }
}
