//! The number grammar: finds printed numbers with their signs, units, scales and hedges.
//!
//! Handles digits with `,` separators and decimals, full-width digits, signs `+ - −` and
//! `▲ ▼ △ ▽ ↑ ↓`, percent forms (`%`, `％`, `퍼센트`, `percent`), percentage points
//! (`%p`, `%포인트`, `percentage points`), index points (`포인트`, `points`), Korean units
//! and mixed forms (`5만3,500원`, `1조1,000억원`, `600만 달러`), English scales
//! (`$4.7 billion`, `bn`, `mln`), ratios (`1.8배`, `20분의 1`) and hedges (`약`, `여`,
//! `넘게`, `about`, `nearly`, `more than`). Every number keeps the precision its digits
//! give it, so checks can compute their tolerance instead of guessing one.

use super::figure::Hedge;

/// What a number measures, from the unit printed after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// No unit: an index level, a plain count, a year in disguise.
    Bare,
    Percent,
    /// Percentage points (`%p`): not a percent change.
    PercentPoint,
    /// Index points (`포인트`, `points`).
    Points,
    BasisPoints,
    /// A currency amount, ISO code.
    Currency(&'static str),
    /// `N배`, `N times`.
    Times,
    /// `N분의 M`: value holds M/N.
    Fraction,
    /// A calendar or counting word (년, 월, 일, 시, 분, 명, 개 ...): never a market figure.
    Counter,
    /// Threshold forms (`2,400선`, `5만원대`): never a market figure.
    Threshold,
}

/// One number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumToken {
    /// Byte span in the text, from the sign/currency prefix to the end of the unit.
    pub start: usize,
    pub end: usize,
    /// Magnitude in base units with the explicit sign applied (if any).
    pub value: f64,
    /// Half-width of the rounding interval in base units.
    pub half_width: f64,
    /// Decimals printed in the last component.
    pub decimals: u8,
    /// Explicit sign from `+ - − ▲ ▼ △ ▽ ↑ ↓` (before or right after the number).
    pub sign: Option<f64>,
    pub unit: Unit,
    pub hedge: Option<Hedge>,
    /// Printed inside parentheses right after other text: `(8.77%)`.
    pub parenthesized: bool,
    /// Largest scale word applied (만 1e4, 억 1e8, billion 1e9 ...); 1 when none.
    pub scale: f64,
}

impl NumToken {
    /// Was the number printed with a thousands separator (`2,012`, not `2012`)?
    pub fn raw_has_separator(&self, text: &str) -> bool {
        text.get(self.start..self.end)
            .is_some_and(|r| r.contains([',', ' ']))
    }

    pub fn is_change_unit(&self) -> bool {
        matches!(self.unit, Unit::Percent | Unit::Points)
    }
}

const KOREAN_UNITS: &[(&str, f64)] = &[
    ("조", 1e12),
    ("억", 1e8),
    ("만", 1e4),
    ("천", 1e3),
    ("백", 1e2),
];

/// Currency words after a number, longest first.
const CURRENCY_SUFFIXES: &[(&str, &str)] = &[
    ("달러", "USD"),
    ("원", "KRW"),
    ("위안", "CNY"),
    ("엔", "JPY"),
    ("유로", "EUR"),
    ("파운드", "GBP"),
    ("dollars", "USD"),
    ("won", "KRW"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("euros", "EUR"),
];

const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    // the code after the sign, as Australian and New Zealand copy prints it (`$US1.45`)
    ("$US", "USD"),
    ("$A", "AUD"),
    ("$NZ", "NZD"),
    ("$HK", "HKD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("NZ$", "NZD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("Rs. ", "INR"),
    ("Rs ", "INR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("₹", "INR"),
    ("$", "USD"),
    ("₩", "KRW"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
];

const ENGLISH_SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("bn", 1e9),
    ("mln", 1e6),
    ("mn", 1e6),
    ("b", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

/// Counting and calendar words: a number followed by one of these is not a market figure.
const COUNTERS: &[&str] = &[
    "개월",
    "거래일",
    "년",
    "월",
    "일",
    "시",
    "초",
    "주",
    "명",
    "개",
    "건",
    "위",
    "차",
    "번",
    "세",
    "호",
    "곳",
    "층",
    "회",
    "대째",
    "가지",
    "종",
    "bp",
    "years",
    "year",
    "days",
    "day",
    "months",
    "weeks",
    "minutes",
    "min",
    "hours",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "st",
    "nd",
    "rd",
    "th",
    "subscribers",
    "users",
    "views",
    "shares",
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        c as u32 - '０' as u32
    }
}

/// `15.089,74 points`: continental copy groups thousands with `.` and marks decimals with
/// `,`; read only in that unambiguous shape (a `.` group of three digits, then `,` and one or
/// two decimals).
fn parse_continental(text: &str, i: usize) -> Option<(f64, u8, usize)> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"^([0-9]{1,3}(?:\.[0-9]{3})+),([0-9]{1,2})(?:[^0-9.,]|$)")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    if text[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let c = re.captures(&text[i..])?;
    let (int, frac) = (c.get(1)?, c.get(2)?);
    let whole: f64 = int.as_str().replace('.', "").parse().ok()?;
    let d = frac.as_str().len() as u8;
    let f: f64 = frac.as_str().parse().ok()?;
    let value = round_to(whole + f / 10f64.powi(i32::from(d)), d);
    Some((value, d, i + frac.end()))
}

/// Parse a bare digit run at `i`: `1,234.56`, `19341.83`, `０.５`.
/// Returns (value, decimals, end).
pub fn parse_digits(text: &str, i: usize) -> Option<(f64, u8, usize)> {
    if let Some(continental) = parse_continental(text, i) {
        return Some(continental);
    }
    let bytes = text.as_bytes();
    let mut j = i;
    let mut int_part: f64 = 0.0;
    let mut digits_in_group = 0usize;
    let mut saw_comma = false;
    let mut any = false;
    let mut chars = text[i..].char_indices().peekable();
    // integer part with optional thousands separators
    while let Some(&(off, c)) = chars.peek() {
        if is_digit(c) {
            int_part = int_part * 10.0 + f64::from(digit_value(c));
            digits_in_group += 1;
            any = true;
            chars.next();
            j = i + off + c.len_utf8();
        } else if c == ' ' && any && !saw_comma && digits_in_group <= 3 && {
            // `17 400.75`: a space between thousands, only in a number with decimals
            let rest = &text[i + off + 1..];
            let b = rest.as_bytes();
            b.len() >= 5
                && b[..3].iter().all(u8::is_ascii_digit)
                && b[3] == b'.'
                && b[4].is_ascii_digit()
                && !text[..i].ends_with(|p: char| p.is_ascii_digit() || p == ',' || p == '.')
        } {
            saw_comma = true;
            digits_in_group = 0;
            chars.next();
        } else if c == ',' && any && !saw_comma && digits_in_group <= 3 && {
            // `10, 305.77`, `5, 048로`: a thousands comma followed by a stray space, told from
            // a list by a group that only a thousands group has (a leading zero) or by the
            // decimals after it
            let b = &text.as_bytes()[i + off + 1..];
            b.len() >= 4
                && b[0] == b' '
                && b[1..4].iter().all(u8::is_ascii_digit)
                && !b.get(4).is_some_and(u8::is_ascii_digit)
                && (b[1] == b'0'
                    || b.get(4) == Some(&b'.') && b.get(5).is_some_and(u8::is_ascii_digit))
                && !text[..i].ends_with(|p: char| p.is_ascii_digit() || p == ',' || p == '.')
        } {
            saw_comma = true;
            digits_in_group = 0;
            chars.next();
            chars.next();
        } else if (c == ',' || c == '，') && any {
            // a separator must be followed by exactly three digits
            let rest = &text[i + off + c.len_utf8()..];
            let three: Vec<char> = rest.chars().take(4).collect();
            let ok = three.len() >= 3
                && three[..3].iter().all(|&d| is_digit(d))
                && (three.len() == 3 || !is_digit(three[3]))
                && (!saw_comma && digits_in_group <= 3 || saw_comma && digits_in_group == 3);
            if !ok {
                // `2,14%`: a decimal comma, printed only with a percent sign right after
                let frac: String = rest.chars().take_while(|d| is_digit(*d)).collect();
                let after = &rest[frac.len()..];
                if !saw_comma
                    && (1..=2).contains(&frac.chars().count())
                    && frac.is_ascii()
                    && (after.starts_with('%') || after.starts_with('％'))
                {
                    let v: f64 = frac.parse().unwrap_or(0.0);
                    let d = frac.len() as u8;
                    let value = int_part + v / 10f64.powi(i32::from(d));
                    return Some((round_to(value, d), d, i + off + c.len_utf8() + frac.len()));
                }
                break;
            }
            saw_comma = true;
            digits_in_group = 0;
            chars.next();
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    let mut value = int_part;
    let mut decimals = 0u8;
    let point = if j < bytes.len() && bytes[j] == b'.' {
        Some(1)
    } else if text[j..].starts_with('．') {
        Some('．'.len_utf8())
    } else {
        None
    };
    if let Some(point_len) = point {
        let mut frac = 0.0;
        let mut scale = 1.0;
        let mut k = j + point_len;
        let mut got = false;
        for c in text[k..].chars() {
            if is_digit(c) {
                frac = frac * 10.0 + f64::from(digit_value(c));
                scale *= 10.0;
                decimals = decimals.saturating_add(1);
                k += c.len_utf8();
                got = true;
            } else {
                break;
            }
        }
        if got {
            value += frac / scale;
            j = k;
        }
    }
    Some((round_to(value, decimals), decimals, j))
}

/// Round away binary noise so `19,341.83` is exactly the f64 nearest 19341.83.
pub fn round_to(v: f64, decimals: u8) -> f64 {
    let p = 10f64.powi(i32::from(decimals));
    (v * p).round() / p
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn starts_with_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
}

/// Skip spaces (not newlines) from `i`.
fn skip_spaces(text: &str, i: usize) -> usize {
    let mut j = i;
    for c in text[i..].chars() {
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Find all numbers in `text` (one line or a whole article).
pub fn scan(text: &str) -> Vec<NumToken> {
    let mut out: Vec<NumToken> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_digit(c) {
            match parse_at(text, i) {
                Some(mut tok) => {
                    // an arrow both ends one number and signs the next (`17%↓3.5%`): it
                    // belongs to the first, so tokens never overlap
                    if let Some(prev) = out.last() {
                        tok.start = tok.start.max(prev.end);
                    }
                    i = tok.end.max(i + c.len_utf8());
                    out.push(tok);
                    continue;
                }
                None => {
                    // skip the whole digit run so `GPT-4o1` style runs are not re-entered
                    let mut j = i;
                    for d in text[i..].chars() {
                        if is_digit(d) || d == ',' || d == '.' {
                            j += d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    i = j.max(i + c.len_utf8());
                    continue;
                }
            }
        }
        i += c.len_utf8();
    }
    let words = spelled_numbers(text, &out);
    if !words.is_empty() {
        out.extend(words);
        out.sort_by_key(|t| t.start);
    }
    out
}

/// Number words before `percent` / `퍼센트`: (word, value, half-width). A whole number is
/// as precise as a printed integer; a fraction of a percent as the fraction (`half` = 0.5 ±
/// 0.05).
const SPELLED_PERCENTS: &[(&str, f64, f64)] = &[
    ("one", 1.0, 0.5),
    ("two", 2.0, 0.5),
    ("three", 3.0, 0.5),
    ("four", 4.0, 0.5),
    ("five", 5.0, 0.5),
    ("six", 6.0, 0.5),
    ("seven", 7.0, 0.5),
    ("eight", 8.0, 0.5),
    ("nine", 9.0, 0.5),
    ("ten", 10.0, 0.5),
    ("eleven", 11.0, 0.5),
    ("twelve", 12.0, 0.5),
    ("thirteen", 13.0, 0.5),
    ("fourteen", 14.0, 0.5),
    ("fifteen", 15.0, 0.5),
    ("sixteen", 16.0, 0.5),
    ("seventeen", 17.0, 0.5),
    ("eighteen", 18.0, 0.5),
    ("nineteen", 19.0, 0.5),
    ("twenty", 20.0, 0.5),
    ("thirty", 30.0, 0.5),
    ("forty", 40.0, 0.5),
    ("fifty", 50.0, 0.5),
    ("일", 1.0, 0.5),
    ("이", 2.0, 0.5),
    ("삼", 3.0, 0.5),
    ("사", 4.0, 0.5),
    ("오", 5.0, 0.5),
    ("육", 6.0, 0.5),
    ("칠", 7.0, 0.5),
    ("팔", 8.0, 0.5),
    ("구", 9.0, 0.5),
    ("십", 10.0, 0.5),
    ("half a", 0.5, 0.05),
    ("a half", 0.5, 0.05),
    ("a quarter of a", 0.25, 0.05),
    ("a third of a", 0.33, 0.05),
    ("a fifth of a", 0.2, 0.05),
    ("a tenth of a", 0.1, 0.05),
    ("three quarters of a", 0.75, 0.05),
    // `up a per cent (Rs 4) at Rs 387`: one percent, said loosely
    ("a", 1.0, 0.5),
];

/// Percentages written in words (`seven percent`, `half a percent`, `a fifth of a
/// percent`, `삼 퍼센트`) and small amounts (`fell five cents to $5.30`, `lost a rupee at Rs
/// 270`), where no digit token already stands; cents are hundredths of the dollar, as digits
/// are.
fn spelled_numbers(text: &str, digits: &[NumToken]) -> Vec<NumToken> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)(?P<pct>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|half a|a half|a quarter of a|a third of a|a fifth of a|a tenth of a|three quarters of a|a) (?:percent|per cent)(?-u:\b)|(?:^|[^가-힣])(?P<ko>일|이|삼|사|오|육|칠|팔|구|십) ?퍼센트|(?-u:\b)(?P<count>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a) (?P<money>cents?|rupees?)(?-u:\b)",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let Some(whole) = c.get(0) else {
            continue;
        };
        let Some(word) = c.name("pct").or(c.name("ko")).or(c.name("count")) else {
            continue;
        };
        let (start, end) = (word.start(), whole.end());
        // `one-point-three percent`, `twenty-five cents` are other numbers said in words
        if text[..start].ends_with(['-', '‑'])
            || digits.iter().any(|t| t.start < end && start < t.end)
        {
            continue;
        }
        let said = word.as_str().to_ascii_lowercase();
        let Some(&(_, value, half_width)) = SPELLED_PERCENTS.iter().find(|(w, ..)| *w == said)
        else {
            continue;
        };
        let token = |value: f64, half_width: f64, decimals: u8, unit: Unit| NumToken {
            start,
            end,
            value,
            half_width,
            decimals,
            sign: None,
            unit,
            hedge: hedge_before(&text[..start]).or_else(|| hedge_after(&text[end..])),
            parenthesized: false,
            scale: 1.0,
        };
        out.push(match c.name("money") {
            Some(m) if m.as_str().to_ascii_lowercase().starts_with("cent") => {
                token(value * 0.01, 0.0, 2, Unit::Currency("USD"))
            }
            Some(_) => token(value, 0.0, 0, Unit::Currency("INR")),
            None => token(
                value,
                half_width,
                if value < 1.0 { 2 } else { 0 },
                Unit::Percent,
            ),
        });
    }
    out
}

/// Is the digit run at `i` part of an identifier, phone number, date or time?
fn is_embedded(text: &str, i: usize, end: usize) -> bool {
    // preceded by a letter (H100, o1, R1) or by letter + hyphen (GPT-4, 딥시크-V3)
    if let Some(p) = prev_char(text, i) {
        if p.is_ascii_alphabetic() || p == '_' {
            // … unless the letters end a currency sign (`$US1.45`, `$A4.10`)
            return !CURRENCY_PREFIXES
                .iter()
                .any(|(s, _)| s.starts_with('$') && s.len() > 1 && text[..i].ends_with(s));
        }
        // `Rs.2521.85`: a currency prefix that ends in a dot
        if p == '.' && text[..i].ends_with("Rs.") {
            return false;
        }
        // `Daiichi Sankyo-2.93%`: a name glued to a signed decimal percent in a movers list
        if p == '-' && glued_signed_percent(text, i, end) {
            return false;
        }
        if p == '-' || p == '/' || p == ':' || p == '.' || p == '–' {
            let before = &text[..i - p.len_utf8()];
            if let Some(pp) = before.chars().next_back() {
                if pp.is_alphanumeric() {
                    return true;
                }
            }
        }
        if is_digit(p) {
            return true;
        }
        // the upper end of a range (`2~3%대`, `5∼7%`): the range is no single figure
        if matches!(p, '~' | '∼' | '〜' | '～') {
            let before = &text[..i - p.len_utf8()];
            if before
                .chars()
                .next_back()
                .is_some_and(|pp| is_digit(pp) || matches!(pp, '%' | '％' | '원' | '선'))
            {
                return true;
            }
        }
    }
    // followed by `-digit`, `:digit`, `/digit`, `.digit` (phone numbers, times, dates)
    let rest = &text[end..];
    let mut it = rest.chars();
    if let (Some(a), Some(b)) = (it.next(), it.next()) {
        if matches!(a, '-' | ':' | '/' | '.' | '~' | '–') && is_digit(b) {
            return true;
        }
        if a.is_ascii_alphabetic()
            && !rest.starts_with(|ch: char| {
                ch == 'b'
                    || ch == 'm'
                    || ch == 'k'
                    || ch == 't'
                    || ch == 'p'
                    || ch == 'P'
                    || ch == 'x'
                    || ch == 'n'
                    // `gained 49c,`: cents
                    || ch == 'c' && !rest[1..].starts_with(|c: char| c.is_alphanumeric())
            })
        {
            // 5G, 3D, 4K..., but keep 4.7bn, 12m, 3x handled below
            return true;
        }
    }
    false
}

/// Is the number at [i, end) a decimal percent with a hyphen glued before it (`Sankyo-2.93%`,
/// `Inc.-2.38%`)? Such a hyphen is the move's sign, not a word joiner (`COVID-19` has no
/// decimals and no percent).
fn glued_signed_percent(text: &str, i: usize, end: usize) -> bool {
    text[..i].ends_with('-') && text[i..end].contains('.') && text[end..].starts_with(['%', '％'])
}

/// Parse one number starting at the digit at `i`, with its prefix, units and hedges.
pub fn parse_at(text: &str, i: usize) -> Option<NumToken> {
    let (first, first_dec, mut end) = parse_digits(text, i)?;
    if is_embedded(text, i, end) {
        return None;
    }
    let mut start = i;
    let mut value = first;
    let mut half = 0.5 * 10f64.powi(-i32::from(first_dec));
    let mut decimals = first_dec;
    let mut unit = Unit::Bare;
    let mut sign: Option<f64> = None;
    let mut hedge: Option<Hedge> = None;

    // ---- prefix: currency symbol, sign, arrow
    let mut p = i;
    if let Some((sym, code)) = CURRENCY_PREFIXES
        .iter()
        .find(|(s, _)| text[..p].ends_with(s))
    {
        p -= sym.len();
        unit = Unit::Currency(code);
    }
    if let Some(c) = prev_char(text, p) {
        let s = match c {
            '+' | '＋' | '▲' | '△' | '↑' => Some(1.0),
            '-' | '−' | '－' | '▼' | '▽' | '↓' => Some(-1.0),
            _ => None,
        };
        if let Some(s) = s {
            let q = p - c.len_utf8();
            // a hyphen is a sign only after a space, an opening bracket or line start
            let ok = match prev_char(text, q) {
                None => true,
                Some(b) => {
                    !matches!(c, '-' | '－')
                        || glued_signed_percent(text, i, end) && !is_digit(b)
                        || b.is_whitespace()
                        || matches!(
                            b,
                            '(' | '[' | '（' | ',' | '·' | '…' | '"' | '\'' | '‘' | '“'
                        )
                }
            };
            if ok {
                sign = Some(s);
                p = q;
            }
        }
    }
    if unit == Unit::Bare {
        if let Some((sym, code)) = CURRENCY_PREFIXES
            .iter()
            .find(|(s, _)| text[..p].ends_with(s))
        {
            p -= sym.len();
            unit = Unit::Currency(code);
        }
    }
    start = start.min(p);

    // ---- Korean mixed units: 7만1,400 / 1조1,000억 / 2,086조5,780억 / 600만 / 1천170억 /
    // 9천9백30.47. A group below 10,000 is built from digits, 천 and 백 (`1천170` = 1,170);
    // 만, 억 and 조 multiply the group before them. The precision is that of the last digits
    // printed, times every unit applied to them (`3천억`: ±0.5 × 1,000 × 1억).
    let mut scale = 1.0f64;
    let mut korean_scaled = false;
    let mut total = 0.0;
    let mut group = 0.0;
    let mut component = value;
    let mut last_dec = decimals;
    let mut last_mult = 1.0f64;
    loop {
        let rest = &text[end..];
        let Some(&(u, mult)) = KOREAN_UNITS.iter().find(|(u, _)| rest.starts_with(u)) else {
            break;
        };
        let after = &rest[u.len()..];
        // `4년 5개월 만에` is a duration; `만큼` a comparison
        if u == "만"
            && (after.starts_with('에') || after.starts_with('큼') || after.starts_with("이다"))
        {
            break;
        }
        if u == "천" || u == "백" {
            // bare 천 / 백 only before a larger unit (`3천억`, `5.58백만 달러`) or inside a
            // number written the old way (`9천9백30.47`, `5백24.21`, `1천원`)
            let folds =
                after.starts_with('억') || after.starts_with('만') || after.starts_with('조');
            let inside = after.starts_with(is_digit)
                || u == "천" && after.starts_with('백')
                || CURRENCY_SUFFIXES
                    .iter()
                    .any(|(c, _)| !c.is_ascii() && after.starts_with(c));
            if !(folds || inside && component < 10.0 && last_dec == 0) {
                break;
            }
            group += component * mult;
            last_mult *= mult;
            component = 0.0;
            end += u.len();
            korean_scaled = true;
            if let Some((next, next_dec, next_end)) =
                parse_digits(text, end).filter(|_| text[end..].starts_with(is_digit))
            {
                component = next;
                last_dec = next_dec;
                last_mult = 1.0;
                end = next_end;
            }
            continue;
        }
        total += (group + component) * mult;
        last_mult *= mult;
        scale = scale.max(last_mult).max(mult);
        group = 0.0;
        component = 0.0;
        end += u.len();
        korean_scaled = true;
        // `16만 300원`, `5조 6,100억원`: one space may separate the components when the
        // next one is smaller than this unit and ends in a smaller unit or a currency
        let spaced = text[end..].starts_with(' ')
            && text[end + 1..].starts_with(is_digit)
            && parse_digits(text, end + 1).is_some_and(|(next, _, next_end)| {
                let tail = &text[next_end..];
                let smaller_unit = KOREAN_UNITS
                    .iter()
                    .find(|(u, _)| tail.starts_with(u))
                    .is_some_and(|(_, m)| *m < mult && next * m < mult);
                let currency = CURRENCY_SUFFIXES
                    .iter()
                    .any(|(c, _)| !c.is_ascii() && tail.starts_with(c));
                // `1만 917.51로`: a level's lower digits, printed with decimals
                let level_digits = text[end + 1..next_end].contains('.')
                    && !tail.starts_with(['%', '％', '포', 'p', 'P', '배']);
                smaller_unit || (currency || level_digits) && next < mult
            });
        let at = if spaced { end + 1 } else { end };
        match parse_digits(text, at) {
            Some((next, next_dec, next_end)) if text[at..].starts_with(is_digit) => {
                component = next;
                last_dec = next_dec;
                last_mult = 1.0;
                end = next_end;
            }
            _ => break,
        }
    }
    if korean_scaled {
        value = total + group + component;
        half = 0.5 * 10f64.powi(-i32::from(last_dec)) * last_mult;
        decimals = last_dec;
    }

    // ---- vulgar fractions of old share quotes: `425½p`, `$31¼`
    if let Some((frac, len)) = [('½', 0.5f64), ('¼', 0.25), ('¾', 0.75)]
        .iter()
        .find_map(|&(c, f)| text[end..].starts_with(c).then_some((f, c.len_utf8())))
    {
        if !korean_scaled && value.fract() == 0.0 {
            value += frac.copysign(value);
            half = 0.125;
            decimals = decimals.max(2);
            end += len;
        }
    }

    // ---- hedge `여` between number and unit: 130여 명, 2,000여억
    let rest = &text[end..];
    if rest.starts_with('여') && !rest.starts_with("여러") {
        hedge = Some(Hedge::AtLeast);
        end += '여'.len_utf8();
    }

    // ---- unit
    let j = skip_spaces(text, end);
    let rest = &text[j..];
    let mut unit_end = end;
    // `184p 폭락`: p for points, glued to the number, not a word or `p.m.`
    let glued = &text[end..];
    // `184p`, `5.21pt`, `12pts`: points glued to the number, not a word or `p.m.`
    let points_len = ["pts", "pt", "p", "Pts", "Pt", "P"]
        .iter()
        .find(|p| {
            let Some(rest) = glued.strip_prefix(*p) else {
                return false;
            };
            // `p.m.` is a time; `145.1p.` ends a sentence
            // (`9.53p떨어진`: Korean glued to the unit is no word of it)
            let word_or_abbreviation = rest.starts_with(|c: char| c.is_ascii_alphanumeric())
                || rest.starts_with('.')
                    && rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric());
            !word_or_abbreviation
        })
        .map(|p| p.len());
    // `fell 85 cents`, `as low as 20 cents`: a price in hundredths of the currency
    let cents_len = ["cents", "cent"]
        .iter()
        .find(|c| {
            starts_with_ci(rest, c)
                && !rest[c.len()..].starts_with(|ch: char| ch.is_ascii_alphabetic())
        })
        .map(|c| c.len());
    // a unit joined to the number by a hyphen, as a whole word: `the 610-point drop`, `crashes
    // 1624-pts`, `the Dow's 2.43-percent fall`
    let hyphenated = |units: &[&str]| {
        units
            .iter()
            .find(|u| {
                glued
                    .strip_prefix(**u)
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
            })
            .map(|u| u.len())
    };
    let hyphen_points_len = hyphenated(&["-points", "-point", "-pts", "-pt"]);
    let hyphen_percent_len = hyphenated(&["-percent", "-per-cent", "-per cent"]);
    // `gained 49c`: cents glued to the number
    let glued_cents = glued.starts_with('c')
        && !glued[1..].starts_with(|c: char| c.is_alphanumeric() || c == '.');
    // `rose 87¢`: the cent sign
    let cent_sign = glued.starts_with('¢');
    let cents_len = cents_len
        .or(glued_cents.then_some(0))
        .or(cent_sign.then_some(0));
    if let Some(len) = hyphen_percent_len {
        unit = Unit::Percent;
        unit_end = end + len;
    } else if let Some(len) = hyphen_points_len {
        // `its first 4,333-point drop`: a round size names a class of moves, not this one
        unit = if decimals == 0 && value % 100.0 == 0.0 {
            Unit::Threshold
        } else {
            Unit::Points
        };
        unit_end = end + len;
    } else if let Some(len) = points_len {
        unit = Unit::Points;
        unit_end = end + len;
    } else if let (Some(len), Unit::Bare | Unit::Currency(_)) = (cents_len, unit) {
        value *= 0.01;
        half *= 0.01;
        decimals += 2;
        if unit == Unit::Bare {
            unit = Unit::Currency("USD");
        }
        unit_end = if cent_sign && len == 0 {
            end + '¢'.len_utf8()
        } else if glued_cents && len == 0 {
            end + 1
        } else {
            j + len
        };
    } else if let Some(u) = match_unit(rest).or_else(|| {
        // hard-wrapped copy breaks the line between a number and its English unit (`1.58` /
        // `per cent, to 1,958.27`): a percent or points unit opening the next line is its own
        let next = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))?;
        let (m, len) = match_unit(next)?;
        matches!(
            m,
            UnitMatch::Unit(Unit::Percent | Unit::PercentPoint | Unit::Points)
        )
        .then(|| (m, len + rest.len() - next.len()))
        .filter(|_| next.starts_with(|c: char| c.is_ascii_lowercase()))
    }) {
        match u.0 {
            UnitMatch::Unit(un) => {
                if let (Unit::Currency(_), Unit::Currency(_)) = (unit, un) {
                    // `$5 달러` never happens; keep the prefix
                } else {
                    unit = un;
                }
                unit_end = j + u.1;
            }
            UnitMatch::Scale(mult) => {
                value *= mult;
                scale = scale.max(mult);
                half *= mult;
                unit_end = j + u.1;
                // `4.7 billion dollars` / `600만 달러`
                let k = skip_spaces(text, unit_end);
                if let Some((UnitMatch::Unit(un @ Unit::Currency(_)), len)) = match_unit(&text[k..])
                {
                    unit = un;
                    unit_end = k + len;
                }
            }
        }
    }
    end = unit_end.max(end);

    // Japanese quotes in yen and sen: `743엔 36센` = 743.36 yen
    if unit == Unit::Currency("JPY")
        && text[unit_end..].starts_with(|c: char| c == ' ' || c.is_ascii_digit())
    {
        let k = skip_spaces(text, unit_end);
        let digits: String = text[k..].chars().take_while(char::is_ascii_digit).collect();
        if (1..=2).contains(&digits.len()) && text[k + digits.len()..].starts_with('센') {
            if let Ok(sen) = digits.parse::<f64>() {
                value += (sen / 100.0).copysign(value);
                half = 0.005;
                decimals = decimals.max(2);
                end = k + digits.len() + '센'.len_utf8();
            }
        }
    }

    // fraction: `20분의 1`
    if let Some(r) = text[end..].strip_prefix("분의") {
        let k = skip_spaces(text, end + "분의".len());
        let _ = r;
        if let Some((num, _d, e2)) = parse_digits(text, k) {
            if value > 0.0 {
                let denom = value;
                value = num / denom;
                // interval: numerator and denominator are exact small integers as printed
                half = 0.0;
                unit = Unit::Fraction;
                end = e2;
            }
        }
    }

    // threshold suffixes right after the unit: 선, 대, 돌파 (2,400선, 5만원대, 1,400원 돌파)
    let after = &text[end..];
    // `2,400선` is a threshold; `2만2241.50선에서 움직이는 중` a level printed with its decimals
    if after.starts_with('선')
        && !after.starts_with("선물")
        && !after.starts_with("선언")
        && decimals == 0
    {
        unit = Unit::Threshold;
        end += '선'.len_utf8();
    } else if after.starts_with('대') && unit == Unit::Percent && !after.starts_with("대비") {
        // `1%대 하락`: a fall somewhere in the 1 % range, at least 1 %
        hedge = Some(Hedge::AtLeast);
        end += '대'.len_utf8();
    } else if after.starts_with('대')
        && !after.starts_with("대비")
        && !after.starts_with("대형")
        && !after.starts_with("대장")
        && !after.starts_with("대만")
    {
        unit = Unit::Threshold;
        end += '대'.len_utf8();
    }

    // signs printed after the number: `17%↓`, `3.00%↓`, `62.78P ↓`
    let spaced_arrow = text[end..].starts_with(' ')
        && text[end + 1..].starts_with(['↑', '↓', '▲', '▼'])
        && !text[end + 1..].chars().nth(1).is_some_and(|c| {
            is_digit(c) || c == ' ' && text[end + 1..].chars().nth(2).is_some_and(is_digit)
        });
    if spaced_arrow {
        end += 1;
    }
    let after = &text[end..];
    if let Some(c) = after.chars().next() {
        let s = match c {
            '↑' | '▲' => Some(1.0),
            '↓' | '▼' => Some(-1.0),
            _ => None,
        };
        if let (Some(s), None) = (s, sign) {
            sign = Some(s);
            end += c.len_utf8();
        }
    }

    // hedges around the number
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    if hedge.is_none() {
        hedge = hedge_before(before);
    }
    if hedge.is_none() {
        let after = text[end..].trim_start_matches(' ');
        hedge = hedge_after(after);
    }

    let parenthesized = prev_char(text, start).is_some_and(|c| c == '(' || c == '（');
    // `SK하이닉스[000660]`: a code in square brackets is an identifier
    if prev_char(text, start) == Some('[')
        && end - start == 6
        && text[start..end].bytes().all(|b| b.is_ascii_digit())
        && text[end..].starts_with(']')
    {
        unit = Unit::Counter;
    }
    // a KRX code in brackets after a company name (`삼성물산(000830)`): an identifier
    // … or an exchange ticker (`텐센트홀딩스(0700.HK)`, `(7203.T)`)
    let exchange_suffix = text[end..]
        .strip_prefix('.')
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(code, _)| {
            (1..=2).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase())
        });
    if parenthesized
        && unit == Unit::Bare
        && text[start..end].bytes().all(|b| b.is_ascii_digit())
        && (end - start == 6 && text[end..].starts_with(')')
            || (4..=6).contains(&(end - start)) && exchange_suffix)
    {
        unit = Unit::Counter;
    }
    let value = match sign {
        Some(s) => s * value,
        None => value,
    };
    Some(NumToken {
        start,
        end,
        value,
        half_width: half,
        decimals,
        sign,
        unit,
        hedge,
        parenthesized,
        scale,
    })
}

enum UnitMatch {
    Unit(Unit),
    Scale(f64),
}

/// Units that may follow a number, longest first within each family. Returns the unit and
/// the byte length matched.
fn match_unit(rest: &str) -> Option<(UnitMatch, usize)> {
    const KO: &[(&str, Unit)] = &[
        ("%포인트", Unit::PercentPoint),
        ("％포인트", Unit::PercentPoint),
        ("%p", Unit::PercentPoint),
        ("%P", Unit::PercentPoint),
        ("％p", Unit::PercentPoint),
        ("퍼센트포인트", Unit::PercentPoint),
        ("퍼센트", Unit::Percent),
        ("%", Unit::Percent),
        ("％", Unit::Percent),
        ("포인트", Unit::Points),
        ("bp", Unit::BasisPoints),
        ("베이시스포인트", Unit::BasisPoints),
        ("배", Unit::Times),
    ];
    for (u, unit) in KO {
        if rest.starts_with(u) {
            // `%p` must not swallow an English word: `%points`? rare; accept
            return Some((UnitMatch::Unit(*unit), u.len()));
        }
    }
    for (u, code) in CURRENCY_SUFFIXES {
        // English currency words in any case (`562.1 Yen`)
        let after = if u.is_ascii() {
            starts_with_ci(rest, u).then(|| &rest[u.len()..])
        } else {
            rest.strip_prefix(u)
        };
        if let Some(after) = after {
            if u.is_ascii() && after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            // `원` inside a word: `원유` (crude oil), `원자재`
            if *u == "원"
                && (after.starts_with('유') || after.starts_with('자') || after.starts_with('화'))
            {
                continue;
            }
            return Some((UnitMatch::Unit(Unit::Currency(code)), u.len()));
        }
    }
    const EN: &[(&str, Unit)] = &[
        ("percentage points", Unit::PercentPoint),
        ("percentage point", Unit::PercentPoint),
        ("per cent", Unit::Percent),
        // hard-wrapped copy breaks the unit at its space (`2.10 per` / `cent, to 16,266.52`)
        ("per\ncent", Unit::Percent),
        ("per\r\ncent", Unit::Percent),
        ("percentage\npoints", Unit::PercentPoint),
        ("percent", Unit::Percent),
        ("pct", Unit::Percent),
        ("points", Unit::Points),
        ("point", Unit::Points),
        ("pts", Unit::Points),
        ("basis points", Unit::BasisPoints),
        ("times", Unit::Times),
        ("x ", Unit::Times),
    ];
    for (u, unit) in EN {
        if starts_with_ci(rest, u) {
            let after = &rest[u.len()..];
            if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            return Some((UnitMatch::Unit(*unit), u.trim_end().len()));
        }
    }
    for (u, mult) in ENGLISH_SCALES {
        // `¥260-billion`: a scale word may be hyphenated to its number
        let hyphen = usize::from(rest.starts_with('-') && u.len() > 3);
        if starts_with_ci(&rest[hyphen..], u) {
            let after = &rest[hyphen + u.len()..];
            if after.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            return Some((UnitMatch::Scale(*mult), hyphen + u.len()));
        }
    }
    for u in COUNTERS {
        if let Some(after) = rest.strip_prefix(u) {
            if u.is_ascii() && after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            // `분의` is a fraction, `분` alone minutes
            return Some((UnitMatch::Unit(Unit::Counter), u.len()));
        }
    }
    if rest.starts_with('분') && !rest.starts_with("분의") {
        return Some((UnitMatch::Unit(Unit::Counter), '분'.len_utf8()));
    }
    None
}

/// Hedge words printed before a number (`약 1.8배`, `about $6.6 trillion`, `nearly 3,000`).
fn hedge_before(before: &str) -> Option<Hedge> {
    const WORDS: &[(&str, Hedge)] = &[
        ("약", Hedge::About),
        ("대략", Hedge::About),
        ("about", Hedge::About),
        ("around", Hedge::About),
        ("roughly", Hedge::About),
        ("approximately", Hedge::About),
        ("some", Hedge::About),
        ("an estimated", Hedge::About),
        ("nearly", Hedge::AtMost),
        ("almost", Hedge::AtMost),
        ("거의", Hedge::AtMost),
        ("more than", Hedge::AtLeast),
        ("over", Hedge::AtLeast),
        ("at least", Hedge::AtLeast),
        ("upwards of", Hedge::AtLeast),
        ("less than", Hedge::AtMost),
        ("under", Hedge::AtMost),
        ("최소", Hedge::AtLeast),
        ("최대", Hedge::AtMost),
    ];
    let lower = before
        .trim_end_matches(['(', '$', '₩', '€', '£', '¥'])
        .trim_end();
    for (w, h) in WORDS {
        if lower.len() >= w.len() && lower.is_char_boundary(lower.len() - w.len()) {
            let tail = &lower[lower.len() - w.len()..];
            if tail.eq_ignore_ascii_case(w) {
                let pre = lower[..lower.len() - w.len()].chars().next_back();
                if pre.is_none_or(|c| !is_word_char(c)) {
                    return Some(*h);
                }
            }
        }
    }
    None
}

/// Hedge words printed after a number and its unit (`2% 넘게`, `10% 가까이`, `130여 명`).
fn hedge_after(after: &str) -> Option<Hedge> {
    const WORDS: &[(&str, Hedge)] = &[
        ("넘게", Hedge::AtLeast),
        ("넘는", Hedge::AtLeast),
        ("이상", Hedge::AtLeast),
        ("초과", Hedge::AtLeast),
        ("남짓", Hedge::AtLeast),
        ("가량", Hedge::About),
        ("정도", Hedge::About),
        ("안팎", Hedge::About),
        ("내외", Hedge::About),
        ("쯤", Hedge::About),
        ("수준", Hedge::About),
        ("가까이", Hedge::AtMost),
        ("가깝게", Hedge::AtMost),
        ("육박", Hedge::AtMost),
        ("미만", Hedge::AtMost),
        ("이하", Hedge::AtMost),
        ("이내", Hedge::AtMost),
        ("or more", Hedge::AtLeast),
        ("or so", Hedge::About),
    ];
    for (w, h) in WORDS {
        if after.starts_with(w) {
            return Some(*h);
        }
    }
    // `600만달러 이하로` / `1,200명 가까이`: the particle-free form is the common one
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> NumToken {
        let toks = scan(s);
        assert_eq!(toks.len(), 1, "{s}: {toks:?}");
        toks.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn a_thousands_comma_with_a_stray_space_joins_its_groups() {
        assert_eq!(one("내린 10, 305.77로").value, 10305.77);
        assert_eq!(one("지수 5, 048로").value, 5048.0);
        // a date's year and a list of whole numbers stay apart
        assert_eq!(scan("March 5, 2008").len(), 2);
        assert_eq!(scan("각각 3, 120명").len(), 2);
    }

    #[test]
    fn a_hyphen_glued_to_a_decimal_percent_is_its_sign() {
        let t = one("Daiichi Sankyo-2.93%");
        assert_eq!(
            (t.value, t.sign, t.unit),
            (-2.93, Some(-1.0), Unit::Percent)
        );
        let t = one("Power Co, Inc.-2.38%");
        assert_eq!((t.value, t.sign), (-2.38, Some(-1.0)));
        // a model number or a name with a number stays no figure, and no sign
        assert!(scan("COVID-19 cases").is_empty());
        assert!(scan("the GPT-4 model").is_empty());
    }

    #[test]
    fn index_triple_tokens() {
        let t = scan(
            "나스닥 지수는 전 거래일보다 612.47포인트(-3.07%) 급락한 19,341.83에 거래를 마쳤다.",
        );
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[0].value, t[0].unit, t[0].decimals),
            (612.47, Unit::Points, 2)
        );
        assert_eq!(
            (t[1].value, t[1].unit, t[1].sign),
            (-3.07, Unit::Percent, Some(-1.0))
        );
        assert!(t[1].parenthesized);
        assert_eq!((t[2].value, t[2].unit), (19341.83, Unit::Bare));
        assert!((t[2].half_width - 0.005).abs() < 1e-12);
    }

    #[test]
    fn korean_mixed_units() {
        let t = one("7만1,400원에");
        assert_eq!((t.value, t.unit), (71400.0, Unit::Currency("KRW")));
        assert!((t.half_width - 0.5).abs() < 1e-9);
        let t = one("1조1,000억원");
        assert_eq!(t.value, 1.1e12);
        assert!((t.half_width - 0.5e8).abs() < 1.0);
        let t = one("2,086조5,780억원");
        assert_eq!(t.value, 2_086_578_000_000_000.0);
        let t = one("600만 달러, 우리 돈");
        assert_eq!((t.value, t.unit), (6_000_000.0, Unit::Currency("USD")));
        assert!((t.half_width - 5000.0).abs() < 1e-6);
        let t = one("78억원 정도에");
        assert_eq!((t.value, t.hedge), (7.8e9, Some(Hedge::About)));
        let t = one("3천억원");
        assert_eq!(t.value, 3e11);
        let t = one("약 5.58백만 달러");
        assert_eq!((t.value, t.unit), (5_580_000.0, Unit::Currency("USD")));
        assert!((t.half_width - 5000.0).abs() < 1e-6);
        let t = one("1만7,100원(");
        assert_eq!(t.value, 17100.0);
        // one space may separate a smaller component (`16만 300원`, `5조 6,100억원`)
        let t = one("16만 300원에");
        assert_eq!((t.value, t.unit), (160_300.0, Unit::Currency("KRW")));
        let t = one("5조 6,100억원의");
        assert_eq!(t.value, 5.61e12);
        let t = one("1만 917.51로");
        assert_eq!((t.value, t.decimals), (10917.51, 2));
        assert_eq!(one("9천9백30.47로").value, 9930.47);
        assert_eq!(one("5백24.21에").value, 524.21);
        assert_eq!(one("1천원").value, 1000.0);
        // 천 and 백 build the group a larger unit multiplies: `1천170억` is 1,170억
        assert_eq!(one("1천170억달러").value, 1.17e11);
        assert_eq!(one("161조6천억원").value, 1.616e14);
        let t = one("3천억원");
        assert!((t.half_width - 0.5e11).abs() < 1.0);
        assert_eq!(one("465.02P 급락").unit, Unit::Points);
        assert_eq!(one("(2,14%)내린").value, 2.14);
        assert_eq!(one("코스피 62.78P ↓").value, -62.78);
        assert_eq!(one("to Rs.2521.85").unit, Unit::Currency("INR"));
        assert_eq!(one("2,400선").unit, Unit::Threshold);
        assert_eq!(one("2만2241.50선에서").unit, Unit::Bare);
        // an arrow that signs the next number stays with it: `1.5% ▲2.1%`
        assert_eq!(scan("1.5% ▲2.1%")[0].value, 1.5);
        assert_eq!(one("to 17 400.75 points").value, 17400.75);
        assert_eq!(scan("in 2 000 cases").len(), 2);
        assert_eq!(one("41.9p to").unit, Unit::Points);
        assert_eq!(one("to 145.1p.").unit, Unit::Points);
        // a range is no single figure: `2~3%대` gives nothing
        assert!(scan("하이닉스도 2~3%대 하락").is_empty());
        assert_eq!(one("2,140원").value, 2140.0);
        // but not a separate count: `600만 300명` stays two numbers
        assert_eq!(scan("600만 300명").len(), 2);
        assert_eq!(scan("1만 2만원").len(), 2);
        // a level written with 만 keeps its decimals: `2만6763.13`
        let t = one("2만6763.13으로");
        assert_eq!((t.value, t.decimals, t.unit), (26763.13, 2, Unit::Bare));
    }

    #[test]
    fn english_scales_and_prefixes() {
        let t = one("about $6.6 trillion in");
        assert_eq!(
            (t.value, t.unit, t.hedge),
            (6.6e12, Unit::Currency("USD"), Some(Hedge::About))
        );
        assert!((t.half_width - 0.05e12).abs() < 1.0);
        let t = one("a $2.75 billion cash");
        assert_eq!(t.value, 2.75e9);
        let t = one("fell $85.24 after");
        assert_eq!((t.value, t.unit), (85.24, Unit::Currency("USD")));
        let t = one("rose 2.3 bn dollars");
        assert_eq!(t.value, 2.3e9);
        let t = one("nearly 3,000 points");
        assert_eq!(
            (t.value, t.unit, t.hedge),
            (3000.0, Unit::Points, Some(Hedge::AtMost))
        );
    }

    #[test]
    fn percent_forms() {
        assert_eq!(one("17%↓").value, -17.0);
        assert_eq!(one("0.75%포인트 인상").unit, Unit::PercentPoint);
        assert_eq!(one("1%p 하락").unit, Unit::PercentPoint);
        assert_eq!(one("3 퍼센트").unit, Unit::Percent);
        assert_eq!(one("5.50 percent").unit, Unit::Percent);
        assert_eq!(one("$US1.45").unit, Unit::Currency("USD"));
        assert_eq!(one("$A4.10").unit, Unit::Currency("AUD"));
        assert_eq!(one("2.40 per\ncent").unit, Unit::Percent);
        assert_eq!(one("2.40\nper cent").unit, Unit::Percent);
        assert_eq!(one("31.44\npoints").unit, Unit::Points);
        assert_eq!(one("31.44\nPoints").unit, Unit::Bare);
        assert_eq!(one("0.3 percentage\npoints").unit, Unit::PercentPoint);
        assert_eq!(one("－２．５％").value, -2.5);
        assert_eq!(one("▼1.5%").value, -1.5);
        assert_eq!(one("(+0.65%)").value, 0.65);
        assert_eq!(one("−3.07%").value, -3.07);
        assert_eq!(one("2% 넘게 급락").hedge, Some(Hedge::AtLeast));
        assert_eq!(one("10% 가까이 폭락").hedge, Some(Hedge::AtMost));
    }

    #[test]
    fn p_for_points_only_when_glued() {
        assert_eq!(one("장중 184p 폭락").unit, Unit::Points);
        assert_eq!(one("3.21pt 내린").unit, Unit::Points);
        assert_eq!(one("12pts lower").unit, Unit::Points);
        assert_ne!(one("5 ptas").unit, Unit::Points);
        assert_ne!(one("at 3 p.m. ET").unit, Unit::Points);
        assert_ne!(one("5 people").unit, Unit::Points);
    }

    #[test]
    fn percentages_in_words() {
        let t = scan("The index rose seven percent; the MDax gained almost half a percent.");
        let got: Vec<(f64, Unit, Option<Hedge>)> =
            t.iter().map(|t| (t.value, t.unit, t.hedge)).collect();
        assert_eq!(
            got,
            [
                (7.0, Unit::Percent, None),
                (0.5, Unit::Percent, Some(Hedge::AtMost))
            ]
        );
        assert_eq!(
            scan("Germany's DAX was up by a fifth of a per cent")[0].value,
            0.2
        );
        assert_eq!(scan("코스피는 삼 퍼센트 하락했다")[0].value, 3.0);
        // a number said in words with a point is not its last word alone
        assert!(scan("rose one-point-three percent").is_empty());
        let continental = scan("rose 1.22 per cent to 15.089,74 points");
        assert_eq!(continental.len(), 2);
        assert!((continental[1].value - 15089.74).abs() < 1e-9);
        assert_eq!(continental[1].unit, Unit::Points);
        let hyphenated = scan("the Dow's 2.43-percent fall");
        assert_eq!(hyphenated.len(), 1);
        assert_eq!(hyphenated[0].unit, Unit::Percent);
        assert!((hyphenated[0].value - 2.43).abs() < 1e-9);
        // a digit token wins where both could stand
        assert_eq!(scan("up 4 percent")[0].half_width, 0.5);
        assert!(scan("the percentage of seven percentiles").is_empty());
    }

    #[test]
    fn tokens_never_overlap() {
        let t = scan("17%↓3.5% 그리고 ▲1,234.56▼2.5");
        for w in t.windows(2) {
            assert!(w[0].end <= w[1].start, "{t:?}");
        }
    }

    #[test]
    fn ratios() {
        let t = one("20분의 1 수준");
        assert_eq!(t.unit, Unit::Fraction);
        assert!((t.value - 0.05).abs() < 1e-12);
        let t = one("약 1.8배에");
        assert_eq!(
            (t.value, t.unit, t.hedge),
            (1.8, Unit::Times, Some(Hedge::About))
        );
    }

    #[test]
    fn noise_is_not_a_figure_unit() {
        // identifiers, phone numbers, times, dates
        assert!(scan("GPT-4와 H100, o1, 딥시크-V3").is_empty());
        assert!(scan("02-555-0134").is_empty());
        assert!(scan("1-800-555-0199").is_empty());
        assert!(scan("입력 2024.08.05 16:40").is_empty());
        assert_eq!(one("2,400선").unit, Unit::Threshold);
        assert_eq!(one("5만원대").unit, Unit::Threshold);
        assert_eq!(one("2024년").unit, Unit::Counter);
        assert_eq!(one("13거래일 만에").unit, Unit::Counter);
        assert_eq!(one("4개월").unit, Unit::Counter);
        // `4년 5개월 만에`: 만 is "after", not 10,000
        let t = scan("4년 5개월 만에");
        assert!(t.iter().all(|t| t.unit == Unit::Counter));
    }

    #[test]
    fn hyphen_is_a_sign_only_after_a_space_or_bracket() {
        assert_eq!(one("(-17.40%)").value, -17.4);
        assert_eq!(one("브로드컴 -17.40%").value, -17.4);
    }

    // ---- property: format a value in every supported style, scan it back

    use proptest::prelude::*;

    /// A number as printed, and what `scan` must read from it.
    #[derive(Debug, Clone)]
    struct Printed {
        text: String,
        value: f64,
        half_width: f64,
        unit: Unit,
        sign: Option<f64>,
    }

    /// `1234567` → `1,234,567` when `sep`.
    fn grouped(int: u64, sep: bool) -> String {
        let s = int.to_string();
        if !sep {
            return s;
        }
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// `int.frac` printed with exactly `dec` decimals: (text, value, half-width).
    fn decimal(int: u64, frac: u64, dec: u32, sep: bool) -> (String, f64, f64) {
        let frac = frac % 10u64.pow(dec);
        let text = if dec == 0 {
            grouped(int, sep)
        } else {
            format!(
                "{}.{:0width$}",
                grouped(int, sep),
                frac,
                width = dec as usize
            )
        };
        let scale = 10f64.powi(dec as i32);
        (
            text,
            (int as f64 * scale + frac as f64) / scale,
            0.5 / scale,
        )
    }

    /// Plain and signed numbers, bare or with a percent / percentage-point / point unit.
    fn plain_signed_percent() -> impl Strategy<Value = Printed> {
        (
            0u64..1_000_000_000,
            0u64..1000,
            0u32..=3,
            any::<bool>(),
            0usize..6,
            0usize..7,
        )
            .prop_map(|(int, frac, dec, sep, sign, unit)| {
                let (digits, v, h) = decimal(int, frac, dec, sep);
                let (sign_text, s) = [
                    ("", None),
                    ("-", Some(-1.0)),
                    ("−", Some(-1.0)),
                    ("+", Some(1.0)),
                    ("▲", Some(1.0)),
                    ("▼", Some(-1.0)),
                ][sign];
                let (unit_text, u) = [
                    ("", Unit::Bare),
                    ("%", Unit::Percent),
                    ("％", Unit::Percent),
                    ("퍼센트", Unit::Percent),
                    ("%p", Unit::PercentPoint),
                    ("포인트", Unit::Points),
                    (" points", Unit::Points),
                ][unit];
                Printed {
                    text: format!("{sign_text}{digits}{unit_text}"),
                    value: s.unwrap_or(1.0) * v,
                    half_width: h,
                    unit: u,
                    sign: s,
                }
            })
    }

    /// Korean units: `N만M원`, `N억원`, `N조M억원`, `N만 달러`.
    fn korean_units() -> impl Strategy<Value = Printed> {
        let krw = Unit::Currency("KRW");
        prop_oneof![
            (1u64..10_000, 0u64..10_000, any::<bool>(), any::<bool>()).prop_map(
                move |(n, m, sep, space)| {
                    let gap = if space { " " } else { "" };
                    let text = if m == 0 {
                        format!("{}만원", grouped(n, sep))
                    } else {
                        format!("{}만{gap}{}원", grouped(n, sep), grouped(m, sep))
                    };
                    let half_width = if m == 0 { 5_000.0 } else { 0.5 };
                    Printed {
                        text,
                        value: (n * 10_000 + m) as f64,
                        half_width,
                        unit: krw,
                        sign: None,
                    }
                }
            ),
            // an index level written with 만: `2만6763.13`
            (1u64..10, 0u64..10_000, 1u64..100).prop_map(|(n, m, f)| Printed {
                text: format!("{n}만{m}.{f:02}"),
                value: round_to((n * 10_000 + m) as f64 + f as f64 / 100.0, 2),
                half_width: 0.005,
                unit: Unit::Bare,
                sign: None,
            }),
            (1u64..100_000, 0u64..10, 0u32..=1, any::<bool>()).prop_map(move |(n, f, dec, sep)| {
                let (digits, v, h) = decimal(n, f, dec, sep);
                Printed {
                    text: format!("{digits}억원"),
                    value: v * 1e8,
                    half_width: h * 1e8,
                    unit: krw,
                    sign: None,
                }
            }),
            (1u64..10_000, 0u64..10_000, any::<bool>(), any::<bool>()).prop_map(
                move |(n, m, sep, space)| {
                    let gap = if space { " " } else { "" };
                    let text = if m == 0 {
                        format!("{}조원", grouped(n, sep))
                    } else {
                        format!("{}조{gap}{}억원", grouped(n, sep), grouped(m, sep))
                    };
                    let half_width = if m == 0 { 0.5e12 } else { 0.5e8 };
                    Printed {
                        text,
                        value: n as f64 * 1e12 + m as f64 * 1e8,
                        half_width,
                        unit: krw,
                        sign: None,
                    }
                }
            ),
            (1u64..10_000, any::<bool>()).prop_map(|(n, sep)| Printed {
                text: format!("{}만 달러", grouped(n, sep)),
                value: n as f64 * 1e4,
                half_width: 5_000.0,
                unit: Unit::Currency("USD"),
                sign: None,
            }),
        ]
    }

    /// English scales: `$N.N billion`, `N million`, `N million dollars`.
    fn english_scales() -> impl Strategy<Value = Printed> {
        (1u64..1000, 0u64..100, 0u32..=2, 0usize..3).prop_map(|(n, f, dec, style)| {
            let (digits, v, h) = decimal(n, f, dec, false);
            let usd = Unit::Currency("USD");
            match style {
                0 => Printed {
                    text: format!("${digits} billion"),
                    value: v * 1e9,
                    half_width: h * 1e9,
                    unit: usd,
                    sign: None,
                },
                1 => Printed {
                    text: format!("{digits} million"),
                    value: v * 1e6,
                    half_width: h * 1e6,
                    unit: Unit::Bare,
                    sign: None,
                },
                _ => Printed {
                    text: format!("{digits} million dollars"),
                    value: v * 1e6,
                    half_width: h * 1e6,
                    unit: usd,
                    sign: None,
                },
            }
        })
    }

    /// Text around the number that must not change how it reads.
    const CONTEXTS: &[(&str, &str)] = &[
        ("", ""),
        ("지수는 ", " 기록했다."),
        ("the figure was ", " on the day."),
        ("(", ")"),
    ];

    fn rel_close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
    }

    proptest! {
        #[test]
        fn format_then_scan_round_trips(
            p in prop_oneof![plain_signed_percent(), korean_units(), english_scales()],
            ctx in 0..CONTEXTS.len(),
        ) {
            let (pre, post) = CONTEXTS[ctx];
            let text = format!("{pre}{}{post}", p.text);
            let toks = scan(&text);
            prop_assert_eq!(toks.len(), 1, "{:?} → {:?}", text, toks);
            let t = &toks[0];
            prop_assert!(rel_close(t.value, p.value), "{:?}: value {} ≠ {}", text, t.value, p.value);
            prop_assert!(rel_close(t.half_width, p.half_width), "{:?}: half-width {} ≠ {}", text, t.half_width, p.half_width);
            prop_assert_eq!(t.unit, p.unit, "{:?}", text);
            prop_assert_eq!(t.sign, p.sign, "{:?}", text);
            prop_assert_eq!(t.hedge, None, "{:?}", text);
            // the span runs from the sign or currency prefix to the end of the unit
            prop_assert_eq!((t.start, t.end), (pre.len(), pre.len() + p.text.len()), "{:?}", text);
        }
    }
}
