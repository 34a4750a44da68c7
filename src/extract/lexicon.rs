//! Lexicon: entity aliases and the words that bind to figures, loaded from data files.
//!
//! The built-in files (`data/lexicon/entities.csv`, `data/lexicon/words.csv`) are compiled
//! into the binary so it works from any directory; users add their own files of the same
//! shape (`--lexicon FILE` or `lexicon = [...]` in `marketfig.toml`). User data extends the
//! built-in data; it never replaces it.

use super::figure::{Direction, Kind};
use aho_corasick::{AhoCorasick, MatchKind};
use std::path::Path;

const BUILTIN_ENTITIES: &str = include_str!("../../data/lexicon/entities.csv");
const BUILTIN_WORDS: &str = include_str!("../../data/lexicon/words.csv");
const BUILTIN_LISTINGS: &str = include_str!("../../data/lexicon/listings.csv");

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: cannot read lexicon: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Parse {
        path: String,
        line: usize,
        reason: String,
    },
}

/// The market a figure belongs to: decides its time zone and trading day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Market {
    Us,
    Kr,
    Jp,
    Cn,
    Hk,
    Tw,
    Gb,
    Eu,
    In,
    Au,
    Global,
}

impl Market {
    /// The market whose currency `code` is (ISO 4217, and GBX for pence).
    pub fn of_currency(code: &str) -> Option<Market> {
        Some(match code {
            "USD" => Market::Us,
            "KRW" => Market::Kr,
            "JPY" => Market::Jp,
            "CNY" => Market::Cn,
            "HKD" => Market::Hk,
            "TWD" => Market::Tw,
            "GBP" | "GBX" => Market::Gb,
            "EUR" => Market::Eu,
            "INR" => Market::In,
            "AUD" => Market::Au,
            _ => return None,
        })
    }

    fn parse(s: &str) -> Option<Market> {
        Some(match s.trim() {
            "US" => Market::Us,
            "KR" => Market::Kr,
            "JP" => Market::Jp,
            "CN" => Market::Cn,
            "HK" => Market::Hk,
            "TW" => Market::Tw,
            "GB" => Market::Gb,
            "EU" | "DE" | "FR" => Market::Eu,
            "IN" => Market::In,
            "AU" => Market::Au,
            "GLOBAL" => Market::Global,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Kind,
    pub name: String,
    pub symbol: Option<String>,
    pub market: Market,
}

/// Session words, and on which side of the number they are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionWord {
    IntradayBefore,
    IntradayAfter,
    AfterhoursBefore,
    AfterhoursAfter,
    PremarketBefore,
    PremarketAfter,
    CloseAfter,
    CloseBefore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Direction(Direction),
    Session(SessionWord),
    /// Points back to the previous entity of this kind (`None`: any kind).
    Anaphor(Option<Kind>),
    Blocker,
    /// A subject that is part of the market, not the entity (`sector`, `업종`): always blocks.
    Subject,
    /// A word after a number that makes it hypothetical (`하락 시 발동`).
    Conditional,
    /// After a number: it is no market move (`a 20 percent stake`, `지분 5%`).
    NotMove,
    /// Before a number in its sentence: what follows is hypothetical (`삼성전자를 제외하면
    /// 코스피는 103.22`, `had it not been for`).
    HypotheticalBefore,
    /// A ratio said in words (`절반`, `half`, `twice`), in thousandths.
    Ratio(u32),
}

/// A word match in text.
#[derive(Debug, Clone, Copy)]
pub struct WordHit {
    pub start: usize,
    pub end: usize,
    pub class: WordClass,
}

/// An entity match in text.
#[derive(Debug, Clone, Copy)]
pub struct EntityHit {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// A company the text names with an exchange and ticker that the lexicon does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub symbol: String,
    pub market: Market,
}

/// A listing code in brackets, with its exchange when printed: `(005930)`, `(0700.HK)`,
/// `(NASDAQ: AAPL)`, `(NYSE:BA)`.
fn listing_code() -> &'static regex::Regex {
    static CODE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    CODE.get_or_init(|| {
        regex::Regex::new(
            r"[(\[（]\s*(?:(?P<ex>NASDAQ|Nasdaq|NYSE American|NYSE|LSE|LON|ASX|TSE|TYO|HKEX|SEHK|KRX|KOSPI|KOSDAQ)\s*:\s*)?(?P<code>[0-9]{6}(?:\.K[SQ])?|[0-9]{6}\.S[SZ]|[0-9]{4}\.(?:HK|TW|T)|[0-9]{4}|[A-Z]{1,5}(?:\.[A-Z])?)\s*[)\]）]",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

/// Capitals in brackets that abbreviate something other than a listed company.
const NOT_TICKERS: &[&str] = &[
    "CPI", "PPI", "GDP", "PMI", "IPO", "CEO", "CFO", "ETF", "FOMC", "ECB", "IMF", "SEC", "FDA",
    "EU", "UK", "US", "USA", "AI", "EV", "PE", "ESG", "SPAC", "NYSE", "OPEC", "WHO", "UN", "NATO",
    "FTC", "DOJ", "IRS", "BOJ", "BOE", "PBOC", "RBA", "RBI", "GST", "VAT", "EPS", "ADR", "ADRS",
    "OTC", "FX", "YTD", "IT", "HK", "KRX", "KOSPI", "KOSDAQ", "AP", "AFP", "CNBC", "BBC", "FT",
    "WSJ", "NASDAQ", "LSE", "ASX", "TSE", "GMT", "EST", "EDT", "ET", "PT", "AM", "PM", "MSCI",
    "OECD", "WTO", "NFT", "API", "LNG", "OLED", "DRAM", "NAND", "HBM", "PC", "TV", "CPU", "GPU",
];

/// Words of names that are institutions, measures or places rather than companies.
const NOT_COMPANY_WORDS: &[&str] = &[
    "Index",
    "Price",
    "Rate",
    "Reserve",
    "Committee",
    "Commission",
    "Association",
    "Organization",
    "Organisation",
    "Department",
    "Bureau",
    "Fund",
    "Bank of",
    "Ministry",
    "Agency",
    "Administration",
    "Exchange",
    "Authority",
    "Council",
    "Union",
    "Board",
    "Office",
    "Institute",
    "University",
    "Program",
    "Act",
    "Survey",
    "Report",
    "Product",
    "Treasury",
    "Market",
    "Average",
    "Composite",
];

/// `Inc.`, `Corp.`, `Co.`: a legal suffix, part of a company's name.
fn is_legal_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches(','),
        "Inc."
            | "Corp."
            | "Co."
            | "Ltd."
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "plc"
            | "PLC"
            | "S.A."
            | "N.V."
    )
}

/// Entities and words, loaded once and shared read-only across threads.
pub struct Lexicon {
    pub entities: Vec<Entity>,
    alias_entity: Vec<usize>,
    /// Entity by its symbol, for codes printed in brackets (`(0700.HK)`, `(005930)`).
    symbol_entity: std::collections::HashMap<String, usize>,
    /// Other listings of an entity (`TSMC`: `2330.TW` besides `TSM`), from `listings.csv`.
    other_listings: std::collections::HashMap<usize, Vec<(String, Market)>>,
    /// Aliases written `=name` in the file: valid only right before a number.
    number_only: Vec<bool>,
    alias_matcher: AhoCorasick,
    /// The same aliases without regard to case, for names printed in capitals (`NETFLIX(+3.00%)`).
    caps_matcher: AhoCorasick,
    /// Aliases written with small letters: the only ones the capitals matcher may add.
    alias_has_lower: Vec<bool>,
    /// Each alias as the matchers hold it (squeezed, without the `=` marker).
    alias_text: Vec<String>,
    /// Aliases that start with a small letter (`easyJet`, `iShares`), which a sentence may
    /// capitalise.
    alias_lower_start: Vec<bool>,
    /// Each word with every class it has (`하락폭` is a direction and an anaphor).
    words: Vec<(String, Vec<WordClass>)>,
    word_matcher: AhoCorasick,
    pub trailers: Vec<String>,
    /// Lines that open a box inside the article (`▼관련기사▼`, `Related coverage`): the box
    /// runs to the next line of prose.
    asides: Vec<String>,
    /// Words right after a number that make it a level (`로 마감`, `에 출발`).
    level_suffixes: Vec<String>,
    /// Words that look like the name of a subject but never own a figure (`The`, `이날`).
    not_owner: std::collections::HashSet<String>,
    /// Words before / after a figure that make it a period's change (`올해 들어`, `for the week`).
    period_before: Vec<String>,
    period_after: Vec<String>,
    /// A span of several sessions named before a figure (`an eight-day gain of`, `이틀새`,
    /// `3거래일간`): built from the `span_count` and `span_unit_*` words.
    span_period: Option<regex::Regex>,
    /// Words after an English span that make it a count of sessions (`losing streak`).
    span_not: Vec<String>,
    /// Words of a section header that puts the lines under it in a period (`For the week:`).
    section_period: Vec<String>,
    /// Words a bracketed previous close follows (`전 거래일(1931.97)보다`).
    previous_close: Vec<String>,
    /// Words after a round number that make it a threshold (`돌파`, `가 붕괴`, `mark`).
    threshold_after: Vec<String>,
    /// Nouns that end a description of a company (`e-commerce company`, `software maker`).
    company_nouns: Vec<String>,
    /// Roles after a name that make it a broker quoted for its analyst (`analyst`, `연구원`).
    broker_roles: Vec<String>,
    /// Words before / after points that make them one name's share of another figure's move
    /// (`contributed 478.2 points`, `지수를 25포인트 끌어올렸다`).
    contribution_before: Vec<String>,
    contribution_after: Vec<String>,
    /// Marks of a photo caption (`Photographer:`, `사진=`).
    captions: Vec<String>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("entities", &self.entities.len())
            .field("words", &self.words.len())
            .finish()
    }
}

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    listings: Vec<(usize, String, Market)>,
    aliases: Vec<(String, usize)>,
    words: Vec<(String, WordClass)>,
    /// The phrase lists of [`PHRASE_CLASSES`], by class.
    phrases: std::collections::HashMap<&'static str, Vec<String>>,
}

/// Word classes that are plain lists of phrases (matched by `Lexicon::is_*` methods rather
/// than by the word matcher), and whether they are compared lowercased.
const PHRASE_CLASSES: &[(&str, bool)] = &[
    ("trailer", true),
    ("aside", true),
    ("level_suffix", false),
    ("not_owner", false),
    ("period_before", true),
    ("period_after", true),
    ("span_count", true),
    ("span_unit_en", true),
    ("span_unit_ko", false),
    ("span_not", true),
    ("section_period", true),
    ("previous_close", false),
    ("threshold_after", false),
    ("contribution_before", true),
    ("contribution_after", false),
    ("caption", false),
    ("company_noun", false),
    ("broker_role", false),
];

impl Builder {
    fn add_file(&mut self, path: &str, content: &str) -> Result<(), LexiconError> {
        let mut lines = content.lines().enumerate().filter(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#')
        });
        let Some((_, header)) = lines.next() else {
            return Ok(());
        };
        let header = header.trim_start_matches('\u{feff}').trim();
        let err = |line: usize, reason: String| LexiconError::Parse {
            path: path.to_string(),
            line: line + 1,
            reason,
        };
        if header.starts_with("kind,entity") {
            for (n, line) in lines {
                let f: Vec<&str> = line.splitn(5, ',').collect();
                if f.len() != 5 {
                    return Err(err(
                        n,
                        format!(
                            "expected 5 fields (kind,entity,symbol,market,aliases), got {}",
                            f.len()
                        ),
                    ));
                }
                let kind =
                    parse_kind(f[0]).ok_or_else(|| err(n, format!("unknown kind `{}`", f[0])))?;
                let market = Market::parse(f[3])
                    .ok_or_else(|| err(n, format!("unknown market `{}`", f[3])))?;
                let symbol = Some(f[2].trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string);
                let name = f[1].trim().to_string();
                // a user row for a known entity adds aliases to it
                let idx = match self.entities.iter().position(|e| e.name == name) {
                    Some(i) => i,
                    None => {
                        self.entities.push(Entity {
                            kind,
                            name: name.clone(),
                            symbol,
                            market,
                        });
                        self.entities.len() - 1
                    }
                };
                let aliases = f[4].split('|').map(str::trim).filter(|a| !a.is_empty());
                for alias in std::iter::once(name.as_str()).chain(aliases) {
                    self.aliases.push((alias.to_string(), idx));
                    // `Marks & Spencer` is also printed `Marks and Spencer`
                    if alias.contains(" & ") {
                        self.aliases.push((alias.replace(" & ", " and "), idx));
                    }
                }
            }
        } else if header.starts_with("entity,symbol,market") {
            for (n, line) in lines {
                let f: Vec<&str> = line.split(',').map(str::trim).collect();
                let [name, symbol, market] = f[..] else {
                    return Err(err(
                        n,
                        format!("expected 3 fields (entity,symbol,market), got {}", f.len()),
                    ));
                };
                let market = Market::parse(market)
                    .ok_or_else(|| err(n, format!("unknown market `{market}`")))?;
                let entity = self
                    .entities
                    .iter()
                    .position(|e| e.name == name)
                    .ok_or_else(|| err(n, format!("no entity `{name}` to list")))?;
                self.listings.push((entity, symbol.to_string(), market));
            }
        } else if header.starts_with("class,word") {
            for (n, line) in lines {
                let f: Vec<&str> = line.splitn(3, ',').collect();
                let class = f[0].trim();
                let word = f.get(1).map_or("", |w| w.trim()).to_string();
                let value = f.get(2).map_or("", |v| v.trim());
                if word.is_empty() {
                    return Err(err(n, "empty word".into()));
                }
                if let Some(&(name, lowercase)) =
                    PHRASE_CLASSES.iter().find(|(name, _)| *name == class)
                {
                    let phrase = if lowercase { word.to_lowercase() } else { word };
                    self.phrases.entry(name).or_default().push(phrase);
                    continue;
                }
                let wc = match class {
                    "direction" => match value {
                        "up" => WordClass::Direction(Direction::Up),
                        "down" => WordClass::Direction(Direction::Down),
                        _ => {
                            return Err(err(
                                n,
                                format!("direction must be up or down, got `{value}`"),
                            ))
                        }
                    },
                    "session" => WordClass::Session(match value {
                        "intraday_before" => SessionWord::IntradayBefore,
                        "intraday_after" => SessionWord::IntradayAfter,
                        "afterhours_before" => SessionWord::AfterhoursBefore,
                        "afterhours_after" => SessionWord::AfterhoursAfter,
                        "premarket_before" => SessionWord::PremarketBefore,
                        "premarket_after" => SessionWord::PremarketAfter,
                        "close_after" => SessionWord::CloseAfter,
                        "close_before" => SessionWord::CloseBefore,
                        _ => return Err(err(n, format!("unknown session word class `{value}`"))),
                    }),
                    "anaphor" => WordClass::Anaphor(if value == "any" {
                        None
                    } else {
                        parse_kind(value)
                    }),
                    "blocker" => WordClass::Blocker,
                    "subject" => WordClass::Subject,
                    "conditional" => WordClass::Conditional,
                    "not_move" => WordClass::NotMove,
                    "hypothetical_before" => WordClass::HypotheticalBefore,
                    "ratio" => match value.parse::<f64>() {
                        Ok(v) if v > 0.0 => WordClass::Ratio((v * 1000.0).round() as u32),
                        _ => {
                            return Err(err(
                                n,
                                format!("ratio value must be a positive number, got `{value}`"),
                            ))
                        }
                    },
                    _ => return Err(err(n, format!("unknown word class `{class}`"))),
                };
                self.words.push((word, wc));
            }
        } else {
            return Err(err(
                0,
                "header must be `kind,entity,symbol,market,aliases`, `entity,symbol,market` or \
                 `class,word,value`"
                    .into(),
            ));
        }
        Ok(())
    }

    fn build(mut self) -> Lexicon {
        let mut lists = std::mem::take(&mut self.phrases);
        let mut phrases = |class: &str| lists.remove(class).unwrap_or_default();
        // later (user) aliases win over built-in ones for the same surface
        let mut seen = std::collections::HashMap::new();
        for (i, (a, _)) in self.aliases.iter().enumerate() {
            seen.insert(a.clone(), i);
        }
        // aliases are matched with their spaces removed (`스탠더드 앤드 푸어스(S&P) 500` and
        // `스탠더드앤드푸어스(S&P)500` are one alias); the first spelling of a squeezed form wins
        let mut squeezed_seen = std::collections::HashSet::new();
        let mut aliases: Vec<(String, usize)> = self
            .aliases
            .iter()
            .enumerate()
            .filter(|(i, (a, _))| seen.get(a) == Some(i))
            .map(|(_, (a, e))| (squeeze(a), *e))
            .filter(|(a, _)| squeezed_seen.insert(a.clone()))
            .collect();
        aliases.sort();
        let number_only: Vec<bool> = aliases.iter().map(|(a, _)| a.starts_with('=')).collect();
        // Standard match kind: every alias occurrence is seen (overlapping), so one that fails
        // its word-boundary check (`독일 닥스` in `독일 닥스지수`) cannot hide a valid one
        // starting inside it (`닥스지수`)
        let alias_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(aliases.iter().map(|(a, _)| a.trim_start_matches('=')))
            .unwrap_or_else(|_| unreachable!("aho-corasick accepts any set of literal patterns"));
        let caps_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(aliases.iter().map(|(a, _)| a.trim_start_matches('=')))
            .unwrap_or_else(|_| unreachable!("aho-corasick accepts any set of literal patterns"));
        let mut words: Vec<(String, Vec<WordClass>)> = Vec::new();
        self.words.sort_by(|a, b| a.0.cmp(&b.0));
        for (w, c) in self.words {
            match words.last_mut() {
                Some((last, classes)) if *last == w => {
                    if !classes.contains(&c) {
                        classes.push(c);
                    }
                }
                _ => words.push((w, vec![c])),
            }
        }
        let word_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(words.iter().map(|(w, _)| w.as_str()))
            .unwrap_or_else(|_| unreachable!("aho-corasick accepts any set of literal patterns"));
        let mut symbol_entity: std::collections::HashMap<String, usize> = self
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.symbol.as_ref().map(|s| (s.clone(), i)))
            .collect();
        let mut other_listings: std::collections::HashMap<usize, Vec<(String, Market)>> =
            std::collections::HashMap::new();
        for (entity, symbol, market) in self.listings {
            symbol_entity.entry(symbol.clone()).or_insert(entity);
            other_listings
                .entry(entity)
                .or_default()
                .push((symbol, market));
        }
        Lexicon {
            entities: self.entities,
            alias_entity: aliases.iter().map(|(_, e)| *e).collect(),
            symbol_entity,
            other_listings,
            number_only,
            alias_matcher,
            caps_matcher,
            alias_has_lower: aliases
                .iter()
                .map(|(a, _)| a.chars().any(|c| c.is_ascii_lowercase()))
                .collect(),
            alias_text: aliases
                .iter()
                .map(|(a, _)| a.trim_start_matches('=').to_string())
                .collect(),
            alias_lower_start: aliases
                .iter()
                .map(|(a, _)| {
                    a.trim_start_matches('=')
                        .starts_with(|c: char| c.is_ascii_lowercase())
                })
                .collect(),
            words,
            word_matcher,
            trailers: phrases("trailer"),
            asides: phrases("aside"),
            level_suffixes: phrases("level_suffix"),
            not_owner: phrases("not_owner").into_iter().collect(),
            period_before: phrases("period_before"),
            period_after: phrases("period_after"),
            span_period: span_period_pattern(
                &phrases("span_count"),
                &phrases("span_unit_en"),
                &phrases("span_unit_ko"),
            ),
            span_not: phrases("span_not"),
            section_period: phrases("section_period"),
            previous_close: phrases("previous_close"),
            threshold_after: phrases("threshold_after"),
            company_nouns: phrases("company_noun"),
            broker_roles: phrases("broker_role"),
            contribution_before: phrases("contribution_before"),
            contribution_after: phrases("contribution_after"),
            captions: phrases("caption"),
        }
    }
}

/// The pattern of a span of sessions: English `<count>-<unit>` not followed by a `span_not` word
/// (`eight-day gain`, but not `three-day losing streak`, whose figure is the day's), Korean
/// `<count><unit>` with digits and `거래일`/`일` counted too (`이틀새`, `3거래일간`). `None` when
/// the lexicon names no counts.
fn span_period_pattern(
    counts: &[String],
    units_en: &[String],
    units_ko: &[String],
) -> Option<regex::Regex> {
    let alt = |ws: &[String]| {
        ws.iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    if counts.is_empty() || units_en.is_empty() && units_ko.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !units_en.is_empty() {
        parts.push(format!(
            r"(?-u:\b)(?:\d+|{})-(?:{})s?(?-u:\b)(?P<tail> [a-z]+)?",
            alt(counts),
            alt(units_en)
        ));
    }
    if !units_ko.is_empty() {
        // each unit also after a space; a one-syllable unit then stands as a word of its own
        // (`이틀 새 `, not the `25일 새벽` of a date)
        let spaced: Vec<String> = units_ko
            .iter()
            .flat_map(|u| {
                let apart = if u.chars().count() == 1 {
                    format!(" {u} ")
                } else {
                    format!(" {u}")
                };
                [u.clone(), apart]
            })
            .collect();
        parts.push(format!(
            r"(?:\d+ ?(?:거래일|일)|(?-u:\b)\d{{1,2}} ?(?:개월|주|년)|{})(?:{})",
            alt(counts),
            alt(&spaced)
        ));
    }
    regex::Regex::new(&parts.join("|")).ok()
}

fn parse_kind(s: &str) -> Option<Kind> {
    Some(match s.trim() {
        "index" => Kind::Index,
        "stock" => Kind::Stock,
        "fx" => Kind::Fx,
        "money" => Kind::Money,
        "ratio" => Kind::Ratio,
        "rate" => Kind::Rate,
        "commodity" => Kind::Commodity,
        "crypto" => Kind::Crypto,
        _ => return None,
    })
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3131}'..='\u{318E}').contains(&c)
}

/// Spaces an alias may gain or lose in print (`다우존스 30 산업평균지수`, `S&P 500`); a space
/// between two Latin letters separates words (`Dow Jones`) and stays.
fn is_squeezed_space(prev: Option<char>, c: char, next: Option<char>) -> bool {
    (c == ' ' || c == '\u{a0}')
        && !(prev.is_some_and(|p| p.is_ascii_alphabetic())
            && next.is_some_and(|n| n.is_ascii_alphabetic()))
}

/// An alias without its optional spaces: the form the matcher holds.
fn squeeze(alias: &str) -> String {
    let chars: Vec<char> = alias.chars().collect();
    (0..chars.len())
        .filter(|&k| {
            !is_squeezed_space(
                k.checked_sub(1).map(|j| chars[j]),
                chars[k],
                chars.get(k + 1).copied(),
            )
        })
        .map(|k| chars[k])
        .collect()
}

/// Words that may follow a one-word Latin name without making it part of a longer one.
const LATIN_NAME_TAILS: &[&str] = &[
    "Index",
    "Composite",
    "Average",
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Holdings",
    "Lab",
    "Labs",
    "Group",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "SE",
    "ASA",
    "Class",
    "Shares",
    "On",
    "In",
    "At",
    "And",
    "But",
    "As",
    "After",
    "Before",
    "While",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Jones",
    "Industrials",
    "Futures",
    "ADR",
    "ADRs",
    "Mining",
    "Energy",
    "Motor",
    "Motors",
    "Financial",
    "Technologies",
    "Technology",
    "Pharmaceuticals",
    "International",
    "Airlines",
];

/// Korean particles that may follow an entity name directly (엔비디아는, 코스피가).
const PARTICLE_STARTS: &str = "은는이가을를의도와과로으에만까보측";

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Self::with_files::<&Path>(&[])
            .unwrap_or_else(|_| unreachable!("the built-in lexicon is tested"))
    }

    /// The built-in lexicon extended by user files (entities or words, told apart by header).
    pub fn with_files<P: AsRef<Path>>(paths: &[P]) -> Result<Lexicon, LexiconError> {
        let mut b = Builder::default();
        b.add_file("data/lexicon/entities.csv", BUILTIN_ENTITIES)?;
        b.add_file("data/lexicon/words.csv", BUILTIN_WORDS)?;
        b.add_file("data/lexicon/listings.csv", BUILTIN_LISTINGS)?;
        for p in paths {
            let p = p.as_ref();
            let content = std::fs::read_to_string(p).map_err(|source| LexiconError::Io {
                path: p.display().to_string(),
                source,
            })?;
            b.add_file(&p.display().to_string(), &content)?;
        }
        Ok(b.build())
    }

    /// The listing a figure of `entity` reports, when the entity has more than one: the one
    /// on the market of the price's currency (a currency only the dollar's `$` names is
    /// weaker than the article's market), else on the article's market, else its own row's.
    /// A report on New York does not move a foreign company off its home listing (`Nokia fell
    /// 8%` in a Nasdaq report is Helsinki's move) unless it prints a dollar price.
    pub fn listing(
        &self,
        entity: usize,
        currency: Option<&str>,
        article_market: impl FnOnce() -> Option<Market>,
    ) -> Option<(&str, Market)> {
        let own = self.entities.get(entity)?;
        let others = self.other_listings.get(&entity)?;
        let article_market = article_market();
        let all: Vec<(&str, Market)> = own
            .symbol
            .as_deref()
            .map(|s| (s, own.market))
            .into_iter()
            .chain(others.iter().map(|(s, m)| (s.as_str(), *m)))
            .collect();
        let on = |m: Market| all.iter().find(|(_, x)| *x == m).copied();
        let by_currency = currency.and_then(Market::of_currency);
        by_currency
            .filter(|m| *m != Market::Us)
            .and_then(on)
            .or_else(|| article_market.filter(|m| *m != Market::Us).and_then(on))
            // (a `$` price of a company at home where `$` is the local dollar stays at home)
            .or_else(|| {
                by_currency
                    .filter(|_| !matches!(own.market, Market::Au | Market::Hk | Market::Tw))
                    .and_then(on)
            })
    }

    /// The market whose indexes `text` names most often (none on a tie).
    pub fn market_of_indexes(&self, text: &str) -> Option<Market> {
        let mut counts: Vec<(Market, usize)> = Vec::new();
        for h in self.entities_in(text) {
            let e = &self.entities[h.entity];
            if e.kind != Kind::Index || e.market == Market::Global {
                continue;
            }
            match counts.iter_mut().find(|(m, _)| *m == e.market) {
                Some((_, n)) => *n += 1,
                None => counts.push((e.market, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        match counts[..] {
            [(m, _)] => Some(m),
            [(m, a), (_, b), ..] if a > b => Some(m),
            _ => None,
        }
    }

    /// Entity mentions in `text`, with word-boundary checks on both sides.
    pub fn entities_in(&self, text: &str) -> Vec<EntityHit> {
        // match on the text without its spaces, then map each match back to the source
        let mut squeezed = String::with_capacity(text.len());
        let mut origin: Vec<usize> = Vec::with_capacity(text.len());
        let mut prev = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '’' | '‘') {
                // `Standard & Poor’s`: a typographic apostrophe matches the plain one
                squeezed.push('\'');
                origin.push(i);
            } else if !is_squeezed_space(prev, c, chars.peek().map(|x| x.1)) {
                squeezed.push(c);
                origin.extend(i..i + c.len_utf8());
            }
            prev = Some(c);
        }
        let mut candidates = Vec::new();
        // every span an alias matches as written, before the checks that may reject it
        let mut exact_spans: Vec<(usize, usize)> = Vec::new();
        for m in self.alias_matcher.find_overlapping_iter(&squeezed) {
            let (s, e) = (origin[m.start()], origin[m.end() - 1] + 1);
            exact_spans.push((s, e));
            let alias = &text[s..e];
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let first = alias.chars().next().unwrap_or(' ');
            let last = alias.chars().next_back().unwrap_or(' ');
            if first.is_ascii_alphanumeric() && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            // (… nor one glued to Latin letters: `JPX닛케이지수 400` is another index)
            if is_hangul(first) && before.is_some_and(|c| is_hangul(c) || c.is_ascii_alphabetic()) {
                continue;
            }
            if last.is_ascii_alphanumeric() && after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            if last.is_ascii_digit() && after.is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            // `퀄컴주가는`, `인텔주식도`: a company name glued to the noun for its shares (and
            // `코스피증시는`: an index glued to its market)
            let share_noun = ["주가", "주식", "지수", "증시"]
                .iter()
                .any(|n| text[e..].starts_with(n));
            if after.is_some_and(|c| is_hangul(c) && !PARTICLE_STARTS.contains(c))
                && !alias.ends_with("지수")
                && !share_noun
            {
                // `메타버스`, `애플리케이션`: the alias is part of a longer word
                // (`코스피지수도` is fine: the alias ends a compound noun)
                if !(last.is_ascii_alphanumeric() || last == ')') {
                    continue;
                }
                // Latin alias glued to Hangul (`S&P500지수`) is fine, unless the Hangul goes
                // on with another name (`FTSE유로퍼스트 300`)
                if last.is_ascii_alphabetic()
                    && !["지수", "주가", "증시", "주", "지"]
                        .iter()
                        .any(|w| text[e..].starts_with(w))
                {
                    continue;
                }
            }
            // `Dow Chemical`, `FTSE Bursa Malaysia`, `Nasdaq Stock Market`: a one-word Latin
            // alias followed by another capitalised name is part of a longer name
            // (not in a title-case headline: `KOSPI Hits All-Time High`)
            let title_case = {
                let ws: Vec<&str> = text
                    .split_whitespace()
                    .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
                    .collect();
                // a headline is short; a long run of capitalised words is a list of names
                // (`Gainers are Reliance Com Ltd (4.83%), Tata Steel (4.32%) …`)
                // (and carries no full stop)
                (4..=16).contains(&ws.len())
                    && !text.trim_end().ends_with('.')
                    && ws
                        .iter()
                        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                        .count()
                        * 10
                        >= ws.len() * 7
            };
            if alias.is_ascii() && !alias.contains(' ') && alias.len() > 2 && !title_case {
                let next: String = text[e..]
                    .strip_prefix(' ')
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '&' || *c == '.')
                    .collect();
                if next.starts_with(|c: char| c.is_ascii_uppercase())
                    && !LATIN_NAME_TAILS.contains(&next.trim_end_matches('.'))
                {
                    continue;
                }
                // `S&P healthcare index`, `Nikkei stock average`? no: a sector index
                let mut words_after = text[e..].split_whitespace();
                let (w1, w2) = (words_after.next(), words_after.next());
                if w1.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                    && w2.is_some_and(|w| {
                        matches!(
                            w.trim_end_matches([',', '.']),
                            "index" | "sector" | "sub-index"
                        )
                    })
                    && w1 != Some("composite")
                    && w1 != Some("benchmark")
                {
                    continue;
                }
            }
            // `Dow Jones US Regional Banks Index`, `Nasdaq Biotechnology Index`: a name followed
            // by more capitalised words and `Index` names another index
            if alias.is_ascii() && !title_case {
                let run: Vec<&str> = text[e..]
                    .split_whitespace()
                    .take(8)
                    .take_while(|w| {
                        w.starts_with(|c: char| c.is_ascii_uppercase())
                            || matches!(*w, "&" | "ex-Japan")
                    })
                    .collect();
                if run.len() >= 2
                    && run
                        .iter()
                        .skip(1)
                        .any(|w| w.trim_end_matches([',', '.', '\'', '’', 's']) == "Index")
                {
                    continue;
                }
            }
            // `the top Sensex gainer`, `the FTSE 100's star performer`, `Nasdaq stocks`: the
            // index names the group a company belongs to, not a move of its own
            if self.entities[self.alias_entity[m.pattern().as_usize()]].kind == Kind::Index {
                let rest = text[e..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
                let rest = rest
                    .strip_prefix("'s")
                    .or_else(|| rest.strip_prefix("’s"))
                    .unwrap_or(rest)
                    .trim_start();
                let member = [
                    "gainer",
                    "loser",
                    "stocks",
                    "shares",
                    "constituent",
                    "component",
                    "heavyweight",
                    "member",
                    "counters",
                    "star performer",
                    "best performer",
                    "worst performer",
                    "top performer",
                    "biggest riser",
                    "biggest faller",
                    "top gainer",
                    "top loser",
                    "riser",
                    "faller",
                    "laggard",
                ]
                .iter()
                .any(|w| rest.starts_with(w));
                if member {
                    continue;
                }
            }
            // `S&P/NZX 50`, `S&P/TSX`: a provider's name joined to another index's
            if text[e..].starts_with('/')
                && text[e + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                continue;
            }
            // `(NASDAQ: CLWR)`, `(NYSE:BA)`: an exchange naming a ticker is no index mention
            let rest = text[e..].trim_start_matches(' ');
            if rest.starts_with(':')
                && rest[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_uppercase() || c == '.')
                && text[..s].trim_end().ends_with('(')
            {
                continue;
            }
            let idx = m.pattern().as_usize();
            if self.number_only[idx] {
                // `대만 9.70%↓`: a country name stands for its index only right before a number
                // (or its bracket: `SK(2.82%)`)
                let rest = text[e..].trim_start();
                let rest = rest.strip_prefix(['(', '（']).unwrap_or(rest).trim_start();
                if !rest.starts_with(|c: char| c.is_ascii_digit() || "+-−▲▼△▽".contains(c))
                {
                    continue;
                }
            }
            candidates.push(EntityHit {
                start: s,
                end: e,
                entity: self.alias_entity[idx],
            });
        }
        // names printed in capitals (`PINDUODUO(+5.13%) NETFLIX(+3.00%)`): an alias of mixed
        // case matched whatever its case, where the text has no small letters
        for m in self.caps_matcher.find_overlapping_iter(&squeezed) {
            let idx = m.pattern().as_usize();
            let (s, e) = (origin[m.start()], origin[m.end() - 1] + 1);
            let alias = &text[s..e];
            let letters = alias.chars().filter(char::is_ascii_alphabetic).count();
            // (… or capitalised at a sentence's start: `EasyJet led the losers`)
            let capitalised = self.alias_lower_start[idx]
                && alias.starts_with(|c: char| c.is_ascii_uppercase())
                && alias[1..].chars().any(|c| c.is_ascii_uppercase());
            // an index named in capitals printed in title case: `Cac 40`, `FTSE Mib`, `Topix`
            // (four letters at least or a number in the name: `Set` is a word)
            // (… never where an alias spelt that way exists and its checks rejected it)
            let title_cased_index = !self.alias_has_lower[idx]
                && !exact_spans.contains(&(s, e))
                && self.entities[self.alias_entity[idx]].kind == Kind::Index
                && (letters >= 4 || alias.chars().any(|c| c.is_ascii_digit()))
                && alias.chars().any(|c| c.is_ascii_lowercase())
                && alias
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| !w.is_empty())
                    .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
            // … or with its generic last word in lower case: `Shenzhen component`, `SET index`
            let lowered_tail = self.entities[self.alias_entity[idx]].kind == Kind::Index && {
                let pattern = self.alias_text[idx].as_str();
                let found = &squeezed[m.start()..m.end()];
                [" Index", " Component", " Composite", " Average"]
                    .iter()
                    .any(|tail| {
                        pattern.strip_suffix(tail).is_some_and(|head| {
                            found.len() == pattern.len()
                                && found.starts_with(head)
                                && found.ends_with(tail.to_ascii_lowercase().as_str())
                        })
                    })
            };
            if self.number_only[idx]
                || !self.alias_has_lower[idx] && !title_cased_index
                || letters < 4 && !title_cased_index
                || alias.chars().any(|c| c.is_ascii_lowercase())
                    && !capitalised
                    && !title_cased_index
                    && !lowered_tail
                || !alias.is_ascii()
            {
                continue;
            }
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(|c| c.is_ascii_alphanumeric())
                || after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            // the exact matcher saw an all-capitals alias already
            if candidates
                .iter()
                .any(|h: &EntityHit| h.start == s && h.end == e)
            {
                continue;
            }
            candidates.push(EntityHit {
                start: s,
                end: e,
                entity: self.alias_entity[idx],
            });
        }
        candidates.extend(self.codes_in(text));
        // leftmost-longest among the valid mentions, never overlapping
        candidates.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<EntityHit> = Vec::with_capacity(candidates.len());
        for h in candidates {
            // a name in brackets right after another names that one (`Morgan Stanley (MS)`,
            // `마이크로소프트(MS)`): the same company, not a second mention
            if let Some(p) = out.last() {
                let gap = &text[p.end.min(h.start)..h.start];
                if p.end <= h.start
                    && matches!(gap.trim(), "(" | "（")
                    && text[h.end..].trim_start().starts_with([')', '）'])
                {
                    continue;
                }
            }
            match out.last_mut() {
                Some(p) if h.start < p.end => {
                    // overlapping mentions: one mention of one entity spans both (`the Dow` +
                    // `Dow Jones Industrial Average`); of two entities, the longer wins
                    if h.entity == p.entity {
                        p.end = p.end.max(h.end);
                    } else if h.end - h.start > p.end - p.start {
                        *p = h;
                    }
                }
                _ => out.push(h),
            }
        }
        out
    }

    /// Listing codes in brackets that name a known entity: a KRX code (`삼성전자(005930)`,
    /// `[005380]`), an exchange symbol (`텐센트홀딩스(0700.HK)`, `(7203.T)`) or an exchange and
    /// ticker (`(NASDAQ: AAPL)`, `(NYSE:BA)`). A bare capitalised word in brackets is not
    /// read as a ticker: `(MS)`, `(AI)`, `(IT)` are abbreviations far more often.
    fn codes_in(&self, text: &str) -> Vec<EntityHit> {
        let mut out = Vec::new();
        for c in listing_code().captures_iter(text) {
            let (Some(whole), Some(code)) = (c.get(0), c.name("code")) else {
                continue;
            };
            let code = code.as_str();
            let letters = code.starts_with(|ch: char| ch.is_ascii_uppercase());
            if letters && c.name("ex").is_none() {
                continue;
            }
            let found = if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
                [".KS", ".KQ"]
                    .iter()
                    .find_map(|sfx| self.symbol_entity.get(&format!("{code}{sfx}")))
            } else {
                self.symbol_entity.get(code)
            };
            if let Some(&entity) = found {
                // the name glued to the bracket is part of the mention (`텐센트홀딩스(0700.HK)`)
                let glued = text[..whole.start()]
                    .char_indices()
                    .rev()
                    .take_while(|(_, ch)| !ch.is_whitespace() && !matches!(ch, ',' | '·' | '、'))
                    .last()
                    .map_or(whole.start(), |(i, _)| i);
                out.push(EntityHit {
                    start: glued,
                    end: whole.end(),
                    entity,
                });
            }
        }
        out
    }

    /// Companies the lexicon does not know but the text names with an exchange and ticker
    /// (`Juno Therapeutics Inc (NASDAQ: JUNO)`, `Movado Group, Inc (NYSE: MOV)`): the name
    /// before the bracket, the ticker in the exchange's Yahoo form, the exchange's market.
    pub fn unknown_listings_in(&self, text: &str) -> Vec<Listing> {
        let mut out = Vec::new();
        for c in listing_code().captures_iter(text) {
            let (Some(whole), Some(code)) = (c.get(0), c.name("code")) else {
                continue;
            };
            let ex = c.name("ex").map_or("", |m| m.as_str());
            // a Korean name glued to a bare KRX code (`현대증권[003450]`): the market the
            // sentence names, KOSPI unless it names KOSDAQ
            let krx = code.as_str().len() == 6 && code.as_str().bytes().all(|b| b.is_ascii_digit());
            // a code with its exchange's suffix (`신주렌터카(0699.HK)`, `Toyota (7203.T)`)
            let suffixed = ex.is_empty()
                && code
                    .as_str()
                    .split_once('.')
                    .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()));
            let suffixed_listing = suffixed
                .then(|| {
                    let (_, sfx) = code.as_str().split_once('.')?;
                    let market = match sfx {
                        "HK" => Market::Hk,
                        "T" => Market::Jp,
                        "TW" => Market::Tw,
                        "SS" | "SZ" => Market::Cn,
                        "KS" | "KQ" => Market::Kr,
                        _ => return None,
                    };
                    Some((code.as_str().to_string(), market))
                })
                .flatten();
            if suffixed && suffixed_listing.is_none() {
                continue;
            }
            let glued_korean = text[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(is_hangul);
            // a Korean name glued to its code: `신주렌터카(0699.HK)`, and a bare KRX code
            // (`현대증권[003450]`) of the market the sentence names, KOSPI unless it names KOSDAQ
            let krx_listing = (krx && ex.is_empty()).then(|| {
                let kosdaq = text.contains("코스닥");
                let code = code.as_str();
                (
                    format!("{code}.{}", if kosdaq { "KQ" } else { "KS" }),
                    Market::Kr,
                )
            });
            let korean = suffixed_listing
                .clone()
                .filter(|_| glued_korean)
                .or(krx_listing);
            if let Some((symbol, market)) = korean {
                let before = &text[..whole.start()];
                let start = before
                    .char_indices()
                    .rev()
                    .take_while(|(_, ch)| is_hangul(*ch) || ch.is_ascii_alphanumeric())
                    .last()
                    .map_or(before.len(), |(i, _)| i);
                let name = &before[start..];
                // (a KRX code known under either market is the lexicon's)
                let number = symbol.split('.').next().unwrap_or("");
                let known = self.symbol_entity.contains_key(&symbol)
                    || market == Market::Kr
                        && ["KS", "KQ"]
                            .iter()
                            .any(|m| self.symbol_entity.contains_key(&format!("{number}.{m}")));
                if name.chars().count() >= 2
                    && name.chars().any(is_hangul)
                    && !known
                    && self.entities_in(name).is_empty()
                {
                    out.push(Listing {
                        start,
                        end: whole.end(),
                        name: name.to_string(),
                        symbol,
                        market,
                    });
                }
                continue;
            }
            // a bare ticker: capitals only, no abbreviation of an institution or a measure
            if ex.is_empty()
                && suffixed_listing.is_none()
                && (!(2..=5).contains(&code.as_str().len())
                    || !code.as_str().bytes().all(|b| b.is_ascii_uppercase())
                    || NOT_TICKERS.contains(&code.as_str()))
            {
                continue;
            }
            let code = code.as_str();
            let (symbol, market) = match (suffixed_listing, ex) {
                // a code with its exchange's suffix after an English name (`Toyota (7203.T)`)
                (Some(listing), _) => listing,
                // a bare ticker after a company's name (`Clover Health (CLOV) –`)
                (None, "") => (code.to_string(), Market::Us),
                (None, "NASDAQ" | "Nasdaq" | "NYSE" | "NYSE American") => {
                    (code.to_string(), Market::Us)
                }
                (None, "LSE" | "LON") => (format!("{code}.L"), Market::Gb),
                (None, "ASX") => (format!("{code}.AX"), Market::Au),
                (None, "TSE" | "TYO") if code.len() == 4 => (format!("{code}.T"), Market::Jp),
                (None, "HKEX" | "SEHK") if code.len() == 4 => (format!("{code}.HK"), Market::Hk),
                (None, "KOSPI") if code.len() == 6 => (format!("{code}.KS"), Market::Kr),
                (None, "KOSDAQ") if code.len() == 6 => (format!("{code}.KQ"), Market::Kr),
                _ => continue,
            };
            if self.symbol_entity.contains_key(code) || self.symbol_entity.contains_key(&symbol) {
                continue;
            }
            // the name: the run of capitalised words (and their joiners) before the bracket
            let before = &text[..whole.start()];
            let mut start = before.len();
            for (i, w) in before
                .split_inclusive(' ')
                .collect::<Vec<_>>()
                .iter()
                .rev()
                .enumerate()
            {
                let word = w.trim().trim_end_matches(',');
                let joiner = matches!(word, "&" | "and" | "of" | "de" | "(ADR)" | "-" | "");
                let capital =
                    word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
                // a price or an amount is no word of a name (`at Rs.1889.65. (ANI)`), and a
                // bracket after a sentence's full stop starts the next one
                let amount = word.chars().any(|c| c.is_ascii_digit())
                    && word.chars().any(|c| matches!(c, '.' | ',' | '$' | '%'));
                if !(capital || joiner && i > 0)
                    || amount
                    || word.ends_with(['.', ':']) && !is_legal_suffix(word)
                {
                    break;
                }
                start -= w.len();
            }
            let name = before[start..]
                .trim()
                .trim_start_matches(['-', '•', '*', ' '])
                .trim_end_matches([',', ' ']);
            if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            // without an exchange, only a company's name: not an institution, a measure or a
            // name the lexicon knows under another ticker (`Facebook (FB)`)
            if ex.is_empty()
                && (name.len() < 3
                    || NOT_COMPANY_WORDS.iter().any(|w| name.contains(w))
                    || !self.entities_in(name).is_empty())
            {
                continue;
            }
            let name_start = start + before[start..].find(name).unwrap_or(0);
            out.push(Listing {
                start: name_start,
                end: whole.end(),
                name: name.to_string(),
                symbol,
                market,
            });
        }
        out
    }

    /// Direction, session, anaphor and blocker words in `text`.
    pub fn words_in(&self, text: &str) -> Vec<WordHit> {
        let mut out = Vec::new();
        for m in self.word_matcher.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let w = &self.words[m.pattern().as_usize()];
            if w.0.is_ascii() {
                let before = text[..s].chars().next_back();
                let after = text[e..].chars().next();
                if before.is_some_and(|c| c.is_ascii_alphanumeric())
                    || after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
                // lowercase English words only in their own case (`Fell` in a headline is fine)
            }
            for &class in &w.1 {
                if let WordClass::Anaphor(_) = class {
                    // `지수` only as its own word: `구매관리자지수` is not an anaphor
                    let before = text[..s].chars().next_back();
                    if before.is_some_and(is_hangul) {
                        continue;
                    }
                    // an anaphor listed with a capital (`Shares`) refers back only where it
                    // opens a sentence, in that case: `Shares fell 4%` after a sentence about
                    // a company, not `Asian shares fell 1%`
                    if w.0.starts_with(|c: char| c.is_ascii_uppercase())
                        && (&text[s..e] != w.0.as_str() || !opens_sentence(&text[..s]))
                    {
                        continue;
                    }
                }
                out.push(WordHit {
                    start: s,
                    end: e,
                    class,
                });
            }
        }
        out
    }

    /// Does `rest` (the text right after a number) mark that number as a level: `로 마감`,
    /// `에 거래를 마쳤다`, `으로 출발`?
    pub fn is_level_suffix(&self, rest: &str) -> bool {
        self.level_suffixes
            .iter()
            .any(|w| rest.starts_with(w.as_str()))
    }

    /// Does this line open a box inside the article (related articles, read more)?
    pub fn is_aside_line(&self, line: &str) -> bool {
        let t = line.trim();
        crate::extract::chars_up_to(t, 41) < 40 && {
            let t = t.to_lowercase();
            self.asides.iter().any(|m| t.contains(m.as_str()))
        }
    }

    /// Do the words before a figure (lowercased), inside it, or after it make it a change over a
    /// period rather than one session's?
    pub fn names_period(&self, before: &str, own: &str, after: &str) -> bool {
        self.names_span(before)
            || self.names_span(own)
            || self
                .period_before
                .iter()
                .any(|p| before.contains(p.as_str()) || own.contains(p.as_str()))
            || self.period_after.iter().any(|p| after.contains(p.as_str()))
    }

    /// Does `text` (lowercased) name a span of several sessions (`an eight-day gain of`,
    /// `이틀새`)? A span followed by one of the `span_not` words (`three-day losing streak`)
    /// counts sessions, not the change.
    pub fn names_span(&self, text: &str) -> bool {
        let Some(re) = &self.span_period else {
            return false;
        };
        // most text names no span: the fast search first, the captures only on a hit
        re.is_match(text)
            && re.captures_iter(text).any(|c| {
                c.name("tail").is_none_or(|t| {
                    let t = t.as_str().trim();
                    !self.span_not.iter().any(|n| n == t)
                })
            })
    }

    /// Is this line a section header (short, ending in a colon, or in brackets)? `Some(true)`
    /// when it names a period (`For the week:`), `Some(false)` for any other header (`On
    /// Friday:`), `None` for a line that is no header.
    pub fn section_header(&self, line: &str) -> Option<bool> {
        let t = line.trim();
        let header = crate::extract::chars_up_to(t, 41) <= 40
            && (t.ends_with(':') || t.starts_with('[') && t.ends_with(']'));
        if !header {
            return None;
        }
        let lower = t.to_lowercase();
        Some(
            self.section_period
                .iter()
                .any(|p| lower.contains(p.as_str())),
        )
    }

    /// Is this line a photo caption (it carries a photographer's or agency's credit)?
    pub fn is_caption_line(&self, line: &str) -> bool {
        crate::extract::chars_up_to(line, 601) < 600
            && self.captions.iter().any(|c| line.contains(c.as_str()))
    }

    /// Does `after` (the text after a round number) start with a threshold word?
    /// Does `before` end with, or `after` start with, a word that makes the number between
    /// a share of another figure's move (`contributing`, `끌어올`)?
    pub fn is_contribution(&self, before: &str, after: &str) -> bool {
        // the phrases are short: lowercase the tail only, not the whole sentence before
        let before =
            before[before.floor_char_boundary(before.len().saturating_sub(96))..].to_lowercase();
        self.contribution_before
            .iter()
            .any(|w| before.ends_with(w.as_str()))
            || self
                .contribution_after
                .iter()
                .any(|w| after.starts_with(w.as_str()))
    }

    /// Does this lower-case word end a description of a company (`company`, `chipmaker`)?
    /// A listed word ending in `maker` stands for every `…maker`.
    pub fn is_company_noun(&self, word: &str) -> bool {
        self.company_nouns
            .iter()
            .any(|n| word == n || n == "maker" && word.ends_with("maker"))
    }

    /// Does the text right after a name make it a broker quoted for its analyst (`J.P. Morgan
    /// analyst Ryan Brinkman`, `삼성증권 연구원`)? Such a name is not what the article is about.
    pub fn names_a_broker(&self, after: &str) -> bool {
        let after = after.trim_start();
        self.broker_roles
            .iter()
            .any(|w| after.starts_with(w.as_str()))
    }

    pub fn is_threshold_suffix(&self, after: &str) -> bool {
        self.threshold_after
            .iter()
            .any(|w| after.starts_with(w.as_str()))
    }

    /// Does `before` end with a word that a bracketed previous close follows (`전 거래일`)?
    pub fn is_previous_close(&self, before: &str) -> bool {
        self.previous_close
            .iter()
            .any(|w| before.ends_with(w.as_str()))
    }

    /// Is this word one that never names the owner of a figure (`The`, `Monday`, `이날`)?
    pub fn is_not_owner(&self, word: &str) -> bool {
        self.not_owner.contains(word)
    }

    /// Is this line the start of the article's trailer (source line, related articles ...)?
    pub fn is_trailer_line(&self, line: &str) -> bool {
        // the words are stored lowercased; only short lines are lowercased to compare
        let t = line.trim();
        crate::extract::chars_up_to(t, 81) < 80 && {
            let t = t.to_lowercase();
            self.trailers.iter().any(|m| t.contains(m.as_str()))
        }
    }
}

/// Does a word that follows `before` open a sentence (or a line, a list item, a quote)? Not
/// after a dash or a colon: `Newell Brands — Shares of …` names its own company first.
fn opens_sentence(before: &str) -> bool {
    before
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '\n' | '.' | '!' | '?' | '"' | '“' | '•' | '|'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_follows_the_price_currency_then_the_article_market() {
        let lx = Lexicon::builtin();
        let idx = |name: &str| {
            lx.entities
                .iter()
                .position(|e| e.name == name)
                .unwrap_or_else(|| panic!("{name} in the lexicon"))
        };
        let (tsmc, bhp, nokia) = (idx("TSMC"), idx("BHP Group"), idx("Nokia"));
        let sym = |e, c, m: Option<Market>| lx.listing(e, c, || m).map(|(s, _)| s.to_string());
        // the price's currency decides
        assert_eq!(
            sym(tsmc, Some("TWD"), Some(Market::Us)).as_deref(),
            Some("2330.TW")
        );
        // no currency: the article's market, unless it is New York
        assert_eq!(
            sym(tsmc, None, Some(Market::Tw)).as_deref(),
            Some("2330.TW")
        );
        assert_eq!(sym(nokia, None, Some(Market::Us)).as_deref(), None);
        // a dollar price moves a European company to its New York listing …
        assert_eq!(sym(nokia, Some("USD"), None).as_deref(), Some("NOK"));
        // … but not an Australian one, whose own dollar prints as `$`
        assert_eq!(sym(bhp, Some("USD"), None).as_deref(), None);
        // a code of another listing names the company
        assert_eq!(lx.symbol_entity.get("2330.TW"), Some(&tsmc));
    }

    #[test]
    fn builtin_lexicon_loads_and_finds_entities() {
        let lx = Lexicon::builtin();
        assert!(lx.entities.len() > 150);
        let text = "나스닥 지수는 내렸고 엔비디아·브로드컴, 메타버스와 애플리케이션은 아니다";
        let names: Vec<&str> = lx
            .entities_in(text)
            .iter()
            .map(|h| lx.entities[h.entity].name.as_str())
            .collect();
        assert_eq!(names, ["Nasdaq Composite", "Nvidia", "Broadcom"]);
    }

    #[test]
    fn user_file_extends_builtin() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("mine.csv");
        std::fs::write(
            &p,
            "kind,entity,symbol,market,aliases\nstock,Acme Robotics,ACME,US,애크미|Acme\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let lx = Lexicon::with_files(&[&p]).unwrap_or_else(|e| panic!("{e}"));
        let hits = lx.entities_in("애크미는 5% 올랐다");
        assert_eq!(hits.len(), 1);
        assert_eq!(lx.entities[hits[0].entity].symbol.as_deref(), Some("ACME"));
        // built-ins still there
        assert_eq!(lx.entities_in("코스피가").len(), 1);
    }

    #[test]
    fn bad_user_file_names_line() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("bad.csv");
        std::fs::write(&p, "kind,entity,symbol,market,aliases\nwidget,X,X,US,x\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let err = Lexicon::with_files(&[&p])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("bad.csv:2") && err.contains("widget"), "{err}");
    }
}

#[cfg(test)]
mod span_tests {
    #[test]
    fn spans_of_sessions_name_a_period_and_streaks_do_not() {
        let lx = super::Lexicon::builtin();
        assert!(lx.names_span("for an eight-day gain of "));
        assert!(lx.names_span("다우지수 이틀새 "));
        assert!(lx.names_span("3거래일 동안 "));
        assert!(!lx.names_span("snapping a three-day losing streak, "));
        assert!(!lx.names_span("25일 새벽 다우지수는 "));
    }
}
