//! The events table: one row per (entity, symbol, kind, event date, session), aggregated from
//! the figures frame with a Polars `group_by`.

use std::collections::{BTreeSet, HashMap};

use polars::prelude::*;

use super::DatasetError;
use crate::check::Finding;

/// Figure kinds that describe a traded instrument on a day, and so make events.
pub const EVENT_KINDS: [&str; 6] = ["index", "stock", "fx", "commodity", "crypto", "rate"];

/// Group keys, in output order.
const KEYS: [&str; 5] = ["entity", "symbol", "kind", "event_date", "session"];

/// Stated values and the rounding half-width each was printed with.
const VALUES: [(&str, &str); 3] = [
    ("level", "level_half_width"),
    ("change_points", "change_points_half_width"),
    ("change_pct", "change_pct_half_width"),
];

/// Slack added to a half-width when comparing floats that came from decimal text.
const EPS: f64 = 1e-9;

/// The events table an event study joins to prices, built from a [`figures_frame`]
/// (or the same columns read back from `figures.parquet`).
///
/// Rows: figures with an entity and a kind in [`EVENT_KINDS`], grouped by `entity`,
/// `symbol`, `kind`, `event_date`, `session` (a null key is a group of its own).
///
/// Columns: the keys, then
/// - `level`, `change_points`, `change_pct`: consensus value, the median of the stated
///   (non-null) values; null when no mention states it;
/// - `mentions` (u32): figures in the group; `articles` (u32): distinct articles;
/// - `agree` (u32): mentions whose every stated value lies within its own rounding
///   half-width of the consensus (`|value - consensus| <= half_width + 1e-9`; a missing
///   half-width counts as 0; a mention that states none of the three values agrees);
/// - `pct_spread`: max - min of the stated `change_pct` (rounded to 1e-10), null if none;
/// - `finding_codes`: sorted distinct codes of the findings whose figure references
///   (article + span) include a mention of the group, joined by `,`; null if none.
///
/// Sorted by `event_date`, `kind`, `entity`, `session`, then `symbol` (nulls last).
///
/// [`figures_frame`]: super::figures_frame
pub fn events_frame(figures: &DataFrame, findings: &[Finding]) -> Result<DataFrame, DatasetError> {
    let rows = event_rows(figures)?;
    let gb = rows.group_by_stable(KEYS)?;
    let groups = gb.get_groups();
    let n_groups = groups.len();

    // The eager GroupBy aggregations are marked deprecated in favour of the lazy API, which
    // this crate does not build (no `lazy` feature); they are still the eager way to aggregate.
    #[allow(deprecated)]
    let (medians, pct_min, pct_max, articles) = {
        let values = VALUES.map(|(v, _)| v);
        (
            gb.clone().select(values).median()?,
            gb.clone().select(["change_pct"]).min()?,
            gb.clone().select(["change_pct"]).max()?,
            gb.clone().select(["article"]).n_unique()?,
        )
    };
    let mentions = gb.clone().select(["article"]).count()?;

    // Join the consensus back to each mention (by its group) and decide agreement per row.
    let row_group = row_groups(groups, rows.height())?;
    let mut agree = vec![true; rows.height()];
    for (value, half_width) in VALUES {
        let consensus = medians
            .column(&format!("{value}_median"))?
            .take_slice(&row_group)?;
        let consensus = consensus.f64()?;
        let stated = rows.column(value)?.f64()?;
        let half = rows.column(half_width)?.f64()?;
        let per_row = stated.iter().zip(half.iter()).zip(consensus.iter());
        for (ok, ((v, h), c)) in agree.iter_mut().zip(per_row) {
            if let Some(v) = v {
                let within = c.is_some_and(|c| (v - c).abs() <= h.unwrap_or(0.0) + EPS);
                *ok &= within;
            }
        }
    }
    let agree = Column::new(
        "agree".into(),
        agree.into_iter().map(u32::from).collect::<Vec<u32>>(),
    );
    let with_agree = rows.hstack(&[agree])?;
    // Same groups (same rows, same keys), so the sums line up with the other aggregates.
    let gb_agree = GroupBy::new(
        &with_agree,
        with_agree.select_to_vec(KEYS)?,
        groups.clone(),
        Some(vec!["agree".into()]),
    );
    #[allow(deprecated)]
    let agree_sum = gb_agree.sum()?;

    let spread: Vec<Option<f64>> = pct_max
        .column("change_pct_max")?
        .f64()?
        .iter()
        .zip(pct_min.column("change_pct_min")?.f64()?.iter())
        .map(|(hi, lo)| Some(round_1e10(hi? - lo?)))
        .collect();

    let codes = finding_codes(&rows, groups, findings)?;

    let mut columns = gb.keys();
    for (value, _) in VALUES {
        columns.push(
            medians
                .column(&format!("{value}_median"))?
                .clone()
                .with_name(value.into()),
        );
    }
    let count = |df: &DataFrame, from: &str, to: &str| -> PolarsResult<Column> {
        Ok(df
            .column(from)?
            .cast(&DataType::UInt32)?
            .with_name(to.into()))
    };
    columns.push(count(&mentions, "article_count", "mentions")?);
    columns.push(count(&articles, "article_n_unique", "articles")?);
    columns.push(count(&agree_sum, "agree_sum", "agree")?);
    columns.push(Column::new("pct_spread".into(), spread));
    columns.push(Column::new("finding_codes".into(), codes));

    let events = DataFrame::new(n_groups, columns)?;
    let order = ["event_date", "kind", "entity", "session", "symbol"];
    Ok(events.sort(
        order,
        SortMultipleOptions::default()
            .with_nulls_last(true)
            .with_maintain_order(true),
    )?)
}

/// The columns events need, cast to the types they are used as (a frame read back from CSV
/// may have all-null columns typed `null`), keeping only event figures.
fn event_rows(figures: &DataFrame) -> Result<DataFrame, DatasetError> {
    use DataType::*;
    let wanted = [
        ("entity", String),
        ("symbol", String),
        ("kind", String),
        ("event_date", Date),
        ("session", String),
        ("article", String),
        ("span_start", UInt32),
        ("span_end", UInt32),
        ("level", Float64),
        ("level_half_width", Float64),
        ("change_points", Float64),
        ("change_points_half_width", Float64),
        ("change_pct", Float64),
        ("change_pct_half_width", Float64),
    ];
    let columns = wanted
        .iter()
        .map(|(name, dtype)| figures.column(name)?.cast(dtype))
        .collect::<PolarsResult<Vec<Column>>>()?;
    let all = DataFrame::new(figures.height(), columns)?;
    let kinds = all.column("kind")?.str()?;
    let entities = all.column("entity")?.str()?;
    let keep: BooleanChunked = kinds
        .iter()
        .zip(entities.iter())
        .map(|(kind, entity)| {
            Some(entity.is_some() && kind.is_some_and(|k| EVENT_KINDS.contains(&k)))
        })
        .collect();
    Ok(all.filter(&keep)?)
}

/// For each row, the index of its group.
fn row_groups(groups: &GroupsType, height: usize) -> Result<Vec<IdxSize>, DatasetError> {
    let mut out: Vec<IdxSize> = vec![0; height];
    for (g, group) in groups.iter().enumerate() {
        let g = IdxSize::try_from(g).map_err(|_| too_many(g))?;
        let mut set = |row: IdxSize| {
            if let Some(slot) = out.get_mut(row as usize) {
                *slot = g;
            }
        };
        match group {
            GroupsIndicator::Idx((_, all)) => all.iter().copied().for_each(&mut set),
            GroupsIndicator::Slice([first, len]) => (first..first + len).for_each(&mut set),
        }
    }
    Ok(out)
}

fn too_many(value: usize) -> DatasetError {
    DatasetError::TooLarge {
        article: "events".to_owned(),
        what: "group count",
        value,
    }
}

/// Per group: the sorted distinct codes of findings that reference one of its mentions.
fn finding_codes(
    rows: &DataFrame,
    groups: &GroupsType,
    findings: &[Finding],
) -> Result<Vec<Option<String>>, DatasetError> {
    let mut by_figure: HashMap<(&str, usize, usize), BTreeSet<&str>> = HashMap::new();
    for finding in findings {
        for r in &finding.figures {
            by_figure
                .entry((r.article.as_str(), r.span.0, r.span.1))
                .or_default()
                .insert(finding.code);
        }
    }
    let article = rows.column("article")?.str()?;
    let start = rows.column("span_start")?.u32()?;
    let end = rows.column("span_end")?.u32()?;
    let row_codes: Vec<Option<&BTreeSet<&str>>> = article
        .iter()
        .zip(start.iter())
        .zip(end.iter())
        .map(|((a, s), e)| by_figure.get(&(a?, s? as usize, e? as usize)))
        .collect();

    let mut out = Vec::with_capacity(groups.len());
    for group in groups.iter() {
        let mut codes: BTreeSet<&str> = BTreeSet::new();
        let mut add = |row: IdxSize| {
            if let Some(Some(c)) = row_codes.get(row as usize) {
                codes.extend(c.iter().copied());
            }
        };
        match group {
            GroupsIndicator::Idx((_, all)) => all.iter().copied().for_each(&mut add),
            GroupsIndicator::Slice([first, len]) => (first..first + len).for_each(&mut add),
        }
        out.push((!codes.is_empty()).then(|| codes.into_iter().collect::<Vec<_>>().join(",")));
    }
    Ok(out)
}

/// Round away the binary noise of a difference of decimals (-3.07 - -3.10 = 0.030000000000000027).
fn round_1e10(x: f64) -> f64 {
    (x * 1e10).round() / 1e10
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::figures_frame;
    use super::super::frames::tests::{finding, index_fig, money_fig, q};
    use super::*;
    use crate::extract::{Figure, Kind, Session};

    fn strs(df: &DataFrame, name: &str) -> Result<Vec<Option<String>>, DatasetError> {
        Ok(df
            .column(name)?
            .str()?
            .iter()
            .map(|s| s.map(str::to_owned))
            .collect())
    }

    fn u32s(df: &DataFrame, name: &str) -> Result<Vec<Option<u32>>, DatasetError> {
        Ok(df.column(name)?.u32()?.iter().collect())
    }

    fn f64s(df: &DataFrame, name: &str) -> Result<Vec<Option<f64>>, DatasetError> {
        Ok(df.column(name)?.f64()?.iter().collect())
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    fn sample() -> (Vec<Figure>, Vec<Finding>) {
        let nasdaq = "Nasdaq Composite";
        let a = index_fig("a.txt", 10, nasdaq, -3.07);
        let b = index_fig("b.txt", 50, nasdaq, -3.07);
        let c = index_fig("c.txt", 70, nasdaq, -3.10);
        // Same index, intraday: an event of its own.
        let mut d = index_fig("c.txt", 200, nasdaq, -3.5);
        d.session = Session::Intraday;
        d.change_pct = Some(q(-3.5, 1));
        // An earlier day, a stock with a level and points but no percent.
        let mut e = index_fig("a.txt", 300, "Nvidia", 0.0);
        e.kind = Kind::Stock;
        e.symbol = Some("NVDA".into());
        e.event_date = NaiveDate::from_ymd_opt(2025, 1, 24);
        e.change_pct = None;
        e.level = Some(q(142.62, 2));
        e.change_points = Some(q(-4.78, 2));
        // Not events: money, and an index without a canonical entity.
        let m = money_fig("a.txt", 400);
        let mut u = index_fig("b.txt", 500, "x", -1.0);
        u.entity = None;
        let findings = vec![
            finding("MF004", "c.txt", 70, &[&c, &a]),
            finding("MF002", "c.txt", 70, &[&c]),
            finding("MF002", "a.txt", 400, &[&m]),
        ];
        (vec![a, b, c, d, e, m, u], findings)
    }

    #[test]
    fn events_group_consensus_agree_spread_codes() -> Result<(), DatasetError> {
        let (figs, findings) = sample();
        let events = events_frame(&figures_frame(&figs)?, &findings)?;
        let names: Vec<_> = events
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "entity",
                "symbol",
                "kind",
                "event_date",
                "session",
                "level",
                "change_points",
                "change_pct",
                "mentions",
                "articles",
                "agree",
                "pct_spread",
                "finding_codes"
            ]
        );
        assert_eq!(events.column("event_date")?.dtype(), &DataType::Date);
        assert_eq!(events.height(), 3);

        // Sorted by date: the Nvidia day first; then kind, entity, session (close < intraday).
        assert_eq!(
            strs(&events, "entity")?,
            [
                Some("Nvidia".into()),
                Some("Nasdaq Composite".into()),
                Some("Nasdaq Composite".into())
            ]
        );
        assert_eq!(
            strs(&events, "session")?,
            [
                Some("close".into()),
                Some("close".into()),
                Some("intraday".into())
            ]
        );

        // Three articles: -3.07, -3.07, -3.10 -> consensus -3.07, two agree, spread 0.03.
        let pct = f64s(&events, "change_pct")?;
        assert!(close(pct[1], -3.07));
        assert_eq!(u32s(&events, "mentions")?, [Some(1), Some(3), Some(1)]);
        assert_eq!(u32s(&events, "articles")?, [Some(1), Some(3), Some(1)]);
        assert_eq!(u32s(&events, "agree")?, [Some(1), Some(2), Some(1)]);
        let spread = f64s(&events, "pct_spread")?;
        assert_eq!(spread[0], None);
        assert_eq!(spread[1], Some(0.03));
        assert_eq!(spread[2], Some(0.0));
        assert_eq!(
            strs(&events, "finding_codes")?,
            [None, Some("MF002,MF004".into()), None]
        );

        // The stock: level and points consensus, no percent.
        let level = f64s(&events, "level")?;
        assert!(close(level[0], 142.62));
        assert_eq!(level[1], None);
        assert!(close(f64s(&events, "change_points")?[0], -4.78));
        assert_eq!(pct[0], None);
        Ok(())
    }

    #[test]
    fn events_agree_needs_every_stated_value() -> Result<(), DatasetError> {
        // Two mentions agree on the percent; the second states a level far from the median
        // of levels (the median of a single level is itself, so add a third).
        let mut a = index_fig("a.txt", 0, "KOSPI", -1.20);
        a.level = Some(q(2500.10, 2));
        let mut b = index_fig("b.txt", 0, "KOSPI", -1.20);
        b.level = Some(q(2500.10, 2));
        let mut c = index_fig("c.txt", 0, "KOSPI", -1.20);
        c.level = Some(q(2510.00, 2));
        let events = events_frame(&figures_frame(&[a, b, c])?, &[])?;
        assert_eq!(u32s(&events, "agree")?, [Some(2)]);
        assert_eq!(strs(&events, "finding_codes")?, [None]);
        Ok(())
    }

    #[test]
    fn events_null_keys_group_and_sort_last() -> Result<(), DatasetError> {
        let mut a = index_fig("a.txt", 0, "KOSPI", -1.2);
        a.event_date = None;
        a.symbol = None;
        let mut b = index_fig("b.txt", 0, "KOSPI", -1.24);
        b.event_date = None;
        b.symbol = None;
        let c = index_fig("c.txt", 0, "KOSPI", -1.2);
        let events = events_frame(&figures_frame(&[a, b, c])?, &[])?;
        assert_eq!(events.height(), 2);
        assert_eq!(events.column("event_date")?.null_count(), 1);
        assert_eq!(
            events
                .column("event_date")?
                .date()?
                .as_date_iter()
                .nth(1)
                .flatten(),
            None
        );
        assert_eq!(u32s(&events, "mentions")?, [Some(1), Some(2)]);
        // Median of -1.2 and -1.24 is -1.22: neither is within ±0.005 (or ±0.05 for -1.2).
        assert!(close(f64s(&events, "change_pct")?[1], -1.22));
        Ok(())
    }

    #[test]
    fn events_of_nothing_keep_their_schema() -> Result<(), DatasetError> {
        let (figs, findings) = sample();
        let full = events_frame(&figures_frame(&figs)?, &findings)?;
        let empty = events_frame(&figures_frame(&[])?, &[])?;
        assert_eq!(empty.height(), 0);
        assert_eq!(empty.schema(), full.schema());
        // Only non-event figures: also empty.
        let none = events_frame(&figures_frame(&[money_fig("a.txt", 0)])?, &[])?;
        assert_eq!(none.height(), 0);
        Ok(())
    }

    #[test]
    fn events_missing_column_is_an_error() {
        let df = DataFrame::empty();
        assert!(matches!(
            events_frame(&df, &[]),
            Err(DatasetError::Polars(_))
        ));
    }
}
