//! Consistency engine: the rule registry and the read-only context rules see.
//!
//! Rules live one per file under `rules/`; `registry.rs` lists them in one table. Rules read
//! the figures (and the article text around them), push [`Finding`]s and record which
//! figures they could verify. They never print, read files or decide `--fail-on` policy.

mod finding;
pub mod interval;
pub mod reference;
mod registry;
pub(crate) mod rules;

pub use finding::{FigureRef, Finding, Severity};
pub use reference::{Reference, ReferenceError};
pub use registry::{rule_info, rules};

use crate::corpus::{Article, InputError};
use crate::extract::Figure;
use std::collections::{HashMap, HashSet};

/// Effective configuration of the checker (after merging `marketfig.toml` and flags).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Rule codes switched off.
    pub disabled: HashSet<String>,
    /// Severity overrides by rule code.
    pub severity: HashMap<String, Severity>,
    /// Official closes to hold figures to (`--reference`).
    pub reference: Option<Reference>,
}

/// Per-run coverage: what the checker could and could not verify.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub figures: usize,
    pub checked: usize,
    pub passed: usize,
    pub passed_by_rounding: usize,
    pub failed: usize,
    pub not_checkable: usize,
}

/// Metadata of a rule, for `explain`, SARIF and reports.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    /// One-line summary.
    pub summary: &'static str,
    /// Markdown doc (What it does / Why is this bad? / Example / Tolerance).
    pub doc: &'static str,
    pub default_severity: Severity,
}

/// What a rule concluded about one figure. Ordered: a later verdict overrides an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Unchecked,
    Passed,
    PassedByRounding,
    Failed,
}

/// What rules read. Figures are sorted by article then span.
pub struct Context<'a> {
    pub articles: &'a [Article],
    pub figures: &'a [Figure],
    pub config: &'a Config,
    article_index: HashMap<&'a str, usize>,
}

impl<'a> Context<'a> {
    pub fn article(&self, f: &Figure) -> Option<&'a Article> {
        self.article_index
            .get(f.article.as_str())
            .map(|&i| &self.articles[i])
    }

    /// Indexes of the figures of each article, in order.
    pub fn per_article(&self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::new();
        let mut last: Option<&str> = None;
        for (i, f) in self.figures.iter().enumerate() {
            if last != Some(f.article.as_str()) {
                out.push(Vec::new());
                last = Some(f.article.as_str());
            }
            if let Some(v) = out.last_mut() {
                v.push(i);
            }
        }
        out
    }

    /// Is this a change over a period (year to date, this week) rather than one session?
    pub fn is_period_change(&self, f: &Figure) -> bool {
        f.period
    }

    /// Is this figure bound with confidence, so a rule may hold it against another: a known
    /// entity named in the figure's own text or by a typed noun opening its sentence (not the
    /// article's topic alone), one
    /// session's change (not a period's), and all its numbers inside one clause. Every other
    /// figure is "not checkable": an uncertain binding never becomes a finding.
    pub fn is_confident(&self, f: &Figure) -> bool {
        f.entity.is_some()
            && !f.period
            && f.binding != crate::extract::Binding::Context
            && numbers_in_one_clause(self.numbers_text(f).unwrap_or_else(|| {
                // cross-article rules run without the texts: the figure's own text, from its
                // first digit, stands in
                let first = f.text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                &f.text[first..]
            }))
    }
}

impl Context<'_> {
    /// The article text from a figure's first number to its last.
    pub fn numbers_text(&self, f: &Figure) -> Option<&str> {
        let spans = [f.level, f.change_points, f.change_pct]
            .into_iter()
            .flatten()
            .map(|q| q.text_span);
        let lo = spans.clone().map(|s| s.0).min()?;
        let hi = spans.map(|s| s.1).max()?;
        self.article(f)?.text.get(lo..hi)
    }
}

/// Clause breaks that may not fall between a figure's numbers: a sentence end, a Korean
/// connective ending (`내렸고`, `하락했으며`), an English clause join.
const CLAUSE_BREAKS: &[&str] = &[
    ". ",
    "다.",
    "고 ",
    "고,",
    "며 ",
    "며,",
    "으며",
    "지만",
    "는데",
    "; ",
    ", while ",
    " while ",
    ", but ",
    " but ",
    "반면",
    ", after ",
    " after ",
    "앞서",
    "이후",
    "까지 ",
    " due to ",
    " thanks to ",
];

/// Do a figure's numbers (the text from its first to its last) sit inside one clause?
fn numbers_in_one_clause(numbers: &str) -> bool {
    crate::extract::chars_up_to(numbers, 91) <= 90
        && !CLAUSE_BREAKS.iter().any(|b| numbers.contains(b))
}

/// The values a figure states, by name, in the order checks compare them.
pub(crate) fn stated_fields(f: &Figure) -> [(&'static str, Option<crate::extract::Quantity>); 3] {
    [
        ("percent change", f.change_pct),
        ("point change", f.change_points),
        ("level", f.level),
    ]
}

/// One finding's primary place, from a figure.
pub fn figure_ref(f: &Figure) -> FigureRef {
    FigureRef {
        article: f.article.clone(),
        line: f.line,
        span: f.span,
    }
}

/// A finding anchored at a figure.
pub(crate) fn finding_at(
    code: &'static str,
    severity: Severity,
    f: &Figure,
    message: String,
) -> Finding {
    Finding {
        code,
        severity,
        article: f.article.clone(),
        line: f.line,
        column: f.column,
        span: f.span,
        message,
        expected: None,
        found: None,
        note: None,
        figures: vec![figure_ref(f)],
    }
}

/// Run every enabled rule. Findings come back sorted; coverage counts each figure once,
/// by the strongest verdict any rule gave it.
pub fn check(
    articles: &[Article],
    figures: &[Figure],
    config: &Config,
) -> (Vec<Finding>, Coverage) {
    let (findings, verdicts) = check_figures(articles, figures, config);
    (findings, coverage(&verdicts))
}

/// Coverage from per-figure verdicts.
pub fn coverage(verdicts: &[Verdict]) -> Coverage {
    let mut cov = Coverage {
        figures: verdicts.len(),
        ..Coverage::default()
    };
    for v in verdicts {
        match v {
            Verdict::Unchecked => cov.not_checkable += 1,
            Verdict::Passed => cov.passed += 1,
            Verdict::PassedByRounding => cov.passed_by_rounding += 1,
            Verdict::Failed => cov.failed += 1,
        }
    }
    cov.checked = cov.passed + cov.passed_by_rounding + cov.failed;
    cov
}

/// Like [`check`], with the verdict on each figure (same order as `figures`, which must be
/// grouped by article as extraction returns them).
pub fn check_figures(
    articles: &[Article],
    figures: &[Figure],
    config: &Config,
) -> (Vec<Finding>, Vec<Verdict>) {
    let mut findings = Vec::new();
    let mut verdicts = Vec::with_capacity(figures.len());
    let mut start = 0;
    while start < figures.len() {
        let path = figures[start].article.as_str();
        let end = start
            + figures[start..]
                .iter()
                .take_while(|f| f.article == path)
                .count();
        match articles.iter().find(|a| a.path == path) {
            Some(a) => {
                let (f, v) = check_article(a, &figures[start..end], config);
                findings.extend(f);
                verdicts.extend(v);
            }
            None => verdicts.extend(std::iter::repeat_n(Verdict::Unchecked, end - start)),
        }
        start = end;
    }
    findings.extend(check_corpus(figures, config, &mut verdicts));
    sort_findings(&mut findings);
    findings.dedup_by(|a, b| {
        a.code == b.code && a.article == b.article && a.span == b.span && a.message == b.message
    });
    (findings, verdicts)
}

/// The per-article rules on one article and its figures (pure; runs in parallel).
pub fn check_article(
    article: &Article,
    figures: &[Figure],
    config: &Config,
) -> (Vec<Finding>, Vec<Verdict>) {
    let mut verdicts = vec![Verdict::Unchecked; figures.len()];
    let findings = run_rules(
        rules::Scope::Article,
        std::slice::from_ref(article),
        figures,
        config,
        &mut verdicts,
    );
    (findings, verdicts)
}

/// The cross-article rules over the figures of the whole corpus (no article text needed).
/// `verdicts` (one per figure) are raised where a rule verifies a figure.
pub fn check_corpus(figures: &[Figure], config: &Config, verdicts: &mut [Verdict]) -> Vec<Finding> {
    run_rules(rules::Scope::Corpus, &[], figures, config, verdicts)
}

fn run_rules(
    scope: rules::Scope,
    articles: &[Article],
    figures: &[Figure],
    config: &Config,
    verdicts: &mut [Verdict],
) -> Vec<Finding> {
    let cx = Context {
        articles,
        figures,
        config,
        article_index: articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.path.as_str(), i))
            .collect(),
    };
    let mut findings = Vec::new();
    for rule in registry::RULES.iter().filter(|r| r.scope() == scope) {
        let info = rule.info();
        if config.disabled.contains(info.code) {
            continue;
        }
        let mut out = Vec::new();
        rule.check(&cx, &mut out, verdicts);
        if let Some(&sev) = config.severity.get(info.code) {
            for f in &mut out {
                f.severity = sev;
            }
        }
        findings.extend(out);
    }
    findings
}

/// Record a verdict, keeping the strongest.
pub(crate) fn mark(verdicts: &mut [Verdict], i: usize, v: Verdict) {
    if let Some(slot) = verdicts.get_mut(i) {
        *slot = (*slot).max(v);
    }
}

/// Sort findings by article, position, code.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.article.as_str(), a.span, a.code, &a.message).cmp(&(
            b.article.as_str(),
            b.span,
            b.code,
            &b.message,
        ))
    });
}

/// Code of the input-problem finding (a file that cannot be read or decoded).
pub const INPUT_ERROR_CODE: &str = "MF900";

/// An unreadable input as a finding of its own, naming the file and the reason.
pub fn input_finding(e: &InputError) -> Finding {
    Finding {
        code: INPUT_ERROR_CODE,
        severity: Severity::Error,
        article: e.path().to_string(),
        line: 1,
        column: 1,
        span: (0, 0),
        message: e.to_string(),
        expected: None,
        found: None,
        note: None,
        figures: Vec::new(),
    }
}

/// Format a number as printed, with `decimals` places and thousands separators.
pub fn fmt_num(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Decimals a half-width stands for (0.005 → 2).
pub fn decimals_of(half_width: f64) -> usize {
    if half_width <= 0.0 {
        return 0;
    }
    let d = -(half_width * 2.0).log10();
    d.round().max(0.0) as usize
}
