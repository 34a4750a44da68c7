//! Figures, findings and articles as DataFrames (built column by column from sorted rows).

use polars::prelude::*;

use super::DatasetError;
use crate::check::Finding;
use crate::extract::{Figure, Quantity};

/// One input file, as the `articles` table records it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleRow {
    /// Path as given on the command line (or `-`).
    pub path: String,
    /// Encoding the text was decoded from (`UTF-8`, `UTF-16LE`, `EUC-KR`, ...).
    pub encoding: String,
    /// `text` or `html`.
    pub format: String,
    /// Publication time as found in the article (ISO 8601), when found.
    pub published: Option<String>,
    pub title: Option<String>,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Number of figures extracted from it.
    pub figures: u32,
    /// Input problems (decoding, reading); joined with `; ` in the table.
    pub problems: Vec<String>,
}

pub(crate) fn u32_of(value: usize, what: &'static str, article: &str) -> Result<u32, DatasetError> {
    u32::try_from(value).map_err(|_| DatasetError::TooLarge {
        article: article.to_owned(),
        what,
        value,
    })
}

fn str_col<'a, T>(name: &str, rows: &[T], get: impl Fn(&T) -> &'a str) -> Column {
    Column::new(name.into(), rows.iter().map(get).collect::<Vec<&str>>())
}

fn opt_str_col<'a, T>(name: &str, rows: &[T], get: impl Fn(&T) -> Option<&'a str>) -> Column {
    Column::new(
        name.into(),
        rows.iter().map(get).collect::<Vec<Option<&str>>>(),
    )
}

fn opt_f64_col<T>(name: &str, rows: &[T], get: impl Fn(&T) -> Option<f64>) -> Column {
    Column::new(
        name.into(),
        rows.iter().map(get).collect::<Vec<Option<f64>>>(),
    )
}

fn bool_col<T>(name: &str, rows: &[T], get: impl Fn(&T) -> bool) -> Column {
    Column::new(name.into(), rows.iter().map(get).collect::<Vec<bool>>())
}

fn u32_col<T>(name: &str, rows: &[T], get: impl Fn(&T) -> u32) -> Column {
    Column::new(name.into(), rows.iter().map(get).collect::<Vec<u32>>())
}

fn checked_u32_col<T>(
    name: &'static str,
    rows: &[T],
    get: impl Fn(&T) -> (usize, &str),
) -> Result<Column, DatasetError> {
    let values = rows
        .iter()
        .map(|r| {
            let (value, article) = get(r);
            u32_of(value, name, article)
        })
        .collect::<Result<Vec<u32>, _>>()?;
    Ok(Column::new(name.into(), values))
}

/// The figures table: one row per figure, sorted by article, then span start (then span end,
/// then input order).
///
/// Columns: `article`, `kind`, `entity`, `symbol`, `surface`, `event_date` (Date),
/// `session`, `level`, `change_points`, `change_pct`, `pct_is_points`, `amount`, `currency`,
/// `approx`, `direction_word` (`up`/`down`), `role`, `line`, `column`, `span_start`,
/// `span_end`, `text`, and the rounding half-width of each number: `level_half_width`,
/// `change_points_half_width`, `change_pct_half_width`, `amount_half_width`.
pub fn figures_frame(figures: &[Figure]) -> Result<DataFrame, DatasetError> {
    let mut rows: Vec<&Figure> = figures.iter().collect();
    rows.sort_by(|a, b| {
        (a.article.as_str(), a.span.0, a.span.1).cmp(&(b.article.as_str(), b.span.0, b.span.1))
    });
    let rows = rows.as_slice();
    let value = |q: Option<Quantity>| q.map(|q| q.value);
    let half = |q: Option<Quantity>| q.map(|q| q.half_width);

    let columns = vec![
        str_col("article", rows, |f| f.article.as_str()),
        str_col("kind", rows, |f| f.kind.as_str()),
        opt_str_col("entity", rows, |f| f.entity.as_deref()),
        opt_str_col("symbol", rows, |f| f.symbol.as_deref()),
        str_col("surface", rows, |f| f.surface.as_str()),
        str_col("binding", rows, |f| f.binding.as_str()),
        DateChunked::from_naive_date_options(
            "event_date".into(),
            rows.iter().map(|f| f.event_date),
        )
        .into_column(),
        str_col("session", rows, |f| f.session.as_str()),
        opt_f64_col("level", rows, |f| value(f.level)),
        opt_f64_col("change_points", rows, |f| value(f.change_points)),
        opt_f64_col("change_pct", rows, |f| value(f.change_pct)),
        bool_col("pct_is_points", rows, |f| f.pct_is_points),
        opt_f64_col("amount", rows, |f| value(f.amount)),
        opt_str_col("currency", rows, |f| f.currency.as_deref()),
        bool_col("approx", rows, |f| f.approx),
        opt_str_col("direction_word", rows, |f| {
            f.direction_word.map(|d| d.as_str())
        }),
        str_col("role", rows, |f| match f.role {
            crate::extract::Role::Headline => "headline",
            crate::extract::Role::Body => "body",
        }),
        u32_col("line", rows, |f| f.line),
        u32_col("column", rows, |f| f.column),
        checked_u32_col("span_start", rows, |f| (f.span.0, f.article.as_str()))?,
        checked_u32_col("span_end", rows, |f| (f.span.1, f.article.as_str()))?,
        str_col("text", rows, |f| f.text.as_str()),
        opt_f64_col("level_half_width", rows, |f| half(f.level)),
        opt_f64_col("change_points_half_width", rows, |f| half(f.change_points)),
        opt_f64_col("change_pct_half_width", rows, |f| half(f.change_pct)),
        opt_f64_col("amount_half_width", rows, |f| half(f.amount)),
    ];
    Ok(DataFrame::new(rows.len(), columns)?)
}

/// The findings table: one row per finding, sorted by article, span start, code (then input
/// order).
///
/// Columns: `code`, `severity`, `article`, `line`, `column`, `span_start`, `span_end`,
/// `message`, `expected`, `found`, `note` (null when absent) and `figures`: the figures
/// involved as `article:line:start-end`, joined by `; ` (null when none).
pub fn findings_frame(findings: &[Finding]) -> Result<DataFrame, DatasetError> {
    let mut rows: Vec<&Finding> = findings.iter().collect();
    rows.sort_by(|a, b| {
        (a.article.as_str(), a.span.0, a.code).cmp(&(b.article.as_str(), b.span.0, b.code))
    });
    let rows = rows.as_slice();
    let refs: Vec<Option<String>> = rows
        .iter()
        .map(|f| {
            (!f.figures.is_empty()).then(|| {
                f.figures
                    .iter()
                    .map(|r| format!("{}:{}:{}-{}", r.article, r.line, r.span.0, r.span.1))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
        .collect();

    let columns = vec![
        str_col("code", rows, |f| f.code),
        str_col("severity", rows, |f| f.severity.as_str()),
        str_col("article", rows, |f| f.article.as_str()),
        u32_col("line", rows, |f| f.line),
        u32_col("column", rows, |f| f.column),
        checked_u32_col("span_start", rows, |f| (f.span.0, f.article.as_str()))?,
        checked_u32_col("span_end", rows, |f| (f.span.1, f.article.as_str()))?,
        str_col("message", rows, |f| f.message.as_str()),
        opt_str_col("expected", rows, |f| f.expected.as_deref()),
        opt_str_col("found", rows, |f| f.found.as_deref()),
        opt_str_col("note", rows, |f| f.note.as_deref()),
        Column::new("figures".into(), refs),
    ];
    Ok(DataFrame::new(rows.len(), columns)?)
}

/// The articles table: one row per input file, sorted by path.
///
/// Columns: `path`, `encoding`, `format`, `published`, `title` (null when unknown), `bytes`
/// (u64), `figures` (u32), `problems` (joined by `; `, null when none).
pub fn articles_frame(rows: &[ArticleRow]) -> Result<DataFrame, DatasetError> {
    let mut rows: Vec<&ArticleRow> = rows.iter().collect();
    rows.sort_by(|a, b| a.path.cmp(&b.path));
    let rows = rows.as_slice();
    let problems: Vec<Option<String>> = rows
        .iter()
        .map(|r| (!r.problems.is_empty()).then(|| r.problems.join("; ")))
        .collect();

    let columns = vec![
        str_col("path", rows, |r| r.path.as_str()),
        str_col("encoding", rows, |r| r.encoding.as_str()),
        str_col("format", rows, |r| r.format.as_str()),
        opt_str_col("published", rows, |r| r.published.as_deref()),
        opt_str_col("title", rows, |r| r.title.as_deref()),
        Column::new(
            "bytes".into(),
            rows.iter().map(|r| r.bytes).collect::<Vec<u64>>(),
        ),
        u32_col("figures", rows, |r| r.figures),
        Column::new("problems".into(), problems),
    ];
    Ok(DataFrame::new(rows.len(), columns)?)
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::check::{FigureRef, Severity};
    use crate::extract::{Direction, Kind, Role, Session};

    /// A quantity printed with `decimals` decimals.
    pub(crate) fn q(value: f64, decimals: i32) -> Quantity {
        Quantity {
            value,
            half_width: 0.5 * 10f64.powi(-decimals),
            explicit_sign: false,
            hedge: None,
            text_span: (0, 0),
        }
    }

    /// An index figure: `pct` printed with 2 decimals.
    pub(crate) fn index_fig(article: &str, start: usize, entity: &str, pct: f64) -> Figure {
        Figure {
            article: article.to_owned(),
            kind: Kind::Index,
            entity: Some(entity.to_owned()),
            symbol: Some("^IXIC".to_owned()),
            surface: "나스닥".to_owned(),
            binding: crate::extract::Binding::Name,
            event_date: NaiveDate::from_ymd_opt(2025, 1, 27),
            session: Session::Close,
            level: None,
            change_points: None,
            change_pct: Some(q(pct, 2)),
            pct_is_points: false,
            amount: None,
            currency: None,
            approx: false,
            direction_word: Some(Direction::Down),
            direction_text: Some("급락".to_owned()),
            role: Role::Body,
            period: false,
            pair: None,
            span: (start, start + 10),
            line: 3,
            column: 5,
            text: format!("{pct}%"),
        }
    }

    pub(crate) fn money_fig(article: &str, start: usize) -> Figure {
        Figure {
            article: article.to_owned(),
            kind: Kind::Money,
            entity: None,
            symbol: None,
            surface: String::new(),
            binding: crate::extract::Binding::Context,
            event_date: None,
            session: Session::Unknown,
            level: None,
            change_points: None,
            change_pct: None,
            pct_is_points: false,
            amount: Some(Quantity {
                value: 6_000_000.0,
                half_width: 500_000.0,
                explicit_sign: false,
                hedge: None,
                text_span: (0, 0),
            }),
            currency: Some("USD".to_owned()),
            approx: true,
            direction_word: None,
            direction_text: None,
            role: Role::Headline,
            period: false,
            pair: None,
            span: (start, start + 8),
            line: 1,
            column: 1,
            text: "약 600만 달러".to_owned(),
        }
    }

    pub(crate) fn finding(
        code: &'static str,
        article: &str,
        start: usize,
        figs: &[&Figure],
    ) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            article: article.to_owned(),
            line: 3,
            column: 5,
            span: (start, start + 10),
            message: "mismatch".to_owned(),
            expected: Some("-3.07% ± 0.005".to_owned()),
            found: None,
            note: None,
            figures: figs
                .iter()
                .map(|f| FigureRef {
                    article: f.article.clone(),
                    line: f.line,
                    span: f.span,
                })
                .collect(),
        }
    }

    fn dtypes(df: &DataFrame) -> Vec<(String, DataType)> {
        df.columns()
            .iter()
            .map(|c| (c.name().to_string(), c.dtype().clone()))
            .collect()
    }

    #[test]
    fn figures_columns_and_dtypes() -> Result<(), DatasetError> {
        use DataType::*;
        let expected = vec![
            ("article", String),
            ("kind", String),
            ("entity", String),
            ("symbol", String),
            ("surface", String),
            ("binding", String),
            ("event_date", Date),
            ("session", String),
            ("level", Float64),
            ("change_points", Float64),
            ("change_pct", Float64),
            ("pct_is_points", Boolean),
            ("amount", Float64),
            ("currency", String),
            ("approx", Boolean),
            ("direction_word", String),
            ("role", String),
            ("line", UInt32),
            ("column", UInt32),
            ("span_start", UInt32),
            ("span_end", UInt32),
            ("text", String),
            ("level_half_width", Float64),
            ("change_points_half_width", Float64),
            ("change_pct_half_width", Float64),
            ("amount_half_width", Float64),
        ];
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(n, t)| (n.to_owned(), t))
            .collect();
        // Same schema with rows, and with none (empty input must not lose types).
        let df = figures_frame(&[
            index_fig("a.txt", 0, "Nasdaq Composite", -3.07),
            money_fig("a.txt", 40),
        ])?;
        assert_eq!(dtypes(&df), expected);
        assert_eq!(dtypes(&figures_frame(&[])?), expected);
        Ok(())
    }

    #[test]
    fn figures_sorted_by_article_then_span_with_nulls() -> Result<(), DatasetError> {
        let figs = vec![
            money_fig("b.txt", 5),
            index_fig("a.txt", 90, "Nasdaq Composite", -3.07),
            money_fig("a.txt", 10),
        ];
        let df = figures_frame(&figs)?;
        assert_eq!(df.height(), 3);
        let article: Vec<_> = df.column("article")?.str()?.iter().collect();
        assert_eq!(article, [Some("a.txt"), Some("a.txt"), Some("b.txt")]);
        let start: Vec<_> = df.column("span_start")?.u32()?.iter().collect();
        assert_eq!(start, [Some(10), Some(90), Some(5)]);

        // The money figure has no entity, date, percent; the index figure no amount.
        assert_eq!(df.column("entity")?.null_count(), 2);
        assert_eq!(df.column("event_date")?.null_count(), 2);
        assert_eq!(df.column("change_pct")?.null_count(), 2);
        assert_eq!(df.column("change_pct_half_width")?.null_count(), 2);
        assert_eq!(df.column("amount")?.null_count(), 1);
        assert_eq!(df.column("level")?.null_count(), 3);
        let date = df
            .column("event_date")?
            .date()?
            .as_date_iter()
            .nth(1)
            .flatten();
        assert_eq!(date, NaiveDate::from_ymd_opt(2025, 1, 27));
        let hw = df.column("change_pct_half_width")?.f64()?.get(1);
        assert!(hw.is_some_and(|h| (h - 0.005).abs() < 1e-12));
        let dir: Vec<_> = df.column("direction_word")?.str()?.iter().collect();
        assert_eq!(dir, [None, Some("down"), None]);
        let role: Vec<_> = df.column("role")?.str()?.iter().collect();
        assert_eq!(role, [Some("headline"), Some("body"), Some("headline")]);
        Ok(())
    }

    #[test]
    fn span_beyond_u32_is_an_error() {
        let mut f = money_fig("big.txt", 0);
        f.span = (usize::MAX - 1, usize::MAX);
        assert!(matches!(
            figures_frame(&[f]),
            Err(DatasetError::TooLarge {
                what: "span_start",
                ..
            })
        ));
    }

    #[test]
    fn findings_frame_sorted_and_refs_joined() -> Result<(), DatasetError> {
        let a = index_fig("a.txt", 20, "Nasdaq Composite", -3.07);
        let b = index_fig("b.txt", 30, "Nasdaq Composite", -3.10);
        let findings = vec![
            finding("MF002", "b.txt", 30, &[&b, &a]),
            finding("MF009", "a.txt", 20, &[&a]),
            finding("MF001", "a.txt", 20, &[]),
        ];
        let df = findings_frame(&findings)?;
        let names: Vec<_> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "code",
                "severity",
                "article",
                "line",
                "column",
                "span_start",
                "span_end",
                "message",
                "expected",
                "found",
                "note",
                "figures"
            ]
        );
        let code: Vec<_> = df.column("code")?.str()?.iter().collect();
        assert_eq!(code, [Some("MF001"), Some("MF009"), Some("MF002")]);
        let figs: Vec<_> = df.column("figures")?.str()?.iter().collect();
        assert_eq!(
            figs,
            [
                None,
                Some("a.txt:3:20-30"),
                Some("b.txt:3:30-40; a.txt:3:20-30")
            ]
        );
        assert_eq!(df.column("found")?.dtype(), &DataType::String);
        assert_eq!(df.column("found")?.null_count(), 3);
        assert_eq!(df.column("severity")?.str()?.get(0), Some("warning"));
        assert_eq!(dtypes(&findings_frame(&[])?), dtypes(&df));
        Ok(())
    }

    #[test]
    fn articles_frame_sorted_and_problems_joined() -> Result<(), DatasetError> {
        let rows = vec![
            ArticleRow {
                path: "z.html".into(),
                encoding: "EUC-KR".into(),
                format: "html".into(),
                published: Some("2025-01-28T06:00:00+09:00".into()),
                title: Some("나스닥 3% 급락".into()),
                bytes: 5_000_000_000,
                figures: 7,
                problems: vec!["bad byte at 10".into(), "no date".into()],
            },
            ArticleRow {
                path: "a.txt".into(),
                encoding: "UTF-8".into(),
                format: "text".into(),
                ..ArticleRow::default()
            },
        ];
        let df = articles_frame(&rows)?;
        let path: Vec<_> = df.column("path")?.str()?.iter().collect();
        assert_eq!(path, [Some("a.txt"), Some("z.html")]);
        let problems: Vec<_> = df.column("problems")?.str()?.iter().collect();
        assert_eq!(problems, [None, Some("bad byte at 10; no date")]);
        assert_eq!(df.column("bytes")?.u64()?.get(1), Some(5_000_000_000));
        assert_eq!(df.column("figures")?.dtype(), &DataType::UInt32);
        assert_eq!(df.column("title")?.null_count(), 1);
        assert_eq!(dtypes(&articles_frame(&[])?), dtypes(&df));
        Ok(())
    }
}
