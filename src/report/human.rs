//! The human format: rustc-style diagnostics, then a summary and the coverage line.
//!
//! ```text
//! error[MF001]: Nasdaq Composite: 612.47 points on a level of 19,341.83 is -3.07%, but …
//!   --> data/articles/001.txt:29:42
//!    |
//! 29 | …증시에서 나스닥 지수는 612.47포인트(-3.70%) 급락한 19,341.83에 …
//!    |                         ^^^^^^^^^^^^^^^^^^^
//!    = expected: -3.07%
//!    = found: -3.70%
//!    = note: 612.47 / (19,341.83 + 612.47) = 3.069%; tolerance ±0.005 (2 decimals)
//! ```
//!
//! Columns are display columns (`unicode-width`: Hangul is two wide), so the underline stays
//! under the span. A span over several lines is underlined to the end of its first line.
//! Other figures of the finding are underlined with `-`: on the primary line when they are
//! there, otherwise in a `:::` block of their own. Control characters in the text are shown
//! as `�` and tabs as four spaces, so article text cannot move the cursor or colour the
//! terminal.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

use unicode_width::UnicodeWidthChar;

use super::source::{locate, Located};
use super::{ReportInput, SourceLines};
use crate::check::{Coverage, Finding, Severity};

/// Widest source text (display columns) shown on one snippet line; longer lines are cut to a
/// window around the span, with `…` on each cut side.
pub const MAX_SOURCE_WIDTH: usize = 100;

const ELLIPSIS: &str = "…";
const TAB: &str = "    ";
const REPLACEMENT: &str = "\u{FFFD}";

pub(crate) fn render(input: &ReportInput<'_>, w: &mut dyn Write) -> io::Result<()> {
    let paint = Paint(input.color);
    for finding in input.findings {
        write_finding(finding, input.sources, paint, w)?;
    }
    write_summary(input.findings, &input.coverage, paint, w)
}

/// The summary: `1 error, 0 warnings, 2 notes`, then the coverage line.
fn write_summary(
    findings: &[Finding],
    coverage: &Coverage,
    paint: Paint,
    w: &mut dyn Write,
) -> io::Result<()> {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let parts = [
        (count(Severity::Error), "error", Style::Error),
        (count(Severity::Warning), "warning", Style::Warning),
        (count(Severity::Note), "note", Style::Note),
    ];
    for (i, (n, word, style)) in parts.into_iter().enumerate() {
        let text = format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let style = if n > 0 { style } else { Style::Plain };
        let sep = if i == 0 { "" } else { ", " };
        write!(w, "{sep}{}", paint.paint(style, &text))?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "figures: {} found, {} checked, {} passed, {} passed by rounding, {} failed, {} not checkable",
        coverage.figures,
        coverage.checked,
        coverage.passed,
        coverage.passed_by_rounding,
        coverage.failed,
        coverage.not_checkable,
    )
}

fn write_finding(
    finding: &Finding,
    sources: &dyn SourceLines,
    paint: Paint,
    w: &mut dyn Write,
) -> io::Result<()> {
    let blocks = blocks(finding, sources);
    let width = blocks
        .iter()
        .filter_map(|b| b.loc.as_ref())
        .map(|loc| digits(loc.line))
        .max()
        .unwrap_or(1);
    let pad = "";

    let severity = severity_style(finding.severity);
    let head = format!("{}[{}]", finding.severity.as_str(), finding.code);
    let message = format!(": {}", clean(&finding.message));
    writeln!(
        w,
        "{}{}",
        paint.paint(severity, &head),
        paint.paint(Style::Emphasis, &message)
    )?;

    for (i, block) in blocks.iter().enumerate() {
        let arrow = if i == 0 { "-->" } else { ":::" };
        let (line, column) = match (&block.loc, i) {
            (_, 0) => (finding.line, finding.column),
            (Some(loc), _) => (loc.line, loc.column),
            (None, _) => (block.line, 0),
        };
        writeln!(
            w,
            "{pad:width$}{} {}",
            paint.paint(Style::Gutter, arrow),
            clean(&position(block.article, line, column))
        )?;
        let Some(loc) = &block.loc else { continue };
        let bar = paint.paint(Style::Gutter, "|");
        let (shown, underline) = snippet(loc.text, &block.marks, MAX_SOURCE_WIDTH, paint, severity);
        writeln!(w, "{pad:width$} {bar}")?;
        let number = format!("{:>width$}", loc.line);
        let number = paint.paint(Style::Gutter, &number);
        if shown.is_empty() {
            writeln!(w, "{number} {bar}")?;
        } else {
            writeln!(w, "{number} {bar} {shown}")?;
        }
        writeln!(w, "{pad:width$} {bar} {underline}")?;
    }

    let labels = [
        ("expected", &finding.expected),
        ("found", &finding.found),
        ("note", &finding.note),
    ];
    for (label, text) in labels {
        let Some(text) = text else { continue };
        let mut lines = text.lines();
        let first = lines.next().unwrap_or("");
        let eq = paint.paint(Style::Gutter, "=");
        let label = format!("{label}:");
        let label = paint.paint(Style::Emphasis, &label);
        writeln!(w, "{pad:width$} {eq} {label} {}", clean(first))?;
        // Continuation lines line up with the text after `= label: `.
        let indent = width + 3 + label.len() + 1;
        for line in lines {
            writeln!(w, "{pad:indent$}{}", clean(line))?;
        }
    }
    writeln!(w)
}

/// `path:line:col`, leaving out what is unknown (0).
fn position(article: &str, line: u32, column: u32) -> String {
    match (line, column) {
        (0, _) => article.to_owned(),
        (line, 0) => format!("{article}:{line}"),
        (line, column) => format!("{article}:{line}:{column}"),
    }
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// One snippet: a source line with its marks, or just a location when the text is missing.
struct Block<'a> {
    article: &'a str,
    /// Line for the `:::` header when `loc` is missing.
    line: u32,
    loc: Option<Located<'a>>,
    marks: Vec<Mark>,
}

/// A span to underline, as byte offsets into the line text.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    primary: bool,
}

/// The primary block first, then one block per other (article, line) among the figures.
fn blocks<'a>(finding: &'a Finding, sources: &'a dyn SourceLines) -> Vec<Block<'a>> {
    let loc = sources
        .source(&finding.article)
        .and_then(|s| locate(s, finding.span));
    let marks = loc
        .iter()
        .map(|l| Mark {
            start: l.start,
            end: l.end,
            primary: true,
        })
        .collect();
    let mut blocks = vec![Block {
        article: &finding.article,
        line: finding.line,
        loc,
        marks,
    }];
    for figure in &finding.figures {
        if figure.article == finding.article && figure.span == finding.span {
            continue;
        }
        let loc = sources
            .source(&figure.article)
            .and_then(|s| locate(s, figure.span));
        let line = loc.as_ref().map_or(figure.line, |l| l.line);
        let mark = loc.as_ref().map(|l| Mark {
            start: l.start,
            end: l.end,
            primary: false,
        });
        let same = blocks.iter().position(|b| {
            b.article == figure.article
                && b.loc.as_ref().map_or(b.line, |l| l.line) == line
                && b.loc.is_some() == loc.is_some()
        });
        match same {
            Some(i) => {
                if let Some(mark) = mark {
                    if !blocks[i].marks.contains(&mark) {
                        blocks[i].marks.push(mark);
                    }
                }
            }
            None => blocks.push(Block {
                article: &figure.article,
                line,
                loc,
                marks: mark.into_iter().collect(),
            }),
        }
    }
    blocks
}

/// One displayed character: where it starts in the line, what is shown and how wide it is.
struct Cell<'a> {
    byte: usize,
    col: usize,
    shown: &'a str,
    width: usize,
}

fn cells(text: &str) -> (Vec<Cell<'_>>, usize) {
    let mut col = 0;
    let cells = text
        .char_indices()
        .map(|(byte, c)| {
            let (shown, width) = match c {
                '\t' => (TAB, TAB.len()),
                c if c.is_control() => (REPLACEMENT, 1),
                c => (&text[byte..byte + c.len_utf8()], c.width().unwrap_or(0)),
            };
            let cell = Cell {
                byte,
                col,
                shown,
                width,
            };
            col += width;
            cell
        })
        .collect();
    (cells, col)
}

/// The line as shown (windowed when wider than `max_width`) and the underline row below it.
/// The window is centred on the first mark (the primary one in the primary block).
/// The primary underline is painted in `primary`, the severity's colour.
fn snippet(
    text: &str,
    marks: &[Mark],
    max_width: usize,
    paint: Paint,
    primary: Style,
) -> (String, String) {
    let (cells, total) = cells(text);
    let col_of = |byte: usize| {
        let k = cells.partition_point(|c| c.byte < byte);
        cells.get(k).map_or(total, |c| c.col)
    };
    let span_cols = |m: &Mark| {
        let start = col_of(m.start);
        (start, col_of(m.end).max(start + 1))
    };

    let (first, last) = match marks.first() {
        Some(focus) if total > max_width => {
            // Room for the text, less one column for each `…`.
            let room = max_width.saturating_sub(2).max(1);
            let (fs, fe) = span_cols(focus);
            let wanted = (fe - fs).min(room);
            let left = fs.saturating_sub((room - wanted) / 2).min(total - room);
            let right = left + room;
            let first = cells.partition_point(|c| c.col < left);
            let last = first + cells[first..].partition_point(|c| c.col + c.width <= right);
            (first, last)
        }
        _ => (0, cells.len()),
    };
    let cut_left = first > 0;
    let cut_right = last < cells.len();

    let mut shown = String::with_capacity(text.len() + 2 * ELLIPSIS.len());
    if cut_left {
        shown.push_str(ELLIPSIS);
    }
    for cell in &cells[first..last] {
        shown.push_str(cell.shown);
    }
    if cut_right {
        shown.push_str(ELLIPSIS);
    }

    // Visible columns of the line and where they land in the shown text.
    let origin = cells.get(first).map_or(total, |c| c.col);
    let visible_end = cells[..last].last().map_or(origin, |c| c.col + c.width);
    let limit = if cut_right {
        visible_end
    } else {
        visible_end + 1
    };
    let shift = usize::from(cut_left);

    let mut row: Vec<u8> = Vec::new();
    // Secondary marks first, so the primary one wins where they overlap.
    for pass in [false, true] {
        for mark in marks.iter().filter(|m| m.primary == pass) {
            let (start, end) = span_cols(mark);
            let (start, end) = (start.max(origin), end.min(limit));
            if start >= end {
                continue;
            }
            let (start, end) = (start - origin + shift, end - origin + shift);
            if row.len() < end {
                row.resize(end, 0);
            }
            row[start..end].fill(if pass { 2 } else { 1 });
        }
    }

    let mut underline = String::new();
    for run in row.chunk_by(|a, b| a == b) {
        let (ch, style) = match run[0] {
            2 => ('^', primary),
            1 => ('-', Style::Gutter),
            _ => (' ', Style::Plain),
        };
        let text: String = std::iter::repeat_n(ch, run.len()).collect();
        // Writing into a String cannot fail.
        let _ = write!(underline, "{}", paint.paint(style, &text));
    }
    (shown, underline)
}

/// Text with control characters made visible (`�`) and tabs made spaces.
fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Error,
    Warning,
    Note,
    Emphasis,
    Gutter,
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => Style::Error,
        Severity::Warning => Style::Warning,
        Severity::Note => Style::Note,
    }
}

/// ANSI colouring, on or off.
#[derive(Debug, Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn paint<'t>(self, style: Style, text: &'t str) -> Painted<'t> {
        let code = match style {
            _ if !self.0 || text.is_empty() => None,
            Style::Plain => None,
            Style::Error => Some("\x1b[1;31m"),
            Style::Warning => Some("\x1b[1;33m"),
            Style::Note => Some("\x1b[1;32m"),
            Style::Emphasis => Some("\x1b[1m"),
            Style::Gutter => Some("\x1b[1;34m"),
        };
        Painted { code, text }
    }
}

struct Painted<'t> {
    code: Option<&'static str>,
    text: &'t str,
}

impl Painted<'_> {
    /// Width of the text in bytes, without the colour codes.
    fn len(&self) -> usize {
        self.text.len()
    }
}

impl fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{code}{}\x1b[0m", self.text),
            None => f.write_str(self.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testutil::{finding, Fixture, KOREAN_LINE};
    use crate::report::{render, OutputFormat};
    use std::collections::BTreeMap;
    use unicode_width::UnicodeWidthStr;

    fn human(fixture: &Fixture, color: bool) -> String {
        let mut out = Vec::new();
        render(OutputFormat::Human, &fixture.input(color), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn snapshot_error_and_note_on_a_korean_line() {
        insta::assert_snapshot!(human(&Fixture::new(), false));
    }

    #[test]
    fn colour_only_when_asked() {
        let fixture = Fixture::new();
        let plain = human(&fixture, false);
        let coloured = human(&fixture, true);
        assert!(!plain.contains('\x1b'));
        assert!(coloured.contains("\x1b[1;31merror[MF001]\x1b[0m"));
        assert!(coloured.contains("\x1b[1;32mnote[MF001]\x1b[0m"));
        // Stripping the codes gives the plain text back.
        let stripped = regex::Regex::new("\x1b\\[[0-9;]*m")
            .unwrap()
            .replace_all(&coloured, "");
        assert_eq!(stripped, plain);
    }

    /// The caret row starts under the first column of the span text, for every start offset
    /// in a long Korean paragraph (windowed or not).
    #[test]
    fn underline_stays_aligned_in_windows() {
        let line = KOREAN_LINE;
        for (start, _) in line.char_indices().step_by(7) {
            let end = (start + 12).min(line.len());
            let end = (end..=line.len())
                .find(|&e| line.is_char_boundary(e))
                .unwrap();
            let mark = Mark {
                start,
                end,
                primary: true,
            };
            let (shown, underline) = snippet(line, &[mark], 60, Paint(false), Style::Error);
            assert!(shown.width() <= 60, "{shown}");
            let caret = underline.find('^').unwrap();
            let carets = underline.matches('^').count();
            // The characters shown above the carets are the start of the span text.
            let mut col = 0;
            let mut above = String::new();
            for c in shown.chars() {
                if col >= caret && col < caret + carets {
                    above.push(c);
                }
                col += c.width().unwrap_or(0);
            }
            let target = &line[start..end];
            assert!(!above.is_empty());
            assert!(
                target.starts_with(&above),
                "{shown}\n{underline}\n{above:?} vs {target:?}"
            );
            assert!(carets <= target.width());
        }
    }

    #[test]
    fn long_line_is_cut_on_both_sides() {
        let line = KOREAN_LINE;
        let start = line.find("612.47").unwrap();
        let mark = Mark {
            start,
            end: start + 6,
            primary: true,
        };
        let (shown, underline) = snippet(line, &[mark], 40, Paint(false), Style::Error);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("612.47"));
        assert_eq!(underline.trim_start(), "^^^^^^");
        // Short lines are shown whole.
        let (shown, underline) = snippet(
            "abc",
            &[Mark {
                start: 1,
                end: 2,
                primary: true,
            }],
            40,
            Paint(false),
            Style::Error,
        );
        assert_eq!((shown.as_str(), underline.as_str()), ("abc", " ^"));
    }

    #[test]
    fn empty_span_gets_one_caret_and_tabs_keep_alignment() {
        let text = "a\tb\u{1b}[31mc";
        let start = text.find('c').unwrap();
        let mark = Mark {
            start,
            end: start,
            primary: true,
        };
        let (shown, underline) = snippet(text, &[mark], 100, Paint(false), Style::Error);
        assert_eq!(shown, "a    b\u{FFFD}[31mc");
        assert_eq!(underline, format!("{}^", " ".repeat(shown.width() - 1)));
    }

    #[test]
    fn secondary_figures_on_other_lines_and_articles_get_their_own_blocks() {
        let mut sources = BTreeMap::new();
        sources.insert("a.txt".to_owned(), "코스피 2,500\n코스닥 700\n".to_owned());
        sources.insert("b.txt".to_owned(), "KOSPI 2,510\n".to_owned());
        let mut f = finding(
            "a.txt",
            sources["a.txt"].as_str(),
            "2,500",
            Severity::Warning,
        );
        f.figures.push(crate::check::FigureRef {
            article: "a.txt".into(),
            line: 2,
            span: (26, 29),
        });
        f.figures.push(crate::check::FigureRef {
            article: "b.txt".into(),
            line: 1,
            span: (6, 11),
        });
        f.figures.push(crate::check::FigureRef {
            article: "c.txt".into(),
            line: 3,
            span: (0, 1),
        });
        let mut out = Vec::new();
        write_finding(&f, &sources, Paint(false), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let expected = "\
warning[MF900]: test finding at 2,500
 --> a.txt:1:5
  |
1 | 코스피 2,500
  |        ^^^^^
 ::: a.txt:2:5
  |
2 | 코스닥 700
  |        ---
 ::: b.txt:1:7
  |
1 | KOSPI 2,510
  |       -----
 ::: c.txt:3
  = found: 2,500

";
        assert_eq!(text, expected);
    }

    #[test]
    fn summary_counts_and_coverage() {
        let fixture = Fixture::new();
        let text = human(&fixture, false);
        let tail: Vec<&str> = text.lines().rev().take(2).collect();
        assert_eq!(
            tail,
            [
                "figures: 42 found, 30 checked, 25 passed, 3 passed by rounding, 2 failed, 12 not checkable",
                "1 error, 0 warnings, 1 note",
            ]
        );
    }

    /// Every span over a short mixed line, at every window width: no panic, and the shown
    /// text never exceeds the width once it had to be cut.
    #[test]
    fn any_span_any_width_renders() {
        let text = "가\tb\u{7}나다 é1";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &start in &bounds {
            for &end in &bounds {
                for max in 1..12 {
                    let marks = [
                        Mark {
                            start,
                            end,
                            primary: true,
                        },
                        Mark {
                            start: end,
                            end: text.len(),
                            primary: false,
                        },
                    ];
                    let (shown, underline) = snippet(text, &marks, max, Paint(true), Style::Note);
                    assert!(!shown.is_empty());
                    if shown.contains('…') {
                        assert!(shown.width() <= max.max(3), "{shown:?} at {max}");
                    }
                    assert!(
                        underline.is_empty() || underline.contains('^') || underline.contains('-')
                    );
                }
            }
        }
    }

    #[test]
    fn digits_of_line_numbers() {
        assert_eq!(digits(0), 1);
        assert_eq!(digits(9), 1);
        assert_eq!(digits(10), 2);
        assert_eq!(digits(29), 2);
        assert_eq!(digits(1000), 4);
    }
}
