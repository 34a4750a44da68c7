//! Hand-built figures for the chart tests: the 27–28 January 2025 "DeepSeek" sell-off.

use chrono::NaiveDate;

use super::ArticleStats;
use crate::extract::{Figure, Kind, Quantity, Role, Session};

pub fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, day).unwrap_or_default()
}

/// A quantity printed with two decimals.
pub fn q2(value: f64) -> Quantity {
    Quantity {
        value,
        half_width: 0.005,
        explicit_sign: false,
        hedge: None,
        text_span: (0, 0),
    }
}

/// A body, closing-session figure with only a percent change.
pub fn pct(article: &str, kind: Kind, entity: &str, surface: &str, day: u32, pct: f64) -> Figure {
    Figure {
        article: article.to_string(),
        kind,
        entity: (!entity.is_empty()).then(|| entity.to_string()),
        symbol: None,
        surface: surface.to_string(),
        binding: crate::extract::Binding::Name,
        event_date: Some(date(day)),
        session: Session::Close,
        level: None,
        change_points: None,
        change_pct: Some(q2(pct)),
        pct_is_points: false,
        amount: None,
        currency: None,
        approx: false,
        direction_word: None,
        direction_text: None,
        role: Role::Body,
        period: false,
        pair: None,
        span: (0, 0),
        line: 1,
        column: 1,
        text: String::new(),
    }
}

/// A body, closing-session index figure with level, point and percent change.
pub fn index(
    article: &str,
    entity: &str,
    surface: &str,
    day: u32,
    level: f64,
    points: f64,
    pct_change: f64,
) -> Figure {
    let mut f = pct(article, Kind::Index, entity, surface, day, pct_change);
    f.level = Some(q2(level));
    f.change_points = Some(q2(points));
    f.symbol = match entity {
        "Nasdaq Composite" => Some("^IXIC".into()),
        "S&P 500" => Some("^GSPC".into()),
        "Dow Jones Industrial Average" => Some("^DJI".into()),
        _ => None,
    };
    f
}

/// 27 January 2025 as Korean articles report it.
pub fn jan27() -> Vec<Figure> {
    let a = "data/articles/2025-01-28-deepseek-shock.txt";
    let b = "data/articles/yonhap_20250128_nasdaq.html";
    let mut headline = pct(b, Kind::Index, "Nasdaq Composite", "나스닥", 27, -3.1);
    headline.role = Role::Headline;
    vec![
        headline,
        index(
            a,
            "Nasdaq Composite",
            "나스닥",
            27,
            19341.83,
            -612.47,
            -3.07,
        ),
        index(a, "S&P 500", "S&P 500", 27, 6012.28, -88.96, -1.46),
        index(
            a,
            "Dow Jones Industrial Average",
            "다우",
            27,
            44713.57,
            289.33,
            0.65,
        ),
        pct(a, Kind::Stock, "Nvidia", "엔비디아", 27, -16.97),
        pct(a, Kind::Stock, "Broadcom", "브로드컴", 27, -17.40),
        pct(b, Kind::Stock, "AMD", "AMD", 27, -6.37),
        pct(b, Kind::Stock, "ASML", "ASML", 27, -5.75),
        pct(b, Kind::Stock, "Alphabet", "알파벳", 27, -4.03),
        pct(b, Kind::Stock, "Microsoft", "마이크로소프트", 27, -2.14),
    ]
}

/// 28 January 2025: the rebound.
pub fn jan28() -> Vec<Figure> {
    let a = "data/articles/2025-01-29-rebound.txt";
    vec![
        index(a, "Nasdaq Composite", "나스닥", 28, 19733.59, 391.75, 2.03),
        index(a, "S&P 500", "S&P 500", 28, 6067.70, 55.42, 0.92),
        index(
            a,
            "Dow Jones Industrial Average",
            "다우",
            28,
            44850.35,
            136.77,
            0.31,
        ),
        pct(a, Kind::Stock, "Nvidia", "엔비디아", 28, 8.93),
        pct(a, Kind::Stock, "Broadcom", "브로드컴", 28, 1.94),
    ]
}

/// The same 27 January figures from an English wire story.
pub fn english_jan27() -> Vec<Figure> {
    jan27()
        .into_iter()
        .map(|mut f| {
            f.surface = match f.entity.as_deref() {
                Some("Nasdaq Composite") => "Nasdaq".into(),
                Some("Dow Jones Industrial Average") => "Dow".into(),
                Some(e) => e.to_string(),
                None => f.surface,
            };
            f.article = "data/articles/reuters-stocks-2025-01-27.txt".into();
            f
        })
        .collect()
}

pub fn stats() -> Vec<ArticleStats> {
    vec![
        ArticleStats {
            path: "data/articles/yonhap_20250128_nasdaq.html".into(),
            figures: 7,
            checked: 5,
            passed: 3,
            passed_by_rounding: 1,
            failed: 1,
            codes: vec!["MF102".into(), "MF301".into()],
        },
        ArticleStats {
            path: "data/articles/2025-01-28-deepseek-shock.txt".into(),
            figures: 12,
            checked: 9,
            passed: 6,
            passed_by_rounding: 2,
            failed: 1,
            codes: vec!["MF101".into(), "MF101".into(), "MF205".into()],
        },
        ArticleStats {
            path: "data/articles/hankyung-stargate-openai-softbank-oracle-investment-2025.txt"
                .into(),
            figures: 5,
            checked: 2,
            passed: 2,
            passed_by_rounding: 0,
            failed: 0,
            codes: vec![],
        },
        ArticleStats {
            path: "data/articles/empty.txt".into(),
            figures: 0,
            checked: 0,
            passed: 0,
            passed_by_rounding: 0,
            failed: 0,
            codes: vec!["MF001".into()],
        },
    ]
}
