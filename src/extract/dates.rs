//! Dates: date expressions in text and the trading day a figure describes.
//!
//! A figure's event date is the trading day of its own market. Explicit dates win
//! (`2020년 3월 19일`, `March 16`, `16일(현지시간)`, `전날`, `on Thursday`); otherwise the
//! article's dateline, bounded by the latest session of that market that had opened when
//! the article was published (a Seoul article at 06:41 KST reports the previous New York
//! session).

use super::lexicon::Market;
use crate::corpus::Published;
use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use regex::Regex;
use std::sync::OnceLock;

/// A date expression found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub what: DateRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRef {
    /// A full calendar date with a year: historical.
    Full(NaiveDate),
    /// Year and month only (`2020년 3월`): blocks binding across it, names no day.
    YearMonth,
    MonthDay(u32, u32),
    /// 지난해 4월 3일 / 작년 4월 3일: that day of the year before the base date's.
    MonthDayLastYear(u32, u32),
    Day(u32),
    /// 이날 / today / the same day.
    Today,
    /// 전날 / 전일 / yesterday: the trading day before.
    PreviousDay,
    Weekday(Weekday),
    /// 지난주 금요일 / last Friday.
    LastWeekday(Weekday),
    /// 지난주 / last week: the last trading day of the previous week.
    LastWeek,
    /// 같은 날 / the same day: the date the text named last.
    SameDay,
    /// 어제 / yesterday: the day before the publication date.
    Yesterday,
}

fn regexes() -> &'static [Regex; 5] {
    static R: OnceLock<[Regex; 5]> = OnceLock::new();
    R.get_or_init(|| {
        let mk = |s: &str| Regex::new(s).unwrap_or_else(|e| unreachable!("static regex: {e}"));
        [
            mk(r"(\d{4})년\s*(\d{1,2})월(?:\s*(\d{1,2})일)?"),
            mk(r"(?:(지난해|작년)\s*|지난\s*)?(\d{1,2})월\s*(\d{1,2})일"),
            mk(r"(?:지난\s*|오는\s*)?(\d{1,2})일(?:\(현지시간\))?"),
            mk(r"(?i)(?-u:\b)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?(?-u:\b)"),
            mk(r"(?i)(?-u:\b)(last\s+|on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)|(지난주\s*)?(월|화|수|목|금)요일|이날|전날|전일|어제|yesterday|today|(?-u:\b)last week(?-u:\b)|지난주|같은 날|the same day"),
        ]
    })
}

fn month_num(s: &str) -> Option<u32> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let l = s.to_ascii_lowercase();
    M.iter()
        .position(|m| l.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn weekday_of(s: &str) -> Option<Weekday> {
    let l = s.to_ascii_lowercase();
    Some(match l.as_str() {
        "monday" | "월" => Weekday::Mon,
        "tuesday" | "화" => Weekday::Tue,
        "wednesday" | "수" => Weekday::Wed,
        "thursday" | "목" => Weekday::Thu,
        "friday" | "금" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// All date expressions in `text`, sorted by position, non-overlapping (longest first).
pub fn date_exprs(text: &str) -> Vec<DateExpr> {
    let r = regexes();
    let mut out: Vec<DateExpr> = Vec::new();
    let taken =
        |out: &Vec<DateExpr>, s: usize, e: usize| out.iter().any(|d| s < d.end && d.start < e);
    for c in r[0].captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if prev_is_digit(text, m.start()) {
            continue;
        }
        let y: i32 = c[1].parse().unwrap_or(0);
        let mo: u32 = c[2].parse().unwrap_or(0);
        let what = match c.get(3).and_then(|d| d.as_str().parse::<u32>().ok()) {
            Some(d) => match NaiveDate::from_ymd_opt(y, mo, d) {
                Some(date) => DateRef::Full(date),
                None => continue,
            },
            None => DateRef::YearMonth,
        };
        out.push(DateExpr {
            start: m.start(),
            end: m.end(),
            what,
        });
    }
    for c in r[1].captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if taken(&out, m.start(), m.end()) || prev_is_digit(text, m.start()) {
            continue;
        }
        let (mo, d) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if (1..=12).contains(&mo) && (1..=31).contains(&d) {
            out.push(DateExpr {
                start: m.start(),
                end: m.end(),
                what: if c.get(1).is_some() {
                    DateRef::MonthDayLastYear(mo, d)
                } else {
                    DateRef::MonthDay(mo, d)
                },
            });
        }
    }
    for c in r[2].captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if taken(&out, m.start(), m.end()) || prev_is_digit(text, m.start()) {
            continue;
        }
        let num = c.get(1).map_or(m.start(), |g| g.start());
        if prev_is_digit(text, num) || text[..num].ends_with(['.', ',', '~', '-']) {
            continue;
        }
        // 20일간, 13일째, 일본: not a day of the month
        let after = text[m.end()..].chars().next();
        if after.is_some_and(|a| matches!(a, '간' | '째' | '본' | '대' | '선' | '반' | '련' | '시'))
        {
            continue;
        }
        let d: u32 = c[1].parse().unwrap_or(0);
        if (1..=31).contains(&d) {
            out.push(DateExpr {
                start: m.start(),
                end: m.end(),
                what: DateRef::Day(d),
            });
        }
    }
    for c in r[3].captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if taken(&out, m.start(), m.end()) {
            continue;
        }
        let Some(mo) = month_num(&c[1]) else { continue };
        let d: u32 = c[2].parse().unwrap_or(0);
        let what = match c.get(3).and_then(|y| y.as_str().parse::<i32>().ok()) {
            Some(y) => match NaiveDate::from_ymd_opt(y, mo, d) {
                Some(date) => DateRef::Full(date),
                None => continue,
            },
            None if (1..=31).contains(&d) => DateRef::MonthDay(mo, d),
            None => continue,
        };
        // `May` is also a verb: require a capital M and a day number
        out.push(DateExpr {
            start: m.start(),
            end: m.end(),
            what,
        });
    }
    for c in r[4].captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if taken(&out, m.start(), m.end()) {
            continue;
        }
        let s = m.as_str();
        // `Black Monday`, `Cyber Monday`: a name, not a date
        if c.get(2).is_some() && c.get(1).is_none() {
            let prev_word = text[..m.start()]
                .trim_end()
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            if prev_word.starts_with(|ch: char| ch.is_ascii_uppercase())
                && !prev_word.ends_with('.')
            {
                continue;
            }
        }
        let what = if s.eq_ignore_ascii_case("last week") || s == "지난주" {
            DateRef::LastWeek
        } else if s == "같은 날" || s.eq_ignore_ascii_case("the same day") {
            DateRef::SameDay
        } else if let Some(w) = c.get(2) {
            match weekday_of(w.as_str()) {
                Some(wd)
                    if c.get(1)
                        .is_some_and(|l| l.as_str().trim().eq_ignore_ascii_case("last")) =>
                {
                    DateRef::LastWeekday(wd)
                }
                Some(wd) => DateRef::Weekday(wd),
                None => continue,
            }
        } else if let Some(w) = c.get(4) {
            match weekday_of(w.as_str()) {
                Some(wd) if c.get(3).is_some() => DateRef::LastWeekday(wd),
                Some(wd) => DateRef::Weekday(wd),
                None => continue,
            }
        } else if s == "이날" || s.eq_ignore_ascii_case("today") {
            DateRef::Today
        } else {
            // 전날보다 / 전일 대비 compare with the previous day; they do not date the figure
            let after = text[m.end()..].trim_start();
            // (… also through its close: `전일 종가 대비`, `전날 종가보다`)
            let after = after.strip_prefix("종가").map_or(after, str::trim_start);
            if after.starts_with("보다") || after.starts_with("대비") || after.starts_with("比")
            {
                continue;
            }
            if s == "어제" || s.eq_ignore_ascii_case("yesterday") {
                DateRef::Yesterday
            } else {
                DateRef::PreviousDay
            }
        };
        out.push(DateExpr {
            start: m.start(),
            end: m.end(),
            what,
        });
    }
    // `지난 24일보다`, `이달 2일과 비교하면`: the base of a comparison does not date the figure
    out.retain(|d| {
        let after = text[d.end..].trim_start();
        !["보다", "대비", "과 비교", "와 비교", "에 비해", "比"]
            .iter()
            .any(|w| after.starts_with(w))
    });
    out.sort_by_key(|d| d.start);
    out
}

fn prev_is_digit(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

/// The US Eastern UTC offset on a date (DST from the second Sunday of March to the first
/// Sunday of November).
pub fn us_eastern_offset(date: NaiveDate) -> FixedOffset {
    let y = date.year();
    let nth_sunday = |month: u32, n: u32| {
        let first = NaiveDate::from_ymd_opt(y, month, 1).unwrap_or(date);
        let to_sun = (7 - first.weekday().num_days_from_sunday()) % 7;
        first + Duration::days(i64::from(to_sun + 7 * (n - 1)))
    };
    let dst = date >= nth_sunday(3, 2) && date < nth_sunday(11, 1);
    FixedOffset::west_opt(if dst { 4 * 3600 } else { 5 * 3600 }).unwrap_or_else(|| unreachable!())
}

/// Central European offset (EU DST: last Sunday of March to last Sunday of October).
fn eu_offset(date: NaiveDate, base_hours: i32) -> FixedOffset {
    let y = date.year();
    let last_sunday = |month: u32| {
        let last = NaiveDate::from_ymd_opt(y, month + 1, 1).map_or(date, |d| d - Duration::days(1));
        last - Duration::days(i64::from(last.weekday().num_days_from_sunday()))
    };
    let dst = date >= last_sunday(3) && date < last_sunday(10);
    FixedOffset::east_opt((base_hours + i32::from(dst)) * 3600).unwrap_or_else(|| unreachable!())
}

impl Market {
    /// UTC offset of the market's exchange on a date.
    pub fn offset(self, date: NaiveDate) -> FixedOffset {
        let east = |h: i32, m: i32| {
            FixedOffset::east_opt(h * 3600 + m * 60).unwrap_or_else(|| unreachable!())
        };
        match self {
            Market::Us => us_eastern_offset(date),
            Market::Kr | Market::Jp => east(9, 0),
            Market::Cn | Market::Hk | Market::Tw => east(8, 0),
            Market::Gb => eu_offset(date, 0),
            Market::Eu => eu_offset(date, 1),
            Market::In => east(5, 30),
            Market::Au => east(10, 0),
            Market::Global => east(0, 0),
        }
    }

    /// Local opening time of the regular session.
    fn open(self) -> NaiveTime {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        match self {
            Market::Us | Market::Cn | Market::Hk => t(9, 30),
            Market::Gb => t(8, 0),
            Market::In => t(9, 15),
            Market::Au => t(10, 0),
            Market::Global => t(0, 0),
            _ => t(9, 0),
        }
    }

    fn trades_weekends(self) -> bool {
        self == Market::Global
    }

    /// The latest trading day whose session had opened at `instant`.
    pub fn latest_session(self, instant: chrono::DateTime<Utc>) -> NaiveDate {
        let guess = instant.date_naive();
        let local = instant.with_timezone(&self.offset(guess)).naive_local();
        let mut day = local.date();
        if local.time() < self.open() {
            day -= Duration::days(1);
        }
        self.previous_or_same_trading_day(day)
    }

    pub fn previous_or_same_trading_day(self, mut day: NaiveDate) -> NaiveDate {
        if self.trades_weekends() {
            return day;
        }
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            day -= Duration::days(1);
        }
        day
    }

    pub fn previous_trading_day(self, day: NaiveDate) -> NaiveDate {
        self.previous_or_same_trading_day(day - Duration::days(1))
    }
}

/// Publication time as an instant. When the article states no zone, the zone of its
/// language is assumed (Korean → KST, otherwise US Eastern); the result is used only to
/// bound dates the text leaves open, never to override a date the text states.
pub fn publication_instant(p: &Published, korean: bool) -> chrono::DateTime<Utc> {
    let offset = p.offset.unwrap_or_else(|| {
        if korean {
            FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| unreachable!())
        } else {
            us_eastern_offset(p.local.date())
        }
    });
    offset.from_local_datetime(&p.local).single().map_or_else(
        || Utc.from_utc_datetime(&p.local),
        |d| d.with_timezone(&Utc),
    )
}

/// The calendar date of `day` (1–31) nearest at or before `reference` (a day in the future
/// of the reference belongs to the previous month).
pub fn day_on_or_before(reference: NaiveDate, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(reference.year(), reference.month(), day);
    match this {
        Some(d) if d <= reference + Duration::days(1) => Some(d),
        _ => {
            let prev_month_end = NaiveDate::from_ymd_opt(reference.year(), reference.month(), 1)?
                - Duration::days(1);
            NaiveDate::from_ymd_opt(prev_month_end.year(), prev_month_end.month(), day)
        }
    }
}

pub fn month_day_on_or_before(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if d <= reference + Duration::days(1) {
        Some(d)
    } else {
        NaiveDate::from_ymd_opt(reference.year() - 1, month, day)
    }
}

pub fn weekday_on_or_before(reference: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + reference.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    reference - Duration::days(i64::from(back))
}

/// Local publication date (as printed).
pub fn published_date(p: &Published) -> NaiveDate {
    p.local.date()
}

/// Resolve a date expression for a market, given the article's base date for that market.
pub fn resolve(what: DateRef, base: NaiveDate, market: Market) -> Option<NaiveDate> {
    Some(match what {
        DateRef::Full(d) => d,
        DateRef::YearMonth => return None,
        DateRef::MonthDay(m, d) => month_day_on_or_before(base, m, d)?,
        DateRef::MonthDayLastYear(m, d) => NaiveDate::from_ymd_opt(base.year() - 1, m, d)?,
        DateRef::Day(d) => day_on_or_before(base, d)?,
        DateRef::Today => base,
        DateRef::PreviousDay => market.previous_trading_day(base),
        DateRef::Weekday(wd) => weekday_on_or_before(base, wd),
        // `지난주 금요일`: that weekday of the previous calendar week
        DateRef::LastWeekday(wd) => {
            let monday = base - Duration::days(i64::from(base.weekday().num_days_from_monday()));
            monday - Duration::days(7) + Duration::days(i64::from(wd.num_days_from_monday()))
        }
        DateRef::Yesterday => market.previous_trading_day(base),
        // resolved by the caller, which knows the date named last
        DateRef::SameDay => base,
        DateRef::LastWeek => {
            let monday = base - Duration::days(i64::from(base.weekday().num_days_from_monday()));
            market.previous_trading_day(monday)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn naive(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, mi, 0))
            .unwrap_or_default()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn seoul_morning_reports_previous_new_york_session() {
        let p = Published {
            local: naive(2024, 8, 6, 7, 12),
            offset: FixedOffset::east_opt(9 * 3600),
        };
        let t = publication_instant(&p, true);
        assert_eq!(Market::Us.latest_session(t), d(2024, 8, 5));
        assert_eq!(Market::Kr.latest_session(t), d(2024, 8, 5));
        let p = Published {
            local: naive(2024, 8, 6, 15, 40),
            offset: FixedOffset::east_opt(9 * 3600),
        };
        assert_eq!(
            Market::Kr.latest_session(publication_instant(&p, true)),
            d(2024, 8, 6)
        );
    }

    #[test]
    fn new_york_evening_and_tokyo() {
        // 2024-02-22 16:20 EST is 06:20 JST on the 23rd, before Tokyo opens
        let p = Published {
            local: naive(2024, 2, 22, 16, 20),
            offset: FixedOffset::west_opt(5 * 3600),
        };
        let t = publication_instant(&p, false);
        assert_eq!(Market::Jp.latest_session(t), d(2024, 2, 22));
        assert_eq!(Market::Us.latest_session(t), d(2024, 2, 22));
    }

    #[test]
    fn weekends_roll_back() {
        let p = Published {
            local: naive(2025, 1, 27, 8, 0),
            offset: FixedOffset::east_opt(9 * 3600),
        };
        // Monday 08:00 KST: New York last traded on Friday the 24th
        assert_eq!(
            Market::Us.latest_session(publication_instant(&p, true)),
            d(2025, 1, 24)
        );
    }

    #[test]
    fn expressions() {
        let e = date_exprs("16일(현지시간) 뉴욕증시에서 ... 1987년 10월 19일 '블랙 먼데이'");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].what, DateRef::Day(16));
        assert_eq!(e[1].what, DateRef::Full(d(1987, 10, 19)));
        assert!(date_exprs("전날보다 29.7원 오른").is_empty());
        assert!(date_exprs("13거래일 만에, 20일간").is_empty());
        let e = date_exprs("On Thursday the Dow had lost");
        assert_eq!(e[0].what, DateRef::Weekday(Weekday::Thu));
        let e = date_exprs("NEW YORK, March 16 - Wall Street");
        assert_eq!(e[0].what, DateRef::MonthDay(3, 16));
        assert_eq!(
            resolve(DateRef::Weekday(Weekday::Thu), d(2025, 4, 4), Market::Us),
            Some(d(2025, 4, 3))
        );
        assert_eq!(
            resolve(DateRef::PreviousDay, d(2021, 1, 7), Market::Kr),
            Some(d(2021, 1, 6))
        );
        assert_eq!(
            resolve(DateRef::Day(31), d(2025, 2, 3), Market::Kr),
            Some(d(2025, 1, 31))
        );
    }

    #[test]
    fn a_month_and_day_of_last_year() {
        // in a January article, `지난해 4월3일` is April of the year before, and so is a bare
        // `4월 3일` only when it would lie in the future
        let e = date_exprs("이는 지난해 4월3일 이후 최고치다. 작년 12월 28일 종가는");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].what, DateRef::MonthDayLastYear(4, 3));
        assert_eq!(e[1].what, DateRef::MonthDayLastYear(12, 28));
        assert_eq!(
            resolve(e[0].what, d(2016, 5, 25), Market::Kr),
            Some(d(2015, 4, 3))
        );
        assert_eq!(
            resolve(DateRef::MonthDay(4, 3), d(2016, 5, 25), Market::Kr),
            Some(d(2016, 4, 3))
        );
    }
}
