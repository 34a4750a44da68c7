//! The binder: turns one sentence's numbers into figures, as a short pipeline of passes that
//! can be named and tested one by one:
//!
//! 1. [`Mentions::find`]: the entity names, binding words (direction, session, anaphors,
//!    blockers) and dates of the sentence;
//! 2. [`is_not_a_figure`]: numbers that are no market figure whatever owns them;
//! 3. [`resolve_owner`]: which entity owns a number, and how surely ([`Binding`]);
//! 4. [`assemble_drafts`]: which numbers of one owner make one figure;
//! 5. [`expand_groups`]: lists of names that share or divide the numbers;
//! 6. [`emit_figures`]: direction, session and date bound, spans computed, figures emitted.
//!
//! Every word list these passes use is lexicon data (`data/lexicon/words.csv`), so a user's
//! lexicon file changes their behaviour.

use super::*;

/// The binder for one sentence, as a short pipeline of passes:
/// numbers (the tokens, found per line) → [`Mentions`] (entities, binding words, dates) →
/// [`assemble_drafts`] (which numbers are market figures, who owns them, which numbers make one
/// figure) → [`expand_groups`] (lists of names sharing or dividing the numbers) →
/// [`emit_figures`] (direction, session, date, span).
pub(super) fn sentence(cx: &mut Ctx, sent: (usize, usize), toks: &[NumToken], role: Role) {
    let mut m = Mentions::find(cx.article, cx.lexicon, sent);
    add_listings(cx, &mut m);
    let named: Vec<usize> = m.ents.iter().map(|h| h.entity).collect();
    // a number inside a name (`스탠더드앤드푸어스(S&P) 500지수`, `FTSE 100`) is part of it
    let inside_name = |t: &NumToken| m.ents.iter().any(|h| h.start <= t.start && t.end <= h.end);
    let owned;
    let toks = if toks.iter().any(inside_name) {
        owned = toks
            .iter()
            .filter(|t| !inside_name(t))
            .cloned()
            .collect::<Vec<_>>();
        &owned[..]
    } else {
        toks
    };
    bind_sentence(cx, &m, sent, toks, role);
    cx.prev_sentence_ents = named;
}

fn bind_sentence(cx: &mut Ctx, m: &Mentions, sent: (usize, usize), toks: &[NumToken], role: Role) {
    money_and_ratios(cx, toks, &m.words, &m.dates, role);
    let drafts = assemble_drafts(cx, m, toks);
    unknown_stock_moves(cx, sent, toks, &m.ents, &drafts, role);
    if drafts.is_empty() {
        for h in m
            .ents
            .iter()
            .filter(|h| !cx.lexicon.names_a_broker(&m.text[h.end..]))
        {
            cx.topic = Some(h.entity);
            cx.topic_by_kind.insert(cx.entity(h.entity).kind, h.entity);
        }
        // `Lilly warned doctors …. Its shares dropped $1.38`: a sentence about a company the
        // lexicon does not know ends the focus on the one before; `Its shares` is not theirs
        if m.ents.is_empty() && opens_with_unknown_company(cx.lexicon, &m.text[sent.0..sent.1]) {
            cx.topic = None;
            cx.topic_by_kind.remove(&Kind::Stock);
        }
        // `Google and Apple were in the news …. Shares of the search giant rose 1%`: after a
        // sentence about two companies, a bare reference to one is not resolved by order
        let mut stocks: Vec<usize> = m
            .ents
            .iter()
            .filter(|h| !cx.lexicon.names_a_broker(&m.text[h.end..]))
            .map(|h| h.entity)
            .filter(|&e| cx.entity(e).kind == Kind::Stock)
            .collect();
        stocks.dedup();
        if stocks.len() >= 2 {
            cx.topic_by_kind.remove(&Kind::Stock);
        }
        return;
    }
    let expanded = expand_groups(cx, m, toks, drafts);
    emit_figures(cx, m, toks, &expanded, role);
}

/// Is `w` a pronoun-like anaphor: one capitalised word opening its sentence (`It`,
/// `Shares`)? It refers only to what the sentence before named.
fn is_pronoun(text: &str, w: &WordHit) -> bool {
    let word = &text[w.start..w.end];
    matches!(w.class, WordClass::Anaphor(_))
        && !word.contains(' ')
        && word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Does an English sentence open with a name the lexicon does not know, as its subject: a
/// capitalised word that is no sentence opener (`The`, `Analysts` and other plurals, days),
/// followed by a lowercase verb (`Lilly warned`, `Acme Corp. said`)?
fn opens_with_unknown_company(lexicon: &Lexicon, sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let name = first.trim_end_matches([',', '\'', '’']);
    let capitalised = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '&' || c == '-')
        && name.chars().count() >= 2;
    let plural = name.ends_with('s') && !name.ends_with("ss");
    if !capitalised || plural || lexicon.is_not_owner(name) {
        return false;
    }
    // the verb after the name (and a `Co.`/`Inc.` or a second capitalised word of it)
    words
        .find(|w| !w.starts_with(|c: char| c.is_ascii_uppercase()))
        .is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_lowercase())
                && (w.ends_with("ed")
                    || w.ends_with('s')
                    || ["said", "cut", "will", "plans"].contains(&w))
        })
}

/// Companies named with an exchange and ticker the lexicon lacks (`Juno Therapeutics Inc
/// (NASDAQ: JUNO)`) become entities of this article, mentioned where the name and code stand.
fn add_listings(cx: &mut Ctx, m: &mut Mentions) {
    let (text, sent) = (m.text, m.sent);
    // later mentions of a company listed earlier in the article, by the same name
    let known = cx.lexicon.entities.len();
    let s_text = &text[sent.0..sent.1];
    for (k, e) in cx.listed.iter().enumerate() {
        for (i, _) in s_text.match_indices(e.name.as_str()) {
            let (start, end) = (sent.0 + i, sent.0 + i + e.name.len());
            let bounded = !text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded && !m.ents.iter().any(|h| h.start < end && start < h.end) {
                m.ents.push(EntityHit {
                    start,
                    end,
                    entity: known + k,
                });
            }
        }
    }
    for l in cx.lexicon.unknown_listings_in(&text[sent.0..sent.1]) {
        let known = cx.lexicon.entities.len();
        let k = match cx
            .listed
            .iter()
            .position(|e| e.symbol.as_deref() == Some(&l.symbol))
        {
            Some(k) => k,
            None => {
                cx.listed.push(lexicon::Entity {
                    kind: Kind::Stock,
                    name: l.name.clone(),
                    symbol: Some(l.symbol.clone()),
                    market: l.market,
                });
                cx.listed.len() - 1
            }
        };
        let (start, end) = (sent.0 + l.start, sent.0 + l.end);
        m.ents.retain(|h| h.end <= start || end <= h.start);
        m.ents.push(EntityHit {
            start,
            end,
            entity: known + k,
        });
    }
    m.ents.sort_by_key(|h| h.start);
}

/// What a sentence mentions besides its numbers: entity names, the words that bind to
/// figures (direction, session, anaphors, blockers), dates. Offsets are in the article text.
struct Mentions<'a> {
    text: &'a str,
    sent: (usize, usize),
    ents: Vec<EntityHit>,
    words: Vec<WordHit>,
    dates: Vec<DateExpr>,
    korean_sentence: bool,
}

impl<'a> Mentions<'a> {
    fn find(article: &'a Article, lexicon: &Lexicon, sent: (usize, usize)) -> Mentions<'a> {
        let text = article.text.as_str();
        let s_text = &text[sent.0..sent.1];
        Mentions {
            text,
            sent,
            ents: shifted(lexicon.entities_in(s_text), sent.0),
            words: shifted(lexicon.words_in(s_text), sent.0),
            dates: shifted(dates::date_exprs(s_text), sent.0),
            korean_sentence: s_text.chars().any(is_hangul),
        }
    }

    /// A direction verb (`lost`, `올랐`), not a noun (`상승률`, `decline`): only a verb starts a
    /// new clause about another subject.
    fn is_verb(&self, w: &WordHit) -> bool {
        let word = &self.text[w.start..w.end];
        matches!(w.class, WordClass::Direction(_))
            && !self
                .words
                .iter()
                .any(|a| a.start == w.start && matches!(a.class, WordClass::Anaphor(_)))
            && (!word.is_ascii()
                || word.ends_with("ed")
                || [
                    "fell", "rose", "lost", "sank", "shed", "slid", "falls", "rises", "gains",
                    "drops", "jumps", "climbs", "adds", "sheds", "loses", "slides",
                ]
                .contains(&word.to_ascii_lowercase().as_str()))
    }

    /// Is a number at `b` cut off from a name ending at `a`? A measure word (`CPI`, `매출`,
    /// `profit`) blocks the numbers after it until a verb takes over (`Walmart, which ... after
    /// cutting its profit forecast, lost another 6.8%`); a subject word (`sector`, `업종`,
    /// `목표주가`) blocks until the sentence ends.
    fn blocked_between(&self, a: usize, b: usize) -> bool {
        // a subject word inside an apposition right after the name describes the name
        // (`The Philadelphia Semiconductor Index, a gauge of chipmakers, climbed 5.7%`)
        let in_apposition = |w: &WordHit| {
            self.text[a..w.start].trim_start().starts_with(',') && self.text[w.end..b].contains(',')
        };
        // a measure that has its own percent (`a 25% rise in full-year operating profits`)
        // takes that number, not the ones after it (`…, triggering a 9% rise in its share
        // price, up 96p`)
        let measured = |w: &WordHit| {
            static MEASURED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
            MEASURED
                .get_or_init(|| {
                    regex::Regex::new(
                        r"[0-9](?:%| ?per ?cent) (?:rise|fall|drop|jump|slump|increase|decline|gain|surge|plunge|climb|decrease|growth|slide) in (?:[^ ,.;]+ ){0,4}$",
                    )
                    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
                })
                // the phrase fits in the last 120 bytes before the measure; searching only
                // those keeps a long sentence's many checks cheap
                .is_match(&self.text[self.text.floor_char_boundary(w.start.saturating_sub(120).max(a))..w.start])
        };
        self.words.iter().any(|w| {
            w.start >= a
                && w.end <= b
                && (w.class == WordClass::Subject && !in_apposition(w)
                    || w.class == WordClass::Blocker
                        && !measured(w)
                        && !self
                            .words
                            .iter()
                            .any(|d| self.is_verb(d) && d.start >= w.end && d.end <= b))
        })
    }
}

/// Is `t` inside a quotation of at most 40 characters, opened and closed in its sentence?
fn in_short_quote(text: &str, sent: (usize, usize), t: &NumToken) -> bool {
    const OPEN: &[char] = &['“', '"', '‘', '\'', '「'];
    const CLOSE: &[char] = &['”', '"', '’', '\'', '」'];
    let before = &text[sent.0..t.start];
    let after = &text[t.end..sent.1.max(t.end)];
    let open = before.rfind(OPEN);
    let close = after.find(CLOSE);
    match (open, close) {
        (Some(o), Some(c)) => {
            let inner_before = &before[o..];
            let inner_after = &after[..c];
            // the quote must not close before the number
            let opener = inner_before.chars().next().map_or(1, char::len_utf8);
            !inner_before[opener..].contains(CLOSE)
                && crate::extract::chars_up_to(inner_before, 41)
                    + crate::extract::chars_up_to(inner_after, 41)
                    <= 40
        }
        _ => false,
    }
}

/// Numbers that are no market figure, whatever owns them: money amounts, thresholds (`3,000
/// 돌파`, `above 40,000`), conversions in brackets (`85.07달러(약 10만1500원)`), quoting units
/// (`100엔당`), shares of a whole (`95% of`) and hypotheticals (`7% 하락 시`).
fn is_not_a_figure(lexicon: &Lexicon, m: &Mentions, toks: &[NumToken], t: &NumToken) -> bool {
    let (text, sent, words) = (m.text, m.sent, &m.words);
    if matches!(t.unit, Unit::Currency(code) if t.value.abs() >= money_threshold(code)) {
        return true;
    }
    let before_word = text[sent.0..t.start]
        .trim_end_matches(['$', ' '])
        .rsplit(' ')
        .next()
        .unwrap_or("");
    // `Taiex tops 30,000 points for 1st time`: a whole number a verb of crossing names is the
    // line crossed, not a move or a close
    if t.decimals == 0
        && t.sign.is_none()
        && [
            "above",
            "below",
            "under",
            "past",
            "beyond",
            "topped",
            "tops",
            "top",
            "topping",
            "cross",
            "crosses",
            "crossed",
            "breaches",
            "breached",
            "surpasses",
            "surpassed",
            "toward",
            "towards",
        ]
        .contains(&before_word)
    {
        return true;
    }
    // `breaking through the psychological barrier of 8333 points`
    if t.decimals == 0
        && ["barrier of", "threshold of", "milestone of", "mark of"]
            .iter()
            .any(|w| text[sent.0..t.start].trim_end().ends_with(w))
    {
        return true;
    }
    if is_threshold(lexicon, text, t) {
        return true;
    }
    // a cause named after the figure (`finished ahead 19.97 points, largely due to a two per
    // cent surge from shares in oil producers`) moves something the text does not name
    if !m.korean_sentence && t.is_change_unit() {
        const CAUSES: &[&str] = &[
            " due to ",
            " thanks to ",
            " helped by ",
            " driven by ",
            " boosted by ",
            " led by ",
            " weighed down by ",
            " dragged down by ",
            " on the back of ",
        ];
        let before = &text[sent.0..t.start];
        if let Some(at) = CAUSES.iter().filter_map(|c| before.rfind(c)).max() {
            let cause_start = sent.0 + at;
            let clause_end = text[t.end..sent.1.max(t.end)]
                .find([',', ';'])
                .map_or(sent.1, |i| t.end + i);
            let named = m
                .ents
                .iter()
                .any(|h| h.start > cause_start && h.start < clause_end);
            if !named {
                return true;
            }
        }
    }
    // a round number in a short quote is a nickname or a milestone (`the “100,000 won
    // Samsung” milestone`, `“5만 전자”`), not a price
    if t.decimals == 0
        && t.value >= 1000.0
        && t.value % 100.0 == 0.0
        && in_short_quote(text, sent, t)
    {
        return true;
    }
    // a range is no figure (`shed between 3.5 and 4.9 per cent`, `lost 1 to 2 per cent`), nor
    // its first end (`ending between 4.92 percent and 6.98 percent higher`)
    if is_range_end(&text[sent.0..t.start], t.unit)
        || text[sent.0..t.start].trim_end().ends_with(" between")
    {
        return true;
    }
    // a distance, not a move: `3.4% short of its record close`
    if t.unit == Unit::Percent
        && [" short of", " shy of"]
            .iter()
            .any(|w| text[t.end..].starts_with(w))
    {
        return true;
    }
    // a move a modal verb governs is a forecast or a hypothesis (`could fall as low as $90`,
    // `will rise around 53 points`)
    if is_modal_move(text, sent, words, t) {
        return true;
    }
    // a share of another figure's move: `China Mobile contributed 478.2 points`, `adding
    // about 500 points to the index's gain`
    let before_hedge = text[sent.0..t.start].trim_end();
    let before_hedge = [
        "about", "around", "roughly", "nearly", "almost", "some", "over",
    ]
    .iter()
    .find_map(|h| {
        before_hedge
            .strip_suffix(h)
            .filter(|b| b.ends_with(' '))
            .map(str::trim_end)
    })
    .unwrap_or(before_hedge);
    // (… and Korean points the subject pulled the index by: `두 종목이 지수를 25포인트
    // 끌어올렸다`)
    let after = text[t.end..].trim_start();
    let after = after.strip_prefix("가량").unwrap_or(after).trim_start();
    let after = if m.korean_sentence && t.unit == Unit::Points {
        after
    } else {
        ""
    };
    if lexicon.is_contribution(before_hedge, after) {
        return true;
    }
    // a conversion, not a price: `85.07달러(약 10만1500원)`
    if let Unit::Currency(code) = t.unit {
        let converted = t.parenthesized
            && toks.iter().any(|n| {
                matches!(n.unit, Unit::Currency(c) if c != code)
                    && n.end <= t.start
                    && text[n.end..t.start]
                        .trim()
                        .trim_start_matches('(')
                        .trim()
                        .is_empty()
            });
        let hedged_conversion = toks.iter().any(|n| {
            matches!(n.unit, Unit::Currency(c) if c != code)
                && n.end <= t.start
                && matches!(text[n.end..t.start].trim(), "(약" | "(약 " | "(about" | "(")
        });
        if converted || hedged_conversion {
            return true;
        }
    }
    // a price per month or year (`월 20달러`, `연 100달러`) is a product's price, not a share's
    if matches!(t.unit, Unit::Currency(_))
        && ["월 ", "월", "연 ", "per month", "a month"]
            .iter()
            .any(|p| text[sent.0..t.start].trim_end_matches('$').ends_with(p))
    {
        return true;
    }
    // a quoting unit, not a figure: `100엔당 865.02원`, `배럴당`
    if matches!(t.unit, Unit::Currency(_)) && text[t.end..].starts_with('당') {
        return true;
    }
    // a share of a whole, not a move: `95% of the stocks`, `the 30% of`
    // (`shed 42% of their value` is the move itself)
    if t.unit == Unit::Percent
        && (text[t.end..].starts_with(" of ") || text[t.end..].starts_with(", of "))
        && !["its ", "their "].iter().any(|p| {
            text[t.end + 4..]
                .strip_prefix(p)
                .is_some_and(|r| r.starts_with("value") || r.starts_with("market value"))
        })
    {
        return true;
    }
    // a change of something the company reports, not of its shares: `a 61% slump in
    // first-half profit`, `a 21 per cent jump in full-year profit`
    if t.unit == Unit::Percent && is_change_in_a_measure(lexicon, text, t.end) {
        return true;
    }
    // Korean: a share of a whole (`시장의 약 13%`, `종목(929개)의 46%`) unless a move verb follows
    if t.unit == Unit::Percent && m.korean_sentence {
        let before = text[sent.0..t.start].trim_end();
        let before = before.strip_suffix("약").unwrap_or(before).trim_end();
        let move_follows = words.iter().any(|w| {
            matches!(w.class, WordClass::Direction(_))
                && w.start >= t.end
                && crate::extract::chars_up_to(&text[t.end..w.start], 7) <= 6
        });
        // (`지난 74년의 68.44%` is the move of that year, not a share)
        let of_a_date = before
            .strip_suffix('의')
            .is_some_and(|b| b.ends_with(['년', '월', '일', '주', '해', '날']));
        if before.ends_with('의') && !of_a_date && !move_follows {
            return true;
        }
    }
    // hypothetical numbers: `7% 하락 시 발동되는`, `5% 이상 오른 상태가`
    let conditional = words.iter().any(|w| {
        matches!(w.class, WordClass::Conditional | WordClass::NotMove)
            && w.start >= t.end
            && crate::extract::chars_up_to(&text[t.end..w.start], 13) <= 12
    });
    // `삼성전자 상승분을 제외하면 코스피는 103.22로`: a figure under a hypothesis
    let hypothetical = words
        .iter()
        .any(|w| w.class == WordClass::HypotheticalBefore && w.end <= t.start);
    if conditional || hypothetical {
        return true;
    }
    false
}

/// `N% <change noun> in <a few words> <measure>`: the percent is the change of the measure
/// (`a 98% slump in first-half pre-tax profit`), whoever the sentence is about.
fn is_change_in_a_measure(lexicon: &Lexicon, text: &str, end: usize) -> bool {
    const CHANGE_NOUNS: &[&str] = &[
        "rise",
        "fall",
        "drop",
        "jump",
        "slump",
        "increase",
        "decline",
        "gain",
        "surge",
        "plunge",
        "climb",
        "decrease",
        "growth",
        "slide",
        "rises",
        "falls",
        "drops",
        "increases",
        "declines",
        "gains",
    ];
    let rest = text[end..].trim_start();
    let Some((noun, rest)) = rest.split_once(' ') else {
        return false;
    };
    if !CHANGE_NOUNS.contains(&noun) {
        return false;
    }
    let Some(rest) = rest.strip_prefix("in ") else {
        return false;
    };
    // the measure within the next few words, before the clause ends
    let clause = rest.split([',', '.', ';']).next().unwrap_or("");
    let window: String = clause
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    // … in the plural too (`full-year profits`, `revenues`)
    let singular: String = window
        .split_whitespace()
        .map(|w| w.strip_suffix('s').unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ");
    [window, singular].iter().any(|w| {
        lexicon
            .words_in(w)
            .iter()
            .any(|w| w.class == WordClass::Blocker)
    })
}

/// Does `before` end with the lower end of a range (`between 3.5 and`, `from 5 to`, `1 to`)?
/// The second form, a bare number and `to`, only for percents: `shed 7,784.51 to 64,781.75`
/// is a move and its level.
fn is_range_end(before: &str, unit: Unit) -> bool {
    static RANGE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static PERCENT_RANGE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let range = RANGE.get_or_init(|| {
        regex::Regex::new(
            r"(?:\b(?:between|from)\s+[0-9][0-9.,]*\s*(?:%|per ?cent|points?)?\s+(?:and|to)|[0-9][0-9.]*\s*(?:%|per ?cent)?\s*(?:~|–))\s*\$?$",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    let percent_range = PERCENT_RANGE.get_or_init(|| {
        regex::Regex::new(r"(?:^|[^0-9.,])[0-9]{1,2}(?:\.[0-9]+)?\s*(?:to|-)\s*$")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    // `falling up to 4.84%`: the bound of a group's moves
    let upper_bound = before.trim_end().ends_with(" up to");
    range.is_match(before)
        || unit == Unit::Percent && (percent_range.is_match(before) || upper_bound)
}

/// Is the direction word that governs `t` under a modal verb (`could fall`, `will rise`,
/// `may drop`)? English only; the verb must come before the number in its clause.
fn is_modal_move(text: &str, sent: (usize, usize), words: &[WordHit], t: &NumToken) -> bool {
    let Some(verb) = words
        .iter()
        .rev()
        .find(|w| matches!(w.class, WordClass::Direction(_)) && w.end <= t.start)
    else {
        return false;
    };
    // the verb governs the number only when no other number sits between them
    let between = &text[verb.end..t.start];
    if between.contains(|c: char| c.is_ascii_digit()) || between.contains(['.', ';']) {
        return false;
    }
    let head = text[sent.0..verb.start].trim_end();
    let last = head.rsplit(' ').next().unwrap_or("");
    ["will", "would", "could", "may", "might", "should"].contains(&last)
}

/// Text between a number and a date that still ties the date to the number (`` or `on`).
trait EmptyOrPreposition {
    fn is_empty_or_preposition(&self) -> bool;
}

impl EmptyOrPreposition for str {
    fn is_empty_or_preposition(&self) -> bool {
        // (`ended up 665.44 points, or 4.46 percent, from Thursday at 52,932.20`: the base day
        // of the move, inside the same figure)
        matches!(self, "" | "on" | "as of" | "at" | "in" | ", from" | "from")
    }
}

/// What the assembly knows when it asks for a number's owner.
struct OwnerState<'d> {
    current: Option<&'d Draft>,
    last_draft: Option<&'d Draft>,
    prev_end: usize,
}

/// The owner of a number, and how it was found.
struct Owner {
    entity: usize,
    surface: String,
    anchor: usize,
    binding: Binding,
}

impl Owner {
    /// The entity a name in the text names.
    fn named(text: &str, h: &EntityHit) -> Owner {
        Owner {
            entity: h.entity,
            surface: text[h.start..h.end].to_string(),
            anchor: h.start,
            binding: Binding::Name,
        }
    }
}

/// `DBS was the top advancer on the STI, adding 3 per cent`: a participle after a comma tells
/// of the sentence's subject, not of the name `h` inside a prepositional phrase before it
/// (every number of the clause: `, rising 4 per cent to $190.10`). `Some(None)`: the subject
/// is a name the lexicon does not know, so the number is nobody's; `None`: no such clause.
fn participle_subject<'m>(
    m: &'m Mentions,
    t: &NumToken,
    h: &EntityHit,
) -> Option<Option<&'m EntityHit>> {
    let (text, sent) = (m.text, m.sent);
    let before = text[sent.0..h.start].trim_end();
    let in_phrase = [
        " on the",
        " in the",
        " of the",
        " among",
        " across the",
        " on",
        " in",
    ]
    .iter()
    .any(|p| before.ends_with(p));
    // the phrase may run on a few words past the name (`on the Robinhood brokerage for major
    // stocks, rising about 43%`)
    let tail = &text[h.end..t.start];
    let after_phrase = tail.find(", ").and_then(|i| {
        let words = tail[..i].split_whitespace().count();
        (words <= 5 && !tail[..i].contains(|c: char| c.is_ascii_digit())).then(|| &tail[i..])
    });
    let participle = after_phrase
        .and_then(|r| r.strip_prefix(", "))
        .is_some_and(|rest| {
            rest.split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("ing") && w.len() > 4)
                && !rest.contains(';')
                && !rest.contains(". ")
                && !m.words.iter().any(|w| {
                    matches!(w.class, WordClass::Anaphor(_)) && w.start >= h.end && w.end <= t.start
                })
        });
    (in_phrase && participle).then(|| {
        m.ents
            .iter()
            .find(|s| s.start < h.start && text[sent.0..s.start].trim().is_empty())
    })
}

/// Does the sentence open with a word that refers back (`The shares extended …`)?
fn opens_with_anaphor(m: &Mentions) -> bool {
    m.words.iter().any(|w| {
        matches!(w.class, WordClass::Anaphor(_)) && m.text[m.sent.0..w.start].trim().is_empty()
    })
}

/// Ownership: the name before the number (unless a measure word cuts it off), a name after its
/// modifier verb, a typed noun that refers back (`지수는`), or the entity in focus; never an
/// entity when a name the lexicon does not know owns the number (`Barclays down 22%`, `창업판
/// 지수도 54.32포인트`, `아모레G(3.05%)`). `unknown_owned_until` carries such a name's claim over
/// the numbers that follow it.
fn resolve_owner(
    cx: &Ctx,
    m: &Mentions,
    toks: &[NumToken],
    t: &NumToken,
    state: &OwnerState,
    unknown_owned_until: &mut Option<usize>,
) -> Option<Owner> {
    let Mentions {
        text,
        sent,
        ref ents,
        ref words,
        korean_sentence,
        ..
    } = *m;
    let is_dir = |w: &WordHit| matches!(w.class, WordClass::Direction(_));
    let blocked_between = |a: usize, b: usize| m.blocked_between(a, b);
    // `Satyam and Wipro rebounded, … the former was up …, the latter finished …`: the pair's
    // first or second name owns what follows; a name the lexicon lacks owns it for nobody
    if !korean_sentence {
        if let Some(named) = former_or_latter(text, sent, t, ents) {
            return named.map(|h| Owner::named(text, h));
        }
    }
    // `에코프로는 26일 코스닥시장에서 … 5.03% 하락한`: an index named as the place a company
    // trades is not the owner when the company is the sentence's subject
    let index_as_venue = |h: &EntityHit| {
        cx.entity(h.entity).kind == Kind::Index
            && ["시장에서", " 시장에서", "에서"]
                .iter()
                .any(|v| text[h.end..].starts_with(v))
            && ents
                .iter()
                .any(|s| s.end <= h.start && cx.entity(s.entity).kind == Kind::Stock)
    };
    let mut owner_hit = ents
        .iter()
        .rev()
        .find(|h| h.end <= t.start && !index_as_attribute(cx, text, h) && !index_as_venue(h));
    // `DBS was the top advancer on the STI, adding 3 per cent`: the sentence's subject; one
    // that refers back (`The shares … on the Robinhood brokerage, rising 43%`) is found below
    match owner_hit
        .filter(|_| !korean_sentence)
        .and_then(|h| participle_subject(m, t, h))
    {
        Some(Some(subject)) => return Some(Owner::named(text, subject)),
        Some(None) if opens_with_anaphor(m) => owner_hit = None,
        Some(None) => return None,
        None => {}
    }
    // `Shares of Pfizer, a component of the Dow Jones industrial average, plummeted 24%`: a name
    // inside an apposition describes the subject before it; it does not own the number
    let owner_hit = owner_hit
        .and_then(|h| {
            let before = ents.iter().rev().find(|p| p.end <= h.start)?;
            let gap = &text[before.end..h.start];
            let after = &text[h.end..t.start];
            let apposition = [", a ", ", an ", ", the ", ", part of ", ", which "]
                .iter()
                .any(|a| gap.starts_with(a))
                && !gap[1..].contains(',')
                && after.trim_start().starts_with(',');
            Some(if apposition { before } else { h })
        })
        .or(owner_hit);
    // points are an index's unit: past a company named in between (`나스닥 지수가 … 마이크로소프트
    // (MS)의 … 286.29포인트 폭락한`), they are the index's
    // … unless they join the company's own move (`rose 8.86% or 8.21 points`: a price change
    // some copy prints in points)
    let joins_company_move = state.current.is_some_and(|d| {
        owner_hit.is_some_and(|h| h.entity == d.entity)
            && d.change_tokens().next().is_some()
            && text[d.last..t.start].trim() == "or"
    });
    let owner_hit = match owner_hit {
        Some(h)
            if t.unit == Unit::Points
                && !joins_company_move
                && cx.entity(h.entity).kind == Kind::Stock
                && !text[t.start..t.end].ends_with(['p', 'P']) =>
        {
            ents.iter()
                .rev()
                .find(|x| x.end <= t.start && cx.entity(x.entity).kind == Kind::Index)
                .or(Some(h))
        }
        other => other,
    };
    // a name right after the number's modifier verb outranks one before it:
    // `3% 넘게 빠진 S&P500 지수, 4% 넘게 밀린 나스닥`
    let forward = forward_owner(text, t, toks, ents, words);
    let owner_hit = if forward.is_some() { None } else { owner_hit };
    // `삼성그룹주가 코스피지수를 12포인트 끌어올렸다`: a name marked as the object of the verb
    // (을/를) is moved by the subject; the numbers are the subject's doing, not the name's move
    let object = owner_hit.is_some_and(|h| {
        text[h.end..].starts_with(['을', '를'])
            && !text[h.end..t.start].contains(['.', ','])
            && crate::extract::chars_up_to(&text[h.end..t.start], 21) < 20
    });
    // `revised its target price for DBS to S$54.40`: a name that completes a subject word
    // (for/on/of) is what the measure is about; the numbers are the measure's
    let complement = owner_hit.is_some_and(|h| {
        words.iter().any(|w| {
            w.class == WordClass::Subject
                && w.end <= h.start
                && [" for ", " on ", " of "].contains(&&text[w.end..h.start])
        })
    });
    let dated_level_of_index_after = english_dated_level(m, t)
        .then(|| {
            ents.iter()
                .find(|h| h.start >= t.end && cx.entity(h.entity).kind == Kind::Index)
        })
        .flatten();
    let owner: Option<(usize, String, usize)> = match owner_hit {
        Some(_) if object || complement => None,
        // a rate's own name holds 금리/yield: blockers guard prices, not rates
        Some(h) if !blocked_between(h.end, t.start) || cx.entity(h.entity).kind == Kind::Rate => {
            Some((h.entity, text[h.start..h.end].to_string(), h.start))
        }
        Some(_) => None,
        None if forward_owner(text, t, toks, ents, words).is_some() => {
            forward_owner(text, t, toks, ents, words)
                .map(|h| (h.entity, text[h.start..h.end].to_string(), h.start))
        }
        // `Since closing at a record high 5,048.62 on March 10, the Nasdaq has fallen`: the
        // level of another day, in a clause before the index it belongs to
        None if dated_level_of_index_after.is_some() => dated_level_of_index_after
            .map(|h| (h.entity, text[h.start..h.end].to_string(), h.start)),
        None => {
            // no name in this sentence: an anaphor, index points, a session word, or an
            // English price move refer back to the entity in focus
            // the anaphor may close the sentence: `2020년 3월 24일(10.47%) 이후 ... 상승률이다`
            let anaphor = words.iter().find_map(|w| match w.class {
                WordClass::Anaphor(k) => Some(k),
                _ => None,
            });
            // `장중에는 39,156.97까지 올랐다`, `장 초반에는 10.13% 오른 3,674.40까지`
            let intraday = words.iter().any(|w| {
                w.end <= t.start
                    && matches!(w.class, WordClass::Session(SessionWord::IntradayBefore))
            });
            // `The $122.42 slide erased …` refers back; `Crude oil fell $1.97` has its own
            // (unknown) subject
            let noun_phrase_start = ["The", "the", "Its", "its", "A", "a"].contains(
                &text[sent.0..t.start]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .unwrap_or(""),
            );
            // `The fall of $15.5 to $90.75 dragged …`: a sentence that opens with a move noun
            let opens_with_move = !korean_sentence && {
                let opening = text[sent.0..t.start].trim_start();
                [
                    "The fall of",
                    "The drop of",
                    "The gain of",
                    "The rise of",
                    "The loss of",
                ]
                .iter()
                .any(|p| opening.starts_with(p))
            };
            let english_move = !korean_sentence
                && matches!(t.unit, Unit::Currency(_))
                && (opens_with_move
                    || noun_phrase_start
                        && words.iter().any(|w| {
                            is_dir(w)
                                && (w.start >= t.end && w.start <= t.end + 2
                                    || w.end + 2 >= t.start && w.end <= t.start)
                        }));
            // a data bullet under a headline that names its subject (`-- Down 6.06%
            // month-to-date`, `--Up 19.59% since …`): the move of the entity in focus
            let bullet_move = !korean_sentence && {
                let opening = &text[sent.0..t.start];
                let bare = opening.trim_start_matches(['-', '–', '—', '•', '*', ' ']);
                bare.len() < opening.len()
                    && words.iter().any(|w| {
                        is_dir(w)
                            && sent.0 + (opening.len() - bare.len()) == w.start
                            && text[w.end..t.start].trim().is_empty()
                    })
            };
            let want: Option<Option<Kind>> = match (anaphor, t.unit) {
                (Some(k), _) => Some(k),
                (None, Unit::Points) => Some(Some(Kind::Index)),
                // `결국 9.85(1.00%) 상승한 996.95로 장을 마감했다`: a bare change with its verb, in
                // a sentence that names nothing, is the index in focus
                (None, Unit::Bare)
                    if korean_sentence
                        && t.decimals > 0
                        && t.sign.is_none()
                        && direction_follows(text, t, toks, words) =>
                {
                    Some(Some(Kind::Index))
                }
                // `이는 연중 최저치(5573.1)를 경신한 것으로`: the level of a
                // named day, in a sentence about the index in focus
                (None, Unit::Bare) if korean_named_day_level(m, t) => Some(Some(Kind::Index)),
                // `The figure was the lowest since 1,279.08 on July 26, 2006`: the level of
                // another day, in a sentence about the index in focus
                (None, Unit::Bare) if english_dated_level(m, t) => Some(Some(Kind::Index)),
                (None, Unit::Currency(_)) if english_move || intraday => Some(Some(Kind::Stock)),
                (None, _) if intraday || bullet_move => Some(None),
                _ => None,
            };
            // with no name and no word that refers back, a measure word before the number
            // is the sentence's subject, whatever verb follows it (`The yield on the 10-year
            // bond dipped … to 0.215 percent`)
            // (… also when it heads the word that would refer back: `The yield on the
            // benchmark 10-year bond`)
            let anaphor_at = words
                .iter()
                .find(|w| matches!(w.class, WordClass::Anaphor(_)))
                .map(|w| w.start);
            let measure_subject = words.iter().any(|w| {
                w.end <= t.start
                    && w.start >= sent.0
                    && matches!(w.class, WordClass::Blocker | WordClass::Subject)
                    && anaphor_at.is_none_or(|a| w.start < a)
            });
            let blocked = blocked_between(sent.0, t.start) || measure_subject;
            // a sentence that began referring back keeps its entity for the rest
            // (`The 30-stock index closed down 1,175.21 points, or 4.6 percent, at …`)
            let continued = state
                .current
                .or(state.last_draft)
                .filter(|d| d.surface.is_empty())
                .map(|d| d.entity);
            match (want, continued) {
                (_, Some(e)) if !blocked_between(state.prev_end, t.start) && !measure_subject => {
                    Some((e, String::new(), t.start))
                }
                (Some(k), _) if !blocked => {
                    let e = match k {
                        Some(kind) => cx.topic_by_kind.get(&kind).copied(),
                        None => cx.topic,
                    };
                    // a pronoun (`It fell 2%`, `Shares rose 4%`) refers to what the sentence
                    // before named, not to any entity in focus further back
                    let pronoun = words.iter().any(|w| is_pronoun(text, w));
                    e.filter(|e| !pronoun || cx.prev_sentence_ents.contains(e))
                        .map(|e| (e, String::new(), t.start))
                }
                _ => None,
            }
        }
    };
    // a name the lexicon does not know owns this number (`Barclays down 22%`, `창업판
    // 지수도 54.32포인트`, `아모레G(3.05%)`): it is not the earlier entity's
    let owner = owner.filter(|_| {
        let seg_start = owner_hit.map_or(sent.0, |h| h.end);
        let after_unknown = unknown_owned_until.is_some_and(|p| {
            p <= t.start && !ents.iter().any(|h| h.start >= p && h.end <= t.start)
        });
        forward.is_some()
            || !(after_unknown || unknown_owner(cx.lexicon, text, seg_start, t.start, ents, words))
    });
    if owner.is_none()
        && unknown_owner(
            cx.lexicon,
            text,
            owner_hit.map_or(sent.0, |h| h.end),
            t.start,
            ents,
            words,
        )
    {
        *unknown_owned_until = Some(t.end);
    }
    let (entity, surface, anchor) = owner?;
    // a typed noun that opens the sentence (`지수는`, `The 30-stock index`) names the owner
    // as surely as its name; any other inherited owner comes from the context only
    let binding = if owner_hit.is_some() || forward.is_some() {
        Binding::Name
    } else if words.iter().any(|w| {
        matches!(w.class, WordClass::Anaphor(k) if k.is_none_or(|k| k == cx.entity(entity).kind))
            && w.end <= t.start
            && crate::extract::chars_up_to(&text[sent.0..w.start], 21) <= 20
    }) {
        Binding::Anaphor
    } else {
        Binding::Context
    };
    Some(Owner {
        entity,
        surface,
        anchor,
        binding,
    })
}

/// Is the index name `h` an attribute of the noun after it (`the top Sensex gainer`, `the
/// second-best ASX200 performer`, `Nasdaq-listed`, `코스피 상장기업`)? Such a name tells which
/// market a company belongs to; it owns none of the company's numbers.
fn index_as_attribute(cx: &Ctx, text: &str, h: &EntityHit) -> bool {
    const NOUNS: &[&str] = &[
        " gainer",
        " loser",
        " performer",
        " constituent",
        " component",
        " member",
        " heavyweight",
        " stock",
        " company",
        " companies",
        " firm",
        "-listed",
        " listed",
        " 상장기업",
        " 상장 기업",
        " 상장사",
        " 상장종목",
        " 상장 종목",
        " 대장주",
    ];
    let after = &text[h.end..];
    cx.entity(h.entity).kind == Kind::Index
        && NOUNS.iter().any(|n| {
            after.strip_prefix(n).is_some_and(|rest| {
                // a whole word, or its plural (`gainers`, not `firmed`)
                let rest = rest.strip_prefix('s').unwrap_or(rest);
                !rest.starts_with(|c: char| c.is_ascii_alphabetic())
            })
        })
        // `the Nasdaq stock market`, `the Kospi stock index` name the index itself
        && ![" stock market", " stock exchange", " stock index", " stock average"]
            .iter()
            .any(|n| after.starts_with(n))
}

/// `X and Y …, the former …, the latter …`: when `the former` or `the latter` stands before
/// `t` with no name between, the first or second name of the last `X and Y` pair before it.
/// `Some(None)`: the referent is a name the lexicon does not know; `None`: no such reference.
fn former_or_latter<'h>(
    text: &str,
    sent: (usize, usize),
    t: &NumToken,
    ents: &'h [EntityHit],
) -> Option<Option<&'h EntityHit>> {
    let before = &text[sent.0..t.start];
    let lower = before.to_ascii_lowercase();
    let (at, latter) = [("the former ", false), ("the latter ", true)]
        .iter()
        .filter_map(|(w, l)| lower.rfind(w).map(|i| (i, *l)))
        .max()?;
    let at = sent.0 + at;
    if ents.iter().any(|h| h.start > at && h.end <= t.start) {
        return None;
    }
    // the pair: capitalised names on both sides of the last ` and ` before the reference
    let head = &text[sent.0..at];
    let is_name_word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '&' | '.' | '-' | '\'' | '’'))
    };
    let (and, left_words, right_words) = head
        .rmatch_indices(" and ")
        .map(|(and, _)| {
            let left: Vec<&str> = head[..and]
                .split(' ')
                .rev()
                .take_while(|w| is_name_word(w))
                .collect();
            let right: Vec<&str> = head[and + 5..]
                .split(' ')
                .take_while(|w| is_name_word(w))
                .collect();
            (and, left, right)
        })
        .find(|(_, l, r)| !l.is_empty() && !r.is_empty())?;
    let left_len: usize = left_words.iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    let right_len: usize = right_words.iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    let (from, to) = if latter {
        (sent.0 + and + 5, sent.0 + and + 5 + right_len)
    } else {
        (sent.0 + and - left_len, sent.0 + and)
    };
    Some(ents.iter().find(|h| h.start >= from && h.end <= to))
}

/// Ownership and figure assembly: which numbers are market figures (not thresholds, counts,
/// conversions or hypotheticals), which entity owns each (a name before or after it, a typed
/// noun, the context; never one a name unknown to the lexicon claims), and which numbers of
/// one owner make one figure (a level with its point and percent change in one clause).
fn assemble_drafts(cx: &mut Ctx, m: &Mentions, toks: &[NumToken]) -> Vec<Draft> {
    let Mentions {
        text,
        sent,
        ref words,
        ref dates,
        korean_sentence,
        ..
    } = *m;
    // ---- market figures
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<Draft> = None;
    let mut prev_end = sent.0;
    // end of the last number a name unknown to the lexicon owns: the numbers after it, up to
    // the next known name, are that name's too
    let mut unknown_owned_until: Option<usize> = None;
    let is_dir = |w: &WordHit| matches!(w.class, WordClass::Direction(_));
    let is_verb = |w: &WordHit| m.is_verb(w);
    for t in toks {
        // candidate tokens only
        let slot_unit = match t.unit {
            Unit::Percent | Unit::PercentPoint | Unit::BasisPoints => Some(Slot::Pct),
            Unit::Points => Some(Slot::Points),
            Unit::Currency(code) if t.value.abs() < money_threshold(code) => None, // decided below
            // a signed bare number is a change (`▼69.06`); an unsigned decimal a level
            // (19,341.83); `큐원 2.5`, `라마 3.1` are model names
            Unit::Bare if t.sign.is_some() && t.scale == 1.0 => Some(Slot::Points),
            // Korean `416.06(2.93%) 상승한`, `12.68 오른`: a bare number the direction verb
            // follows is a change in points
            // … unless it follows the name directly, as a quote does (`코스피 5420.49(3.25%)상승`)
            Unit::Bare
                if korean_sentence
                    && t.scale == 1.0
                    && t.decimals > 0
                    && direction_follows(text, t, toks, words) =>
            {
                let quote = m.ents.iter().any(|h| {
                    h.end <= t.start && text[h.end..t.start].chars().all(char::is_whitespace)
                }) && text[t.end..].starts_with('(');
                // `장중 한때 8625.85까지 밀리기도`: a level reached
                let reached = text[t.end..].starts_with("까지");
                Some(if quote || reached {
                    Slot::Level
                } else {
                    Slot::Points
                })
            }
            // `closes down 1,175 in its worst point drop`: whole points right after the verb
            Unit::Bare if !korean_sentence && whole_points_after_verb(text, t, words) => {
                Some(Slot::Points)
            }
            // `The Nasdaq rose 6 to 4512`: a small whole move after its verb, then the level
            Unit::Bare
                if !korean_sentence
                    && t.decimals == 0
                    && t.scale == 1.0
                    && t.sign.is_none()
                    && t.hedge.is_none()
                    && words.iter().any(|w| {
                        matches!(w.class, WordClass::Direction(_))
                            && w.end <= t.start
                            && text[w.end..t.start].trim().is_empty()
                    })
                    && text[t.end..].starts_with(" to ")
                    && toks.iter().any(|n| {
                        n.start == t.end + " to ".len()
                            && n.unit == Unit::Bare
                            && n.value >= 20.0 * t.value.max(1.0)
                    }) =>
            {
                Some(Slot::Points)
            }
            // `fell 8.11, or 0.8 percent`: a small decimal right after the verb is points
            Unit::Bare
                if !korean_sentence
                    && t.decimals > 0
                    && t.scale == 1.0
                    && words.iter().any(|w| {
                        matches!(w.class, WordClass::Direction(_))
                            && w.end <= t.start
                            && text[w.end..t.start].trim().is_empty()
                    }) =>
            {
                Some(Slot::Points)
            }
            // `0.45%(98.12) 오른 21,099.81`: a bare number in brackets right after the
            // percent, with the move's verb after it, is the move in points
            Unit::Bare
                if korean_sentence
                    && t.parenthesized
                    && t.sign.is_none()
                    && t.decimals > 0
                    && text[t.end..].starts_with([')', '）'])
                    && toks.iter().any(|n| {
                        n.unit == Unit::Percent && n.end <= t.start && {
                            let gap = &text[n.end..t.start];
                            gap == "(" || gap == "（"
                        }
                    })
                    && {
                        let after = t.end + text[t.end..].chars().next().map_or(0, char::len_utf8);
                        words.iter().any(|w| {
                            matches!(w.class, WordClass::Direction(_))
                                && w.start >= after
                                && text[after..w.start].trim().is_empty()
                        })
                    } =>
            {
                Some(Slot::Points)
            }
            // `2만6763.13`, `1만4693.00`: a level written with 만 keeps its decimals (`3.5만`
            // is a rounded count, its decimals worth 1,000)
            Unit::Bare
                if t.decimals > 0
                    && (t.scale == 1.0 || t.value.fract() != 0.0 || t.half_width < 0.5)
                    && t.value >= 10.0 =>
            {
                Some(Slot::Level)
            }
            // `lost 6.8% to 4,744`: a whole number after `to` / `at`, once a change is stated,
            // is the level
            Unit::Bare
                if !korean_sentence
                    && t.sign.is_none()
                    && t.value >= 100.0
                    && t.hedge.is_none()
                    && (t.raw_has_separator(text) || !(1900.0..=2100.0).contains(&t.value))
                    && ["to", "at"]
                        .iter()
                        .any(|m| text[sent.0..t.start].trim_end().ends_with(&format!(" {m}")))
                    && (current
                        .as_ref()
                        .is_some_and(|d| d.change_tokens().next().is_some())
                        // … or a closing verb names it (`ended the year at 40,558`)
                        || closing_verb_before(&text[sent.0..t.start])) =>
            {
                Some(Slot::Level)
            }
            // a whole-number level the closing verb names: `2,012로 마감`, `1만664로 장을`
            Unit::Bare
                if t.sign.is_none()
                    && t.value >= 100.0
                    && t.hedge.is_none()
                    && cx.lexicon.is_level_suffix(&text[t.end..]) =>
            {
                Some(Slot::Level)
            }
            // `지난 1월 23일 1297 이후`: a whole-number level right after the day it names
            Unit::Bare if t.value >= 100.0 && korean_dated_level(m, t) => Some(Slot::Level),
            // a table row `삼성전자   43,100   ▼1,600   -3.58%`: the number before a signed change
            Unit::Bare
                if t.scale == 1.0
                    && t.value >= 10.0
                    && followed_by_signed_change(text, t, toks) =>
            {
                Some(Slot::Level)
            }
            _ => {
                prev_end = t.end;
                continue;
            }
        };
        if is_not_a_figure(cx.lexicon, m, toks, t) {
            prev_end = t.end;
            continue;
        }
        // the previous close in brackets (`전 거래일(1931.97)보다`) is a level of the day before:
        // a figure of its own, never part of the day's move
        // … or printed between the word and its comparison: `전장 3196.05 대비`
        let before_t = &text[sent.0..t.start];
        let after_t = text[t.end..].trim_start();
        let prior_close = matches!(t.unit, Unit::Bare | Unit::Currency(_))
            && t.sign.is_none()
            && (t.parenthesized
                && cx
                    .lexicon
                    .is_previous_close(before_t.trim_end_matches(['(', '（', ' ']))
                || before_t.ends_with(' ')
                    && cx.lexicon.is_previous_close(before_t.trim_end())
                    && ["대비", "보다", "에서"]
                        .iter()
                        .any(|w| after_t.starts_with(w)));
        // … and so is a level in brackets right after the word or date that names its day
        // (`작년 말(57,042.55)`, `연고점(5383.70)`, `12월 19일(4009.26)`): a day the text names
        // but the binder does not resolve; never the day's close
        // … as is a Korean points level of a day other than the close it does not name
        // (`2019년 5438포인트,`, `연저점인 5543포인트를 기록`)
        // … and so is the level a move started from: `6만4333원에서 5만4033원(-63%)으로`,
        // `지난해말 589.47에서 올해 폐장때 85.81`
        let from_level = korean_sentence
            && matches!(t.unit, Unit::Bare | Unit::Currency(_) | Unit::Points)
            && t.sign.is_none()
            && text[t.end..].starts_with("에서")
            && ![
                "에서 거래",
                "에서 출발",
                "에서 마감",
                "에서 움직",
                "에서 등락",
                "에서 시작",
            ]
            .iter()
            .any(|w| text[t.end..].starts_with(w))
            && toks
                .iter()
                .any(|n| n.start > t.end && n.unit == t.unit && n.end <= sent.1);
        let prior_close = prior_close
            || from_level
            || korean_named_day_level(m, t)
            || english_dated_level(m, t)
            || t.unit == Unit::Points
                && korean_sentence
                && !cx.lexicon.is_level_suffix(&text[t.end..])
                && korean_points_level(text, sent, t)
                // `3.96% 상승한 4만4346.15포인트에`: the level the change led to
                && !current.as_ref().is_some_and(|d| {
                    d.change_tokens().next().is_some()
                        && modifier_verb_before(text, words, d.last, t.start)
                });
        // English `rose 936.42, or 11.08 percent` / `down 905.04`: a bare number right after a
        // direction word is a change; `to 9,387.61` / `at 3,923.68 points` is a level
        // (`at Rs 590`, `to HK$86.05`: the currency printed before the amount is no word)
        let before_txt = text[sent.0..t.start].trim_end_matches([' ', '$', '(']);
        let before_txt = [
            "Rs.", "Rs", "HK", "NT", "S", "A", "C", "US", "₹", "€", "£", "¥",
        ]
        .iter()
        .find_map(|c| {
            before_txt
                .strip_suffix(c)
                .filter(|b| b.ends_with(' ') || b.ends_with('('))
        })
        .unwrap_or(before_txt)
        .trim_end_matches([' ', '(']);
        let level_marker = [
            "to",
            "at",
            "record",
            "to a record",
            "closed at",
            "to end at",
            "ended at",
            "finished at",
            "at around",
            "at about",
            "at roughly",
            "at nearly",
            "to around",
            "to about",
            "high of",
            "low of",
            // `narrowed its loss to 0.12 percent, reaching 16,941.71 points`
            "reaching",
            "to reach",
        ]
        .iter()
        .any(|m| {
            before_txt.ends_with(m)
                && !before_txt[..before_txt.len() - m.len()]
                    .ends_with(|c: char| c.is_ascii_alphabetic())
        }) && !move_noun_subject(before_txt);
        // a hedge may sit between the verb and its number: `fell almost $15`
        let verb_before = words.iter().any(|w| {
            is_dir(w) && w.end <= t.start && {
                let gap = text[w.end..t.start].trim();
                gap.is_empty()
                    || [
                        "almost",
                        "nearly",
                        "about",
                        "roughly",
                        "around",
                        "more than",
                        "as much as",
                        // `with a fall of 494.50`, `fell by 450`
                        "of",
                        "by",
                    ]
                    .contains(&gap)
            }
        });
        let slot_unit = match (t.unit, slot_unit) {
            (Unit::Bare, Some(Slot::Level)) if verb_before && !korean_sentence => {
                Some(Slot::Points)
            }
            // a signed number is a move, never where the index stood (`closing at the lows
            // and down -800 points`)
            (Unit::Points, _)
                if t.sign.is_none()
                    && (level_marker || closing_at_near(&text[sent.0..t.start])) =>
            {
                Some(Slot::Level)
            }
            (Unit::Points, _) => {
                // Korean `2,441.55포인트로 마감했다`: points as a level; so is a points number
                // right after the modifier verb of a change (`0.84% 내린 3830.85포인트`)
                let after_change_verb = current.as_ref().is_some_and(|d| {
                    d.change_tokens().next().is_some()
                        && modifier_verb_before(text, words, d.last, t.start)
                });
                // `장중에 14,021.95포인트까지 상승`: a points number reached is a level
                let reached = text[t.end..].starts_with("까지");
                let as_level = cx.lexicon.is_level_suffix(&text[t.end..])
                    || after_change_verb
                    || reached
                    || korean_sentence && korean_points_level(text, sent, t);
                Some(if as_level { Slot::Level } else { Slot::Points })
            }
            _ => slot_unit,
        };
        // ---- owner
        let Some(Owner {
            entity,
            surface,
            anchor,
            binding,
        }) = resolve_owner(
            cx,
            m,
            toks,
            t,
            &OwnerState {
                current: current.as_ref(),
                last_draft: drafts.last(),
                prev_end,
            },
            &mut unknown_owned_until,
        )
        else {
            prev_end = t.end;
            continue;
        };
        let ekind = cx.entity(entity).kind;
        // rates: `4.25%` is the level, `0.05%p` / `5bp` the change in points; a plain `%`
        // followed by a direction word is a change printed as a percent (MF005 asks which)
        let slot_unit = match (ekind, t.unit, slot_unit) {
            (Kind::Rate, Unit::PercentPoint | Unit::BasisPoints, _) => Some(Slot::Points),
            (Kind::Rate, Unit::Percent, _) => {
                let next = words
                    .iter()
                    .any(|w| is_dir(w) && w.start >= t.end && w.start <= t.end + 4);
                Some(if next { Slot::Pct } else { Slot::Level })
            }
            (Kind::Rate, _, s) => s.filter(|s| *s == Slot::Level),
            // a share price in pence (`41.9p to 145.1p`): `p` is the currency, not points
            (Kind::Stock, Unit::Points, _) if text[t.start..t.end].ends_with(['p', 'P']) => {
                Some(if level_marker {
                    Slot::Level
                } else {
                    Slot::Points
                })
            }
            // an index is not quoted in dollars, pounds, euros or won (`On the Nasdaq, Facebook,
            // down 6.4 per cent at $41.27`, `70원 오른` of the exchange rate); Korean copy does
            // print `5만5142.03엔` for the Nikkei
            (Kind::Index, Unit::Currency(code), _) if !matches!(code, "JPY" | "CNY") => {
                prev_end = t.end;
                continue;
            }
            // … and in English copy a price in pence is never an index's points
            (Kind::Index, Unit::Points, _)
                if !korean_sentence && text[t.start..t.end].ends_with(['p', 'P']) =>
            {
                prev_end = t.end;
                continue;
            }
            (_, Unit::BasisPoints, _) => {
                prev_end = t.end;
                continue;
            }
            // a price's move printed in percentage points (`61.63포인트(2.56%p) 내린`) is kept
            // for MF005 to question; a distance in points (`사상 최고치에 0.1%P 못 미쳤다`) is
            // no move at all
            // (… as is English `rose 21.25 points, or 0.49 percentage point`)
            (Kind::Index | Kind::Stock, Unit::PercentPoint, _)
                if !t.parenthesized
                    && !direction_follows(text, t, toks, words)
                    && (korean_sentence || !text[sent.0..t.start].trim_end().ends_with(" or")) =>
            {
                prev_end = t.end;
                continue;
            }
            _ => slot_unit,
        };
        if ekind == Kind::Rate && slot_unit.is_none() {
            prev_end = t.end;
            continue;
        }
        // a share price carries its currency (`7만1,400원`, `$237.76`); a bare number next to
        // a company name is a version or a count (`라마 3.1`), unless a table row prints it
        // … or English copy prints a quote in local units after its move (`down 16.7 per cent
        // at 6,320`, `rose 4.08 percent to 5150`)
        let quote_after_move = !korean_sentence
            && level_marker
            && t.value >= 1.0
            && current
                .as_ref()
                .is_some_and(|d| d.entity == entity && d.change_tokens().next().is_some());
        if slot_unit == Some(Slot::Level)
            && ekind == Kind::Stock
            && t.unit == Unit::Bare
            && !followed_by_signed_change(text, t, toks)
            && !quote_after_move
        {
            prev_end = t.end;
            continue;
        }
        // ---- slot for prices and FX quotes: a change when signed (`▼1,000원`), when a
        // direction word follows (Korean: `8,200원(10.30%) 내린`, `6,500원, 2.62% 오른`) or
        // precedes it directly (English: `fell $85.24`)
        let slot_unit = if prior_close {
            Some(Slot::Level)
        } else {
            slot_unit
        };
        let slot = match slot_unit {
            Some(s) => s,
            None => {
                let mut after = t.end;
                if let Some(n) = toks.iter().find(|n| {
                    n.start >= t.end
                        && n.unit == Unit::Percent
                        && text[t.end..n.start]
                            .chars()
                            .all(|c| matches!(c, ' ' | ',' | '(' | '/'))
                }) {
                    after = n.end + text[n.end..].chars().take_while(|c| *c == ')').count();
                }
                // hedge particles may sit between (`2만원(5.61%)이나 주저앉은`); a level's
                // particle may not (`281.90달러로 올라`)
                let follows = words.iter().any(|w| {
                    if !is_dir(w) || w.start < after {
                        return false;
                    }
                    let gap = text[after..w.start].trim();
                    let gap = [
                        "이나",
                        "나",
                        "가량",
                        "정도",
                        "넘게",
                        "가까이",
                        "씩",
                        "각각",
                        "또",
                    ]
                    .iter()
                    .find_map(|h| gap.strip_prefix(h))
                    .unwrap_or(gap)
                    .trim();
                    crate::extract::chars_up_to(gap, 3) <= 2
                        && !["로", "으로", "에", "까지"].contains(&gap)
                });
                // `4.80%(6000원)나 하락한`: a price in brackets right after a percent is that
                // percent's change in money
                let after_percent = t.parenthesized
                    && toks.iter().any(|n| {
                        n.unit == Unit::Percent
                            && n.end <= t.start
                            && text[n.end..t.start].trim() == "("
                    });
                // `6.73달러(2.45%) 급등한 281.90달러`: a price right after the change's verb is
                // the level
                let level_after_verb = current.as_ref().is_some_and(|d| {
                    d.entity == entity
                        && d.change_tokens().next().is_some()
                        && modifier_verb_before(text, words, d.last, t.start)
                });
                // `The gain of $6.10`: a direction noun, `of`, the amount
                let noun_of = !korean_sentence
                    && words.iter().any(|w| {
                        is_dir(w)
                            && w.end <= t.start
                            && text[w.end..t.start].trim_end_matches(['$', ' ']) == " of"
                    });
                // `gained 4.48 percent, or $1.38`: the money after a percent is its change
                let or_after_pct = !korean_sentence
                    && text[sent.0..t.start].trim_end().ends_with(" or")
                    && current
                        .as_ref()
                        .is_some_and(|d| d.pct.is_some() && d.points.is_none());
                // `(Rs 91.78 or 7.24%)`, `$4.53 or 6.16%`: money then `or` and a percent is the
                // move in money and in percent
                let or_pct_follows = !korean_sentence
                    && text[t.end..].starts_with(" or ")
                    && toks
                        .iter()
                        .any(|n| n.unit == Unit::Percent && n.start == t.end + " or ".len());
                // `found 53¢ to $57.38`: an amount right before `to` and a price many times
                // its size is the move to that price
                let move_to_price = !korean_sentence
                    && text[t.end..].starts_with(" to ")
                    && toks.iter().any(|n| {
                        matches!(n.unit, Unit::Currency(_))
                            && n.start >= t.end + " to ".len()
                            && n.start <= t.end + " to ".len() + 4
                            && n.value >= 10.0 * t.value
                    });
                let precedes = !korean_sentence
                    && !level_marker
                    && (verb_before || noun_of || or_after_pct || or_pct_follows || move_to_price);
                if (level_after_verb || level_marker && !korean_sentence) && t.sign.is_none() {
                    // `closed at $25.75, down $3.23`: `at`/`to` name the level, whatever follows
                    Slot::Level
                } else if t.sign.is_some() || follows || precedes || after_percent {
                    Slot::Points
                } else if matches!(ekind, Kind::Index) {
                    // an index moves in points, or in its currency (`닛케이 412.95엔(1.04%) 내린`);
                    // its level is printed in that currency only right after the change's verb
                    // (`682.85엔(6.63%) 떨어진 9,610.10엔`)
                    let after_change = current.as_ref().is_some_and(|d| {
                        d.entity == entity
                            && d.change_tokens().next().is_some()
                            && modifier_verb_before(text, words, d.last, t.start)
                    });
                    if !after_change {
                        prev_end = t.end;
                        continue;
                    }
                    Slot::Level
                } else {
                    Slot::Level
                }
            }
        };
        // a level with a unit the entity does not quote in (index in 원) is not this entity's
        let since = current.as_ref().map_or(prev_end, |d| d.last);
        // a date right after the previous number is that number's (`closed at 28,335.57 on
        // Friday, down 28.09 points`): it does not start another figure
        // … nor does a day named inside the closing phrase (`rallied 14% to close Thursday
        // at $18.35`)
        let date_between = dates.iter().any(|d| {
            d.start >= since && d.end <= t.start && {
                let gap = text[since..d.start].trim().trim_start_matches(')').trim();
                let closing_phrase = [
                    "to close",
                    "to end",
                    "to finish",
                    "to settle",
                    "closing",
                    "ending",
                ]
                .iter()
                .any(|v| gap.ends_with(v))
                    && text[d.end..t.start].trim_start().starts_with("at");
                // `rose nearly 74% in trading Tuesday to $780.92`: a short phrase naming the
                // day, then the level's `to`
                let day_in_phrase = gap.split_whitespace().count() <= 3
                    && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';'))
                    && text[d.end..t.start].trim() == "to";
                !gap.is_empty_or_preposition() && !closing_phrase && !day_in_phrase
            }
        });
        let new_owner = current
            .as_ref()
            .is_none_or(|d| d.entity != entity || d.mention != anchor && !surface.is_empty());
        let conflict = current.as_ref().is_some_and(|d| d.slot(slot).is_some());
        // `down as much as 3.5% early in the session, closed up 436.10 points`: a direction
        // verb between two changes starts another clause, so another figure
        let new_clause = current.as_ref().is_some_and(|d| {
            let between = |w: &WordHit| w.start >= d.last && w.end <= t.start;
            // `…` separates an intraday claim from the close in a headline
            // (`장중 184p 폭락 후 낙폭 줄여…1,801.35`)
            text[d.last..t.start].contains('…')
                && words.iter().any(|w| {
                    w.end <= d.first
                        && matches!(w.class, WordClass::Session(SessionWord::IntradayBefore))
                })
                || slot != Slot::Level
                    && d.change_tokens().next().is_some()
                    && words.iter().any(|w| {
                        between(w) && (is_verb(w) || matches!(w.class, WordClass::Session(_)))
                    })
                // `6.39% 하락 출발한 뒤 장중 한때 8625.85까지`: a print at another moment of
                // the session is a figure of its own
                || slot == Slot::Level
                    && korean_sentence
                    && d.change_tokens().next().is_some()
                    && ["뒤 ", "후 ", "고 ", "며 ", "으나 ", "지만 "]
                        .iter()
                        .any(|c| text[d.last..t.start].contains(c))
                    && words.iter().any(|w| {
                        between(w)
                            && matches!(w.class, WordClass::Session(SessionWord::IntradayBefore))
                    })
        });
        // `8.77% 내린 ... 2,441.55`: a level before the change belongs to an earlier figure
        // (a price table `2,348.97 ▼61.63 (-2.56%)` keeps level and change together)
        let level_before_change = current.as_ref().is_some_and(|d| {
            let gap = &text[d.last..t.start];
            // `153만원 찍고 5% 하락`: a conjunctive ending closes the level's clause
            let clause_end = ["고", "며", "지만", "다가", "으나", "는데"]
                .iter()
                .any(|e| gap.trim_end().ends_with(e))
                || gap.contains(" and ")
                // `hit 502,000 won, … before retreating 1.34 percent`: the level was a moment
                // of the session; the move after `before` is another figure
                || gap.contains(" before ");
            // `244.11달러로 전날보다 1.11달러(0.45%) 낮아졌고`: the level, then its change
            // against the day before, is one figure
            let comparison = ["보다", "대비", "비해", "比"]
                .iter()
                .any(|c| gap.contains(c));
            slot != Slot::Level
                && d.level.is_some()
                && !comparison
                && (gap.chars().filter(|c| is_hangul(*c)).count() > 3 || clause_end)
        });
        let prior_boundary = prior_close || current.as_ref().is_some_and(|d| d.prior);
        // `84.28를 기록, 연초 대비 13% 이상 급락`: a period named between two numbers starts the
        // period's own figure
        // (… unless the move runs `to` it: `fell 5.5 percent to a 52-week low of 80,033 won`)
        // … and so does a change whose own words name a period after it (`closed up 40.68 at
        // 2,047.36, after a gain of 1.7 percent last week`)
        let period_between = current.as_ref().is_some_and(|d| {
            let gap = text[d.last..t.start].to_lowercase();
            let own_after: String = text[t.end..sent.1].chars().take(24).collect();
            cx.lexicon.names_period(&gap, "", "") && !gap.trim_start().starts_with("to ")
                || slot != Slot::Level
                    && d.change_tokens().next().is_some()
                    && [
                        "last week",
                        "this week",
                        "this year",
                        "last year",
                        "this month",
                        "last month",
                        "year to date",
                        "year-to-date",
                        "so far this",
                    ]
                    .iter()
                    .any(|p| own_after.to_lowercase().contains(p))
        });
        if new_owner
            || period_between
            || conflict
            || date_between
            || level_before_change
            || new_clause
            || prior_boundary
        {
            if let Some(d) = current.take() {
                drafts.push(d);
            }
            current = Some(Draft {
                entity,
                surface: surface.clone(),
                binding,
                anchor: if anchor + 120 >= t.start {
                    anchor.min(t.start)
                } else {
                    t.start
                },
                mention: anchor,
                level: None,
                points: None,
                pct: None,
                first: t.start,
                last: t.end,
                prior: prior_close,
            });
        }
        if let Some(d) = current.as_mut() {
            d.set(slot, t.clone());
        }
        prev_end = t.end;
    }
    if let Some(d) = current.take() {
        drafts.push(d);
    }
    drafts
}

/// Entity groups: `엔비디아·브로드컴 17%↓` gives the figure to every name in the group;
/// `삼성전자와 SK하이닉스는 각각 3%, 5%` gives the numbers to the names in order.
/// `and e-commerce company` between two names: the joiner (`and`, `,`) when the words after it
/// describe the next name (one to four lower-case words ending in a `company_noun` of the
/// lexicon).
fn described_joiner<'g>(lexicon: &Lexicon, gap: &'g str) -> Option<&'g str> {
    let (joiner, rest) = gap
        .strip_prefix("and ")
        .map(|r| ("and", r))
        .or_else(|| gap.strip_prefix(", ").map(|r| (",", r)))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let last = *words.last()?;
    let described = words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || matches!(c, '-' | '/'))
        })
        && lexicon.is_company_noun(last);
    described.then_some(joiner)
}

fn expand_groups(cx: &Ctx, m: &Mentions, toks: &[NumToken], drafts: Vec<Draft>) -> Vec<Draft> {
    let Mentions {
        text,
        sent,
        ref ents,
        ..
    } = *m;
    // ---- entity groups: `엔비디아·브로드컴 17%↓` gives the figure to every name in the group;
    // `삼성전자와 SK하이닉스는 각각 3%, 5%` gives the numbers to the names in order
    let group_of = |anchor: usize, taken: &[Draft]| -> Vec<usize> {
        let mut group: Vec<usize> = Vec::new();
        if let Some(pos) = ents.iter().position(|h| h.start == anchor) {
            let mut k = pos;
            while k > 0 {
                let gap = &text[ents[k - 1].end..ents[k].start];
                // a code in brackets after a name is no part of the joiner: `삼성전자(005930)와`
                let gap = match gap.strip_prefix('(').and_then(|g| g.split_once(')')) {
                    Some((code, rest)) if code.bytes().all(|b| b.is_ascii_digit()) => rest,
                    _ => gap,
                };
                // … nor is a company's legal suffix: `Halliburton Co., Dow Chemical Co. and`
                let mut gap = gap.trim();
                while let Some(rest) = ["Corp.", "Co.", "Inc.", "Ltd.", "Corp", "Inc", "Ltd", "plc"]
                    .iter()
                    .find_map(|s| {
                        gap.strip_prefix(s)
                            .filter(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
                    })
                {
                    gap = rest.trim();
                }
                // … nor the typed noun after an index's name: `(S&P) 500지수와 나스닥지수도`
                let gap = gap.strip_prefix("지수").map_or(gap, str::trim);
                // … nor a descriptor of the next name: `Lenovo Group and e-commerce company
                // Meituan`, `Nvidia and software maker Microsoft`
                let gap = described_joiner(cx.lexicon, gap).unwrap_or(gap);
                // Korean copy lists names with spaces alone: `셀트리온 카카오 네이버도 2%대`
                // (companies only: `다우존스 스톡스600지수`, `일본 닛케이225` are one index's name)
                let gap = if gap.is_empty()
                    && m.korean_sentence
                    && ents[k - 1].end < ents[k].start
                    && cx.entity(ents[k].entity).kind == Kind::Stock
                {
                    "·"
                } else {
                    gap
                };
                let joiner = matches!(
                    gap,
                    "·" | "ㆍ" | "," | "、" | "/" | "와" | "과" | "및" | "and" | "&"
                );
                let no_number = !toks.iter().any(|t| {
                    t.unit != Unit::Counter && t.start >= ents[k - 1].end && t.end <= ents[k].start
                });
                // a list holds names of one kind: `On the Nasdaq, Facebook, down 6.4%` is a
                // place and a company, not two companies
                let same_kind =
                    cx.entity(ents[k - 1].entity).kind == cx.entity(ents[k].entity).kind;
                if joiner
                    && no_number
                    && same_kind
                    && !taken.iter().any(|e| e.anchor == ents[k - 1].start)
                {
                    group.push(k - 1);
                    k -= 1;
                } else {
                    break;
                }
            }
        }
        group.reverse();
        group
    };
    let mut expanded: Vec<Draft> = Vec::new();
    let mut k = 0;
    while k < drafts.len() {
        let d = &drafts[k];
        let group = group_of(d.anchor, &expanded);
        // the drafts that share this anchor, one after another
        let run = drafts[k..]
            .iter()
            .take_while(|x| x.anchor == d.anchor && x.entity == d.entity)
            .count();
        let respectively = !group.is_empty()
            && run == group.len() + 1
            && ["각각", "respectively"].iter().any(|w| {
                let from = ents[group[0]].start;
                text[from..sent.1].contains(w)
            });
        // `A우와 B우도 각각 29.8%, 29.7% 오르며 5230원, 7740원에`: two lists, each
        // with one value per name, pair up in order
        let names = group.len() + 1;
        let has_respectively = !group.is_empty()
            && ["각각", "respectively"].iter().any(|w| {
                let from = ents[group[0]].start;
                text[from..sent.1].contains(w)
            });
        if has_respectively && run != names {
            let run_drafts = &drafts[k..k + run];
            let mut lists: [Vec<NumToken>; 3] = Default::default();
            for x in run_drafts {
                for (slot, t) in [(0, &x.level), (1, &x.points), (2, &x.pct)] {
                    if let Some(t) = t {
                        lists[slot].push(t.clone());
                    }
                }
            }
            for l in &mut lists {
                l.sort_by_key(|t| t.start);
            }
            // one value said to hold for each name (`slipped 8% each to Rs 454, Rs 248 and Rs
            // 64, respectively`, `각각 3%씩`) goes to every name of the list
            let shared: [bool; 3] = std::array::from_fn(|slot| {
                lists[slot].len() == 1 && {
                    let after = text[lists[slot][0].end..].trim_start();
                    after.starts_with("each") || after.starts_with('씩')
                }
            });
            let paired = (0..3)
                .all(|s| lists[s].is_empty() || lists[s].len() == names || shared[s])
                && lists.iter().any(|l| l.len() == names)
                && lists.iter().filter(|l| !l.is_empty()).count() >= 2;
            if paired {
                let owners: Vec<(usize, usize, usize)> = group
                    .iter()
                    .map(|&g| (ents[g].entity, ents[g].start, ents[g].end))
                    .chain(std::iter::once((d.entity, d.anchor, d.anchor)))
                    .collect();
                for (j, &(entity, start, end)) in owners.iter().enumerate() {
                    let pick = |slot: usize| {
                        if shared[slot] {
                            lists[slot].first().cloned()
                        } else {
                            lists[slot].get(j).cloned()
                        }
                    };
                    let (level, points, pct) = (pick(0), pick(1), pick(2));
                    let toks_of = [&level, &points, &pct];
                    let first = toks_of
                        .iter()
                        .filter_map(|t| t.as_ref().map(|t| t.start))
                        .min();
                    let last = toks_of
                        .iter()
                        .filter_map(|t| t.as_ref().map(|t| t.end))
                        .max();
                    let (Some(first), Some(last)) = (first, last) else {
                        continue;
                    };
                    let mut x = d.clone();
                    x.entity = entity;
                    if end > start {
                        x.surface = text[start..end].to_string();
                        x.binding = Binding::Name;
                    }
                    x.anchor = start;
                    x.mention = start;
                    x.level = level;
                    x.points = points;
                    x.pct = pct;
                    x.first = first;
                    x.last = last;
                    x.prior = false;
                    expanded.push(x);
                }
                k += run;
                continue;
            }
        }
        if respectively {
            // a value said to hold for each name goes to the names that have none of their own
            let each = |t: &Option<NumToken>| {
                t.clone().filter(|t| {
                    let after = text[t.end..].trim_start();
                    after.starts_with("each") || after.starts_with('씩')
                })
            };
            let shared_pct = drafts[k..k + run].iter().find_map(|x| each(&x.pct));
            let shared_points = drafts[k..k + run].iter().find_map(|x| each(&x.points));
            for (j, x) in drafts[k..k + run].iter().enumerate() {
                let mut x = x.clone();
                if x.pct.is_none() && x.level.is_some() {
                    x.pct.clone_from(&shared_pct);
                }
                if x.points.is_none() && x.level.is_some() {
                    x.points.clone_from(&shared_points);
                }
                if let Some(&g) = group.get(j) {
                    let h = &ents[g];
                    x.entity = h.entity;
                    x.surface = text[h.start..h.end].to_string();
                    x.binding = Binding::Name;
                    x.anchor = h.start;
                    x.mention = h.start;
                }
                expanded.push(x);
            }
            k += run;
            continue;
        }
        for g in group {
            let h = &ents[g];
            let mut copy = d.clone();
            copy.entity = h.entity;
            copy.surface = text[h.start..h.end].to_string();
            copy.binding = Binding::Name;
            copy.anchor = h.start;
            copy.mention = h.start;
            expanded.push(copy);
        }
        expanded.push(d.clone());
        k += 1;
    }
    expanded.sort_by_key(|d| (d.first, d.anchor));

    expanded
}

/// Binds each assembled figure's direction word, session and date, and emits it.
fn emit_figures(cx: &mut Ctx, m: &Mentions, toks: &[NumToken], expanded: &[Draft], role: Role) {
    let Mentions {
        text,
        sent,
        ref ents,
        ref words,
        ref dates,
        korean_sentence,
    } = *m;
    // ---- bind words and dates, emit
    let n = expanded.len();
    let mut prev_session: Option<Session> = None;
    for i in 0..n {
        let d = &expanded[i];
        let mention_start = if !d.surface.is_empty() && d.anchor <= d.first {
            d.anchor
        } else {
            sent.0
        };
        let region_start = if i > 0 && expanded[i - 1].first != d.first {
            expanded[i - 1].last
        } else {
            sent.0
        }
        .max(mention_start);
        let next_start = expanded[i + 1..]
            .iter()
            .find(|x| x.first != d.first)
            // the next figure's own mention, unless it is this figure's mention too
            .map_or(sent.1, |x| {
                if x.anchor >= d.last {
                    x.anchor.min(x.first)
                } else {
                    x.first
                }
            });
        let next_entity = ents
            .iter()
            .find(|h| h.start >= d.last)
            .map_or(sent.1, |h| h.start);
        let region_end = next_start.min(next_entity).max(d.last);
        let last_change = d.change_tokens().map(|t| t.end).max();
        let first_tok = d.first;

        // direction: a word after the change (Korean verbs), else before it (nouns, English verbs)
        let dir_words: Vec<&WordHit> = words
            .iter()
            .filter(|w| matches!(w.class, WordClass::Direction(_)))
            .collect();
        let after_word = last_change.and_then(|lc| {
            dir_words.iter().find(|w| {
                let gap = &text[lc..w.start.max(lc)];
                w.start >= lc
                    && w.end <= region_end
                    && crate::extract::chars_up_to(gap, 11) <= 10
                    && !["제외", "빼고", "빼면", "except", "while", "반면"]
                        .iter()
                        .any(|x| gap.contains(x))
                    && !toks
                        .iter()
                        .any(|t| t.start >= lc && t.end <= w.start && t.is_change_unit())
            })
        });
        let first_change = d
            .change_tokens()
            .map(|t| t.start)
            .min()
            .unwrap_or(first_tok);
        let before_word = dir_words
            .iter()
            .rev()
            .find(|w| w.end <= first_change && w.start >= region_start);
        let adjacent_noun = before_word.filter(|w| {
            words
                .iter()
                .any(|a| a.start == w.start && matches!(a.class, WordClass::Anaphor(_)))
                && crate::extract::chars_up_to(&text[w.end..first_change], 3) <= 2
        });
        // `한국전력(3.16%), NAVER(0.27%), 신한지주(2.02%) 등은 올랐다`: the verb that closes a
        // list of names and numbers governs every number of it
        let list_verb = last_change.filter(|_| role == Role::Body).and_then(|lc| {
            dir_words.iter().find(|w| {
                w.start >= lc && {
                    let gap = &text[lc..w.start];
                    !["고,", "고 ", "며", "다.", "지만", "반면", "제외", "빼고"]
                        .iter()
                        .any(|x| gap.contains(x))
                        && crate::extract::chars_up_to(gap, 121) <= 120
                        // only bracketed list items between: `NAVER(0.27%), 신한지주(2.02%)`
                        && toks
                            .iter()
                            .filter(|t| t.start >= lc && t.end <= w.start)
                            .all(|t| t.parenthesized && t.unit == Unit::Percent)
                }
            })
        });
        let local = if adjacent_noun.is_some() {
            adjacent_noun
        } else if korean_sentence {
            after_word.or(list_verb).or(before_word)
        } else {
            before_word.or(after_word)
        };
        let sentence_word = local.copied().or_else(|| {
            dir_words
                .iter()
                .min_by_key(|w| {
                    if w.end <= first_tok {
                        first_tok - w.end
                    } else {
                        w.start.saturating_sub(d.last)
                    }
                })
                .copied()
        });
        let dir_of = |w: &WordHit| match w.class {
            WordClass::Direction(x) => Some(x),
            _ => None,
        };
        // `(-2.09%)은 잠시 상승세를 보였으나 이내 하락세`: a word turned by a contrary one
        // later in the clause does not say which way the figure went
        let turned = local.is_some_and(|w| {
            dir_words.iter().any(|x| {
                x.start >= w.end
                    && x.end <= sent.1
                    && dir_of(x).is_some_and(|d| Some(d) != dir_of(w))
                    && {
                        let gap = &text[w.end..x.start];
                        ["으나", "지만", "다가", " but ", " before ", " then "]
                            .iter()
                            .any(|c| gap.contains(c))
                            && !["고 ", "며 ", "며,", ". ", "다."]
                                .iter()
                                .any(|c| gap.contains(c))
                            && crate::extract::chars_up_to(gap, 41) <= 40
                    }
            })
        });
        let direction_word = local.filter(|_| !turned).and_then(|w| dir_of(w));
        let direction_any = sentence_word.and_then(dir_of);
        let explicit = d.change_tokens().find_map(|t| t.sign);
        // a headline list `英 FTSE100 10.87%·獨 DAX 12.24%↓`: the closing arrow covers the list
        let list_sign = (role == Role::Headline && local.is_none() && explicit.is_none())
            .then(|| {
                expanded[i + 1..]
                    .iter()
                    .find_map(|x| x.change_tokens().find_map(|t| t.sign))
            })
            .flatten();

        // session
        let mut session = cx.default_session;
        // the first figure of a sentence takes session words from the sentence's start
        // (`오전 10시 현재 코스피는 …`)
        let session_start = if i == 0 { sent.0 } else { region_start };
        // a word right after the previous figure is that figure's (`1,600 points intraday,
        // closes down 1,175`), not this one's
        let prev_last = if i > 0 {
            Some(expanded[i - 1].last)
        } else {
            None
        };
        // whether the intraday session comes from a verb's tense alone (`is down`)
        let mut by_tense = false;
        for w in words.iter() {
            let owned_by_previous =
                prev_last.is_some_and(|pl| w.start >= pl && text[pl..w.start].trim().is_empty());
            let before = w.end <= first_tok && w.start >= session_start && !owned_by_previous;
            let after = w.start >= d.last && w.end <= region_end;
            match w.class {
                // intraday never overrides the more specific pre-market / after-hours
                WordClass::Session(SessionWord::IntradayBefore)
                    if before && session == cx.default_session =>
                {
                    session = Session::Intraday;
                    let said = text[w.start..w.end].to_lowercase();
                    by_tense = ["is ", "are ", "was ", "were "]
                        .iter()
                        .any(|p| said.starts_with(p));
                }
                WordClass::Session(SessionWord::IntradayAfter)
                    if after && session == cx.default_session =>
                {
                    session = Session::Intraday
                }
                WordClass::Session(SessionWord::PremarketAfter) if after => {
                    session = Session::Premarket
                }
                WordClass::Session(SessionWord::AfterhoursBefore) if before => {
                    session = Session::Afterhours
                }
                WordClass::Session(SessionWord::AfterhoursAfter) if after => {
                    session = Session::Afterhours
                }
                WordClass::Session(SessionWord::PremarketBefore) if before => {
                    session = Session::Premarket
                }
                _ => {}
            }
        }
        // `장중 2700선을 돌파하는 등 강세를 보인 끝에 2712.35로 마감했다`: a close named right
        // after the figure outranks an intraday word at the start of the sentence
        if session == Session::Intraday
            && !by_tense
            && words.iter().any(|w| {
                matches!(w.class, WordClass::Session(SessionWord::CloseAfter))
                    && w.start >= d.last
                    && crate::extract::chars_up_to(&text[d.last..w.start], 9) <= 8
                    && !words.iter().any(|v| {
                        matches!(v.class, WordClass::Direction(_))
                            && v.start >= d.last
                            && v.end <= w.start
                    })
            })
        {
            session = Session::Close;
        }
        // `장중 9,858.59까지 올랐다가 9,561.48까지 밀리기도 했다`: the figures after an intraday
        // print in one sentence stay intraday until a word of the close comes
        if let Some(pl) = prev_last {
            let closes = words.iter().any(|w| {
                matches!(
                    w.class,
                    WordClass::Session(SessionWord::CloseAfter | SessionWord::CloseBefore)
                ) && w.start >= pl
                    && w.end <= region_end.max(d.last)
            }) || cx.lexicon.is_level_suffix(&text[d.last..])
                // a headline's `…` separates an intraday claim from the close
                || text[pl..first_tok.max(pl)].contains(['…', '⋯'])
                || text[pl..first_tok.max(pl)].contains("...");
            if session == cx.default_session && prev_session == Some(Session::Intraday) && !closes {
                session = Session::Intraday;
            }
        }
        // `1만2256.59까지 후퇴했다가`: a level reached on the way is an intraday print, unless
        // the close is named right after it
        if session == cx.default_session
            && d.level.is_some()
            && d.change_tokens().next().is_none()
            && text[d.last..].starts_with("까지")
            && !cx.lexicon.is_level_suffix(&text[d.last + "까지".len()..])
            && !words.iter().any(|w| {
                matches!(
                    w.class,
                    WordClass::Session(SessionWord::CloseAfter | SessionWord::CloseBefore)
                ) && w.start >= d.last
                    && w.start <= d.last + 24
            })
        {
            session = Session::Intraday;
        }
        // a site's live quote box next to a company's name (`NHN (482,233원 ▼700 -3.77%)`)
        // shows the price when the page was served, not on the article's day: a figure of
        // no known session or date, never compared with the article's own
        let quote_box = d.level.as_ref().is_some_and(|l| {
            l.parenthesized
                && l.unit == Unit::Currency("KRW")
                && text[l.end..]
                    .split(')')
                    .next()
                    .is_some_and(|inside| inside.contains(['▲', '▼']) && inside.contains('%'))
        });
        if quote_box {
            session = Session::Unknown;
        }
        let period = d.prior
            || cx.section_period
            || cx.period_sentence_before && !names_the_day(m)
            || is_period_change(
                cx.lexicon,
                &text[sent.0..sent.1],
                d.first - sent.0,
                d.last - sent.0,
            );
        // a period's move in the present tense (`For the week:` … `is down`, `The shares are
        // down 34% over the past five sessions`) is where the period stands, not a live print
        // of the day
        if session == Session::Intraday && (cx.section_period || period && by_tense) {
            session = cx.default_session;
        }
        prev_session = Some(session);

        // date
        let entity = cx.entity(d.entity);
        // a company listed on several markets: the listing of the price's currency or of the
        // article's market (`HK$86.05`, a Hang Seng report) decides symbol and trading day
        let printed_currency = d
            .level
            .iter()
            .chain(d.points.iter())
            .find_map(|t| match t.unit {
                Unit::Currency(c) => Some(c),
                _ => None,
            });
        let (symbol, market) = cx
            .lexicon
            .listing(d.entity, printed_currency, || {
                *cx.article_market
                    .get_or_init(|| cx.lexicon.market_of_indexes(&cx.article.text))
            })
            .map_or((entity.symbol.clone(), entity.market), |(s, m)| {
                (Some(s.to_string()), m)
            });
        // a date right after a figure (`tumbled 11.4% on Tuesday`) is that figure's; a figure
        // takes the nearest date before it that no earlier figure has claimed so
        let claimed: Vec<usize> = expanded[..i]
            .iter()
            .filter_map(|x| trailing_date(text, dates, x.last, sent.1))
            .collect();
        let date_expr = trailing_date(text, dates, d.last, region_end)
            .map(|k| &dates[k])
            // `a gain of 1,139.92 points or 6.6 per cent on January 25, 2008, to 18,361.66`:
            // a date inside the figure's own words
            .or_else(|| {
                dates.iter().find(|x| {
                    x.start >= first_tok
                        && x.end <= d.last
                        && matches!(
                            x.what,
                            DateRef::Weekday(_) | DateRef::MonthDay(..) | DateRef::Full(_)
                        )
                        && text[..x.start].to_ascii_lowercase().ends_with(" on ")
                })
            })
            .or_else(|| {
                dates
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(k, x)| x.end <= first_tok && !claimed.contains(k))
                    .map(|(_, x)| x)
            });
        // the previous close belongs to a trading day the text does not name
        // … unless the date is printed right before it (`지난 1월 23일 1297 이후`)
        // (… or right after it: `since 1,279.08 on July 26, 2006`)
        let dated_prior = dates
            .iter()
            .find(|x| {
                x.end <= first_tok && {
                    let gap = text[x.end..first_tok]
                        .trim_matches(|c: char| c == ' ' || c == '의' || c == '(' || c == '（');
                    gap.is_empty() || KOREAN_RECORDING_VERBS.contains(&gap)
                } || x.start >= d.last
                    && ["on", "points on"].contains(&text[d.last..x.start].trim())
            })
            .filter(|_| d.prior);
        let event_date = if let Some(x) = dated_prior {
            event_date(cx, market, Some(x.what))
        } else if d.prior || quote_box {
            None
        } else {
            event_date(cx, market, date_expr.map(|x| x.what))
        };

        let sign_for = |t: &NumToken| -> (f64, bool) {
            if let Some(s) = t.sign {
                return (s, true);
            }
            // a sibling's printed sign (`632.84포인트(-5.16%)`) outranks the word
            if let Some(s) = explicit.or(list_sign) {
                return (s, false);
            }
            if let Some(dw) = direction_any {
                // `넷마블(5.52%)을 제외한 49개 기업은 모두 하락`: the exception goes against the
                // verb it is excepted from
                let excepted = sentence_word.is_some_and(|w| {
                    w.start >= d.last
                        && ["제외", "빼고", "빼면", "except", "apart from", "other than"]
                            .iter()
                            .any(|x| text[d.last..w.start].contains(x))
                });
                return (if excepted { -dw.sign() } else { dw.sign() }, false);
            }
            (1.0, false)
        };
        // London quotes shares in pence: a price printed in pounds (`£41.01`) is 4,101p, so
        // that one company's prices share one unit whichever way the copy prints them
        let pence = entity.kind == Kind::Stock && market == Market::Gb;
        let quantity = |t: &NumToken, signed: bool| -> Quantity {
            let (s, explicit_sign) = if signed { sign_for(t) } else { (1.0, false) };
            let scale = if pence && t.unit == Unit::Currency("GBP") {
                100.0
            } else {
                1.0
            };
            let value = if scale == 1.0 {
                t.value.abs()
            } else {
                number::round_to(t.value.abs() * scale, t.decimals.saturating_sub(2))
            };
            Quantity {
                value: s * value,
                half_width: t.half_width * scale,
                explicit_sign,
                hedge: t.hedge,
                text_span: (t.start, t.end),
            }
        };
        let start = d.anchor.min(d.first);
        let end = d.last;
        let SourcePlace {
            span,
            line,
            column,
            text: source_text,
        } = SourcePlace::of(cx.article, start, end);
        let kind = entity.kind;
        let approx = d
            .change_tokens()
            .chain(d.level.iter())
            .any(|t| t.hedge.is_some());
        cx.figures.push(Figure {
            article: cx.article.path.clone(),
            kind,
            entity: Some(entity.name.clone()),
            symbol,
            surface: d.surface.clone(),
            binding: d.binding,
            event_date,
            session,
            level: d.level.as_ref().map(|t| quantity(t, false)),
            change_points: d.points.as_ref().map(|t| {
                let mut q = quantity(t, true);
                if t.unit == Unit::BasisPoints {
                    // 25bp = 0.25 percentage points
                    q.value /= 100.0;
                    q.half_width /= 100.0;
                }
                q
            }),
            change_pct: d.pct.as_ref().map(|t| quantity(t, true)),
            pct_is_points: d.pct.as_ref().is_some_and(|t| t.unit == Unit::PercentPoint),
            amount: None,
            currency: match kind {
                Kind::Stock | Kind::Fx | Kind::Commodity | Kind::Crypto => d
                    .level
                    .iter()
                    .chain(d.points.iter())
                    .find_map(|t| match t.unit {
                        // prices printed in pounds are reported in pence (ISO 4217 has no
                        // code for pence; GBX is the market's)
                        Unit::Currency("GBP") if pence => Some("GBX".to_string()),
                        Unit::Currency(c) => Some(c.to_string()),
                        _ => None,
                    }),
                _ => None,
            },
            approx,
            direction_word,
            direction_text: local.map(|w| text[w.start..w.end].to_string()),
            role,
            period,
            pair: None,
            span,
            line,
            column,
            text: source_text,
        });
        cx.topic = Some(d.entity);
        cx.topic_by_kind.insert(kind, d.entity);
    }
}

/// The last `n` characters of `s`, lowercased.
fn last_chars_lower(s: &str, n: usize) -> String {
    let from = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    s[from..].to_lowercase()
}

/// Is the figure at [start, end) of `sentence` a change over a period (year to date, this week)?
fn is_period_change(lexicon: &Lexicon, sentence: &str, start: usize, end: usize) -> bool {
    let floor = |mut i: usize| {
        while i > 0 && !sentence.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let before = last_chars_lower(&sentence[..floor(start)], 40);
    // only the figure's own clause (`Stocks Sink Most Since 2020; DAX Drops 3.96%`), and a
    // superlative's `since` names no period (`the biggest fall since 2020`)
    let before = before
        .rsplit([';', '…', '|'])
        .next()
        .unwrap_or("")
        .to_owned();
    let before = [
        "most since",
        "biggest since",
        "worst since",
        "best since",
        "highest since",
        "lowest since",
        "largest since",
        "steepest since",
        "sharpest since",
    ]
    .iter()
    .fold(before, |b, s| b.replace(s, ""));
    let after: String = sentence[floor(end)..]
        .chars()
        .take(30)
        .collect::<String>()
        .to_lowercase();
    let own = sentence[floor(start)..floor(end)].to_lowercase();
    // `in 2024`: a calendar year's change
    let in_year = after
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0] == "in" && w[1].len() >= 4 && w[1][..4].chars().all(|c| c.is_ascii_digit()));
    // `지난 한 주 동안 다우는 0.2% 떨어졌지만, … 나스닥은 1.5% 상승했다`: a period that opens
    // the sentence governs every clause of it
    let opening: String = sentence[..floor(start)]
        .chars()
        .take(16)
        .collect::<String>()
        .to_lowercase();
    // `… back in positive territory for the year, with the blue chips ahead 2.2 percent and
    // the S&P up 1.8 percent`: a `with` clause spells out the period its main clause names
    let with_clause = sentence[..floor(start)].rfind(", with ").is_some_and(|w| {
        let main = last_chars_lower(&sentence[..w], 60);
        !sentence[w..floor(start)].contains(';') && lexicon.names_period(&main, "", "")
    });
    // `2008년 다우 33.8% S&P500 38.5% 나스닥 40.5% 급락`: a year opening the sentence (not a
    // month of it, not `2020년 이후`) makes its figures the year's
    let year_opening = {
        let head = sentence.trim_start();
        let digits = head.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4
            && head[4..].starts_with("년 ")
            && floor(start) > sentence.len() - head.len() + 4
            && {
                let rest = head[4 + "년 ".len()..].trim_start();
                let month = rest
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with('월')
                    && rest.starts_with(|c: char| c.is_ascii_digit());
                !month
                    && !["이후", "이래", "만에", "당시"]
                        .iter()
                        .any(|w| rest.starts_with(w))
            }
    };
    // `In 2006 the benchmark Nikkei gained 6.9%`, `Nikkei ends 2007 down 11%`: a calendar year
    // opening the sentence, or the year a market ends, is the figure's period
    let english_year = {
        static YEAR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = YEAR.get_or_init(|| {
            regex::Regex::new(
                r"(?:^(?:in|for|during|over) (?:19|20)\d\d\b|\b(?:ends?|ended|closes?|closed|finish(?:es|ed)?|wraps? up|wrapped up) (?:19|20)\d\d\b)",
            )
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
        });
        let head = sentence[..floor(start)].trim_start().to_lowercase();
        re.is_match(&head) && !head.contains(" since ")
    };
    in_year
        || year_opening
        || english_year
        || with_clause
        || lexicon.names_period(&before, &own, &after)
        || lexicon.names_period(&opening, "", "")
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
        let SourcePlace {
            span,
            line,
            column,
            text: source_text,
        } = SourcePlace::of(cx.article, ms, me);
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
            span,
            line,
            column,
            text: source_text,
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
    // the English forms name the owner of the numbers right before the name only: no verb of
    // another clause between this number and the name
    let own_group = !words.iter().any(|w| {
        matches!(w.class, WordClass::Direction(_)) && w.start >= t.end && w.end <= h.start
    });
    // `a nearly 7% increase in Samsung Electronics shares`: the move's noun, `in`, the name
    const MOVE_NOUNS: &[&str] = &[
        "increase", "rise", "gain", "jump", "surge", "climb", "advance", "drop", "fall", "decline",
        "slide", "slump", "plunge", "loss",
    ];
    if t.is_change_unit()
        && last == t.end
        && MOVE_NOUNS.iter().any(|n| {
            rest.strip_prefix(n)
                .is_some_and(|r| r == " in " || r == " in the ")
        })
    {
        return Some(h);
    }
    if own_group && (rest.starts_with("off the ") || rest.starts_with("off ")) {
        return Some(h);
    }
    // `despite a gain of 1% for heavily-weighted BP`: `for` and the name, a word or two between
    if own_group
        && rest.strip_prefix("for ").is_some_and(|r| {
            let w: Vec<&str> = r.split_whitespace().collect();
            w.len() <= 2 && !w.iter().any(|w| ["the", "a", "an"].contains(w))
        })
    {
        return Some(h);
    }
    // `a fall of 8% in the tech-heavy US Nasdaq Composite index`
    if own_group && rest.starts_with("in the ") && rest.len() <= 40 && !rest.contains(',') {
        return Some(h);
    }
    // Korean `1만5065.59로 시작한 항셍지수는`: a level, then the session verb that names the
    // name after it
    let session_modifier = [
        "시작한",
        "출발한",
        "마감한",
        "마친",
        "장을 마친",
        "거래를 마친",
    ]
    .iter()
    .any(|v| {
        let g = gap.trim();
        ["로 ", "으로 ", "에 "]
            .iter()
            .any(|p| g.strip_prefix(p).is_some_and(|rest| rest.trim() == *v))
    });
    if session_modifier {
        return Some(h);
    }
    // Korean `100만원을 기록한 SK하이닉스`: the number is the object of one verb in its
    // modifier form, and the clause modifies the name right after it
    let object_clause = gap
        .trim_start()
        .strip_prefix(['을', '를'])
        .is_some_and(|rest| {
            let rest = rest.trim();
            !rest.is_empty()
                && !rest.contains(char::is_whitespace)
                && rest.ends_with(['한', '된', '친', '선', '운', '던'])
        });
    if last == t.end && object_clause {
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
    // back to the last number: a word that starts with a digit (`45.8p(`, `(0.62%)`) or
    // carries a currency's digits (`US$41.52,`); a whole number right after a capitalised
    // word is part of a name (`FTSEurofirst 300`, `Stoxx 600`)
    let is_number = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_ascii_digit())
            || w.contains('$') && w.chars().any(|c| c.is_ascii_digit())
    };
    let mut kept: Vec<(usize, &str)> = Vec::new();
    for (k, &(s, w)) in tokens.iter().enumerate() {
        if is_number(w) {
            let name_part = w.len() <= 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && tokens.get(k + 1).is_some_and(|(_, p)| {
                    p.starts_with(|c: char| c.is_ascii_uppercase())
                            // … but a currency written as a word is no name (`Rs 7`)
                            && !matches!(*p, "Rs" | "Rs." | "Rp" | "RM" | "Sh" | "Ksh")
                });
            if !name_part {
                break;
            }
        }
        kept.push((s, w));
    }
    let tokens = kept;
    let Some(&(first_start, first)) = tokens.first() else {
        return false;
    };
    let hangul_word = |w: &str| w.chars().any(is_hangul);
    if hangul_word(seg) {
        // a list item `…, 렝크그룹 543%, 헨졸트 468%`: a bare name right before its number,
        // after the list's comma
        let bare_item = text[first_start + first.len()..num_start] == *" "
            && {
                // after the list's comma, or after a clause that ends in a connective
                // (`417% 뛰었고 렝크그룹 543%`)
                let before = text[..first_start].trim_end();
                before.ends_with([',', '，'])
                    || before.ends_with(['고', '며'])
                        && words.iter().any(|h| {
                            matches!(h.class, WordClass::Direction(_))
                                && h.end <= before.len()
                                && before.len() - h.end <= 6
                        })
            }
            && crate::extract::chars_up_to(first, 3) >= 2
            && first
                .chars()
                .all(|c| is_hangul(c) || c.is_ascii_alphanumeric() || c == '&')
            && !first.ends_with(['일', '월', '년', '주', '분', '시', '간', '째', '대', '등'])
            // a word with a particle is no bare name (`연초의 599.33`)
            && !first.ends_with([
                '의', '에', '을', '를', '로', '와', '과', '은', '는', '도', '서', '고', '며', '해',
            ])
            && !known(first_start, first_start + first.len())
            && !lexicon.is_not_owner(first)
            && !words
                .iter()
                .any(|h| h.start < first_start + first.len() && first_start < h.end);
        if bare_item {
            return true;
        }
        // `아모레G(` / `담배인삼공사(`: a name glued to the number's bracket
        if let Some(name) = first.strip_suffix('(') {
            // `47.88 포인트(3.16%)`: the unit of the number before, not a name
            if text[..first_start]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
            {
                return false;
            }
            // `연고점(5383.70)`: a bare level alone in brackets is the level of the day the
            // word names (`korean_named_day_level`), not a company's price
            let bare_level = text[num_start..]
                .split_once(')')
                .is_some_and(|(inside, _)| {
                    inside.contains('.')
                        && inside
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                });
            if bare_level {
                return false;
            }
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
        for (k, &(start, w)) in tokens.iter().enumerate().take(6) {
            // a session phrase is filler (`같은 시각`), whatever its words
            if words.iter().any(|h| {
                h.start < start + w.len()
                    && start < h.end
                    && matches!(h.class, WordClass::Session(_))
            }) {
                continue;
            }
            if known(start, start + w.len()) || lexicon.is_not_owner(w) {
                return false;
            }
            // `삼성전자, 현대차 등이 1% 내렸다`: `등` (and others) closes a list; the name before
            // it is the subject, known or not (`흥국화재 등이`); a list whose names carry their
            // own figures (`기아차(-2.22%) 등도 2% 넘게`) is only summed up by the number
            if ["등이", "등은", "등도", "등"].contains(&w) {
                let before = text[..start].trim_end();
                if ents.iter().any(|h| h.end == before.len()) {
                    return false;
                }
                if before.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | ')')) {
                    return true;
                }
                return tokens.get(k + 1).is_some_and(|&(ps, pw)| {
                    !known(ps, ps + pw.len())
                        && !lexicon.is_not_owner(pw)
                        && crate::extract::chars_up_to(pw, 3) >= 2
                        && pw
                            .chars()
                            .all(|c| is_hangul(c) || c.is_ascii_alphanumeric() || c == '&')
                        && !pw.ends_with([
                            '은', '는', '이', '가', '도', '의', '로', '에', '고', '며', '다', '를',
                            '을', '와', '과',
                        ])
                });
            }
            // `'흥국화재우'는`: a name in quotes
            let w = w.trim_start_matches(['\'', '‘', '"', '“']);
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
            let overlapping = |class: fn(&WordClass) -> bool| {
                words
                    .iter()
                    .any(|h| h.start < start + w.len() && start < h.end && class(&h.class))
            };
            // a session word that merely ends like a particle (`시초가`, `고가는`) is filler
            if overlapping(|c| matches!(c, WordClass::Session(_))) {
                continue;
            }
            if stem.is_empty()
                || lexicon.is_not_owner(stem)
                || stem.ends_with(['다', '고', '며', '자', '면', '서', '니', '데'])
                // a verb in its modifier form (`강세를 보이는 등`, `돌파하는`), not a name
                // with its topic particle
                || w.ends_with('는')
                    && ["하", "되", "있", "없", "보이"].iter().any(|v| stem.ends_with(v))
                // a verb in (or running into) the word: `주저 앉은`
                || overlapping(|c| matches!(c, WordClass::Direction(_)))
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
            // `다우존스 30 평균산업지수는`: an index noun right after a known index's name is
            // that index's longer name
            let index_noun_of_known = stem.ends_with("지수")
                && ents.iter().any(|h| {
                    h.end <= start
                        && text[h.end..start]
                            .chars()
                            .all(|c| c.is_whitespace() || c.is_ascii_digit())
                });
            return !index_noun_of_known
                && stem
                    .trim_end_matches(['\'', '’', '"', '”'])
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
        // `the top Sensex gainer`: a group the subject belongs to, not the subject
        let after_word = text[start + w.len()..num_start].trim_start();
        if [
            "gainer",
            "loser",
            "riser",
            "faller",
            "performer",
            "constituent",
            "stocks",
        ]
        .iter()
        .any(|m| after_word.starts_with(m))
        {
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
        // (`Facebook, Inc. Class A`: the comma of a company's legal suffix too)
        let after_name = ents.iter().any(|h| h.end == from)
            && text[from..run_start]
                .trim_matches(|c: char| c.is_whitespace() || c == ',')
                .is_empty();
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
        // (a legal suffix between: `Reliance Com Ltd (4.83%)`)
        let after_suffix = [
            "Ltd.", "Ltd", "Inc.", "Inc", "Corp.", "Corp", "Co.", "plc", "PLC",
        ]
        .iter()
        .find_map(|s| after.trim_start().strip_prefix(s))
        .unwrap_or(after);
        let bracket = after_suffix.trim_start().starts_with('(')
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

/// English text before a number that ends in a closing verb and `at` (`closed at`, `ended
/// the year at`, `finished the session at`): the number is where the market closed.
fn closing_verb_before(before: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(" at") else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().rev().take(4).collect();
    // the verb right before `at`, or before `the day` / `the year` / `the week` / `the session`
    let verb = match words.as_slice() {
        [noun, "the", verb, ..]
            if ["day", "year", "week", "session", "month", "quarter"].contains(noun) =>
        {
            *verb
        }
        [verb, ..] => *verb,
        [] => return false,
    };
    [
        "closed",
        "close",
        "closing",
        "ended",
        "end",
        "ending",
        "finished",
        "finish",
        "finishing",
        "settled",
        "settle",
        "settling",
    ]
    .contains(&verb)
}

/// `closing at a record-setting 7,632.96 points`, `ended at a fresh high of`: a closing verb
/// and `at`, then a few words without numbers, before the number.
fn closing_at_near(before: &str) -> bool {
    let Some(at) = before.rfind(" at ") else {
        return false;
    };
    let between = &before[at + 4..];
    let head = before[..at].trim_end();
    between.split_whitespace().count() <= 4
        && !between.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | '.'))
        // `closing at the lows and down 800 points`: a second clause after the place
        && !between.split_whitespace().any(|w| w == "and")
        && [
            "closing",
            "closed",
            "close",
            "ended",
            "ending",
            "end",
            "finished",
            "finishing",
            "settled",
            "settling",
            "stood",
            "standing",
        ]
        .iter()
        .any(|v| {
            head.ends_with(v) && !head[..head.len() - v.len()].ends_with(char::is_alphanumeric)
        })
}

/// Is the number the size of a move its sentence is about (`The intra-day fall was even larger
/// at 1,741.35 points`), where `at` would otherwise mark a level?
fn move_noun_subject(before: &str) -> bool {
    static MOVE_SUBJECT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    MOVE_SUBJECT
        .get_or_init(|| {
            regex::Regex::new(
                r"(?i)\b(?:fall|drop|decline|loss|gain|rise|slide|plunge|rally|jump|slump|advance)s? (?:was|were|is|came) (?:[a-z-]+ ){0,3}at$",
            )
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
        })
        .is_match(before)
}

/// Does the sentence name the day or the close (`이날`, `today`, a date, `마감`, `closed`)?
fn names_the_day(m: &Mentions) -> bool {
    let s_text = &m.text[m.sent.0..m.sent.1];
    !m.dates.is_empty()
        || m.words.iter().any(|w| {
            matches!(
                w.class,
                WordClass::Session(SessionWord::CloseAfter | SessionWord::CloseBefore)
            )
        })
        || ["이날", "오늘", "today", "Today", "on the day"]
            .iter()
            .any(|w| s_text.contains(w))
}

/// A bare level alone in brackets, glued to a Korean word that is not a name (`작년
/// 말(57,042.55)`, `연중 최고점(762.94)`, `이달 3일(4227.02)`): the level of the day that word
/// names. `코스피(5,853.44)` is the name's own level; `(0.62%)`, `(▼69.06)` are changes.
fn korean_named_day_level(m: &Mentions, t: &NumToken) -> bool {
    let text = m.text;
    if korean_dated_level(m, t) {
        return true;
    }
    let Some(word) = text[m.sent.0..t.start].strip_suffix(['(', '（']) else {
        return false;
    };
    // (in points only where no size of a move is the subject: `하루 낙폭은 2012년 5월
    // 18일(62.78포인트) 이후 가장 컸다` names that day's fall)
    let move_size = text[m.sent.0..t.start].contains('폭');
    m.korean_sentence
        && (t.unit == Unit::Bare || t.unit == Unit::Points && !move_size)
        && t.sign.is_none()
        && t.hedge.is_none()
        && t.value >= 10.0
        && (t.decimals > 0 || t.raw_has_separator(text))
        && text[t.end..].starts_with([')', '）'])
        && word.ends_with(is_hangul)
        && !m.ents.iter().any(|h| h.end == word.len() + m.sent.0)
}

/// Verbs that set a level on the day named before them (`지난 3월 5일 기록한 2005.30`).
const KOREAN_RECORDING_VERBS: &[&str] = &["기록한", "기록했던", "세운", "세웠던"];

/// A level printed right after the date that names its day, and marked as that day's by
/// what follows: `지난 1월 23일 1297 이후`, `지난해 4월3일 2049.28을 기록한 이후`, `2000년
/// 1월11일의 1005.87 이후`, `2008년 10월 24일 938.75까지`. Never the day's own move.
fn korean_dated_level(m: &Mentions, t: &NumToken) -> bool {
    let text = m.text;
    let before = &text[m.sent.0..t.start];
    let date = before.trim_end_matches(' ');
    let date = date.strip_suffix('의').unwrap_or(date);
    // `지난 3월 5일 기록한 2005.30`: the day, then the verb that sets the level on it
    let recorded = KOREAN_RECORDING_VERBS
        .iter()
        .find_map(|v| date.strip_suffix(v))
        .map(|d| d.trim_end_matches(' '));
    let date = recorded.unwrap_or(date);
    let day = date
        .strip_suffix('일')
        .is_some_and(|d| d.ends_with(|c: char| c.is_ascii_digit()));
    const MARKS: &[&str] = &[
        "이후",
        " 이후",
        "을 기록",
        "를 기록",
        "에 불과",
        "까지",
        "로 최고",
        "으로 최고",
    ];
    m.korean_sentence
        && day
        && (date.len() < before.len())
        && t.unit == Unit::Bare
        && t.sign.is_none()
        && t.hedge.is_none()
        && !t.parenthesized
        && t.value >= 10.0
        && !(t.decimals == 0 && (1900.0..=2100.0).contains(&t.value))
        && (MARKS.iter().any(|w| text[t.end..].starts_with(w))
            || recorded.is_some()
                && ["이다", "였다", "이었다"]
                    .iter()
                    .any(|w| text[t.end..].starts_with(w)))
}

/// An English level of another day, with that day printed after it: `the lowest since
/// 1,279.08 on July 26, 2006`, `since finishing at 8,026.32 on Aug. 25, 2000`, `a record high
/// of 5,048.62 on March 10`. Never the day's own close.
fn english_dated_level(m: &Mentions, t: &NumToken) -> bool {
    let text = m.text;
    let before = text[m.sent.0..t.start].trim_end_matches([' ', '$']);
    let after = &text[t.end..];
    // (`its bear market low of 6,547.05 reached on March 9, 2009`)
    let after_verb = [" reached", " set", " hit", " recorded", " touched"]
        .iter()
        .find_map(|v| after.strip_prefix(v))
        .unwrap_or(after);
    let on_date = after_verb
        .strip_prefix(" points")
        .unwrap_or(after_verb)
        .strip_prefix(" on ")
        .map(|rest| text.len() - rest.len())
        .is_some_and(|at| m.dates.iter().any(|d| d.start == at))
        // `a record high of 5,048.62 a year ago`, `… in 2000`
        || {
            let rest = after.strip_prefix(" points").unwrap_or(after);
            let rest = rest.strip_prefix(',').unwrap_or(rest);
            [" a year ago", " a month ago", " last year", " last month", " years ago"]
                .iter()
                .any(|p| rest.starts_with(p))
                || rest.strip_prefix(" in ").is_some_and(|y| {
                    y.len() >= 4
                        && y.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                        && !y.as_bytes().get(4).is_some_and(u8::is_ascii_digit)
                })
        };
    const BEFORE: &[&str] = &[
        "since",
        "high of",
        "low of",
        "high",
        "low",
        "since closing at",
        "since finishing at",
        "since ending at",
        "closing high of",
        "closing low of",
        "peak of",
        "bottom of",
    ];
    !m.korean_sentence
        && on_date
        && matches!(t.unit, Unit::Bare | Unit::Points)
        && t.sign.is_none()
        && t.value >= 100.0
        && (t.decimals > 0 || t.raw_has_separator(text))
        && BEFORE.iter().any(|w| before.ends_with(&format!(" {w}")))
}

/// A Korean `N포인트` that names where the index stood, not how far it moved: a particle of
/// place or object after it (`5569포인트로 올해를 마감`, `연저점인 5488포인트를 기록`,
/// `5106포인트에`) with no move verb right behind, or a year or date right before it
/// (`2018년 5374포인트,`). A move is `45포인트 오른`, `45포인트(3.8%) 하락`, `45포인트가 올라`.
fn korean_points_level(text: &str, sent: (usize, usize), t: &NumToken) -> bool {
    // `장중 낙폭이 최대 871포인트에 이르렀다`: the size of a move is its subject
    if text[sent.0..t.start].contains('폭') {
        return false;
    }
    let after = &text[t.end..sent.1.max(t.end)];
    let Some(rest) = [
        "으로 ",
        "로 ",
        "를 ",
        "에 ",
        "인 ",
        "이던 ",
        "였던 ",
        "으로,",
        "로,",
        "에,",
        // `지수는 51,507포인트였다`: where it stood, said with the copula
        "였다",
        "이었다",
    ]
    .iter()
    .find_map(|p| after.strip_prefix(p)) else {
        let before = text[sent.0..t.start].trim_end();
        // (`2009년 4월22일의 44,888포인트 이후`: the level of the day named before it)
        let before = before.strip_suffix('의').unwrap_or(before);
        let dated = before.ends_with(['년', '일']) && !before.ends_with("전일");
        return dated && (after.starts_with([',', '，', '、']) || after.starts_with(" 이후"));
    };
    // `45포인트로 확대됐다` / `45포인트를 더 올렸다`: the size of a move, stated as a noun
    const MOVE_AFTER: &[&str] = &[
        "확대", "축소", "줄", "늘", "벌어", "좁혀", "더 ", "상승", "하락", "올랐", "올라", "올린",
        "올려", "내렸", "내린", "내려", "떨어", "오르",
    ];
    !MOVE_AFTER.iter().any(|w| rest.starts_with(w))
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
        crate::extract::chars_up_to(ending, 3) <= 2
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
            // `32.86(6.63%)포인트 내린`: the unit of the first number after its bracket
            if let Some(rest) = text[after..].strip_prefix("포인트") {
                after = text.len() - rest.len();
            }
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

/// Where a figure's text lies in the article's source: byte span, line, column, and the text.
struct SourcePlace {
    span: (usize, usize),
    line: u32,
    column: u32,
    text: String,
}

impl SourcePlace {
    /// The place of the decoded-text range [start, end) in the source (for HTML, the markup).
    fn of(article: &Article, start: usize, end: usize) -> SourcePlace {
        let span = article.source_span(start, end);
        let (line, column) = article.line_col(span.0);
        let text = article
            .source
            .get(span.0..span.1)
            .unwrap_or_default()
            .to_string();
        SourcePlace {
            span,
            line,
            column,
            text,
        }
    }
}

/// A hit found in a sentence's text, moved to its offsets in the article text.
trait Spanned {
    fn shift(self, by: usize) -> Self;
}

macro_rules! spanned {
    ($($t:ty),*) => {$(
        impl Spanned for $t {
            fn shift(self, by: usize) -> Self {
                Self { start: self.start + by, end: self.end + by, ..self }
            }
        }
    )*};
}
spanned!(EntityHit, WordHit, DateExpr);

fn shifted<T: Spanned>(hits: Vec<T>, by: usize) -> Vec<T> {
    hits.into_iter().map(|h| h.shift(by)).collect()
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
            && matches!(
                x.what,
                DateRef::Weekday(_) | DateRef::MonthDay(..) | DateRef::Full(_)
            )
            && crate::extract::chars_up_to(&text[end..x.start], 25) <= 24
            && (text[x.start..]
                .get(..3)
                .is_some_and(|p| p.eq_ignore_ascii_case("on "))
                || text[..x.start].to_ascii_lowercase().ends_with(" on "))
    })
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
        let SourcePlace {
            span,
            line,
            column,
            text: source_text,
        } = SourcePlace::of(cx.article, start, end);
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
            span,
            line,
            column,
            text: source_text,
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
                    (prev_code != code && conversion && crate::extract::chars_up_to(gap, 13) <= 12)
                        .then_some(idx)
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
    let text = cx.article.text.as_str();
    for w in words {
        // a span of time or part of a year is no ratio claim: `two and a half years`, `the
        // first half`, `a quarter-century`
        let after = text[w.end..].trim_start_matches(['-', ' ']);
        let before = text[..w.start].trim_end();
        let of_time = [
            "year", "month", "week", "day", "hour", "minute", "decade", "century", "session",
        ]
        .iter()
        .any(|u| after.starts_with(u))
            || ["and a", "first", "second", "latter", "back", "front"]
                .iter()
                .any(|p| before.ends_with(p));
        // … nor is a fraction of a percent (`half a percent`): a number token holds it
        let in_number = toks.iter().any(|t| t.start <= w.start && w.end <= t.end);
        if of_time || in_number {
            continue;
        }
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
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn mentions_of<'a>(article: &'a Article, lexicon: &Lexicon) -> Mentions<'a> {
        Mentions::find(article, lexicon, (0, article.text.len()))
    }

    fn figures(text: &str) -> Vec<Figure> {
        extract(
            &Article::from_text("t.txt", &format!("제목\n입력 2024.08.05 16:40\n\n{text}\n")),
            &Lexicon::builtin(),
        )
    }

    #[test]
    fn mentions_find_names_words_and_dates() {
        let lx = Lexicon::builtin();
        let a = Article::from_text("t.txt", "5일 독일 닥스지수는 147.32포인트(1.12%) 상승했다.");
        let m = mentions_of(&a, &lx);
        let names: Vec<&str> = m
            .ents
            .iter()
            .map(|h| lx.entities[h.entity].name.as_str())
            .collect();
        assert_eq!(names, ["DAX"]);
        assert!(m
            .words
            .iter()
            .any(|w| matches!(w.class, WordClass::Direction(Direction::Up))));
        assert_eq!(m.dates.len(), 1);
        assert!(m.korean_sentence);
    }

    #[test]
    fn numbers_that_are_no_figure() {
        let lx = Lexicon::builtin();
        let cases = [
            ("코스피는 2,400선을 내줬다.", "2,400선"),
            ("85.07달러(약 10만1500원)로 마감했다.", "10만1500원"),
            ("100엔당 865.02원을 기록했다.", "100엔"),
            ("95% of the stocks fell.", "95%"),
            ("7% 하락 시 발동되는 서킷브레이커", "7%"),
            ("5000포인트가 붕괴한 것은 처음이다.", "5000포인트"),
        ];
        for (text, number) in cases {
            let a = Article::from_text("t.txt", text);
            let m = mentions_of(&a, &lx);
            let toks = number::scan(text);
            let t = toks
                .iter()
                .find(|t| &text[t.start..t.end] == number)
                .unwrap_or_else(|| panic!("{number} not scanned in {text}: {toks:?}"));
            assert!(is_not_a_figure(&lx, &m, &toks, t), "{text}: {number}");
        }
        // and a plain move is one
        let text = "코스피는 1.20% 내렸다.";
        let a = Article::from_text("t.txt", text);
        let toks = number::scan(text);
        assert!(!is_not_a_figure(
            &lx,
            &mentions_of(&a, &lx),
            &toks,
            &toks[0]
        ));
    }

    #[test]
    fn owners_unknown_to_the_lexicon_take_their_numbers() {
        // an English subject, a Korean subject with its particle, a name glued to a bracket
        for text in [
            "The FTSE 100 fell 2%, with Acme Widgets down 9% to 120p.",
            "코스피는 1.2% 내렸고 가나다바이오는 4.10% 올랐다.",
            "코스피가 내린 가운데 가나다바이오(4.10%)가 올랐다.",
        ] {
            let f = figures(text);
            assert!(
                f.iter()
                    .all(|f| f.change_pct.map(|q| q.value.abs()) != Some(9.0)
                        && f.change_pct.map(|q| q.value.abs()) != Some(4.1)),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn owners_found_by_name_anaphor_and_context() {
        let f = figures("코스피는 1.20% 내렸다. 지수는 2,577.24에 마감했다.");
        let bindings: Vec<Binding> = f.iter().map(|f| f.binding).collect();
        assert_eq!(bindings, [Binding::Name, Binding::Anaphor]);
    }

    #[test]
    fn groups_share_or_divide_numbers() {
        let shared = figures("엔비디아·브로드컴 17% 급락");
        assert_eq!(shared.len(), 2);
        assert!(shared
            .iter()
            .all(|f| f.change_pct.map(|q| q.value) == Some(-17.0)));
        let divided = figures("삼성전자와 SK하이닉스는 각각 2.01%, 3.15% 하락했다.");
        let pairs: Vec<(Option<&str>, Option<f64>)> = divided
            .iter()
            .map(|f| (f.symbol.as_deref(), f.change_pct.map(|q| q.value)))
            .collect();
        assert_eq!(
            pairs,
            [
                (Some("005930.KS"), Some(-2.01)),
                (Some("000660.KS"), Some(-3.15))
            ]
        );
    }

    #[test]
    fn emitted_figures_carry_session_and_period() {
        let f = figures(
            "나스닥 지수는 장중 9,858.59까지 올랐다가 9,561.48까지 밀렸다. 나스닥 지수는 올해 들어 20.10% 하락했다.",
        );
        let got: Vec<(Session, bool)> = f.iter().map(|f| (f.session, f.period)).collect();
        assert_eq!(
            got,
            [
                (Session::Intraday, false),
                (Session::Intraday, false),
                (Session::Close, true)
            ]
        );
    }
}
