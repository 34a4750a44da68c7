//! Extraction: numbers, entities, dates and sessions → [`Figure`]s.
//!
//! Works one article at a time (a pure function of the article and the lexicon), sentence
//! by sentence: find the numbers first (cheap), then the entity names and the words that
//! bind to them (direction, session, anaphors, blockers) inside that sentence only.

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
        t.chars().count() >= 12
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
        && b.chars().count() >= 4
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

/// A share-price move of a company the lexicon does not know, in the unmistakable Korean
/// form `NAME은 1,000원(2.50%) 오른 4만1,000원에`: reported with `entity` null and the name
/// as written, rather than dropped or guessed.
fn unknown_stock_moves(
    cx: &mut Ctx,
    sent: (usize, usize),
    toks: &[NumToken],
    ents: &[EntityHit],
    drafts: &[Draft],
    role: Role,
) {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = PATTERN.get_or_init(|| {
        regex::Regex::new(r"(?:^|[\s(\[·,])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,15})(?:은|는|이|가|도)\s+(?:전\s*거래일(?:보다|\s*대비)\s*|전날(?:보다|\s*대비)\s*)?[\d,만]+원\s*\(\s*[\d.]+%\)\s*(?:오른|내린|상승한|하락한|급등한|급락한|뛴|떨어진|밀린|빠진)\s+[\d,만]+원")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    let text = cx.article.text.as_str();
    let s_text = &text[sent.0..sent.1];
    if !s_text.contains("원(") && !s_text.contains("원 (") {
        return;
    }
    for c in re.captures_iter(s_text) {
        let (Some(m), Some(name)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let (ms, me) = (sent.0 + name.start(), sent.0 + m.end());
        // a known entity or a figure already here: not unknown
        if ents.iter().any(|h| h.start < me && ms < h.end)
            || drafts.iter().any(|d| d.first < me && ms < d.last)
        {
            continue;
        }
        let inside: Vec<&NumToken> = toks
            .iter()
            .filter(|t| t.start >= ms && t.end <= me)
            .collect();
        let (Some(change), Some(pct), Some(level)) = (
            inside.iter().find(|t| matches!(t.unit, Unit::Currency(_))),
            inside.iter().find(|t| t.unit == Unit::Percent),
            inside
                .iter()
                .rev()
                .find(|t| matches!(t.unit, Unit::Currency(_))),
        ) else {
            continue;
        };
        let words = cx.lexicon.words_in(&text[pct.end..me]);
        let sign = words.iter().find_map(|w| match w.class {
            WordClass::Direction(d) => Some(d),
            _ => None,
        });
        let Some(dir) = sign else { continue };
        let q = |t: &NumToken, signed: bool| Quantity {
            value: if signed {
                dir.sign() * t.value.abs()
            } else {
                t.value.abs()
            },
            half_width: t.half_width,
            explicit_sign: false,
            hedge: t.hedge,
            text_span: (t.start, t.end),
        };
        let (src_start, src_end) = cx.article.source_span(ms, me);
        let (line, column) = cx.article.line_col(src_start);
        let event_date = event_date(cx, Market::Kr, None);
        cx.figures.push(Figure {
            article: cx.article.path.clone(),
            kind: Kind::Stock,
            entity: None,
            symbol: None,
            surface: name.as_str().to_string(),
            binding: Binding::Name,
            event_date,
            session: cx.default_session,
            level: Some(q(level, false)),
            change_points: Some(q(change, true)),
            change_pct: Some(q(pct, true)),
            pct_is_points: false,
            amount: None,
            currency: Some("KRW".into()),
            approx: false,
            direction_word: Some(dir),
            direction_text: words
                .iter()
                .find(|w| matches!(w.class, WordClass::Direction(_)))
                .map(|w| text[pct.end + w.start..pct.end + w.end].to_string()),
            role,
            period: false,
            pair: None,
            span: (src_start, src_end),
            line,
            column,
            text: cx
                .article
                .source
                .get(src_start..src_end)
                .unwrap_or_default()
                .to_string(),
        });
    }
}

/// English `fell 1,175,` / `closes down 1,175 in …`: a whole number (not a year) right after a
/// direction word, followed by a clause boundary, is a change in points.
fn whole_points_after_verb(text: &str, t: &NumToken, words: &[WordHit]) -> bool {
    let verb_before = words.iter().any(|w| {
        matches!(w.class, WordClass::Direction(_))
            && w.end <= t.start
            && text[w.end..t.start].trim().is_empty()
    });
    let after = &text[t.end..];
    verb_before
        && t.decimals == 0
        && t.scale == 1.0
        && t.value >= 100.0
        && !(1900.0..=2100.0).contains(&t.value)
        && (after.is_empty()
            || [",", " in ", " on ", " at ", " to ", ".", " as "]
                .iter()
                .any(|p| after.starts_with(p)))
}

/// The entity a number is bound to when the name follows it: Korean `3% 넘게 빠진
/// S&P500 지수` (a modifier verb between), English `665.75 points, or 2.54 percent, off the
/// Dow`.
fn forward_owner<'h>(
    text: &str,
    t: &NumToken,
    toks: &[NumToken],
    ents: &'h [EntityHit],
    words: &[WordHit],
) -> Option<&'h EntityHit> {
    // the group of numbers this one belongs to ends at the last number before the name
    let h = ents.iter().find(|h| h.start >= t.end)?;
    let last = toks
        .iter()
        .filter(|n| n.start >= t.start && n.end <= h.start)
        .map(|n| n.end)
        .max()
        .unwrap_or(t.end);
    let gap = &text[last..h.start];
    let rest = gap.trim_start_matches([')', ' ', ',']);
    if rest.starts_with("off the ") || rest.starts_with("off ") {
        return Some(h);
    }
    // Korean: hedge words and one direction verb in its modifier form, nothing else
    let dir = words.iter().find(|w| {
        matches!(w.class, WordClass::Direction(_)) && w.start >= last && w.end <= h.start
    })?;
    let before_dir = text[last..dir.start].trim();
    let after_dir = text[dir.end..h.start].trim();
    let hedges = [
        "",
        "넘게",
        "가까이",
        "이상",
        "가량",
        "정도",
        "안팎",
        "나",
        "이나",
    ];
    let modifier_tail = ["", "한", "된", "던", "했던"];
    let ends_modifier = text[dir.start..dir.end].ends_with(['진', '린', '른', '된', '한'])
        || !after_dir.is_empty() && modifier_tail.contains(&after_dir);
    (hedges.contains(&before_dir.trim_start_matches(['%', ')']))
        && modifier_tail.contains(&after_dir)
        && ends_modifier)
        .then_some(h)
}

/// Does a name the lexicon does not know own the number at `num_start`, in the text
/// `[from, num_start)`? Korean: the last word before the number (no other number between) is
/// a subject with its particle (`까그는`, `창업판 지수도`) or a name before the number's bracket
/// (`아모레G(`); English: the nearest capitalised word is a subject, followed by its verb or a
/// bracket (`Barclays down`, `Tech Mahindra (up`, `Mibtel index closed`). Known entities and the
/// lexicon's `not_owner` words (`The`, `Monday`, `이날`, `종목별로는`) are never unknown owners.
fn unknown_owner(
    lexicon: &Lexicon,
    text: &str,
    from: usize,
    num_start: usize,
    ents: &[EntityHit],
    words: &[WordHit],
) -> bool {
    if from >= num_start {
        return false;
    }
    let seg = &text[from..num_start];
    let known = |s: usize, e: usize| ents.iter().any(|h| h.start < e && s < h.end);
    // words of the segment, back to the last number
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut end = seg.len();
    for (i, c) in seg.char_indices().rev() {
        if c.is_whitespace() || matches!(c, ',' | ';' | '·' | '，') {
            if end > i + c.len_utf8() {
                tokens.push((from + i + c.len_utf8(), &seg[i + c.len_utf8()..end]));
            }
            end = i;
        }
    }
    if end > 0 {
        tokens.push((from, &seg[..end]));
    }
    let tokens: Vec<(usize, &str)> = tokens
        .into_iter()
        // back to the last number: a word that starts with a digit (`12.5p(`, `(0.62%)`)
        .take_while(|(_, w)| {
            !w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_ascii_digit())
        })
        .collect();
    let Some(&(first_start, first)) = tokens.first() else {
        return false;
    };
    let hangul_word = |w: &str| w.chars().any(is_hangul);
    if hangul_word(seg) {
        // `아모레G(` / `담배인삼공사(`: a name glued to the number's bracket
        if let Some(name) = first.strip_suffix('(') {
            let attribute = words
                .iter()
                .any(|h| h.start == first_start && matches!(h.class, WordClass::Anaphor(_)));
            return !name.is_empty()
                && !attribute
                && !known(first_start, first_start + name.len())
                && !lexicon.is_not_owner(name)
                && name
                    .chars()
                    .all(|c| is_hangul(c) || c.is_ascii_alphanumeric() || c == '&');
        }
        // the nearest subject with its particle, across filler words only (`전 거래일보다`,
        // `이날`); a verb or connective ending closes the search
        for (k, &(start, w)) in tokens.iter().enumerate().take(4) {
            if known(start, start + w.len()) || lexicon.is_not_owner(w) {
                return false;
            }
            let Some(stem) = w.strip_suffix(['은', '는', '이', '가', '도']) else {
                let comparison = w.ends_with("보다") || w.ends_with("대비");
                if !comparison
                    && w.ends_with([
                        '다', '고', '며', '자', '면', '서', '니', '데', '만', '로', '에', '을',
                        '를', '의',
                    ])
                {
                    return false;
                }
                continue;
            };
            if stem.is_empty()
                || lexicon.is_not_owner(stem)
                || stem.ends_with(['다', '고', '며', '자', '면', '서', '니', '데'])
                || words.iter().any(|h| {
                    // a verb or session word in (or running into) the word: `주저 앉은`
                    h.start < start + w.len()
                        && start < h.end
                        && matches!(h.class, WordClass::Direction(_) | WordClass::Session(_))
                })
            {
                return false;
            }
            // `지수는` alone refers back; `창업판 지수도` names an index the lexicon lacks
            let anaphor = words.iter().any(|h| {
                h.start == start
                    && matches!(h.class, WordClass::Anaphor(_))
                    && h.end < start + w.len()
            }) || ["증시", "지수", "주가"].contains(&stem);
            if anaphor {
                return tokens.get(k + 1).is_some_and(|&(ps, pw)| {
                    !known(ps, ps + pw.len())
                        && !lexicon.is_not_owner(pw)
                        && !pw.ends_with([
                            '은', '는', '이', '가', '도', '의', '로', '에', '고', '며', '다', '.',
                        ])
                        && pw
                            .chars()
                            .all(|c| is_hangul(c) || c.is_ascii_alphanumeric() || c == '&')
                });
            }
            return stem
                .chars()
                .all(|c| is_hangul(c) || c.is_ascii_alphanumeric() || c == '&');
        }
        return false;
    }
    // English: the nearest capitalised word that is not a known name
    for (k, &(start, w)) in tokens.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if known(start, start + w.len()) {
            return false;
        }
        if !bare.starts_with(|c: char| c.is_ascii_uppercase()) || lexicon.is_not_owner(bare) {
            continue;
        }
        // a word of a known name's run of capitals (`GameStop Corp`, `AMC Entertainment
        // Holdings`) is that name's
        let run_known = tokens[k..]
            .iter()
            .take_while(|(_, x)| {
                x.trim_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(|c: char| c.is_ascii_uppercase() || c == '&')
            })
            .chain(tokens[..k].iter().rev().take_while(|(_, x)| {
                x.trim_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(|c: char| c.is_ascii_uppercase() || c == '&')
            }))
            .any(|&(s2, x)| known(s2, s2 + x.len()));
        // ... also when the run starts right after the name the segment starts from
        let run_start = tokens[k..]
            .iter()
            .take_while(|(_, x)| {
                x.trim_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(|c: char| c.is_ascii_uppercase() || c == '&')
            })
            .last()
            .map_or(start, |(s2, _)| *s2);
        let after_name =
            ents.iter().any(|h| h.end == from) && text[from..run_start].trim().is_empty();
        if run_known || after_name {
            return false;
        }
        // a subject: its verb, a bracket or a noun of its own follows before the number
        let after = &text[start + w.len()..num_start];
        let verb = words.iter().any(|h| {
            matches!(h.class, WordClass::Direction(_))
                && h.start >= start + w.len()
                && h.end <= num_start
        });
        // ... or the number itself, right after the name (`Goldcorp 4.4%`)
        let bracket = after.trim_start().starts_with('(')
            || w.ends_with('(')
            || k == 0 && after.trim().is_empty();
        let noun = [
            " index",
            " shares",
            " stock",
            " was",
            " were",
            " closed",
            " ended",
            " finished",
            " came",
        ]
        .iter()
        .any(|p| after.starts_with(p));
        return (verb || bracket || noun) && k < 8;
    }
    false
}

/// Does a direction verb in its modifier form end right before `pos` (`떨어진 9,610.10엔`,
/// `0.84% 내린 3830.85포인트`)? The lexicon holds stems (`떨어`), so up to two Hangul letters
/// of the ending may follow the word.
fn modifier_verb_before(text: &str, words: &[WordHit], from: usize, pos: usize) -> bool {
    words.iter().any(|w| {
        if !matches!(w.class, WordClass::Direction(_)) || w.start < from || w.end > pos {
            return false;
        }
        let ending = text[w.end..pos].trim_end();
        let word = text[w.start..pos].trim_end();
        ending.chars().count() <= 2
            && ending.chars().all(is_hangul)
            && text[w.start..pos].ends_with(char::is_whitespace)
            && word.ends_with([
                '린', '른', '한', '진', '된', '던', '운', '난', '인', '온', '은', '선',
            ])
    })
}

/// Is `t` followed by its direction verb, directly (`12.68 오른`) or after its percent in
/// brackets (`416.06(2.93%) 상승한`)?
fn direction_follows(text: &str, t: &NumToken, toks: &[NumToken], words: &[WordHit]) -> bool {
    let mut after = t.end;
    if let Some(n) = toks.iter().find(|n| n.start >= t.end) {
        let gap = &text[t.end..n.start];
        if n.unit == Unit::Percent && gap.trim() == "(" {
            after = n.end + text[n.end..].chars().take_while(|c| *c == ')').count();
        }
    }
    words.iter().any(|w| {
        matches!(w.class, WordClass::Direction(_))
            && w.start >= after
            && text[after..w.start].trim().is_empty()
    })
}

/// Is `t` followed, across spaces, tabs or an opening bracket only, by a signed number?
fn followed_by_signed_change(text: &str, t: &NumToken, toks: &[NumToken]) -> bool {
    toks.iter().find(|n| n.start >= t.end).is_some_and(|n| {
        n.sign.is_some()
            && text[t.end..n.start]
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | '(' | '|' | ','))
    })
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
            let number_then_capital = prev.is_some_and(|p| p.is_ascii_digit())
                && c == b'.'
                && line[i + 2..].starts_with(|c: char| c.is_ascii_uppercase());
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
    article: &'a Article,
    lexicon: &'a Lexicon,
    korean: bool,
    published: Option<chrono::DateTime<chrono::Utc>>,
    published_date: Option<NaiveDate>,
    dateline: Option<DateRef>,
    /// Entity of the latest figure, per kind, and overall.
    topic: Option<usize>,
    topic_by_kind: std::collections::HashMap<Kind, usize>,
    figures: Vec<Figure>,
}

/// Extract every market figure of one article, sorted by span.
pub fn extract(article: &Article, lexicon: &Lexicon) -> Vec<Figure> {
    let text = article.text.as_str();
    let korean = text.chars().filter(|&c| is_hangul(c)).count() >= 20;
    let lines = line_ranges(text);
    let body_start = lines
        .iter()
        .position(|&(s, e)| is_body_line(&text[s..e]))
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
    }) || body_text.contains("시 현재");
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
        article,
        lexicon,
        korean,
        published,
        published_date,
        dateline,
        topic: None,
        topic_by_kind: Default::default(),
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
    let mut i = 0;
    while i < trailer.min(lines.len()) {
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
        let role = if i < body_start && !caption && !is_table_row(&text[range.0..range.1]) {
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
        {
            // even digit-free lines update the topic (`지수는 ...` refers back to them)
            for h in lexicon.entities_in(line) {
                cx.topic = Some(h.entity);
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
        for sent in sentence_ranges(text, range) {
            let toks: Vec<NumToken> = tokens
                .iter()
                .filter(|t| t.start >= sent.0 && t.end <= sent.1)
                .cloned()
                .collect();
            binder::sentence(&mut cx, sent, &toks, role);
        }
    }
    let mut figs = cx.figures;
    figs.sort_by(|a, b| a.span.cmp(&b.span).then(a.kind.cmp(&b.kind)));
    figs
}

fn shift_entities(hits: Vec<EntityHit>, by: usize) -> Vec<EntityHit> {
    hits.into_iter()
        .map(|h| EntityHit {
            start: h.start + by,
            end: h.end + by,
            ..h
        })
        .collect()
}
fn shift_words(hits: Vec<WordHit>, by: usize) -> Vec<WordHit> {
    hits.into_iter()
        .map(|h| WordHit {
            start: h.start + by,
            end: h.end + by,
            ..h
        })
        .collect()
}
fn shift_dates(hits: Vec<DateExpr>, by: usize) -> Vec<DateExpr> {
    hits.into_iter()
        .map(|h| DateExpr {
            start: h.start + by,
            end: h.end + by,
            ..h
        })
        .collect()
}

/// Is a round number followed by a threshold phrase (`3,000 돌파`, `1,400원을 넘어섰다`,
/// `5000포인트가 붕괴`)? The phrases are the lexicon's `threshold_after` words.
fn is_threshold(lexicon: &Lexicon, text: &str, t: &NumToken) -> bool {
    if t.unit == Unit::Threshold || t.unit == Unit::Counter {
        return true;
    }
    let after = text[t.end..].trim_start();
    let round = t.decimals == 0;
    round && lexicon.is_threshold_suffix(after)
        || after.starts_with("하락선")
        || after.starts_with("상승선")
}

/// Index of a date printed right after a figure ending at `end` (`… 11.4% on Tuesday`,
/// `… to $94.31 on April 4`), within `limit`.
fn trailing_date(text: &str, dates: &[DateExpr], end: usize, limit: usize) -> Option<usize> {
    dates.iter().position(|x| {
        x.start >= end
            && x.end <= limit
            && matches!(x.what, DateRef::Weekday(_) | DateRef::MonthDay(..))
            && text[end..x.start].chars().count() <= 24
            && (text[x.start..]
                .get(..3)
                .is_some_and(|p| p.eq_ignore_ascii_case("on "))
                || text[..x.start].to_ascii_lowercase().ends_with(" on "))
    })
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
        Some(DateRef::Day(_) | DateRef::MonthDay(..)) => {
            let d = expr.and_then(|e| dates::resolve(e, pub_date, market));
            cx.last_named_date.set(d.or(cx.last_named_date.get()));
            d
        }
        // `어제`, `yesterday`: the day before the article's own date
        Some(DateRef::Yesterday) => dates::resolve(DateRef::PreviousDay, pub_date, market),
        Some(e) => dates::resolve(e, base, market),
    }
}

/// Money amounts (with conversions such as `600만 달러, 우리 돈 78억원`) and ratio claims.
fn money_and_ratios(
    cx: &mut Ctx,
    toks: &[NumToken],
    words: &[WordHit],
    dates: &[DateExpr],
    role: Role,
) {
    let text = cx.article.text.as_str();
    let date = event_date(
        cx,
        if cx.korean { Market::Kr } else { Market::Us },
        dates
            .first()
            .map(|d| d.what)
            .filter(|w| matches!(w, DateRef::Full(_))),
    );
    let push = |cx: &mut Ctx,
                kind: Kind,
                start: usize,
                end: usize,
                amount: Quantity,
                currency: Option<String>,
                pair: Option<usize>| {
        let (src_start, src_end) = cx.article.source_span(start, end);
        let (line, column) = cx.article.line_col(src_start);
        cx.figures.push(Figure {
            article: cx.article.path.clone(),
            kind,
            entity: None,
            symbol: None,
            surface: String::new(),
            binding: Binding::Context,
            event_date: date,
            session: Session::Unknown,
            level: None,
            change_points: None,
            change_pct: None,
            pct_is_points: false,
            approx: amount.hedge.is_some(),
            amount: Some(amount),
            currency,
            direction_word: None,
            direction_text: None,
            role,
            period: false,
            pair,
            span: (src_start, src_end),
            line,
            column,
            text: cx
                .article
                .source
                .get(src_start..src_end)
                .unwrap_or_default()
                .to_string(),
        });
        cx.figures.len() - 1
    };
    let q = |t: &NumToken| Quantity {
        value: t.value.abs(),
        half_width: t.half_width,
        explicit_sign: false,
        hedge: t.hedge,
        text_span: (t.start, t.end),
    };
    let mut last_money: Option<(usize, &NumToken)> = None;
    for t in toks {
        match t.unit {
            Unit::Currency(code) if t.value.abs() >= money_threshold(code) => {
                // a conversion: `600만 달러, 우리 돈 78억원`, `2,090억 달러(약 272조원)`
                let pair = last_money.and_then(|(idx, prev)| {
                    let gap = &text[prev.end..t.start];
                    let prev_code = match prev.unit {
                        Unit::Currency(c) => c,
                        _ => "",
                    };
                    let conversion = gap.contains('(')
                        || gap.contains("우리 돈")
                        || gap.contains("한화")
                        || gap.contains("원화")
                        || gap.contains("환산");
                    (prev_code != code && conversion && gap.chars().count() <= 12).then_some(idx)
                });
                let partner = pair.map(|_| {
                    last_money.map_or(0, |(_, p)| cx.article.source_span(p.start, p.end).0)
                });
                let idx = push(
                    cx,
                    Kind::Money,
                    t.start,
                    t.end,
                    q(t),
                    Some(code.to_string()),
                    partner,
                );
                last_money = Some((idx, t));
            }
            Unit::Times | Unit::Fraction if t.value > 0.0 => {
                push(cx, Kind::Ratio, t.start, t.end, q(t), None, None);
            }
            _ => {}
        }
    }
    for w in words {
        if let WordClass::Ratio(milli) = w.class {
            // a ratio said in words is approximate by nature (`절반`, `a third`)
            let hedge = Some(Hedge::About);
            let amount = Quantity {
                value: f64::from(milli) / 1000.0,
                half_width: 0.0,
                explicit_sign: false,
                hedge,
                text_span: (w.start, w.end),
            };
            push(cx, Kind::Ratio, w.start, w.end, amount, None, None);
        }
    }
}

#[cfg(test)]
mod tests;
