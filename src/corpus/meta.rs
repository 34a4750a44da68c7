//! Publication time from an article's byline or timestamp line, or from an HTML meta value.
//!
//! A timestamp is a full date (`2024.08.05`, `2024-08-05`, `2024년 8월 5일`, `Aug 5, 2024`,
//! `5 August 2024`) usually followed by a time (`16:40`, `4:58 PM`, `5:10 p.m.`, `오후 4:40`,
//! `16시 20분`) and sometimes a zone (`+09:00`, `Z`, `KST`, `EDT`, `ET`, `(UTC+9)`).
//! Labels around it (`입력`, `Posted`, `Published` vs `수정`, `Updated`) say which time it is.
//! The offset is only filled in when the text states a zone.

use super::Published;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines at the top of an article count as its header.
const HEADER_LINES: usize = 15;
/// How many non-empty lines at the bottom may carry a `송고` line.
const FOOTER_LINES: usize = 10;

const MONTHS: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<y1>\d{{4}})\s*[./-]\s*(?P<m1>\d{{1,2}})\s*[./-]\s*(?P<d1>\d{{1,2}})\.?
        | (?P<y2>\d{{4}})\s*년\s*(?P<m2>\d{{1,2}})\s*월\s*(?P<d2>\d{{1,2}})\s*일(?:\s*\(?[월화수목금토일]\)(?:요일)?)?
        | (?-u:\b)(?P<mon3>{MONTHS})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{{4}})(?-u:\b)
        | (?P<d4>\d{{1,2}})\s+(?P<mon4>{MONTHS})\.?,?\s+(?P<y4>\d{{4}})(?-u:\b)"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("date regex: {e}"))
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:T|\s*(?:[,·•|/@-]|(?i:at)(?-u:\b))?\s*)
        (?:(?P<ap1>오전|오후|(?i:am|pm)(?-u:\b))\s*)?
        (?:
            (?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?
          | (?P<hk>\d{1,2})\s*시(?:\s*(?P<mk>\d{1,2})\s*분)?
        )
        (?:\s*(?P<ap2>(?i:[ap])\.?(?i:m)(?-u:\b)\.?))?",
    )
    .unwrap_or_else(|e| panic!("time regex: {e}"))
});

static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(?:
            (?P<z>Z)(?-u:\b)
          | (?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})(?-u:\b)
          | \(?(?:UTC|GMT)\s*(?P<sign2>[+-])\s*(?P<oh2>\d{1,2})(?::?(?P<om2>\d{2}))?\)?
          | \(?(?P<abbr>
                (?i:eastern|central|mountain|pacific)(?:\s+(?i:standard|daylight))?(?:\s+(?i:time))?
              | [A-Z]{1,5}(?-u:\b)
              | 한국시간|서울시간|도쿄시간|뉴욕시간|미국\s*동부시간|동부시간
            )\)?
        )",
    )
    .unwrap_or_else(|e| panic!("zone regex: {e}"))
});

/// Which time a stamp is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Published,
    Neutral,
    Updated,
}

/// One timestamp found in a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stamp {
    pub published: Published,
    pub has_time: bool,
    pub label: Label,
}

const PUBLISHED_WORDS: &[&str] = &[
    "입력",
    "등록",
    "게재",
    "발행",
    "송고",
    "작성",
    "posted",
    "published",
    "released",
    "filed",
];
const UPDATED_WORDS: &[&str] = &[
    "수정",
    "업데이트",
    "갱신",
    "updated",
    "modified",
    "edited",
    "revised",
];

/// Label from the last keyword in the text before a stamp.
fn label_before(prefix: &str) -> Option<Label> {
    let lower = prefix.to_lowercase();
    let last = |words: &[&str]| words.iter().filter_map(|w| lower.rfind(w)).max();
    match (last(PUBLISHED_WORDS), last(UPDATED_WORDS)) {
        (Some(p), Some(u)) => Some(if p > u {
            Label::Published
        } else {
            Label::Updated
        }),
        (Some(_), None) => Some(Label::Published),
        (None, Some(_)) => Some(Label::Updated),
        (None, None) => None,
    }
}

/// Label from a keyword right after a stamp (`2025.04.07 15:52 입력`), and its length.
fn label_after(suffix: &str) -> Option<(Label, usize)> {
    let trimmed = suffix.trim_start_matches([' ', '\t', ':', ')', ']']);
    let skipped = suffix.len() - trimmed.len();
    for (words, label) in [
        (PUBLISHED_WORDS, Label::Published),
        (UPDATED_WORDS, Label::Updated),
    ] {
        for w in words {
            if trimmed
                .get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
            {
                return Some((label, skipped + w.len()));
            }
        }
    }
    None
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let m = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// All timestamps in one line, in order.
pub(crate) fn stamps(line: &str) -> Vec<Stamp> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    let mut from = 0;
    while let Some(caps) = DATE.captures_at(line, from) {
        let Some(whole) = caps.get(0) else { break };
        // On rejection, search again from the next character.
        from = whole.start()
            + line[whole.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        // Not part of a longer number (the regex crate has no look-around).
        let digit_before = line[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        let digit_after = line[whole.end()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
        if digit_before || digit_after {
            continue;
        }
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let ymd = if let (Some(y), Some(m), Some(d)) = (num("y1"), num("m1"), num("d1")) {
            Some((y, m, d))
        } else if let (Some(y), Some(m), Some(d)) = (num("y2"), num("m2"), num("d2")) {
            Some((y, m, d))
        } else if let (Some(y), Some(m), Some(d)) = (
            num("y3"),
            caps.name("mon3").and_then(|m| month_number(m.as_str())),
            num("d3"),
        ) {
            Some((y, m, d))
        } else if let (Some(y), Some(m), Some(d)) = (
            num("y4"),
            caps.name("mon4").and_then(|m| month_number(m.as_str())),
            num("d4"),
        ) {
            Some((y, m, d))
        } else {
            None
        };
        let Some((y, m, d)) = ymd else { continue };
        let Some(date) = i32::try_from(y)
            .ok()
            .filter(|y| (1970..=2100).contains(y))
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        else {
            continue;
        };
        let mut end = whole.end();
        let time = TIME.captures(&line[end..]).and_then(|t| {
            let parsed = parse_time(&t)?;
            Some((parsed, t.get(0)?.end()))
        });
        let has_time = time.is_some();
        let local_time = match time {
            Some((t, len)) => {
                end += len;
                t
            }
            None => NaiveTime::MIN,
        };
        let local = NaiveDateTime::new(date, local_time);
        let mut offset = None;
        if has_time {
            if let Some(z) = ZONE.captures(&line[end..]) {
                if let Some(o) = zone_offset(&z, local) {
                    offset = Some(o);
                    end += z.get(0).map_or(0, |m| m.end());
                }
            }
        }
        let mut label = label_before(&line[prev_end..whole.start()]);
        if label.is_none() {
            if let Some((l, len)) = label_after(&line[end..]) {
                label = Some(l);
                end += len;
            }
        }
        out.push(Stamp {
            published: Published { local, offset },
            has_time,
            label: label.unwrap_or(Label::Neutral),
        });
        prev_end = end;
        from = from.max(end);
    }
    out
}

fn parse_time(t: &regex::Captures<'_>) -> Option<NaiveTime> {
    let num = |name: &str| t.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (mut h, mi, s) = match (num("h"), num("hk")) {
        (Some(h), _) => (h, num("mi")?, num("s").unwrap_or(0).min(59)),
        (None, Some(h)) => (h, num("mk").unwrap_or(0), 0),
        (None, None) => return None,
    };
    let ampm = t
        .name("ap1")
        .or_else(|| t.name("ap2"))
        .map(|m| m.as_str().to_lowercase());
    if let Some(ap) = ampm {
        if !(1..=12).contains(&h) {
            return None;
        }
        let pm = ap.starts_with('p') || ap == "오후";
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    NaiveTime::from_hms_opt(h, mi, s)
}

fn hours(h: i32) -> Option<FixedOffset> {
    FixedOffset::east_opt(h * 3600)
}

fn zone_offset(z: &regex::Captures<'_>, local: NaiveDateTime) -> Option<FixedOffset> {
    if z.name("z").is_some() {
        return hours(0);
    }
    for (sign, h, m) in [("sign", "oh", "om"), ("sign2", "oh2", "om2")] {
        if let (Some(sign), Some(h)) = (z.name(sign), z.name(h)) {
            let h: i32 = h.as_str().parse().ok()?;
            let m: i32 = z.name(m).map_or(Ok(0), |m| m.as_str().parse()).ok()?;
            if h > 14 || m > 59 {
                return None;
            }
            let secs = (h * 60 + m) * 60;
            return FixedOffset::east_opt(if sign.as_str() == "-" { -secs } else { secs });
        }
    }
    let abbr = z.name("abbr")?.as_str();
    let words: Vec<String> = abbr.split_whitespace().map(str::to_lowercase).collect();
    let key = words.join(" ");
    let us = |std: i32| hours(if us_dst(local) { std + 1 } else { std });
    match key.as_str() {
        "utc" | "gmt" | "ut" | "wet" => hours(0),
        "bst" | "cet" | "wat" | "west" => hours(1),
        "cest" | "eet" | "sast" => hours(2),
        "eest" | "msk" => hours(3),
        "hkt" | "sgt" | "awst" | "pht" | "myt" => hours(8),
        "kst" | "jst" | "한국시간" | "서울시간" | "도쿄시간" => hours(9),
        "aest" => hours(10),
        "aedt" => hours(11),
        "est" | "eastern standard" | "eastern standard time" => hours(-5),
        "edt" | "eastern daylight" | "eastern daylight time" => hours(-4),
        "cdt" => hours(-5),
        "et" | "eastern" | "eastern time" | "뉴욕시간" | "동부시간" => us(-5),
        "미국 동부시간" | "미국동부시간" => us(-5),
        "ct" | "central" | "central time" => us(-6),
        "central standard" | "central standard time" => hours(-6),
        "central daylight" | "central daylight time" => hours(-5),
        "mst" | "mountain standard" | "mountain standard time" => hours(-7),
        "mdt" | "mountain daylight" | "mountain daylight time" => hours(-6),
        "mt" | "mountain" | "mountain time" => us(-7),
        "pst" | "pacific standard" | "pacific standard time" => hours(-8),
        "pdt" | "pacific daylight" | "pacific daylight time" => hours(-7),
        "pt" | "pacific" | "pacific time" => us(-8),
        // CST (China or US Central), IST (India, Israel, Ireland) ...: ambiguous, not guessed.
        _ => None,
    }
}

/// Whether US daylight saving time is in force at this US local wall-clock time.
/// Since 2007: second Sunday of March 2:00 to first Sunday of November 2:00;
/// 1987-2006: first Sunday of April to last Sunday of October.
pub(crate) fn us_dst(local: NaiveDateTime) -> bool {
    let year = local.year();
    let (start, end) = if year >= 2007 {
        (
            NaiveDate::from_weekday_of_month_opt(year, 3, Weekday::Sun, 2),
            NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Sun, 1),
        )
    } else {
        let last_oct = NaiveDate::from_ymd_opt(year, 10, 31).map(|d| {
            let back = d.weekday().num_days_from_sunday();
            d - chrono::Duration::days(i64::from(back))
        });
        (
            NaiveDate::from_weekday_of_month_opt(year, 4, Weekday::Sun, 1),
            last_oct,
        )
    };
    let two = NaiveTime::from_hms_opt(2, 0, 0).unwrap_or(NaiveTime::MIN);
    match (start, end) {
        (Some(s), Some(e)) => local >= s.and_time(two) && local < e.and_time(two),
        _ => false,
    }
}

/// Best stamp of a list: a published time, then an unlabelled one, then an update time;
/// date-only stamps only when `date_only` allows them and nothing better exists.
fn pick(stamps: &[Stamp], date_only: impl Fn(&Stamp) -> bool) -> Option<Stamp> {
    for label in [Label::Published, Label::Neutral, Label::Updated] {
        if let Some(s) = stamps.iter().find(|s| s.has_time && s.label == label) {
            return Some(*s);
        }
    }
    stamps.iter().find(|s| !s.has_time && date_only(s)).copied()
}

/// Parse a publication time from one string (a meta `content`, a `datetime` attribute, or a
/// byline such as `입력 2024.08.05 16:40 | 수정 2024.08.05 17:02`).
pub fn parse_published(s: &str) -> Option<Published> {
    let all: Vec<Stamp> = s.lines().flat_map(stamps).collect();
    pick(&all, |_| true).map(|s| s.published)
}

/// Like [`parse_published`], also saying whether a time of day was stated.
pub(crate) fn parse_stamp(s: &str) -> Option<Stamp> {
    let all: Vec<Stamp> = s.lines().flat_map(stamps).collect();
    pick(&all, |_| true)
}

/// Publication time from the header lines of an article's text (the first
/// [`HEADER_LINES`] non-empty lines).
pub(crate) fn from_header(text: &str) -> Option<Stamp> {
    let all: Vec<Stamp> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEADER_LINES)
        .flat_map(stamps)
        .collect();
    pick(&all, |s| s.label == Label::Published)
}

/// A labelled publication time at the bottom of the text
/// (`이 기사는 2024년 2월 22일 16시 20분 송고됐습니다.`).
pub(crate) fn from_footer(text: &str) -> Option<Stamp> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(FOOTER_LINES)..];
    tail.iter()
        .rev()
        .flat_map(|l| stamps(l))
        .find(|s| s.has_time && s.label == Label::Published)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(String, Option<i32>)> {
        parse_published(s).map(|p| {
            (
                p.local.format("%Y-%m-%d %H:%M:%S").to_string(),
                p.offset.map(|o| o.local_minus_utc() / 3600),
            )
        })
    }

    fn some(local: &str, offset: Option<i32>) -> Option<(String, Option<i32>)> {
        Some((local.to_owned(), offset))
    }

    #[test]
    fn korean_formats() {
        assert_eq!(
            p("입력 2024.08.05 16:40"),
            some("2024-08-05 16:40:00", None)
        );
        assert_eq!(
            p("입력 2020.03.17 06:41 | 수정 2020.03.17 07:15"),
            some("2020-03-17 06:41:00", None)
        );
        assert_eq!(
            p("수정 2020.03.17 07:15 | 입력 2020.03.17 06:41"),
            some("2020-03-17 06:41:00", None)
        );
        assert_eq!(
            p("2025.04.07 15:52 입력"),
            some("2025-04-07 15:52:00", None)
        );
        assert_eq!(
            p("2025.04.07 16:30 수정 2025.04.07 15:52 입력"),
            some("2025-04-07 15:52:00", None)
        );
        assert_eq!(
            p("입력 2022-09-14 06:30:12 | 최종수정 2022-09-14 07:05:41"),
            some("2022-09-14 06:30:12", None)
        );
        assert_eq!(
            p("입력 2021.01.07 15:48  |  수정 2021.01.07 16:20"),
            some("2021-01-07 15:48:00", None)
        );
        assert_eq!(
            p("입력 2023.03.14 16:18 수정 2023.03.14 16:35"),
            some("2023-03-14 16:18:00", None)
        );
        assert_eq!(
            p("기사입력 2024.08.05. 오후 4:40"),
            some("2024-08-05 16:40:00", None)
        );
        assert_eq!(
            p("입력 2024.08.05 16:40 KST"),
            some("2024-08-05 16:40:00", Some(9))
        );
        assert_eq!(
            p("By 박현우 기자 Posted: 2024-08-06 07:12:00"),
            some("2024-08-06 07:12:00", None)
        );
        assert_eq!(
            p("이 기사는 2024년 2월 22일 16시 20분 송고됐습니다."),
            some("2024-02-22 16:20:00", None)
        );
        assert_eq!(
            p("2024년 2월 22일(목) 오후 4시 20분 (한국시간)"),
            some("2024-02-22 16:20:00", Some(9))
        );
    }

    #[test]
    fn english_formats() {
        assert_eq!(
            p("Posted: 2025-01-28 10:58:07"),
            some("2025-01-28 10:58:07", None)
        );
        assert_eq!(
            p("Posted: 2025-01-28 10:58:07 ET"),
            some("2025-01-28 10:58:07", Some(-5))
        );
        assert_eq!(
            p("Posted: 2020-03-16 17:05:00 ET"),
            some("2020-03-16 17:05:00", Some(-4))
        );
        assert_eq!(
            p("April 4, 2025 · 5:10 p.m. EDT · 6 min read"),
            some("2025-04-04 17:10:00", Some(-4))
        );
        assert_eq!(
            p("Jan 27, 2021 / 4:58 PM EST"),
            some("2021-01-27 16:58:00", Some(-5))
        );
        assert_eq!(
            p("By Markets Desk | February 3, 2022 4:45 PM EST | Updated 2 hours ago"),
            some("2022-02-03 16:45:00", Some(-5))
        );
        assert_eq!(
            p("Aug 26, 2022 4:15 PM ET | Updated Aug 26, 2022 6:02 PM ET"),
            some("2022-08-26 16:15:00", Some(-4))
        );
        assert_eq!(
            p("Updated Aug 26, 2022 6:02 PM ET | Published Aug 26, 2022 4:15 PM ET"),
            some("2022-08-26 16:15:00", Some(-4))
        );
        assert_eq!(
            p("April 20, 2022 | 5:02 PM EDT | 4 min read"),
            some("2022-04-20 17:02:00", Some(-4))
        );
        assert_eq!(
            p("Feb 22, 2024 4:20 PM ET"),
            some("2024-02-22 16:20:00", Some(-5))
        );
        assert_eq!(
            p("Published May 25, 2023 at 4:31 p.m. ET · 12.4K views"),
            some("2023-05-25 16:31:00", Some(-4))
        );
        assert_eq!(
            p("16 March 2020 17:05 GMT"),
            some("2020-03-16 17:05:00", Some(0))
        );
        assert_eq!(
            p("March 16, 2020 12:30 a.m. CST"),
            some("2020-03-16 00:30:00", None)
        );
        assert_eq!(
            p("March 16, 2020 9:30 AM Eastern Time"),
            some("2020-03-16 09:30:00", Some(-4))
        );
        assert_eq!(
            p("Jan 5, 2024 10:00 BST"),
            some("2024-01-05 10:00:00", Some(1))
        );
        assert_eq!(
            p("Jan 5, 2024 10:00 CET"),
            some("2024-01-05 10:00:00", Some(1))
        );
        assert_eq!(
            p("Jul 5, 2024 10:00 CEST"),
            some("2024-07-05 10:00:00", Some(2))
        );
        assert_eq!(
            p("Jul 5, 2024 10:00 HKT"),
            some("2024-07-05 10:00:00", Some(8))
        );
        assert_eq!(
            p("Jul 5, 2024 10:00 JST"),
            some("2024-07-05 10:00:00", Some(9))
        );
        assert_eq!(
            p("Jul 5, 2024 10:00 UTC"),
            some("2024-07-05 10:00:00", Some(0))
        );
    }

    #[test]
    fn iso_and_offsets() {
        assert_eq!(
            p("2024-08-05T07:12:00+09:00"),
            some("2024-08-05 07:12:00", Some(9))
        );
        assert_eq!(
            p("2024-08-05T07:12:00.000Z"),
            some("2024-08-05 07:12:00", Some(0))
        );
        assert_eq!(
            p("2024-08-05T07:12:00-0400"),
            some("2024-08-05 07:12:00", Some(-4))
        );
        assert_eq!(p("2024-08-05T07:12:00"), some("2024-08-05 07:12:00", None));
        assert_eq!(
            p("2024-08-05 07:12 (UTC+9)"),
            some("2024-08-05 07:12:00", Some(9))
        );
        assert_eq!(p("2024-08-05"), some("2024-08-05 00:00:00", None));
        assert_eq!(p("코스피 2,441.55 마감"), None);
        assert_eq!(p("2020년 6월 이후 최악"), None);
    }

    #[test]
    fn us_daylight_saving_boundaries() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert!(!us_dst(at("2025-03-09 01:59")));
        assert!(us_dst(at("2025-03-09 02:00")));
        assert!(us_dst(at("2025-11-02 01:59")));
        assert!(!us_dst(at("2025-11-02 02:00")));
        assert!(us_dst(at("2020-03-16 17:05")));
        assert!(!us_dst(at("2021-01-27 16:58")));
        // Before 2007: first Sunday of April to last Sunday of October.
        assert!(!us_dst(at("2006-03-20 12:00")));
        assert!(us_dst(at("2006-04-02 03:00")));
        assert!(!us_dst(at("2006-10-29 03:00")));
    }

    #[test]
    fn header_prefers_published_and_footer_is_a_fallback() {
        let text = "헤드라인 2020년 6월 이후 최악\n부제\n\n입력 2020.03.17 06:41 | 수정 2020.03.17 07:15\n기자\n\n본문";
        let s = from_header(text).unwrap();
        assert_eq!(s.published.local.to_string(), "2020-03-17 06:41:00");
        let body = "본문 24일 코스피는 1,925.24\n".repeat(20);
        let text =
            format!("헤드라인\n{body}\n끝\n이 기사는 2024년 2월 22일 16시 20분 송고됐습니다.");
        let text = text.as_str();
        assert!(from_header(text).is_none());
        let s = from_footer(text).unwrap();
        assert_eq!(s.published.local.to_string(), "2024-02-22 16:20:00");
    }
}
