//! One fixed set of findings that every renderer's tests share (STYLE §7: run every output
//! format on the same input).

use std::collections::BTreeMap;

use super::source::locate;
use super::ReportInput;
use crate::check::{Coverage, FigureRef, Finding, RuleInfo, Severity};

/// A Korean market paragraph (300+ characters on one line), with the Nasdaq percent
/// misprinted as -3.70% (612.47 / 19,954.30 is 3.07%).
pub(crate) const KOREAN_LINE: &str = "시장은 민감하게 반응했다. 뉴욕증시에서 기술주 중심의 나스닥 지수는 전 거래일보다 612.47포인트(-3.70%) 급락한 19,341.83에 거래를 마쳤다. 스탠더드앤드푸어스(S&P) 500 지수는 전 거래일보다 88.96포인트(-1.46%) 하락한 6,012.28에, 다우존스30 산업평균지수는 전 거래일보다 289.33포인트(+0.65%) 오른 44,713.57에 각각 거래됐다.";

pub(crate) const ARTICLE: &str = "data/articles/001_x.txt";

pub(crate) struct Fixture {
    pub sources: BTreeMap<String, String>,
    pub findings: Vec<Finding>,
    pub articles: Vec<String>,
    pub rules: Vec<RuleInfo>,
}

/// A finding of `severity` whose span is the first `needle` in `source`.
pub(crate) fn finding(article: &str, source: &str, needle: &str, severity: Severity) -> Finding {
    let start = source.find(needle).expect("needle in source");
    let span = (start, start + needle.len());
    let loc = locate(source, span).expect("span in source");
    Finding {
        code: "MF900",
        severity,
        article: article.to_owned(),
        line: loc.line,
        column: loc.column,
        span,
        message: format!("test finding at {needle}"),
        expected: None,
        found: Some(needle.to_owned()),
        note: None,
        figures: vec![FigureRef {
            article: article.to_owned(),
            line: loc.line,
            span,
        }],
    }
}

/// A figure reference to the first `needle` in `source`.
fn figure(article: &str, source: &str, needle: &str) -> FigureRef {
    let start = source.find(needle).expect("needle in source");
    let span = (start, start + needle.len());
    let line = locate(source, span).expect("span in source").line;
    FigureRef {
        article: article.to_owned(),
        line,
        span,
    }
}

impl Fixture {
    pub(crate) fn new() -> Fixture {
        // The paragraph sits on line 29, as in the founding article.
        let source = format!("나스닥 급락\n{}{KOREAN_LINE}\n", "\n".repeat(27));

        let mut error = finding(
            ARTICLE,
            &source,
            "612.47포인트(-3.70%) 급락한 19,341.83",
            Severity::Error,
        );
        error.code = "MF001";
        error.message = "Nasdaq Composite: 612.47 points on a level of 19,341.83 is -3.07%, \
                         but the text says -3.70%"
            .into();
        error.expected = Some("-3.07% (from 612.47 / (19,341.83 + 612.47))".into());
        error.found = Some("-3.70%".into());
        error.note = Some(
            "612.47 / 19,954.30 = 3.0694%; -3.70% printed with 2 decimals stands for \
             [-3.705%, -3.695%], which does not contain -3.0694%"
                .into(),
        );
        error.figures = vec![
            figure(ARTICLE, &source, "612.47포인트"),
            figure(ARTICLE, &source, "-3.70%"),
            figure(ARTICLE, &source, "19,341.83"),
        ];

        let mut note = finding(
            ARTICLE,
            &source,
            "88.96포인트(-1.46%) 하락한 6,012.28",
            Severity::Note,
        );
        note.code = "MF001";
        note.message = "S&P 500: -1.46% agrees with 88.96 points on 6,012.28 only through \
                        rounding"
            .into();
        note.expected = Some("-1.4581%".into());
        note.found = Some("-1.46%".into());
        note.note = Some(
            "88.96 / (6,012.28 + 88.96) = 1.4581%; -1.46% stands for [-1.465%, -1.455%]".into(),
        );
        note.figures = vec![
            figure(ARTICLE, &source, "88.96포인트(-1.46%) 하락한 6,012.28"),
            figure(ARTICLE, &source, "다우존스30"),
        ];

        let mut sources = BTreeMap::new();
        sources.insert(ARTICLE.to_owned(), source);
        sources.insert(
            "data/articles/002_clean.txt".to_owned(),
            "KOSPI closed at 2,500.10.\n".to_owned(),
        );
        Fixture {
            sources,
            findings: vec![error, note],
            articles: vec![
                "data/articles/000_a.txt".to_owned(),
                ARTICLE.to_owned(),
                "data/articles/002_clean.txt".to_owned(),
            ],
            rules: vec![RuleInfo {
                code: "MF001",
                name: "triple-arithmetic",
                summary: "point change, percent change and level do not add up",
                doc: "## What it does\nChecks that a point change, a percent change and a \
                          level agree.\n\n## Tolerance\nInterval rounding of every printed \
                          number.\n",
                default_severity: Severity::Error,
            }],
        }
    }

    pub(crate) fn input(&self, color: bool) -> ReportInput<'_> {
        ReportInput {
            findings: &self.findings,
            sources: &self.sources,
            articles: &self.articles,
            rules: &self.rules,
            coverage: Coverage {
                figures: 42,
                checked: 30,
                passed: 25,
                passed_by_rounding: 3,
                failed: 2,
                not_checkable: 12,
            },
            color,
            tool_version: "0.1.0",
        }
    }
}
