//! Number formatting and the fixed captions of the charts, in Korean and English.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::extract::{Quantity, Session};

/// U+2212 MINUS SIGN, the typographic minus the charts print.
pub const MINUS: &str = "\u{2212}";

/// Decimals the text printed a quantity with, from its rounding half-width (0.005 → 2).
pub fn decimals_of(q: &Quantity) -> u8 {
    let hw = q.half_width;
    if !hw.is_finite() || hw <= 0.0 {
        return 2;
    }
    let d = (0.5 / hw).log10().round();
    if d.is_finite() {
        d.clamp(0.0, 4.0) as u8
    } else {
        2
    }
}

/// `|v|` with `decimals` decimals and thousands separators: `19,341.83`.
pub fn fmt_abs(v: f64, decimals: u8) -> String {
    let s = format!("{:.*}", usize::from(decimals), v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

/// Whether `v` rounds to zero at `decimals`.
fn rounds_to_zero(v: f64, decimals: u8) -> bool {
    format!("{:.*}", usize::from(decimals), v.abs())
        .chars()
        .all(|c| c == '0' || c == '.')
}

/// Sign character for `v` at `decimals`: `+`, `−` (U+2212) or nothing for zero.
pub fn sign_of(v: f64, decimals: u8) -> &'static str {
    if rounds_to_zero(v, decimals) || v.is_nan() {
        ""
    } else if v < 0.0 {
        MINUS
    } else {
        "+"
    }
}

/// Signed number with a real minus sign: `−612.47`, `+289.33`, `0.00`.
pub fn fmt_signed(v: f64, decimals: u8) -> String {
    format!("{}{}", sign_of(v, decimals), fmt_abs(v, decimals))
}

/// Signed percentage: `−3.07%`.
pub fn fmt_pct(v: f64, decimals: u8) -> String {
    format!("{}%", fmt_signed(v, decimals))
}

/// Direction arrow for a change: `▲`, `▼`, or nothing for zero.
pub fn arrow(v: f64, decimals: u8) -> &'static str {
    match sign_of(v, decimals) {
        "+" => "▲",
        "" => "",
        _ => "▼",
    }
}

/// Axis tick label: a change with its unit is signed (`−4%`, `0%`, `+4%`); a plain number
/// (`unit` empty, e.g. a count) only carries a minus when negative (`0`, `2`, `4`).
pub fn fmt_tick(v: f64, decimals: u8, unit: &str) -> String {
    if unit.is_empty() {
        let sign = if sign_of(v, decimals) == MINUS {
            MINUS
        } else {
            ""
        };
        format!("{sign}{}", fmt_abs(v, decimals))
    } else {
        format!("{}{}", fmt_signed(v, decimals), unit)
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date for titles: `2025년 1월 27일` / `Jan 27, 2025`.
pub fn fmt_date_long(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{}년 {}월 {}일", d.year(), d.month(), d.day()),
        Lang::En => format!(
            "{} {}, {}",
            MONTHS_EN[d.month0() as usize],
            d.day(),
            d.year()
        ),
    }
}

/// A date for axis ticks: `1월 27일` / `Jan 27`, with the year when `with_year`.
pub fn fmt_date_short(d: NaiveDate, lang: Lang, with_year: bool) -> String {
    match (lang, with_year) {
        (Lang::Ko, false) => format!("{}월 {}일", d.month(), d.day()),
        (Lang::Ko, true) => format!("{}. {}. {}.", d.year(), d.month(), d.day()),
        (Lang::En, false) => format!("{} {}", MONTHS_EN[d.month0() as usize], d.day()),
        (Lang::En, true) => format!(
            "{} {}, {}",
            MONTHS_EN[d.month0() as usize],
            d.day(),
            d.year()
        ),
    }
}

/// The fixed words of the charts in one language.
pub struct Captions {
    pub lang: Lang,
}

impl Captions {
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    fn pick(&self, ko: &'static str, en: &'static str) -> &'static str {
        match self.lang {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }

    pub fn moves_title(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ko => format!("{} 지수·종목 등락률", fmt_date_long(d, Lang::Ko)),
            Lang::En => format!("Index and stock moves, {}", fmt_date_long(d, Lang::En)),
        }
    }
    pub fn moves_subtitle(&self) -> &'static str {
        self.pick(
            "전일 대비 등락률 · 본문 수치 우선, 종가 언급이 있으면 종가 기준",
            "Percent change from the previous close · body figures preferred, closing values where given",
        )
    }
    pub fn moves_capped(&self, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!(" · 등락 폭이 큰 {shown}개 (전체 {total}개)"),
            Lang::En => format!(" · largest {shown} of {total} moves"),
        }
    }
    pub fn card_title(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ko => format!("{} 주요 지수", fmt_date_long(d, Lang::Ko)),
            Lang::En => format!("Index levels, {}", fmt_date_long(d, Lang::En)),
        }
    }
    pub fn card_subtitle(&self) -> &'static str {
        self.pick(
            "지수와 전일 대비 변동 폭(포인트)·등락률(%)",
            "Level with the point and percent change from the previous close",
        )
    }
    pub fn consistency_title(&self) -> &'static str {
        self.pick("기사별 수치 검증 결과", "Consistency checks by article")
    }
    pub fn consistency_subtitle(&self, figures: usize, checked: usize, failed: usize) -> String {
        match self.lang {
            Lang::Ko => format!("수치 {figures}개 중 {checked}개 검증, 불일치 {failed}개"),
            Lang::En => format!("{checked} of {figures} figures checked, {failed} failed"),
        }
    }
    pub fn others_row(&self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("그 밖의 기사 {n}건"),
            Lang::En => format!("{n} other articles"),
        }
    }
    pub fn timeline_title(&self) -> &'static str {
        self.pick("날짜별 등락률 추이", "Percent moves by event date")
    }
    pub fn timeline_subtitle(&self, first: NaiveDate, last: NaiveDate) -> String {
        let (a, b) = (
            fmt_date_long(first, self.lang),
            fmt_date_long(last, self.lang),
        );
        match self.lang {
            Lang::Ko => format!("{a} – {b}, 전일 대비 등락률"),
            Lang::En => format!("{a} – {b}, percent change from the previous close"),
        }
    }
    pub fn timeline_capped(&self, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!(" · 언급이 많은 {shown}개 (전체 {total}개)"),
            Lang::En => format!(" · {shown} most mentioned of {total}"),
        }
    }
    pub fn pct_axis(&self) -> &'static str {
        self.pick("등락률 (%)", "Change (%)")
    }
    pub fn share_axis(&self) -> &'static str {
        self.pick(
            "기사 수치 중 비율 (%)",
            "Share of the article's figures (%)",
        )
    }
    pub fn figure_count(&self, n: usize) -> String {
        match (self.lang, n) {
            (Lang::Ko, _) => format!("수치 {n}개"),
            (Lang::En, 1) => "1 figure".to_string(),
            (Lang::En, _) => format!("{n} figures"),
        }
    }
    pub fn no_figures(&self) -> &'static str {
        self.pick("추출된 수치 없음", "no figures extracted")
    }
    pub fn date_axis(&self) -> &'static str {
        self.pick("기준일", "Event date")
    }
    pub fn up(&self) -> &'static str {
        self.pick("상승", "Up")
    }
    pub fn down(&self) -> &'static str {
        self.pick("하락", "Down")
    }
    pub fn group(&self, g: super::data::Group) -> &'static str {
        use super::data::Group;
        match g {
            Group::Index => self.pick("지수", "Indexes"),
            Group::Stock => self.pick("종목", "Stocks"),
            Group::Other => self.pick("기타", "Other"),
        }
    }
    pub fn passed(&self) -> &'static str {
        self.pick("통과", "Passed")
    }
    pub fn passed_by_rounding(&self) -> &'static str {
        self.pick("반올림 범위에서 통과", "Passed by rounding")
    }
    pub fn failed(&self) -> &'static str {
        self.pick("불일치", "Failed")
    }
    pub fn not_checked(&self) -> &'static str {
        self.pick("미검증", "Not checked")
    }
    pub fn session(&self, s: Session) -> &'static str {
        match s {
            Session::Close => self.pick("종가", "close"),
            Session::Intraday => self.pick("장중", "intraday"),
            Session::Premarket => self.pick("개장 전", "premarket"),
            Session::Afterhours => self.pick("시간 외", "after hours"),
            Session::Unknown => self.pick("시점 미상", "session not stated"),
        }
    }

    /// `출처: a.txt, b.txt 외 3건, 기준일 2025-01-27` / `Source: a.txt, b.txt and 3 more,
    /// event date 2025-01-27`. `names` are shown in order; `shown` of them are listed.
    pub fn source(&self, names: &[String], shown: usize, dates: &[NaiveDate]) -> String {
        let n = names.len();
        let listed = names[..shown.min(n)].join(", ");
        let rest = n - shown.min(n);
        let articles = match (self.lang, shown.min(n), rest) {
            (_, _, 0) => listed,
            (Lang::Ko, 0, _) => format!("기사 {n}건"),
            (Lang::En, 0, _) => format!("{n} articles"),
            (Lang::Ko, _, r) => format!("{listed} 외 {r}건"),
            (Lang::En, _, r) => format!("{listed} and {r} more"),
        };
        let date_part = match (dates.first(), dates.last()) {
            (Some(a), Some(b)) if a == b => match self.lang {
                Lang::Ko => format!(", 기준일 {a}"),
                Lang::En => format!(", event date {a}"),
            },
            (Some(a), Some(b)) => match self.lang {
                Lang::Ko => format!(", 기준일 {a} – {b}"),
                Lang::En => format!(", event dates {a} – {b}"),
            },
            _ => String::new(),
        };
        match self.lang {
            Lang::Ko => format!("출처: {articles}{date_part}"),
            Lang::En => format!("Source: {articles}{date_part}"),
        }
    }
}

/// Every fixed caption in both languages (for the glyph-coverage test).
#[cfg(test)]
pub fn all_caption_strings() -> Vec<String> {
    use super::data::Group;
    let d = NaiveDate::from_ymd_opt(2025, 1, 27).unwrap_or_default();
    let mut out = Vec::new();
    for lang in [Lang::Ko, Lang::En] {
        let c = Captions::new(lang);
        out.extend([
            c.moves_title(d),
            c.moves_subtitle().into(),
            c.moves_capped(30, 45),
            c.card_title(d),
            c.card_subtitle().into(),
            c.consistency_title().into(),
            c.consistency_subtitle(10, 8, 1),
            c.others_row(3),
            c.timeline_title().into(),
            c.timeline_subtitle(d, d),
            c.timeline_capped(10, 12),
            c.pct_axis().into(),
            c.share_axis().into(),
            c.figure_count(12),
            c.no_figures().into(),
            c.date_axis().into(),
            c.up().into(),
            c.down().into(),
            c.passed().into(),
            c.passed_by_rounding().into(),
            c.failed().into(),
            c.not_checked().into(),
            c.source(&["a.txt".into(), "b.html".into()], 1, &[d, d]),
            c.source(&["a.txt".into()], 0, &[d]),
            fmt_date_short(d, lang, true),
            fmt_date_short(d, lang, false),
        ]);
        for g in [Group::Index, Group::Stock, Group::Other] {
            out.push(c.group(g).into());
        }
        for s in [
            Session::Close,
            Session::Intraday,
            Session::Premarket,
            Session::Afterhours,
            Session::Unknown,
        ] {
            out.push(c.session(s).into());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: f64, half_width: f64) -> Quantity {
        Quantity {
            value,
            half_width,
            explicit_sign: false,
            hedge: None,
            text_span: (0, 0),
        }
    }

    #[test]
    fn decimals_from_half_width() {
        assert_eq!(decimals_of(&q(-3.07, 0.005)), 2);
        assert_eq!(decimals_of(&q(19341.83, 0.005)), 2);
        assert_eq!(decimals_of(&q(-17.4, 0.05)), 1);
        assert_eq!(decimals_of(&q(5.0, 0.5)), 0);
        assert_eq!(decimals_of(&q(5.0, 0.0)), 2);
        assert_eq!(decimals_of(&q(5.0, f64::NAN)), 2);
        assert_eq!(decimals_of(&q(5.0, 1e-12)), 4);
    }

    #[test]
    fn numbers_use_a_real_minus_and_thousands_separators() {
        assert_eq!(fmt_pct(-3.07, 2), "−3.07%");
        assert_eq!(fmt_pct(0.65, 2), "+0.65%");
        assert_eq!(fmt_pct(-0.001, 2), "0.00%");
        assert_eq!(fmt_abs(19341.83, 2), "19,341.83");
        assert_eq!(fmt_abs(1234567.0, 0), "1,234,567");
        assert_eq!(fmt_abs(999.0, 0), "999");
        assert_eq!(fmt_signed(-612.47, 2), "−612.47");
        assert_eq!(arrow(-612.47, 2), "▼");
        assert_eq!(arrow(289.33, 2), "▲");
        assert_eq!(arrow(0.0, 2), "");
        assert_eq!(fmt_tick(-4.0, 0, "%"), "−4%");
        assert_eq!(fmt_tick(4.0, 0, "%"), "+4%");
        assert_eq!(fmt_tick(4.0, 0, ""), "4");
        assert_eq!(fmt_tick(-4.0, 0, ""), "−4");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 27).unwrap();
        assert_eq!(fmt_date_long(d, Lang::Ko), "2025년 1월 27일");
        assert_eq!(fmt_date_long(d, Lang::En), "Jan 27, 2025");
        assert_eq!(fmt_date_short(d, Lang::Ko, false), "1월 27일");
    }

    #[test]
    fn source_lines() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 27).unwrap();
        let e = NaiveDate::from_ymd_opt(2025, 1, 28).unwrap();
        let names: Vec<String> = ["a.txt", "b.html", "c.txt"].map(String::from).into();
        let ko = Captions::new(Lang::Ko);
        let en = Captions::new(Lang::En);
        assert_eq!(
            ko.source(&names, 3, &[d]),
            "출처: a.txt, b.html, c.txt, 기준일 2025-01-27"
        );
        assert_eq!(
            ko.source(&names, 1, &[d, e]),
            "출처: a.txt 외 2건, 기준일 2025-01-27 – 2025-01-28"
        );
        assert_eq!(
            en.source(&names, 2, &[d]),
            "Source: a.txt, b.html and 1 more, event date 2025-01-27"
        );
        assert_eq!(en.source(&names, 0, &[]), "Source: 3 articles");
    }
}
