//! The github format: GitHub Actions workflow commands, which show as annotations.
//!
//! `::error file=PATH,line=L,col=C,endColumn=E,title=MF001::message` per finding; `warning`
//! becomes `::warning` and `note` becomes `::notice`. `col`/`endColumn` are character
//! columns, `endColumn` exclusive. A span over several lines gives `line` and `endLine`
//! without columns; a finding about a whole file (line 0) gives only `file`.
//!
//! Escaping follows the Actions toolkit (`toCommandValue`/`escapeData`/`escapeProperty`):
//! `%`, `\r` and `\n` in the message; additionally `:` and `,` in property values.

use std::io::{self, Write};

use super::source::locate;
use super::ReportInput;
use crate::check::{Finding, Severity};

pub(crate) fn render(input: &ReportInput<'_>, w: &mut dyn Write) -> io::Result<()> {
    for finding in input.findings {
        let end = input
            .sources
            .source(&finding.article)
            .and_then(|s| locate(s, finding.span))
            .filter(|loc| loc.line == finding.line)
            .map(|loc| (loc.end_line, loc.end_column));
        writeln!(w, "{}", command(finding, end))?;
    }
    Ok(())
}

/// One workflow command; `end` is the span end (line, exclusive column) when known.
fn command(finding: &Finding, end: Option<(u32, u32)>) -> String {
    let kind = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let path = finding.article.replace('\\', "/");
    let mut props = vec![("file", path)];
    if finding.line > 0 {
        props.push(("line", finding.line.to_string()));
        match end {
            Some((end_line, _)) if end_line != finding.line => {
                props.push(("endLine", end_line.to_string()));
            }
            _ if finding.column > 0 => {
                props.push(("col", finding.column.to_string()));
                if let Some((_, end_column)) = end {
                    props.push(("endColumn", end_column.to_string()));
                }
            }
            _ => {}
        }
    }
    props.push(("title", finding.code.to_owned()));
    let props: Vec<String> = props
        .into_iter()
        .map(|(k, v)| format!("{k}={}", escape_property(&v)))
        .collect();
    format!(
        "::{kind} {}::{}",
        props.join(","),
        escape_data(&finding.message)
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testutil::Fixture;
    use crate::report::{render, OutputFormat};

    #[test]
    fn one_command_per_finding() {
        let fixture = Fixture::new();
        let mut out = Vec::new();
        render(OutputFormat::Github, &fixture.input(false), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let error = &fixture.findings[0];
        let col = error.column;
        let end = col + "612.47포인트(-3.70%) 급락한 19,341.83".chars().count() as u32;
        assert_eq!(
            lines[0],
            format!(
                "::error file=data/articles/001_x.txt,line=29,col={col},endColumn={end},\
                 title=MF001::Nasdaq Composite: 612.47 points on a level of 19,341.83 is \
                 -3.07%25, but the text says -3.70%25"
            )
        );
        assert!(lines[1].starts_with("::notice file=data/articles/001_x.txt,line=29,col="));
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn escapes_data_and_properties() {
        let fixture = Fixture::new();
        let mut f = fixture.findings[0].clone();
        f.severity = Severity::Warning;
        f.article = "dir\\a,b:c%.txt".into();
        f.message = "50% up\r\nnext: line, end".into();
        assert_eq!(
            command(&f, None),
            format!(
                "::warning file=dir/a%2Cb%3Ac%25.txt,line=29,col={},title=MF001::\
                 50%25 up%0D%0Anext: line, end",
                f.column
            )
        );
    }

    #[test]
    fn multi_line_and_whole_file_findings() {
        let fixture = Fixture::new();
        let mut f = fixture.findings[1].clone();
        f.message = "S&P 500 agrees".into();
        assert_eq!(
            command(&f, Some((31, 4))),
            format!(
                "::notice file={},line=29,endLine=31,title=MF001::{}",
                f.article, f.message
            )
        );
        f.line = 0;
        f.column = 0;
        assert_eq!(
            command(&f, Some((31, 4))),
            format!("::notice file={},title=MF001::{}", f.article, f.message)
        );
    }
}
