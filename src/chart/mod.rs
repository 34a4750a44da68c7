//! Charts: PNG event charts drawn with plotters' bitmap backend and an embedded font.
//!
//! [`draw_charts`] writes, into one folder (each file drawn to `NAME.tmp.png`, then renamed):
//!
//! | file | content |
//! |---|---|
//! | `moves_YYYY-MM-DD.png` | every entity's percent change that day, grouped (indexes, stocks, other), sorted, coloured by direction |
//! | `index_card_YYYY-MM-DD.png` | one panel per index with a level that day: level, ▲/▼ point and percent change |
//! | `consistency.png` | per article: passed / passed by rounding / failed / not checked, with the rule codes |
//! | `timeline.png` | only when the figures span two or more event dates: each entity's percent change over the dates |
//!
//! Dated charts are drawn for the [`data::MAX_DATES`] event dates with the most figures.
//! Text is set in an embedded subset of Noto Sans CJK KR (SIL OFL 1.1, `assets/fonts/`), so
//! Hangul, `−` (U+2212) and `▲▼` render without any system font. Labels are Korean (surface
//! forms as written, e.g. `나스닥`) or English (canonical entity names), chosen by
//! [`ChartOptions::lang`] or by the language of the articles.
//!
//! Data preparation ([`data`]) is separate from drawing (`render`): the `*_data` functions
//! are pure and return small serialisable records.

mod canvas;
pub mod data;
mod font;
mod render;
mod text;

#[cfg(test)]
mod testutil;

use std::fs;
use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::*;

use canvas::{draw_err, Ctx, Layout};
pub use canvas::{HEIGHT, WIDTH};
pub use data::{Bar, ConsistencyRow, Group, IndexCard, Timeline};

use crate::extract::Figure;

/// Rise/fall colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorScheme {
    /// Korean convention: red up, blue down.
    #[default]
    Kr,
    /// US convention: green up, red down.
    Us,
}

/// Language of the chart labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Lang {
    Ko,
    En,
}

/// How to draw the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChartOptions {
    pub colors: ColorScheme,
    /// `None`: the language of the articles (Korean if most figure surfaces contain Hangul).
    pub lang: Option<Lang>,
}

/// Check results of one article, for the consistency chart (computed by the caller).
///
/// The segments are disjoint: `checked = passed + passed_by_rounding + failed`, and the
/// figures that were not checked are `figures − checked`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ArticleStats {
    /// Path as given on the command line.
    pub path: String,
    /// Figures extracted from the article.
    pub figures: usize,
    /// Figures some rule could check.
    pub checked: usize,
    /// Checks that held outright.
    pub passed: usize,
    /// Checks that held only thanks to rounding.
    pub passed_by_rounding: usize,
    /// Checks that failed.
    pub failed: usize,
    /// Rule codes of the article's findings (repeats count).
    pub codes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the embedded chart font could not be loaded")]
    Font,
    #[error("cannot write chart {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("drawing a chart failed: {0}")]
    Draw(String),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> ChartError + '_ {
    move |source| ChartError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Draws every chart the figures support into `out_dir` (created if missing) and returns the
/// paths written, in drawing order: per event date the moves chart and the index card, then
/// the consistency chart (when `stats` is not empty), then the timeline.
pub fn draw_charts(
    figures: &[Figure],
    stats: &[ArticleStats],
    out_dir: &Path,
    opts: &ChartOptions,
) -> Result<Vec<PathBuf>, ChartError> {
    fs::create_dir_all(out_dir).map_err(io_err(out_dir))?;
    let lang = opts.lang.unwrap_or_else(|| data::detect_lang(figures));
    let ctx = Ctx::new(lang, opts.colors)?;
    let mut written = Vec::new();

    for date in data::chart_dates(figures) {
        let all = data::moves_data(figures, date);
        if !all.is_empty() {
            let bars = data::cap_bars(&all, render::MAX_BARS);
            let name = format!("moves_{date}.png");
            written.push(write_png(out_dir, &name, |area| {
                render::moves(area, &ctx, date, &bars, all.len())
            })?);
        }
        let cards = data::index_cards_data(figures, date);
        if !cards.is_empty() {
            let name = format!("index_card_{date}.png");
            written.push(write_png(out_dir, &name, |area| {
                render::index_cards(area, &ctx, date, &cards)
            })?);
        }
    }

    if !stats.is_empty() {
        let rows = data::consistency_data(stats, render::MAX_ROWS);
        let mut dates: Vec<_> = figures.iter().filter_map(|f| f.event_date).collect();
        dates.sort();
        dates.dedup();
        written.push(write_png(out_dir, "consistency.png", |area| {
            render::consistency(area, &ctx, &rows, &dates)
        })?);
    }

    if let Some(t) = data::timeline_data(figures, render::MAX_SERIES) {
        written.push(write_png(out_dir, "timeline.png", |area| {
            render::timeline(area, &ctx, &t)
        })?);
    }
    Ok(written)
}

/// Draws one chart to `dir/NAME.tmp.png` and renames it to `dir/NAME` (the temporary name
/// keeps the `.png` extension the encoder picks the format by).
fn write_png<F>(dir: &Path, name: &str, draw: F) -> Result<PathBuf, ChartError>
where
    F: FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<Layout, ChartError>,
{
    let path = dir.join(name);
    let stem = name.strip_suffix(".png").unwrap_or(name);
    let tmp = dir.join(format!("{stem}.tmp.png"));
    let drawn = {
        let root = BitMapBackend::new(&tmp, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root).and_then(|_| root.present().map_err(draw_err))
    };
    if let Err(e) = drawn {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Err(e) = fs::rename(&tmp, &path) {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(&path)(e));
    }
    Ok(path)
}
