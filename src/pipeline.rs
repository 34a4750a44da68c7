//! The whole pipeline as library calls: load a corpus, extract in parallel, check.
//!
//! Per-article work (decode, extract) runs on rayon's pool; results are gathered in input
//! order, so the output is the same for any thread count.

use crate::check::{self, Config, Coverage, Finding, Verdict};
use crate::corpus::{self, Article, InputError};
use crate::extract::{self, Figure, Lexicon};
use rayon::prelude::*;
use std::path::PathBuf;

/// Articles that could be read, and the inputs that could not (each names its file).
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub errors: Vec<InputError>,
}

/// Find and decode every article under `paths` (files, folders, `-` for stdin).
pub fn load(paths: &[PathBuf]) -> Corpus {
    let (files, mut errors) = corpus::discover(paths);
    let results: Vec<Result<Article, InputError>> =
        files.par_iter().map(|p| Article::from_path(p)).collect();
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e),
        }
    }
    Corpus { articles, errors }
}

/// Extract the figures of every article, in article order then span order.
pub fn extract_all(articles: &[Article], lexicon: &Lexicon) -> Vec<Figure> {
    articles
        .par_iter()
        .map(|a| extract::extract(a, lexicon))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// What is kept of an article after its per-article work: metadata, not text.
#[derive(Debug, Clone)]
pub struct ArticleInfo {
    pub path: String,
    pub encoding: &'static str,
    pub format: corpus::Format,
    pub published: Option<corpus::Published>,
    pub title: Option<String>,
    pub bytes: usize,
    pub warnings: Vec<String>,
}

impl ArticleInfo {
    pub fn of(a: &Article) -> ArticleInfo {
        ArticleInfo {
            path: a.path.clone(),
            encoding: a.encoding,
            format: a.format,
            published: a.published,
            title: a.title.clone(),
            bytes: a.source.len(),
            warnings: a.warnings.clone(),
        }
    }
}

/// Everything a run produces, before it is written anywhere.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every article read, in input order.
    pub articles: Vec<ArticleInfo>,
    /// Inputs that could not be read (each names its file and the reason).
    pub errors: Vec<InputError>,
    /// Decoded source of the articles that have findings (for diagnostics), by path.
    pub sources: std::collections::BTreeMap<String, String>,
    pub figures: Vec<Figure>,
    pub findings: Vec<Finding>,
    /// The checker's verdict on each figure (same order as `figures`).
    pub verdicts: Vec<Verdict>,
    pub coverage: Coverage,
}

/// Files per parallel batch: enough to keep every worker busy, few enough that memory
/// stays bounded by a batch of articles rather than the corpus.
fn batch_size() -> usize {
    rayon::current_num_threads().max(1) * 16
}

/// Decode and extract article by article, in parallel batches, handing each article's
/// result to `sink` in input order. Only one batch of article texts is alive at a time.
pub fn for_each_article<T: Send>(
    files: &[PathBuf],
    work: impl Fn(Article) -> T + Sync,
    mut sink: impl FnMut(Result<T, InputError>),
) {
    for chunk in files.chunks(batch_size()) {
        let results: Vec<Result<T, InputError>> = chunk
            .par_iter()
            .map(|p| Article::from_path(p).map(&work))
            .collect();
        results.into_iter().for_each(&mut sink);
    }
}

/// Load, extract and check, streaming: per-article rules run in the parallel phase, the
/// cross-article rules afterwards over the compact figures. Memory holds the figures and
/// findings of the corpus plus one batch of article texts (and the texts of articles that
/// have findings, which the diagnostics quote).
pub fn run(paths: &[PathBuf], lexicon: &Lexicon, config: &Config) -> Outcome {
    run_with_progress(paths, lexicon, config, &mut |_, _| {})
}

/// [`run`], calling `progress(done, total)` after each article (for a progress bar; the
/// library itself never prints).
pub fn run_with_progress(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    config: &Config,
    progress: &mut dyn FnMut(usize, usize),
) -> Outcome {
    let (files, errors) = corpus::discover(paths);
    let total = files.len();
    let mut done = 0;
    let mut out = Outcome {
        errors,
        ..Outcome::default()
    };
    for_each_article(
        &files,
        |a| {
            let figures = extract::extract(&a, lexicon);
            let (findings, verdicts) = check::check_article(&a, &figures, config);
            (a, figures, findings, verdicts)
        },
        |r| {
            done += 1;
            progress(done, total);
            match r {
                Ok((a, figures, findings, verdicts)) => {
                    out.articles.push(ArticleInfo::of(&a));
                    if !findings.is_empty() || a.path == "-" {
                        out.sources.insert(a.path.clone(), a.source);
                    }
                    out.figures.extend(figures);
                    out.findings.extend(findings);
                    out.verdicts.extend(verdicts);
                }
                Err(e) => out.errors.push(e),
            }
        },
    );
    let corpus_findings = check::check_corpus(&out.figures, config, &mut out.verdicts);
    // a cross-article finding may point into an article whose text was let go: read it again
    for f in &corpus_findings {
        for path in std::iter::once(&f.article).chain(f.figures.iter().map(|r| &r.article)) {
            if !out.sources.contains_key(path) {
                if let Ok(a) = Article::from_path(std::path::Path::new(path)) {
                    out.sources.insert(path.clone(), a.source);
                }
            }
        }
    }
    out.findings.extend(corpus_findings);
    out.findings
        .extend(out.errors.iter().map(check::input_finding));
    check::sort_findings(&mut out.findings);
    out.findings.dedup_by(|a, b| {
        a.code == b.code && a.article == b.article && a.span == b.span && a.message == b.message
    });
    out.coverage = check::coverage(&out.verdicts);
    out
}

/// Errors of writing a run's outputs.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(transparent)]
    Dataset(#[from] crate::dataset::DatasetError),
    #[error(transparent)]
    Chart(#[from] crate::chart::ChartError),
    #[error("cannot create {path}: {source}")]
    Dir {
        path: String,
        source: std::io::Error,
    },
}

/// One `articles.parquet` row per article read, and one per input that failed.
pub fn article_rows(outcome: &Outcome) -> Vec<crate::dataset::ArticleRow> {
    let mut counts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for f in &outcome.figures {
        *counts.entry(f.article.as_str()).or_default() += 1;
    }
    let mut rows: Vec<crate::dataset::ArticleRow> = outcome
        .articles
        .iter()
        .map(|a| crate::dataset::ArticleRow {
            path: a.path.clone(),
            encoding: a.encoding.to_string(),
            format: match a.format {
                corpus::Format::Text => "text".into(),
                corpus::Format::Html => "html".into(),
            },
            published: a.published.map(|p| match p.offset {
                Some(o) => format!("{}{}", p.local.format("%Y-%m-%dT%H:%M:%S"), o),
                None => p.local.format("%Y-%m-%dT%H:%M:%S").to_string(),
            }),
            title: a.title.clone(),
            bytes: a.bytes as u64,
            figures: counts.get(a.path.as_str()).copied().unwrap_or(0),
            problems: a.warnings.clone(),
        })
        .collect();
    rows.extend(outcome.errors.iter().map(|e| crate::dataset::ArticleRow {
        path: e.path().to_string(),
        problems: vec![e.to_string()],
        ..Default::default()
    }));
    rows
}

/// Per-article check results, for the consistency chart.
pub fn article_stats(outcome: &Outcome) -> Vec<crate::chart::ArticleStats> {
    let mut stats: Vec<crate::chart::ArticleStats> = outcome
        .articles
        .iter()
        .map(|a| crate::chart::ArticleStats {
            path: a.path.clone(),
            ..Default::default()
        })
        .collect();
    let index: std::collections::HashMap<String, usize> = stats
        .iter()
        .enumerate()
        .map(|(i, s)| (s.path.clone(), i))
        .collect();
    for (f, v) in outcome.figures.iter().zip(&outcome.verdicts) {
        let Some(&i) = index.get(&f.article) else {
            continue;
        };
        let s = &mut stats[i];
        s.figures += 1;
        match v {
            Verdict::Unchecked => {}
            Verdict::Passed => s.passed += 1,
            Verdict::PassedByRounding => s.passed_by_rounding += 1,
            Verdict::Failed => s.failed += 1,
        }
    }
    for s in &mut stats {
        s.checked = s.passed + s.passed_by_rounding + s.failed;
    }
    for f in &outcome.findings {
        if let Some(&i) = index.get(&f.article) {
            stats[i].codes.push(f.code.to_string());
        }
    }
    stats
}

/// How the large tables of a run are laid out on disk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// One `figures.parquet` and one `events.parquet`.
    #[default]
    Files,
    /// `figures/` and `events/` as Hive-partitioned folders, one `event_date=YYYY-MM-DD/`
    /// per day (`__HIVE_DEFAULT_PARTITION__` for figures without a date), which DuckDB and
    /// Polars read as one table each.
    ByEventDate,
}

/// Write the four tables (Parquet) and the charts of a run into `out_dir`; returns the
/// paths written. Every file is written to a temporary name and renamed.
pub fn write_outputs(
    outcome: &Outcome,
    out_dir: &std::path::Path,
    charts: &crate::chart::ChartOptions,
) -> Result<Vec<PathBuf>, OutputError> {
    write_outputs_in(outcome, out_dir, charts, Layout::Files)
}

/// [`write_outputs`] with the figures and events tables laid out as `layout` says. The other
/// layout's copy of those two tables, left by an earlier run, is removed, so the folder holds
/// one run's outputs.
pub fn write_outputs_in(
    outcome: &Outcome,
    out_dir: &std::path::Path,
    charts: &crate::chart::ChartOptions,
    layout: Layout,
) -> Result<Vec<PathBuf>, OutputError> {
    use crate::dataset::{self, TableFormat};
    std::fs::create_dir_all(out_dir).map_err(|source| OutputError::Dir {
        path: out_dir.display().to_string(),
        source,
    })?;
    let mut written = Vec::new();
    let mut figures = dataset::figures_frame(&outcome.figures)?;
    let mut events = dataset::events_frame(&figures, &outcome.findings)?;
    let mut findings = dataset::findings_frame(&outcome.findings)?;
    let mut articles = dataset::articles_frame(&article_rows(outcome))?;
    for (name, df) in [
        ("articles", &mut articles),
        ("figures", &mut figures),
        ("events", &mut events),
        ("findings", &mut findings),
    ] {
        let file = out_dir.join(format!("{name}.parquet"));
        let folder = out_dir.join(name);
        let partitioned = layout == Layout::ByEventDate && matches!(name, "figures" | "events");
        if partitioned {
            written.extend(dataset::write_partitioned(df, &folder, "event_date")?);
            if file.is_file() {
                let _ = std::fs::remove_file(&file);
            }
        } else {
            dataset::write_table(df, &file, TableFormat::Parquet)?;
            written.push(file);
            if matches!(name, "figures" | "events") && folder.is_dir() {
                let _ = std::fs::remove_dir_all(&folder);
            }
        }
    }
    written.extend(crate::chart::draw_charts(
        &outcome.figures,
        &article_stats(outcome),
        &out_dir.join("charts"),
        charts,
    )?);
    Ok(written)
}
