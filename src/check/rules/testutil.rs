//! Test helpers: run extraction and the checker on article text.

use crate::check::{check, Config, Finding};
use crate::corpus::Article;
use crate::extract::{extract, Figure, Lexicon};
use std::sync::OnceLock;

pub(crate) fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::builtin)
}

/// Extract and check several articles given as (path, text).
pub(crate) fn run_many(articles: &[(&str, &str)], config: &Config) -> (Vec<Figure>, Vec<Finding>) {
    let arts: Vec<Article> = articles
        .iter()
        .map(|(p, t)| Article::from_text(p, t))
        .collect();
    let figs: Vec<Figure> = arts.iter().flat_map(|a| extract(a, lexicon())).collect();
    let (findings, _) = check(&arts, &figs, config);
    (figs, findings)
}

/// Extract and check one article; findings of `code` only.
pub(crate) fn findings_of(code: &str, text: &str) -> Vec<Finding> {
    let (_, f) = run_many(&[("a.txt", text)], &Config::default());
    f.into_iter().filter(|f| f.code == code).collect()
}

/// A Korean news header so dates resolve.
pub(crate) const KO_HEAD: &str = "제목 줄\n입력 2024.08.05 16:40\n\n";
