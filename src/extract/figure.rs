//! The `Figure` record: one market fact mentioned in an article.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Index,
    Stock,
    Fx,
    Money,
    Ratio,
    Rate,
    Commodity,
    Crypto,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Index => "index",
            Kind::Stock => "stock",
            Kind::Fx => "fx",
            Kind::Money => "money",
            Kind::Ratio => "ratio",
            Kind::Rate => "rate",
            Kind::Commodity => "commodity",
            Kind::Crypto => "crypto",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Session {
    Close,
    Intraday,
    Premarket,
    Afterhours,
    Unknown,
}

impl Session {
    pub fn as_str(self) -> &'static str {
        match self {
            Session::Close => "close",
            Session::Intraday => "intraday",
            Session::Premarket => "premarket",
            Session::Afterhours => "afterhours",
            Session::Unknown => "unknown",
        }
    }
}

/// Direction of a move, from a sign, an arrow or a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn sign(self) -> f64 {
        match self {
            Direction::Up => 1.0,
            Direction::Down => -1.0,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// A hedge the text states on a number (약, 여, 넘게, about, nearly, more than).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// 약, 가량, 정도, about, roughly: the true value is near, on either side.
    About,
    /// 여, 넘게, 이상, 초과, more than, over: the true value is at or above.
    AtLeast,
    /// 가까이, 육박, 미만, nearly, almost, under: the true value is at or below.
    AtMost,
}

/// A printed number with the precision the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantity {
    /// Value in base units, signed when a sign or direction applies.
    pub value: f64,
    /// Half-width of the rounding interval in base units (0.5 · 10^-decimals · scale).
    pub half_width: f64,
    /// Whether the sign was printed (`-`, `+`, `▲`, `▼`) rather than implied by a word.
    pub explicit_sign: bool,
    pub hedge: Option<Hedge>,
    /// Byte span of this number in the article's plain text.
    #[serde(skip)]
    pub text_span: (usize, usize),
}

impl Quantity {
    /// Interval [lo, hi] the printed value stands for, widened by the stated hedge.
    pub fn interval(&self) -> (f64, f64) {
        let (lo, hi) = (self.value - self.half_width, self.value + self.half_width);
        match self.hedge {
            None => (lo, hi),
            // A hedge widens by a relative margin the reader would accept: "약 1.8배" covers
            // roughly ±5 %.
            Some(Hedge::About) => {
                let m = self.value.abs() * crate::extract::HEDGE_ABOUT_REL;
                (lo.min(self.value - m), hi.max(self.value + m))
            }
            // A bound is the printed value itself: `3% 넘게` is not met by 2.56 %.
            Some(Hedge::AtLeast) => {
                if self.value >= 0.0 {
                    (self.value, f64::INFINITY)
                } else {
                    (f64::NEG_INFINITY, self.value)
                }
            }
            // `nearly 3 per cent` is met by anything that would round up to it (2.81 %), and
            // by a value within the relative margin of `about`
            Some(Hedge::AtMost) => {
                let m = (self.value.abs() * crate::extract::HEDGE_ABOUT_REL).max(self.half_width);
                if self.value >= 0.0 {
                    (self.value - m, self.value)
                } else {
                    (self.value, self.value + m)
                }
            }
        }
    }
}

/// Where in the article a figure sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Title, subtitle or a summary bullet above the body.
    Headline,
    Body,
}

/// How a figure's owner was found: by its name in the figure's own text, by a typed noun
/// that opens the sentence and refers back (`지수는`, `The 30-stock index`), or only from the
/// context (the entity the article spoke of last). Checks hold only the first two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    Name,
    Anaphor,
    Context,
}

impl Binding {
    pub fn as_str(self) -> &'static str {
        match self {
            Binding::Name => "name",
            Binding::Anaphor => "anaphor",
            Binding::Context => "context",
        }
    }
}

/// One market figure mentioned in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Path of the article as given.
    pub article: String,
    pub kind: Kind,
    /// Canonical English name; `None` for an unknown entity (surface form kept).
    pub entity: Option<String>,
    pub symbol: Option<String>,
    /// The entity as written in the article (or empty when inherited from context).
    pub surface: String,
    /// How the owner was found.
    pub binding: Binding,
    pub event_date: Option<NaiveDate>,
    pub session: Session,
    pub level: Option<Quantity>,
    pub change_points: Option<Quantity>,
    pub change_pct: Option<Quantity>,
    /// `true` when `change_pct` was printed as a percentage-point change (%p).
    pub pct_is_points: bool,
    /// money / fx / ratio: value in base units (ratio: the ratio itself).
    pub amount: Option<Quantity>,
    pub currency: Option<String>,
    pub approx: bool,
    /// Direction stated by a word or arrow bound to the figure, independent of any sign.
    pub direction_word: Option<Direction>,
    /// The word that gave `direction_word`.
    pub direction_text: Option<String>,
    pub role: Role,
    /// A change over a period (`올해 들어서만 16% 넘게`, year to date), not one session's.
    pub period: bool,
    /// For money: span start (source byte offset, same article) of the amount this one
    /// converts (`600만 달러, 우리 돈 78억원`: the 78억원 figure points at 600만 달러).
    pub pair: Option<usize>,
    /// Byte span [start, end) in the decoded source file.
    pub span: (usize, usize),
    /// 1-based line of `span.0` in the decoded source.
    pub line: u32,
    /// 1-based column (characters) of `span.0`.
    pub column: u32,
    /// Source text of the span.
    pub text: String,
}

impl Figure {
    pub fn level_value(&self) -> Option<f64> {
        self.level.map(|q| q.value)
    }
    pub fn points_value(&self) -> Option<f64> {
        self.change_points.map(|q| q.value)
    }
    pub fn pct_value(&self) -> Option<f64> {
        self.change_pct.map(|q| q.value)
    }
    pub fn amount_value(&self) -> Option<f64> {
        self.amount.map(|q| q.value)
    }
}

impl Figure {
    /// The GUIDE's figure record as JSON (one NDJSON line of `extract --format ndjson`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "article": self.article,
            "kind": self.kind.as_str(),
            "entity": self.entity,
            "symbol": self.symbol,
            "surface": self.surface,
            "binding": self.binding.as_str(),
            "event_date": self.event_date.map(|d| d.format("%Y-%m-%d").to_string()),
            "session": self.session.as_str(),
            "level": self.level_value(),
            "change_points": self.points_value(),
            "change_pct": self.pct_value(),
            "pct_is_points": self.pct_is_points,
            "amount": self.amount_value(),
            "currency": self.currency,
            "approx": self.approx,
            "direction_word": self.direction_word.map(Direction::as_str),
            "role": match self.role { Role::Headline => "headline", Role::Body => "body" },
            "period": self.period,
            "span": [self.span.0, self.span.1],
            "line": self.line,
            "column": self.column,
            "text": self.text,
        })
    }
}
