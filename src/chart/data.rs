//! Chart data: pure functions from figures (and per-article check statistics) to the small
//! records each chart draws. No drawing here, so everything is snapshot-testable.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::text::decimals_of;
use super::{ArticleStats, Lang};
use crate::extract::{Figure, Kind, Role, Session};

/// Most event dates that get their own moves and index-card charts.
pub const MAX_DATES: usize = 4;

/// Which block of the moves chart an entity goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Index,
    Stock,
    /// Currencies, commodities, crypto assets and rates with a percent change.
    Other,
}

impl Group {
    /// The group of a figure kind; `None` for kinds whose percent change is not a market move
    /// (money amounts, ratios).
    pub fn of(kind: Kind) -> Option<Self> {
        match kind {
            Kind::Index => Some(Group::Index),
            Kind::Stock => Some(Group::Stock),
            Kind::Fx | Kind::Commodity | Kind::Crypto | Kind::Rate => Some(Group::Other),
            Kind::Money | Kind::Ratio => None,
        }
    }
}

/// One bar of the moves chart: an entity's percent change on one event date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub group: Group,
    /// Canonical English name (the surface form when the entity is unknown).
    pub entity: String,
    /// The name as written in the article the value comes from (e.g. `나스닥`).
    pub surface: String,
    pub symbol: Option<String>,
    /// Percent change, signed.
    pub value: f64,
    /// Decimals the article printed the value with.
    pub decimals: u8,
    pub session: Session,
    pub role: Role,
    pub article: String,
}

impl Bar {
    /// The label in `lang`: the surface form for Korean, the canonical name for English.
    pub fn label(&self, lang: Lang) -> &str {
        label_for(lang, &self.entity, &self.surface)
    }
}

fn label_for<'a>(lang: Lang, entity: &'a str, surface: &'a str) -> &'a str {
    match lang {
        Lang::Ko if !surface.is_empty() => surface,
        _ => entity,
    }
}

/// One panel of the index card: an index level with its point and percent change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexCard {
    pub entity: String,
    pub surface: String,
    pub symbol: Option<String>,
    pub session: Session,
    pub level: f64,
    pub level_decimals: u8,
    pub points: Option<f64>,
    pub points_decimals: u8,
    pub pct: Option<f64>,
    pub pct_decimals: u8,
    pub article: String,
}

impl IndexCard {
    pub fn label(&self, lang: Lang) -> &str {
        label_for(lang, &self.entity, &self.surface)
    }
    /// The signed direction of the change (points first, then percent); 0 when unknown.
    pub fn direction(&self) -> f64 {
        match (self.points, self.pct) {
            (Some(p), _) if p != 0.0 => p.signum(),
            (_, Some(p)) if p != 0.0 => p.signum(),
            _ => 0.0,
        }
    }
}

/// How often a rule code occurs among one article's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeCount {
    pub code: String,
    pub count: usize,
}

/// One row of the consistency chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsistencyRow {
    /// Short file name (with its parent folder when two articles share a name).
    pub label: String,
    /// Full paths of the articles in the row (one, or several for the "other articles" row).
    pub paths: Vec<String>,
    /// `Some(n)`: this row sums the `n` articles that did not get a row of their own.
    pub others: Option<usize>,
    pub passed: usize,
    pub passed_by_rounding: usize,
    pub failed: usize,
    pub not_checked: usize,
    pub codes: Vec<CodeCount>,
}

impl ConsistencyRow {
    pub fn total(&self) -> usize {
        self.passed + self.passed_by_rounding + self.failed + self.not_checked
    }
}

/// One point of a timeline series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelinePoint {
    pub date: NaiveDate,
    pub value: f64,
    pub decimals: u8,
    pub article: String,
}

/// One entity's percent change over the event dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineSeries {
    pub group: Group,
    pub entity: String,
    pub surface: String,
    pub points: Vec<TimelinePoint>,
}

impl TimelineSeries {
    pub fn label(&self, lang: Lang) -> &str {
        label_for(lang, &self.entity, &self.surface)
    }
}

/// The timeline chart: all event dates and up to `max_series` entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub dates: Vec<NaiveDate>,
    pub series: Vec<TimelineSeries>,
    /// Entities with a percent change before capping to `max_series`.
    pub total_series: usize,
}

/// The language of the articles: Korean when most figures with a surface form have Hangul in it.
pub fn detect_lang(figures: &[Figure]) -> Lang {
    let (mut hangul, mut total) = (0usize, 0usize);
    for f in figures.iter().filter(|f| !f.surface.trim().is_empty()) {
        total += 1;
        if f.surface.chars().any(is_hangul) {
            hangul += 1;
        }
    }
    if total > 0 && hangul * 2 > total {
        Lang::Ko
    } else {
        Lang::En
    }
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// The event dates that get charts: most figures first (the later date on a tie), at most
/// [`MAX_DATES`].
pub fn chart_dates(figures: &[Figure]) -> Vec<NaiveDate> {
    let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for d in figures.iter().filter_map(|f| f.event_date) {
        *counts.entry(d).or_default() += 1;
    }
    let mut dates: Vec<(NaiveDate, usize)> = counts.into_iter().collect();
    dates.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    dates.into_iter().take(MAX_DATES).map(|(d, _)| d).collect()
}

/// The key an entity is grouped by: its canonical name, else the surface form.
fn entity_key(f: &Figure) -> Option<&str> {
    match f.entity.as_deref() {
        Some(e) if !e.trim().is_empty() => Some(e),
        _ => {
            let s = f.surface.trim();
            (!s.is_empty()).then_some(s)
        }
    }
}

/// The figure to chart among several mentions of one entity on one date: body mentions over
/// headline ones; among those the first closing-session mention, else the first.
fn pick<'a>(mentions: &[&'a Figure]) -> Option<&'a Figure> {
    let body: Vec<&Figure> = mentions
        .iter()
        .copied()
        .filter(|f| f.role == Role::Body)
        .collect();
    let pool = if body.is_empty() { mentions } else { &body };
    pool.iter()
        .copied()
        .find(|f| f.session == Session::Close)
        .or_else(|| pool.first().copied())
}

/// The most frequent non-empty surface form of each entity key (the first seen on a tie).
fn usual_surfaces(figures: &[Figure]) -> HashMap<&str, &str> {
    let mut counts: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for f in figures {
        let (Some(key), s) = (entity_key(f), f.surface.trim()) else {
            continue;
        };
        if s.is_empty() {
            continue;
        }
        let list = counts.entry(key).or_default();
        match list.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += 1,
            None => list.push((s, 1)),
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, list)| {
            let mut best: Option<(&str, usize)> = None;
            for (s, n) in list {
                if best.is_none_or(|(_, b)| n > b) {
                    best = Some((s, n));
                }
            }
            best.map(|(s, _)| (k, s))
        })
        .collect()
}

/// The surface form to label `f` with: its own, else the entity's usual one, else the key.
fn surface_of(f: &Figure, key: &str, usual: &HashMap<&str, &str>) -> String {
    let own = f.surface.trim();
    if !own.is_empty() {
        own.to_string()
    } else {
        usual.get(key).copied().unwrap_or(key).to_string()
    }
}

/// Figures grouped by entity key in order of first appearance.
fn by_entity<'a>(figures: impl Iterator<Item = &'a Figure>) -> Vec<(&'a str, Vec<&'a Figure>)> {
    let mut order: Vec<(&str, Vec<&Figure>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for f in figures {
        let Some(key) = entity_key(f) else { continue };
        match index.get(key) {
            Some(&i) => order[i].1.push(f),
            None => {
                index.insert(key, order.len());
                order.push((key, vec![f]));
            }
        }
    }
    order
}

/// A figure whose percent change is a market move (not a %p change, not money or a ratio).
fn has_move(f: &Figure) -> bool {
    Group::of(f.kind).is_some()
        && !f.pct_is_points
        && f.change_pct.is_some_and(|q| q.value.is_finite())
}

/// Bars of the moves chart for `date`: one per entity, grouped (indexes, stocks, other) and
/// sorted by value, largest gain first.
pub fn moves_data(figures: &[Figure], date: NaiveDate) -> Vec<Bar> {
    let usual = usual_surfaces(figures);
    let on_date = figures
        .iter()
        .filter(|f| f.event_date == Some(date) && has_move(f));
    let mut bars: Vec<Bar> = by_entity(on_date)
        .into_iter()
        .filter_map(|(key, mentions)| {
            let f = pick(&mentions)?;
            let q = f.change_pct?;
            Some(Bar {
                group: Group::of(f.kind)?,
                entity: key.to_string(),
                surface: surface_of(f, key, &usual),
                symbol: f.symbol.clone(),
                value: q.value,
                decimals: decimals_of(&q),
                session: f.session,
                role: f.role,
                article: f.article.clone(),
            })
        })
        .collect();
    bars.sort_by(|a, b| {
        a.group
            .cmp(&b.group)
            .then(b.value.total_cmp(&a.value))
            .then(a.entity.cmp(&b.entity))
    });
    bars
}

/// Keeps `max` bars, in their original order: the indexes first (the market's headline), then
/// the largest absolute moves.
pub fn cap_bars(bars: &[Bar], max: usize) -> Vec<Bar> {
    if bars.len() <= max {
        return bars.to_vec();
    }
    let mut idx: Vec<usize> = (0..bars.len()).collect();
    idx.sort_by(|&a, &b| {
        (bars[a].group != Group::Index)
            .cmp(&(bars[b].group != Group::Index))
            .then(bars[b].value.abs().total_cmp(&bars[a].value.abs()))
            .then(a.cmp(&b))
    });
    let keep: BTreeSet<usize> = idx.into_iter().take(max).collect();
    keep.into_iter().map(|i| bars[i].clone()).collect()
}

/// Panels of the index card for `date`: every index with a level, in order of first mention.
pub fn index_cards_data(figures: &[Figure], date: NaiveDate) -> Vec<IndexCard> {
    let usual = usual_surfaces(figures);
    let on_date = figures
        .iter()
        .filter(|f| f.event_date == Some(date) && f.kind == Kind::Index);
    by_entity(on_date)
        .into_iter()
        .filter_map(|(key, mentions)| {
            let with_level: Vec<&Figure> = mentions
                .iter()
                .copied()
                .filter(|f| f.level.is_some_and(|q| q.value.is_finite()))
                .collect();
            let f = pick(&with_level)?;
            let level = f.level?;
            // Changes from the same mention, else from another mention of the same session.
            let fill = |get: fn(&Figure) -> Option<crate::extract::Quantity>| {
                get(f).or_else(|| {
                    let same: Vec<&Figure> = mentions
                        .iter()
                        .copied()
                        .filter(|m| m.session == f.session && get(m).is_some())
                        .collect();
                    pick(&same).and_then(get)
                })
            };
            let points = fill(|m| m.change_points).filter(|q| q.value.is_finite());
            let pct = fill(|m| if m.pct_is_points { None } else { m.change_pct })
                .filter(|q| q.value.is_finite());
            Some(IndexCard {
                entity: key.to_string(),
                surface: surface_of(f, key, &usual),
                symbol: f.symbol.clone(),
                session: f.session,
                level: level.value,
                level_decimals: decimals_of(&level),
                points: points.map(|q| q.value),
                points_decimals: points.map_or(2, |q| decimals_of(&q)),
                pct: pct.map(|q| q.value),
                pct_decimals: pct.map_or(2, |q| decimals_of(&q)),
                article: f.article.clone(),
            })
        })
        .collect()
}

/// Short display names for article paths: the file name, or `parent/file` when two paths
/// share a file name (the full path when even that is ambiguous).
pub fn short_names(paths: &[String]) -> Vec<String> {
    fn tail(p: &str, parts: usize) -> String {
        let segs: Vec<&str> = p
            .split(['/', '\\'])
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        if segs.is_empty() {
            return p.to_string();
        }
        segs[segs.len().saturating_sub(parts)..].join("/")
    }
    let mut names: Vec<String> = paths.iter().map(|p| tail(p, 1)).collect();
    for parts in [2usize, usize::MAX] {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for n in &names {
            *seen.entry(n.as_str()).or_default() += 1;
        }
        let dup: Vec<bool> = names
            .iter()
            .map(|n| seen.get(n.as_str()).copied().unwrap_or(0) > 1)
            .collect();
        if !dup.contains(&true) {
            break;
        }
        for (i, d) in dup.into_iter().enumerate() {
            if d {
                names[i] = if parts == usize::MAX {
                    paths[i].clone()
                } else {
                    tail(&paths[i], parts)
                };
            }
        }
    }
    names
}

fn code_counts<'a>(codes: impl Iterator<Item = &'a String>) -> Vec<CodeCount> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in codes {
        let c = c.trim();
        if !c.is_empty() {
            *counts.entry(c).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(code, count)| CodeCount {
            code: code.to_string(),
            count,
        })
        .collect()
}

/// Rows of the consistency chart, one per article sorted by path. With more than `max_rows`
/// articles, the `max_rows − 1` with the most failures keep their rows and the rest are summed
/// in a last "other articles" row.
///
/// Not checked = `figures − checked` (never negative); the other segments are taken as given.
pub fn consistency_data(stats: &[ArticleStats], max_rows: usize) -> Vec<ConsistencyRow> {
    let mut sorted: Vec<&ArticleStats> = stats.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let paths: Vec<String> = sorted.iter().map(|s| s.path.clone()).collect();
    let names = short_names(&paths);
    let mut rows: Vec<ConsistencyRow> = sorted
        .iter()
        .zip(names)
        .map(|(s, label)| ConsistencyRow {
            label,
            paths: vec![s.path.clone()],
            others: None,
            passed: s.passed,
            passed_by_rounding: s.passed_by_rounding,
            failed: s.failed,
            not_checked: s.figures.saturating_sub(s.checked),
            codes: code_counts(s.codes.iter()),
        })
        .collect();
    let max_rows = max_rows.max(2);
    if rows.len() <= max_rows {
        return rows;
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        rows[b]
            .failed
            .cmp(&rows[a].failed)
            .then(rows[b].codes.len().cmp(&rows[a].codes.len()))
            .then(a.cmp(&b))
    });
    let keep: BTreeSet<usize> = order.into_iter().take(max_rows - 1).collect();
    let mut rest = ConsistencyRow {
        label: String::new(),
        paths: Vec::new(),
        others: Some(0),
        passed: 0,
        passed_by_rounding: 0,
        failed: 0,
        not_checked: 0,
        codes: Vec::new(),
    };
    let mut rest_codes: Vec<String> = Vec::new();
    let mut kept = Vec::with_capacity(max_rows);
    for (i, row) in rows.drain(..).enumerate() {
        if keep.contains(&i) {
            kept.push(row);
        } else {
            rest.paths.extend(row.paths);
            rest.passed += row.passed;
            rest.passed_by_rounding += row.passed_by_rounding;
            rest.failed += row.failed;
            rest.not_checked += row.not_checked;
            for c in row.codes {
                rest_codes.extend(std::iter::repeat_n(c.code, c.count));
            }
        }
    }
    rest.others = Some(rest.paths.len());
    rest.codes = code_counts(rest_codes.iter());
    kept.push(rest);
    kept
}

/// The timeline: every entity's percent change on every event date it has one, when the
/// figures span two or more dates (`None` otherwise). At most `max_series` entities: those
/// with the most dates, then the largest moves; shown indexes first, in order of first mention.
pub fn timeline_data(figures: &[Figure], max_series: usize) -> Option<Timeline> {
    let usual = usual_surfaces(figures);
    let moves: Vec<&Figure> = figures
        .iter()
        .filter(|f| f.event_date.is_some() && has_move(f))
        .collect();
    let dates: BTreeSet<NaiveDate> = moves.iter().filter_map(|f| f.event_date).collect();
    if dates.len() < 2 {
        return None;
    }
    let mut series: Vec<TimelineSeries> = by_entity(moves.iter().copied())
        .into_iter()
        .filter_map(|(key, mentions)| {
            let mut per_date: BTreeMap<NaiveDate, Vec<&Figure>> = BTreeMap::new();
            for f in mentions {
                if let Some(d) = f.event_date {
                    per_date.entry(d).or_default().push(f);
                }
            }
            let mut surface = None;
            let mut group = None;
            let points: Vec<TimelinePoint> = per_date
                .into_iter()
                .filter_map(|(date, ms)| {
                    let f = pick(&ms)?;
                    let q = f.change_pct?;
                    surface.get_or_insert_with(|| surface_of(f, key, &usual));
                    group.get_or_insert(Group::of(f.kind)?);
                    Some(TimelinePoint {
                        date,
                        value: q.value,
                        decimals: decimals_of(&q),
                        article: f.article.clone(),
                    })
                })
                .collect();
            Some(TimelineSeries {
                group: group?,
                entity: key.to_string(),
                surface: surface?,
                points,
            })
        })
        .collect();
    let total_series = series.len();
    if series.len() > max_series {
        let max_abs = |s: &TimelineSeries| {
            s.points
                .iter()
                .map(|p| p.value.abs())
                .fold(0.0f64, f64::max)
        };
        let mut idx: Vec<usize> = (0..series.len()).collect();
        idx.sort_by(|&a, &b| {
            series[b]
                .points
                .len()
                .cmp(&series[a].points.len())
                .then(max_abs(&series[b]).total_cmp(&max_abs(&series[a])))
                .then(a.cmp(&b))
        });
        let keep: BTreeSet<usize> = idx.into_iter().take(max_series).collect();
        series = series
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep.contains(i))
            .map(|(_, s)| s)
            .collect();
    }
    // Stable: indexes first, then stocks, then the rest, each in order of first mention.
    series.sort_by_key(|s| s.group);
    Some(Timeline {
        dates: dates.into_iter().collect(),
        series,
        total_series,
    })
}

/// Distinct article paths in first-seen order.
pub fn articles_of<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in paths {
        if seen.insert(p) {
            out.push(p.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;

    #[test]
    fn korean_articles_are_detected() {
        assert_eq!(detect_lang(&jan27()), Lang::Ko);
        assert_eq!(detect_lang(&english_jan27()), Lang::En);
        assert_eq!(detect_lang(&[]), Lang::En);
    }

    #[test]
    fn dates_with_most_figures_first() {
        let mut figs = jan27();
        figs.extend(jan28());
        assert_eq!(chart_dates(&figs), vec![date(27), date(28)]);
        let many: Vec<Figure> = (1..=6)
            .flat_map(|d| {
                (0..d).map(move |_| pct("a.txt", Kind::Index, "S&P 500", "S&P500", d, 1.0))
            })
            .collect();
        assert_eq!(chart_dates(&many), vec![date(6), date(5), date(4), date(3)]);
    }

    #[test]
    fn moves_snapshot() {
        insta::assert_json_snapshot!("moves_jan27", moves_data(&jan27(), date(27)));
    }

    #[test]
    fn body_and_close_mentions_win() {
        let mut headline = pct("b.txt", Kind::Index, "Nasdaq Composite", "나스닥", 27, -3.1);
        headline.role = Role::Headline;
        let mut intraday = pct(
            "b.txt",
            Kind::Index,
            "Nasdaq Composite",
            "나스닥지수",
            27,
            -3.5,
        );
        intraday.session = Session::Intraday;
        let close = pct(
            "b.txt",
            Kind::Index,
            "Nasdaq Composite",
            "나스닥",
            27,
            -3.07,
        );
        let bars = moves_data(&[headline.clone(), intraday.clone(), close], date(27));
        assert_eq!(bars.len(), 1);
        assert_eq!(bars[0].value, -3.07);
        // Only a headline and an intraday body mention: the body one wins.
        let bars = moves_data(&[headline.clone(), intraday], date(27));
        assert_eq!(
            (bars[0].value, bars[0].surface.as_str()),
            (-3.5, "나스닥지수")
        );
        // Only the headline.
        let bars = moves_data(&[headline], date(27));
        assert_eq!(bars[0].role, Role::Headline);
    }

    #[test]
    fn percentage_points_and_money_are_not_moves() {
        let mut pp = pct(
            "a.txt",
            Kind::Rate,
            "US 10-year Treasury yield",
            "",
            27,
            0.1,
        );
        pp.pct_is_points = true;
        let money = pct("a.txt", Kind::Money, "Stargate", "스타게이트", 27, 5.0);
        assert!(moves_data(&[pp, money], date(27)).is_empty());
    }

    #[test]
    fn cap_keeps_indexes_and_largest_moves_in_order() {
        let bars = moves_data(&jan27(), date(27));
        let capped = cap_bars(&bars, 5);
        let names: Vec<&str> = capped.iter().map(|b| b.entity.as_str()).collect();
        assert_eq!(
            names,
            [
                "Dow Jones Industrial Average",
                "S&P 500",
                "Nasdaq Composite",
                "Nvidia",
                "Broadcom"
            ]
        );
    }

    #[test]
    fn index_cards_snapshot() {
        insta::assert_json_snapshot!("index_cards_jan27", index_cards_data(&jan27(), date(27)));
    }

    #[test]
    fn index_card_fills_changes_from_another_mention() {
        let mut level_only = index("a.txt", "KOSPI", "코스피", 27, 2536.8, -6.2, -0.24);
        level_only.change_points = None;
        level_only.change_pct = None;
        let mut pct_only = pct("a.txt", Kind::Index, "KOSPI", "코스피", 27, -0.24);
        pct_only.role = Role::Headline;
        let cards = index_cards_data(&[level_only, pct_only], date(27));
        assert_eq!(cards.len(), 1);
        assert_eq!((cards[0].points, cards[0].pct), (None, Some(-0.24)));
    }

    #[test]
    fn consistency_snapshot() {
        insta::assert_json_snapshot!("consistency_rows", consistency_data(&stats(), 20));
    }

    #[test]
    fn consistency_caps_rows_and_sums_the_rest() {
        let many: Vec<ArticleStats> = (0..30)
            .map(|i| ArticleStats {
                path: format!("data/articles/a{i:02}.txt"),
                figures: 10,
                checked: 8,
                passed: 6,
                passed_by_rounding: 1,
                failed: usize::from(i % 7 == 0),
                codes: if i % 7 == 0 {
                    vec!["MF101".into()]
                } else {
                    vec![]
                },
            })
            .collect();
        let rows = consistency_data(&many, 6);
        assert_eq!(rows.len(), 6);
        let others = &rows[5];
        assert_eq!(others.others, Some(25));
        assert_eq!(others.not_checked, 50);
        let failed: usize = rows.iter().map(|r| r.failed).sum();
        assert_eq!(failed, 5);
        assert_eq!(
            rows.iter()
                .take(5)
                .map(|r| r.label.as_str())
                .collect::<Vec<_>>(),
            ["a00.txt", "a07.txt", "a14.txt", "a21.txt", "a28.txt"]
        );
    }

    #[test]
    fn short_names_disambiguate() {
        let paths: Vec<String> = ["x/a.txt", "y/a.txt", "b.txt", "./c/d/b.txt"]
            .map(String::from)
            .into();
        assert_eq!(
            short_names(&paths),
            ["x/a.txt", "y/a.txt", "b.txt", "d/b.txt"]
        );
    }

    #[test]
    fn timeline_snapshot() {
        let mut figs = jan27();
        figs.extend(jan28());
        insta::assert_json_snapshot!("timeline", timeline_data(&figs, 10));
        assert_eq!(timeline_data(&jan27(), 10), None);
    }

    #[test]
    fn timeline_caps_series() {
        let mut figs = jan27();
        figs.extend(jan28());
        let t = timeline_data(&figs, 3).unwrap();
        assert_eq!(t.total_series, 9);
        let names: Vec<&str> = t.series.iter().map(|s| s.entity.as_str()).collect();
        assert_eq!(names, ["Nasdaq Composite", "Nvidia", "Broadcom"]);
    }
}
