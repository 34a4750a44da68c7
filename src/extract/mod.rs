//! Extraction: numbers, entities, dates and sessions → [`Figure`]s.
//!
//! Works one article at a time (a pure function of the article and the lexicon). This module
//! owns the article's structure: lines, the headline block, the trailer and asides (related-
//! article boxes), section headers that set a period (`For the week:`), photo captions,
//! hard-wrapped sentences, and the article's live/closed default session. Each sentence then goes
//! through the binder's passes ([`binder`]: numbers first, then names and binding words).

mod binder;
pub mod dates;
mod figure;
pub mod lexicon;
pub mod number;

pub use figure::*;
pub use lexicon::Lexicon;

use crate::corpus::Article;
use chrono::NaiveDate;
use dates::{DateExpr, DateRef};
use lexicon::{EntityHit, Market, SessionWord, WordClass, WordHit};
use number::{NumToken, Unit};

/// Relative margin a reader grants an `약`/`about` hedge.
pub const HEDGE_ABOUT_REL: f64 = 0.05;

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Amount above which a currency number is money, not a price (`$2.75 billion`, `78억원`).
fn money_threshold(code: &str) -> f64 {
    match code {
        "KRW" | "JPY" => 1e8,
        _ => 1e6,
    }
}

/// Line ranges of `text` as (start, end) without the newline.
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Does `line` break off a sentence that `next` continues? Prose that ends without a sentence
/// mark, followed by a line that starts mid-sentence (Hangul or a lowercase word); never a
/// table row, a heading or a list item.
fn is_wrapped(line: &str, next: &str) -> bool {
    let (a, b) = (line.trim(), next.trim());
    let prose = |t: &str| {
        crate::extract::chars_up_to(t, 13) >= 12
            && t.chars().filter(|c| *c == ' ').count() >= 2
            && !is_table_row(t)
            && !t.starts_with(['-', '•', '·', '▶', '▲', '■', '□', '[', '<', '※', '*'])
    };
    !a.is_empty()
        && !b.is_empty()
        && prose(a)
        && !a.ends_with([
            '.', '다', '?', '!', '”', '"', ')', ':', '…', '’', '」', ']', '>',
        ])
        && b.starts_with(|c: char| is_hangul(c) || c.is_ascii_lowercase())
        && !is_table_row(b)
        && crate::extract::chars_up_to(b, 5) >= 4
}

/// A quote strip of a finance page (`• S&P 500` / `6,926.56` / `-97.09 (-4.05%)`): a line
/// that is only a known name, then (blank lines aside) a line that is only a level and a line
/// that is only its change. Returns the index of the change line.
fn quote_strip_end(
    text: &str,
    lines: &[(usize, usize)],
    i: usize,
    lexicon: &Lexicon,
) -> Option<usize> {
    static LEVEL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static CHANGE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let level = LEVEL.get_or_init(|| {
        regex::Regex::new(r"^[0-9][0-9,]*(?:\.[0-9]+)?$")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    let change = CHANGE.get_or_init(|| {
        regex::Regex::new(r"^[+\-−▲▼]?[0-9][0-9,]*(?:\.[0-9]+)?\s*\(\s*[+\-−]?[0-9.]+\s*%\s*\)$")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    let line = |k: usize| lines.get(k).map(|&(s, e)| text[s..e].trim());
    let name = line(i)?.trim_start_matches(['•', '·', '-', '▶', '*', ' ']);
    if name.is_empty()
        || crate::extract::chars_up_to(name, 41) > 40
        || name.contains(['.', ',', '%', ':'])
        || lexicon.entities_in(name).is_empty()
    {
        return None;
    }
    let next_filled = |from: usize| {
        (from..(from + 3).min(lines.len())).find(|&k| line(k).is_some_and(|l| !l.is_empty()))
    };
    let lv = next_filled(i + 1)?;
    if !level.is_match(line(lv)?) {
        return None;
    }
    let ch = next_filled(lv + 1)?;
    change.is_match(line(ch)?).then_some(ch)
}

/// `10:15 현재`: a clock time the report is written at.
fn clock_time_now(text: &str) -> bool {
    static NOW: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    NOW.get_or_init(|| {
        regex::Regex::new(r"[0-9]{1,2}:[0-9]{2}\s*현재")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
    .is_match(text)
}

/// A body line reads like prose: long, ending a sentence.
fn is_body_line(line: &str) -> bool {
    let t = line.trim();
    let chars = t.chars().count();
    let ends_sentence =
        t.ends_with('.') || t.ends_with("다") || t.ends_with('”') || t.ends_with('"');
    // a Korean sentence ends in `다.`; headlines end in nouns (`…역대 최대 낙폭`)
    let korean_sentence = (t.ends_with("다.") || t.ends_with('다')) && chars >= 12;
    korean_sentence
        || chars >= 40
            && ends_sentence
            && (t.contains(". ") || t.ends_with('.') || t.ends_with('다'))
}

/// A table row: a level followed by its change in brackets (`2,220.94 (▼69.06, -3.02%)`) or
/// in the next column (`2,129.67      ▼98.94        -4.44%`).
fn is_table_row(line: &str) -> bool {
    static ROW: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    ROW.get_or_init(|| {
        regex::Regex::new(
            r"\d[\d,]*(?:\.\d+)?\s*(?:원|달러)?(?:\s*\(\s*|[ \t]{2,}|\t)[▲▼△▽+\-−]\s*\d",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
    .is_match(line)
}

/// Sentence ranges inside a line: split after `.`, `?`, `!` followed by a space when the
/// `.` is not a decimal point.
fn sentence_ranges(text: &str, (ls, le): (usize, usize)) -> Vec<(usize, usize)> {
    let line = &text[ls..le];
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'?' | b'!') && i + 1 < b.len() && b[i + 1] == b' ' {
            let prev = line[..i].chars().next_back();
            // `Jan. 27`, `Inc. shares`, `U.S. stocks`: abbreviations are not sentence ends
            let word: String = line[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic() || *c == '.')
                .collect();
            let bare: String = word.chars().rev().filter(|c| *c != '.').collect();
            const ABBREVIATIONS: &[&str] = &[
                "Corp", "Inc", "Co", "Ltd", "Cos", "Bros", "Mr", "Ms", "Mrs", "Dr", "St", "No",
                "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                "Dec", "approx", "est",
            ];
            let abbrev = ABBREVIATIONS.contains(&bare.as_str())
                || word.contains('.')
                || (1..=2).contains(&bare.len())
                    && bare.starts_with(|c: char| c.is_ascii_uppercase());
            // a period before a lowercase word does not end a sentence (`Corp. sank`)
            let next_lower = line[i + 2..].starts_with(|c: char| c.is_ascii_lowercase());
            // `to 25,753.42. The index …`: after a number, a capital letter opens a sentence
            // (or a name that starts with a digit: `to 46,543.88. 3M surrendered`)
            let next_word = line[i + 2..].split(' ').next().unwrap_or("");
            let number_then_capital = prev.is_some_and(|p| p.is_ascii_digit())
                && c == b'.'
                && (line[i + 2..].starts_with(|c: char| c.is_ascii_uppercase())
                    || next_word.starts_with(|c: char| c.is_ascii_digit())
                        && next_word.contains(|c: char| c.is_ascii_uppercase()));
            if prev.is_some_and(|p| p.is_ascii_digit()) && !number_then_capital
                || c == b'.' && (abbrev || next_lower)
            {
                continue;
            }
            out.push((ls + start, ls + i + 1));
            start = i + 2;
        }
    }
    if start < line.len() {
        out.push((ls + start, le));
    }
    out.into_iter().flat_map(|r| bounded(text, r)).collect()
}

/// The longest sentence the binder reads as one. Every figure looks over its sentence, so a
/// sentence without an end (a 10 MB line of list items) would cost time quadratic in its
/// length; past this length it is cut at clause boundaries. Real sentences are far shorter
/// (no line of the real-article corpus or the dev set exceeds 2,000 bytes).
const MAX_SENTENCE: usize = 4096;

/// Cut `(s, e)` into pieces of at most [`MAX_SENTENCE`] bytes, each ending after a comma or
/// semicolon (else a space, else a character boundary) so no number or name is split.
fn bounded(text: &str, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s;
    while e - start > MAX_SENTENCE {
        let mut limit = start + MAX_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = window
            .rfind([',', ';', '，', '、'])
            .map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8))
            .or_else(|| window.rfind(' ').map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(window.len());
        out.push((start, start + cut));
        start += cut;
    }
    out.push((start, e));
    out
}

/// Which slot a token fills in a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Level,
    Points,
    Pct,
}

#[derive(Debug, Clone)]
struct Draft {
    entity: usize,
    surface: String,
    binding: Binding,
    /// Byte offset where the figure's text starts (the entity mention, when it is close).
    anchor: usize,
    /// Start of the mention that owns the figure (the same for every number it owns).
    mention: usize,
    level: Option<NumToken>,
    points: Option<NumToken>,
    pct: Option<NumToken>,
    first: usize,
    last: usize,
    /// The previous close, stated in brackets: a level of the day before.
    prior: bool,
}

impl Draft {
    fn slot(&self, s: Slot) -> &Option<NumToken> {
        match s {
            Slot::Level => &self.level,
            Slot::Points => &self.points,
            Slot::Pct => &self.pct,
        }
    }
    fn set(&mut self, s: Slot, t: NumToken) {
        self.last = t.end;
        match s {
            Slot::Level => self.level = Some(t),
            Slot::Points => self.points = Some(t),
            Slot::Pct => self.pct = Some(t),
        }
    }
    fn change_tokens(&self) -> impl Iterator<Item = &NumToken> {
        self.points.iter().chain(self.pct.iter())
    }
}

/// Per-article state carried from sentence to sentence.
struct Ctx<'a> {
    /// The date the text named last (`2008년 10월 30일`), for `같은 날` / `the same day`.
    last_named_date: std::cell::Cell<Option<NaiveDate>>,
    /// Session of figures the text does not qualify (a live report: intraday).
    default_session: Session,
    /// The lines under a section header that names a period (`For the week:`).
    section_period: bool,
    /// The sentence before, on this line, stated a move over a period (`올해 들어 118%
    /// 상승했습니다`): a bare move right after it that names no day may continue it.
    period_sentence_before: bool,
    article: &'a Article,
    lexicon: &'a Lexicon,
    korean: bool,
    /// The market whose indexes the article names most: which listing of a company with
    /// several its figures report.
    /// (worked out on first need: most articles name no company listed on several markets)
    article_market: std::cell::OnceCell<Option<lexicon::Market>>,
    published: Option<chrono::DateTime<chrono::Utc>>,
    published_date: Option<NaiveDate>,
    dateline: Option<DateRef>,
    /// Entity of the latest figure, per kind, and overall.
    topic: Option<usize>,
    topic_by_kind: std::collections::HashMap<Kind, usize>,
    /// Entities the previous sentence named: what a sentence-opening pronoun (`It`,
    /// `Shares`) can refer to.
    prev_sentence_ents: Vec<usize>,
    /// Companies this article names by exchange and ticker that the lexicon lacks; entity
    /// index `lexicon.entities.len() + k` is `listed[k]`.
    listed: Vec<lexicon::Entity>,
    figures: Vec<Figure>,
}

impl Ctx<'_> {
    /// The entity of an index from a mention: the lexicon's, or one this article listed.
    fn entity(&self, i: usize) -> &lexicon::Entity {
        let known = self.lexicon.entities.len();
        if i < known {
            &self.lexicon.entities[i]
        } else {
            &self.listed[i - known]
        }
    }
}

/// Extract every market figure of one article, sorted by span.
pub fn extract(article: &Article, lexicon: &Lexicon) -> Vec<Figure> {
    let text = article.text.as_str();
    let korean = text.chars().filter(|&c| is_hangul(c)).count() >= 20;
    let lines = line_ranges(text);
    // (hard-wrapped English copy ends no line with a sentence: a long line that runs on
    // into a lowercase word is prose already, not a headline)
    let body_start = (0..lines.len())
        .position(|i| {
            let line = &text[lines[i].0..lines[i].1];
            is_body_line(line)
                || lines.get(i + 1).is_some_and(|&(s, e)| {
                    crate::extract::chars_up_to(line.trim(), 41) > 40
                        && !line.chars().any(is_hangul)
                        && text[s..e].starts_with(|c: char| c.is_ascii_lowercase())
                        && is_wrapped(line, &text[s..e])
                })
        })
        .unwrap_or(0);
    // the trailer starts at a trailer line (`ⓒ … 무단전재`, `Copyright`) after which no line of
    // prose with a number follows: a photo credit `ⓒ` inside the article does not end it
    let prose_with_number = |&(s, e): &(usize, usize)| {
        let line = &text[s..e];
        is_body_line(line) && line.bytes().any(|b| b.is_ascii_digit())
    };
    let trailer = lines
        .iter()
        .enumerate()
        .skip(body_start + 1)
        .find(|(i, &(s, e))| {
            lexicon.is_trailer_line(&text[s..e]) && !lines[i + 1..].iter().any(prose_with_number)
        })
        .map_or(lines.len(), |(i, _)| i);
    let published = article
        .published
        .as_ref()
        .map(|p| dates::publication_instant(p, korean));
    let published_date = article.published.as_ref().map(dates::published_date);
    // The dateline: the first date a body sentence opens with (`5일 유가증권시장에서`,
    // `NEW YORK, March 16 -`, `Feb 22 -`).
    let dateline = lines[body_start.min(lines.len())..trailer.min(lines.len())]
        .iter()
        .take(4)
        .find_map(|&(s, e)| {
            let line = &text[s..e];
            dates::date_exprs(line)
                .into_iter()
                .find(|d| d.start < 40)
                // the first date a sentence opens with; `이날` or `지난 7일` is no dateline
                .filter(|d| {
                    matches!(
                        d.what,
                        DateRef::Day(_) | DateRef::MonthDay(..) | DateRef::Weekday(_)
                    ) && !line[d.start..].starts_with("지난")
                })
                .map(|d| d.what)
        });
    // A live report (`오후 2시 현재 … 나타내고 있다`) that never speaks of a close describes
    // the session in progress: its figures default to intraday.
    let body_range = lines.get(body_start).map_or(0, |l| l.0)
        ..lines
            .get(trailer.saturating_sub(1))
            .map_or(text.len(), |l| l.1);
    let body_text = text.get(body_range).unwrap_or_default();
    let body_words = lexicon.words_in(body_text);
    let progressive = [
        "거래되고 있",
        "나타내고 있",
        "하고 있다",
        "기록 중",
        "기록하고 있",
        "움직이고 있",
        "was trading",
        "were trading",
    ];
    let live = body_words.iter().any(|w| {
        matches!(w.class, WordClass::Session(_))
            && progressive
                .iter()
                .any(|p| body_text[w.start..w.end].eq_ignore_ascii_case(p))
    }) || body_text.contains("시 현재")
        || body_text.contains("분 현재")
        || clock_time_now(body_text);
    let closed = body_words.iter().any(|w| {
        matches!(
            w.class,
            WordClass::Session(SessionWord::CloseAfter | SessionWord::CloseBefore)
        )
    });
    let default_session = if live && !closed {
        Session::Intraday
    } else {
        Session::Close
    };
    let mut cx = Ctx {
        last_named_date: std::cell::Cell::new(None),
        default_session,
        section_period: false,
        period_sentence_before: false,
        article,
        lexicon,
        korean,
        article_market: std::cell::OnceCell::new(),
        published,
        published_date,
        dateline,
        topic: None,
        topic_by_kind: Default::default(),
        prev_sentence_ents: Vec::new(),
        listed: Vec::new(),
        figures: Vec::new(),
    };
    // boxes inside the article (`▼관련기사▼` and its list) run to the next line of prose
    let mut in_aside = false;
    let mut aside = vec![false; lines.len()];
    for (i, &(s, e)) in lines.iter().enumerate().take(trailer) {
        let line = &text[s..e];
        if lexicon.is_aside_line(line) {
            in_aside = true;
        } else if in_aside && is_body_line(line) {
            in_aside = false;
        }
        aside[i] = in_aside;
    }
    // a hard-wrapped sentence (`오라클의 주가는 10.43달러나` / `급강하, 1백7.68달러를 기록했다.`)
    // is read as one line: its numbers keep their subject
    let mut units: Vec<(usize, (usize, usize))> = Vec::new();
    let mut strips: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < trailer.min(lines.len()) {
        // a quote strip prints a name, then its level, then its change, one per line
        if let Some(last) = quote_strip_end(text, &lines[..trailer.min(lines.len())], i, lexicon) {
            units.push((i, (lines[i].0, lines[last].1)));
            strips.push(i);
            i = last + 1;
            continue;
        }
        let mut range = lines[i];
        let first = i;
        while i + 1 < trailer.min(lines.len())
            && i >= body_start
            && !aside[i + 1]
            && is_wrapped(
                &text[lines[i].0..lines[i].1],
                &text[lines[i + 1].0..lines[i + 1].1],
            )
        {
            i += 1;
            range.1 = lines[i].1;
        }
        units.push((first, range));
        i += 1;
    }
    for (i, range) in units {
        if aside[i] {
            continue;
        }
        if let Some(period) = lexicon.section_header(&text[range.0..range.1]) {
            cx.section_period = period;
            continue;
        }
        // a photo caption (`Photographer: …`) is a snapshot of some moment of the day: body
        // text whose figures no session is assumed for
        let caption = lexicon.is_caption_line(&text[range.0..range.1]);
        cx.default_session = if caption {
            Session::Unknown
        } else {
            default_session
        };
        // a price table above the prose (`코스피 2,220.94 (▼69.06, -3.02%)`) is data, not a headline
        let role = if i < body_start
            && !caption
            && !is_table_row(&text[range.0..range.1])
            && !strips.contains(&i)
        {
            Role::Headline
        } else {
            Role::Body
        };
        let line = &text[range.0..range.1];
        if line.trim().is_empty()
            || !line
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                && !line.contains('절')
                && !line.contains("half")
                // percentages in words (`seven percent`, `삼 퍼센트`)
                && !line.contains("percent")
                && !line.contains("per cent")
                && !line.contains("퍼센트")
        {
            // even digit-free lines update the topic (`지수는 ...` refers back to them); a
            // broker named for its analyst (`J.P. Morgan analyst Ryan Brinkman said`) is not
            // what the article is about
            for h in lexicon.entities_in(line) {
                if !lexicon.names_a_broker(&line[h.end..]) {
                    cx.topic = Some(h.entity);
                }
            }
            continue;
        }
        let tokens: Vec<NumToken> = number::scan(line)
            .into_iter()
            .map(|mut t| {
                t.start += range.0;
                t.end += range.0;
                t
            })
            .collect();
        cx.period_sentence_before = false;
        for sent in sentence_ranges(text, range) {
            // tokens and sentences both run in text order: slice, do not rescan the line
            // (a line of many sentences would cost time quadratic in its length)
            let first = tokens.partition_point(|t| t.start < sent.0);
            let last = first + tokens[first..].partition_point(|t| t.start < sent.1);
            let toks: Vec<NumToken> = tokens[first..last]
                .iter()
                .filter(|t| t.end <= sent.1)
                .cloned()
                .collect();
            let before = cx.figures.len();
            binder::sentence(&mut cx, sent, &toks, role);
            cx.period_sentence_before = cx.figures[before..]
                .iter()
                .any(|f| f.period && f.event_date.is_some());
        }
    }
    let mut figs = cx.figures;
    figs.sort_by(|a, b| a.span.cmp(&b.span).then(a.kind.cmp(&b.kind)));
    figs
}

/// The trading day for a figure of `market`, from the date expression bound to it.
fn event_date(cx: &Ctx, market: Market, expr: Option<DateRef>) -> Option<NaiveDate> {
    if let Some(DateRef::Full(d)) = expr {
        cx.last_named_date.set(Some(d));
        return Some(d);
    }
    if let (Some(DateRef::SameDay), Some(d)) = (expr, cx.last_named_date.get()) {
        return Some(d);
    }
    let pub_date = cx.published_date?;
    let latest = cx.published.map(|t| market.latest_session(t));
    let dateline = cx
        .dateline
        .and_then(|d| dates::resolve(d, pub_date, market));
    let base = match (dateline, latest) {
        (Some(d), Some(l)) => d.min(l),
        (Some(d), None) => d,
        (None, Some(l)) => l,
        (None, None) => return None,
    };
    match expr {
        None => Some(base),
        Some(DateRef::Day(_) | DateRef::MonthDay(..) | DateRef::MonthDayLastYear(..)) => {
            let d = expr.and_then(|e| dates::resolve(e, pub_date, market));
            cx.last_named_date.set(d.or(cx.last_named_date.get()));
            d
        }
        // `어제`, `yesterday`: the day before the article's own date
        Some(DateRef::Yesterday) => dates::resolve(DateRef::PreviousDay, pub_date, market),
        Some(e) => dates::resolve(e, base, market),
    }
}

#[cfg(test)]
mod tests;

/// The number of characters in `s`, counting no further than `cap`. Length tests in the
/// binder compare against small bounds; counting a whole gap or line each time would make
/// one line of many figures quadratic.
pub(crate) fn chars_up_to(s: &str, cap: usize) -> usize {
    s.chars().take(cap).count()
}
