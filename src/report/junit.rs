//! The junit format: JUnit XML for CI test reports, one test case per article.
//!
//! ```xml
//! <testsuites name="marketfig" tests="3" failures="1" errors="0">
//!   <testsuite name="marketfig check" tests="3" failures="1" errors="0" skipped="0">
//!     <testcase classname="marketfig" name="data/articles/001.txt">
//!       <failure type="MF001" message="first message">29:42: error[MF001]: …</failure>
//!       <system-out>29:97: note[MF001]: …</system-out>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! Every article in `ReportInput::articles` is a test case, in that order, then any article
//! that has findings but is not listed. An article with error or warning findings fails:
//! `type` lists their codes, `message` is the first message, the body has each of them as
//! `line:col: severity[code]: message`. Notes never fail a case; they go into
//! `<system-out>`. Text is escaped for XML 1.0 and characters XML 1.0 forbids are dropped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::ReportInput;
use crate::check::{Finding, Severity};

pub(crate) fn render(input: &ReportInput<'_>, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(document(input).as_bytes())
}

fn document(input: &ReportInput<'_>) -> String {
    let mut by_article: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for finding in input.findings {
        by_article
            .entry(finding.article.as_str())
            .or_default()
            .push(finding);
    }
    let mut order: Vec<&str> = Vec::new();
    let listed = input.articles.iter().map(String::as_str);
    let with_findings = input.findings.iter().map(|f| f.article.as_str());
    for article in listed.chain(with_findings) {
        if !order.contains(&article) {
            order.push(article);
        }
    }

    let cases: Vec<Case<'_>> = order
        .iter()
        .map(|&article| {
            let findings = by_article.get(article).map_or(&[][..], Vec::as_slice);
            Case::new(article, findings)
        })
        .collect();
    let tests = cases.len();
    let failures = cases.iter().filter(|c| !c.failing.is_empty()).count();

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // Writing into a String cannot fail.
    let _ = writeln!(
        xml,
        "<testsuites name=\"marketfig\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    let _ = writeln!(
        xml,
        "  <testsuite name=\"marketfig check\" tests=\"{tests}\" failures=\"{failures}\" \
         errors=\"0\" skipped=\"0\">"
    );
    for case in &cases {
        case.write(&mut xml);
    }
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

/// One test case: an article and its findings, split into failing ones and notes.
struct Case<'a> {
    article: &'a str,
    failing: Vec<&'a Finding>,
    notes: Vec<&'a Finding>,
}

impl<'a> Case<'a> {
    fn new(article: &'a str, findings: &[&'a Finding]) -> Self {
        let (notes, failing) = findings.iter().partition(|f| f.severity == Severity::Note);
        Case {
            article,
            failing,
            notes,
        }
    }

    fn write(&self, xml: &mut String) {
        let name = escape(self.article);
        let _ = write!(xml, "    <testcase classname=\"marketfig\" name=\"{name}\"");
        if self.failing.is_empty() && self.notes.is_empty() {
            xml.push_str("/>\n");
            return;
        }
        xml.push_str(">\n");
        if let Some(first) = self.failing.first() {
            let mut codes: Vec<&str> = Vec::new();
            for f in &self.failing {
                if !codes.contains(&f.code) {
                    codes.push(f.code);
                }
            }
            let _ = writeln!(
                xml,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                escape(&codes.join(", ")),
                escape(&first.message),
                escape_text(&one_line_each(&self.failing)),
            );
        }
        if !self.notes.is_empty() {
            let _ = writeln!(
                xml,
                "      <system-out>{}</system-out>",
                escape_text(&one_line_each(&self.notes))
            );
        }
        xml.push_str("    </testcase>\n");
    }
}

/// `line:col: severity[code]: message`, one finding per line.
fn one_line_each(findings: &[&Finding]) -> String {
    let mut text = String::new();
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let _ = match (f.line, f.column) {
            (0, _) => Ok(()),
            (line, 0) => write!(text, "{line}: "),
            (line, column) => write!(text, "{line}:{column}: "),
        };
        let _ = write!(text, "{}[{}]: {}", f.severity.as_str(), f.code, f.message);
    }
    text
}

/// Escape an attribute value: the five predefined entities, line breaks and tabs as
/// character references (parsers would otherwise normalise them to spaces), and characters
/// XML 1.0 does not allow dropped.
fn escape(text: &str) -> String {
    escape_with(text, false)
}

/// Escape element text: like [`escape`], but `\n` and `\t` stay as they are.
fn escape_text(text: &str) -> String {
    escape_with(text, true)
}

fn escape_with(text: &str, keep_breaks: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' if keep_breaks => out.push(c),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
/// (surrogates cannot occur in a `char`).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testutil::{Fixture, ARTICLE};
    use crate::report::{render, OutputFormat};

    /// An element as the checker saw it.
    #[derive(Debug)]
    struct Element {
        name: String,
        attrs: Vec<(String, String)>,
        text: String,
    }

    /// A small XML well-formedness check: one declaration, balanced tags, quoted attributes,
    /// no raw `<` or stray `&` in text, only XML 1.0 characters. Returns every element with
    /// its unescaped attributes and direct text.
    fn parse(xml: &str) -> Result<Vec<Element>, String> {
        let rest = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .ok_or("no declaration")?;
        if let Some(c) = rest.chars().find(|&c| !allowed_in_xml(c)) {
            return Err(format!("forbidden character {c:?}"));
        }
        let mut elements: Vec<Element> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut roots = 0;
        let mut i = 0;
        let bytes = rest.as_bytes();
        while i < bytes.len() {
            if bytes[i] != b'<' {
                let end = rest[i..].find('<').map_or(rest.len(), |n| i + n);
                let text = unescape(&rest[i..end])?;
                match stack.last() {
                    Some(&top) => elements[top].text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the root: {text:?}")),
                }
                i = end;
                continue;
            }
            let end = rest[i..].find('>').ok_or("unclosed tag")? + i;
            let tag = &rest[i + 1..end];
            i = end + 1;
            if let Some(name) = tag.strip_prefix('/') {
                let top = stack.pop().ok_or("close without open")?;
                if elements[top].name != name {
                    return Err(format!("</{name}> closes <{}>", elements[top].name));
                }
                continue;
            }
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let (name, mut attrs_text) = tag.split_once(' ').unwrap_or((tag, ""));
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!("bad tag name {name:?}"));
            }
            let mut attrs = Vec::new();
            loop {
                attrs_text = attrs_text.trim_start();
                if attrs_text.is_empty() {
                    break;
                }
                let (key, after) = attrs_text.split_once("=\"").ok_or("unquoted attribute")?;
                let (value, after) = after.split_once('"').ok_or("unterminated value")?;
                if value.contains('<') {
                    return Err("< in attribute".into());
                }
                if attrs.iter().any(|(k, _): &(String, String)| k == key) {
                    return Err(format!("duplicate attribute {key}"));
                }
                attrs.push((key.to_owned(), unescape(value)?));
                attrs_text = after;
            }
            if stack.is_empty() {
                roots += 1;
            }
            elements.push(Element {
                name: name.to_owned(),
                attrs,
                text: String::new(),
            });
            if !empty {
                stack.push(elements.len() - 1);
            }
        }
        if !stack.is_empty() {
            return Err("unclosed elements".into());
        }
        if roots != 1 {
            return Err(format!("{roots} root elements"));
        }
        Ok(elements)
    }

    fn unescape(text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let semi = rest[amp..].find(';').ok_or("& without ;")? + amp;
            let entity = &rest[amp + 1..semi];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => entity
                    .strip_prefix('#')
                    .and_then(|n| n.parse::<u32>().ok())
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown entity &{entity};"))?,
            };
            out.push(c);
            rest = &rest[semi + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn attr<'e>(e: &'e Element, key: &str) -> Option<&'e str> {
        e.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn junit(input: &ReportInput<'_>) -> String {
        let mut out = Vec::new();
        render(OutputFormat::Junit, input, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_testcase_per_article_and_failures_for_errors() {
        let fixture = Fixture::new();
        let xml = junit(&fixture.input(true));
        let elements = parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let cases: Vec<&Element> = elements.iter().filter(|e| e.name == "testcase").collect();
        let names: Vec<&str> = cases.iter().filter_map(|c| attr(c, "name")).collect();
        assert_eq!(names, fixture.articles);
        assert!(cases
            .iter()
            .all(|c| attr(c, "classname") == Some("marketfig")));

        let root = &elements[0];
        assert_eq!(root.name, "testsuites");
        assert_eq!(attr(root, "name"), Some("marketfig"));
        assert_eq!(attr(root, "tests"), Some("3"));
        assert_eq!(attr(root, "failures"), Some("1"));
        assert_eq!(elements[1].name, "testsuite");
        assert_eq!(attr(&elements[1], "name"), Some("marketfig check"));

        let failures: Vec<&Element> = elements.iter().filter(|e| e.name == "failure").collect();
        assert_eq!(failures.len(), 1);
        let failure = failures[0];
        let error = &fixture.findings[0];
        assert_eq!(attr(failure, "type"), Some("MF001"));
        assert_eq!(attr(failure, "message"), Some(error.message.as_str()));
        assert_eq!(
            failure.text,
            format!("29:{}: error[MF001]: {}", error.column, error.message)
        );
        let out: Vec<&Element> = elements.iter().filter(|e| e.name == "system-out").collect();
        assert_eq!(out.len(), 1);
        assert!(out[0].text.starts_with("29:") && out[0].text.contains("note[MF001]: S&P 500"));
    }

    #[test]
    fn hostile_text_is_escaped_and_unlisted_articles_are_added() {
        let fixture = Fixture::new();
        let mut f = fixture.findings[0].clone();
        f.article = "a&b<'c'>\".txt".into();
        f.message = "x < y && \"q\" 'r'\u{1}\u{b}\u{FFFE}\r\nend\t]]>".into();
        f.severity = Severity::Warning;
        let mut note = fixture.findings[1].clone();
        note.article = f.article.clone();
        let findings = [f.clone(), note];
        let mut input = fixture.input(false);
        input.findings = &findings;
        input.articles = &[];
        let xml = junit(&input);
        let elements = parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let cases: Vec<&Element> = elements.iter().filter(|e| e.name == "testcase").collect();
        assert_eq!(cases.len(), 1);
        assert_eq!(attr(cases[0], "name"), Some(f.article.as_str()));
        let failure = elements.iter().find(|e| e.name == "failure").unwrap();
        assert_eq!(
            attr(failure, "message"),
            Some("x < y && \"q\" 'r'\r\nend\t]]>")
        );
        assert!(xml.contains("&lt;") && !xml.contains("]]>"));
        assert_eq!(
            failure.text,
            format!(
                "29:{}: warning[MF001]: x < y && \"q\" 'r'\r\nend\t]]>",
                f.column
            )
        );
    }

    #[test]
    fn no_articles_no_findings_is_still_a_document() {
        let fixture = Fixture::new();
        let mut input = fixture.input(false);
        input.findings = &[];
        input.articles = &[];
        let xml = junit(&input);
        let elements = parse(&xml).unwrap();
        assert_eq!(elements.len(), 2);
        assert_eq!(attr(&elements[0], "tests"), Some("0"));
        // Clean articles pass.
        input.articles = &fixture.articles;
        let xml = junit(&input);
        assert!(xml.contains(&format!(
            "<testcase classname=\"marketfig\" name=\"{ARTICLE}\"/>"
        )));
        assert_eq!(parse(&xml).unwrap().len(), 2 + fixture.articles.len());
    }
}
