//! MF010: the exchange rate implied by a paired amount (`600만 달러, 우리 돈 78억원`).

use super::Rule;
use crate::check::interval::{range2, Interval};
use crate::check::{
    figure_ref, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict,
};
use crate::extract::{Figure, Kind};

const DOC: &str = r#"## What it does
Turns every paired amount (`600만 달러, 우리 돈 78억원`, `557만 달러(약 82억원)`,
`2,090억 달러(약 272조원)`) into the exchange rate it implies, then compares that rate with
(a) the rates seen in history (a band per currency pair, `data/reference/fx_bands.csv`) and
in the figure's year (`data/reference/fx_yearly.csv`, widened by 5 %: USD/KRW's traded range
by year, and for EUR, JPY and CNY an envelope crossed from the dollar's ranges),
(b) an FX quote in the same article (`원·달러 환율은 1,311.1원`), (c) the other pairs in this
article and in other articles of the same week (undated articles only with each other), and (d) the `--reference` file when given.

## Why is this bad?
A conversion that implies 129 won to the dollar has lost a digit; two articles that convert
at 1,300 and 1,472 cannot both be right about the same week.

## Example
```text
자산 규모 약 2,090억 달러(약 27조원)로
```
27조 / 2,090억 = 129 KRW/USD. Use instead `(약 272조원)` (≈ 1,301).

## Tolerance
Each amount's interval from its digits (`78억` is ±0.5억), widened by its hedge (약, 정도,
about: ±5 %). An FX quote is given ±2 % (a conversion may use another day's rate). A rate
outside the historical band is an `error`; disagreement with a quote or another pair is an
`error` when both amounts are exact and a `warning` when hedged.
"#;

pub(crate) struct ImpliedFx;

const BANDS: &str = include_str!("../../../data/reference/fx_bands.csv");
const YEARLY: &str = include_str!("../../../data/reference/fx_yearly.csv");

/// How far outside a year's traded range a conversion may fall (a stale or rounded rate).
const YEARLY_MARGIN: f64 = 0.05;

/// The (low, high) of the first row of a reference table whose leading fields are `key`: the
/// two fields after the key.
fn lookup(table: &str, key: &[&str]) -> Option<(f64, f64)> {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .find_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f.len() == key.len() + 2 && f[..key.len()] == *key).then(|| {
                (
                    f[key.len()].parse().unwrap_or(0.0),
                    f[key.len() + 1].parse().unwrap_or(f64::MAX),
                )
            })
        })
}

/// The rates `base`/`quote` has been seen at, ever.
fn band(base: &str, quote: &str) -> Option<(f64, f64)> {
    lookup(BANDS, &[base, quote])
}

/// The range `base`/`quote` traded in during `year`, widened by [`YEARLY_MARGIN`].
fn yearly_band(base: &str, quote: &str, year: i32) -> Option<(f64, f64)> {
    lookup(YEARLY, &[base, quote, &year.to_string()])
        .map(|(lo, hi)| (lo * (1.0 - YEARLY_MARGIN), hi * (1.0 + YEARLY_MARGIN)))
}

/// A pair of amounts and the rate (KRW per one unit of `base`) they imply.
struct Pair<'a> {
    index: usize,
    fig: &'a Figure,
    partner: &'a Figure,
    base: String,
    rate: Interval,
    point: f64,
    hedged: bool,
}

fn pairs<'a>(cx: &Context<'a>) -> Vec<Pair<'a>> {
    let mut out = Vec::new();
    let money_at: std::collections::HashMap<(&str, usize), &Figure> = cx
        .figures
        .iter()
        .filter(|g| g.kind == Kind::Money)
        .map(|g| ((g.article.as_str(), g.span.0), g))
        .collect();
    for (i, f) in cx.figures.iter().enumerate() {
        let Some(pspan) = f.pair else { continue };
        let Some(&p) = money_at.get(&(f.article.as_str(), pspan)) else {
            continue;
        };
        let (Some(fa), Some(pa), Some(fc), Some(pc)) = (
            f.amount,
            p.amount,
            f.currency.as_deref(),
            p.currency.as_deref(),
        ) else {
            continue;
        };
        let (krw, foreign, base) = if fc == "KRW" && pc != "KRW" {
            (fa, pa, pc)
        } else if pc == "KRW" && fc != "KRW" {
            (pa, fa, fc)
        } else {
            continue;
        };
        let rate = range2(Interval::of(&krw), Interval::of(&foreign), |k, x| k / x);
        out.push(Pair {
            index: i,
            fig: f,
            partner: p,
            base: base.to_string(),
            rate,
            point: krw.value / foreign.value,
            hedged: krw.hedge.is_some() || foreign.hedge.is_some(),
        });
    }
    out
}

impl Rule for ImpliedFx {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF010",
            name: "implied-exchange-rate",
            summary: "a paired amount implies an exchange rate that disagrees",
            doc: DOC,
            default_severity: Severity::Warning,
        }
    }

    fn scope(&self) -> super::Scope {
        super::Scope::Corpus
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        let pairs = pairs(cx);
        let mut quotes: std::collections::HashMap<&str, Vec<&Figure>> =
            std::collections::HashMap::new();
        for q in cx.figures.iter().filter(|q| q.kind == Kind::Fx) {
            quotes.entry(q.article.as_str()).or_default().push(q);
        }
        for (k, p) in pairs.iter().enumerate() {
            let what = format!(
                "{} ↔ {} implies {} KRW/{} (range {}–{})",
                p.partner.text.trim(),
                p.fig.text.trim(),
                fmt_num(p.point, 1),
                p.base,
                fmt_num(p.rate.lo, 1),
                fmt_num(p.rate.hi, 1)
            );
            let sev = if p.hedged {
                Severity::Warning
            } else {
                Severity::Error
            };
            let mut failed = false;
            // (a) history, then (a') the range of the figure's year
            let outside = |severity: Severity, lo: f64, hi: f64, when: &str, why: &str| {
                let mut fd = finding_at(
                    "MF010",
                    severity,
                    p.fig,
                    format!(
                        "the conversion implies {} KRW per {}, a rate {when}",
                        fmt_num(p.point, 1),
                        p.base
                    ),
                );
                fd.expected = Some(format!(
                    "{}–{} KRW/{}",
                    fmt_num(lo, 0),
                    fmt_num(hi, 0),
                    p.base
                ));
                fd.found = Some(fmt_num(p.point, 1));
                fd.note = Some(format!("{what}; {why}"));
                fd.figures.push(figure_ref(p.partner));
                fd
            };
            if let Some((lo, hi)) = band(&p.base, "KRW") {
                if !p.rate.overlaps(&Interval { lo, hi }) {
                    failed = true;
                    out.push(outside(
                        Severity::Error,
                        lo,
                        hi,
                        "never seen",
                        "a digit or a unit (만/억/조) is probably off",
                    ));
                }
            }
            let year = p.fig.event_date.map(|d| chrono::Datelike::year(&d));
            if let Some((lo, hi)) = year.and_then(|y| yearly_band(&p.base, "KRW", y)) {
                if !failed && !p.rate.overlaps(&Interval { lo, hi }) {
                    failed = true;
                    out.push(outside(
                        sev,
                        lo,
                        hi,
                        &format!("{} never came near", year.unwrap_or_default()),
                        "the year's traded range (data/reference/fx_yearly.csv) widened by 5 %",
                    ));
                }
            }
            // (b) an FX quote in the same article
            let pair_name = format!("{}/KRW", p.base);
            for q in quotes
                .get(p.fig.article.as_str())
                .into_iter()
                .flatten()
                .filter(|q| q.entity.as_deref() == Some(pair_name.as_str()))
            {
                let Some(l) = q.level else { continue };
                let quote = Interval {
                    lo: l.value * 0.98,
                    hi: l.value * 1.02,
                };
                if !failed && !p.rate.overlaps(&quote) {
                    failed = true;
                    let mut fd = finding_at(
                        "MF010",
                        sev,
                        p.fig,
                        format!(
                            "the conversion implies {} KRW per {}, but line {} quotes {}",
                            fmt_num(p.point, 1),
                            p.base,
                            q.line,
                            fmt_num(l.value, 1)
                        ),
                    );
                    fd.expected = Some(format!("about {} KRW/{}", fmt_num(l.value, 1), p.base));
                    fd.found = Some(fmt_num(p.point, 1));
                    fd.note = Some(format!("{what}; the quote is allowed ±2 %"));
                    fd.figures.push(figure_ref(p.partner));
                    fd.figures.push(figure_ref(q));
                    out.push(fd);
                }
            }
            // (c) other pairs of the same currency and week
            // the latest pairs before this one (bounded: a large corpus of one story repeats its
            // conversions, and a disagreement shows among the neighbours)
            for o in pairs[..k].iter().rev().take(256) {
                if failed || o.base != p.base {
                    continue;
                }
                // the same article, or articles of the same week; undated articles only with
                // each other (a corpus of undated clippings is about one story)
                let near = o.fig.article == p.fig.article
                    || match (o.fig.event_date, p.fig.event_date) {
                        (Some(a), Some(b)) => (a - b).num_days().abs() <= 7,
                        (None, None) => true,
                        _ => false,
                    };
                if near && !p.rate.overlaps(&o.rate) {
                    failed = true;
                    let s = if p.hedged || o.hedged {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    let mut fd = finding_at(
                        "MF010",
                        s,
                        p.fig,
                        format!(
                            "the conversion implies {} KRW per {}, but {}:{} converts at {}",
                            fmt_num(p.point, 1),
                            p.base,
                            o.fig.article,
                            o.fig.line,
                            fmt_num(o.point, 1)
                        ),
                    );
                    fd.expected = Some(format!(
                        "{}–{}",
                        fmt_num(o.rate.lo, 1),
                        fmt_num(o.rate.hi, 1)
                    ));
                    fd.found = Some(format!(
                        "{}–{}",
                        fmt_num(p.rate.lo, 1),
                        fmt_num(p.rate.hi, 1)
                    ));
                    fd.note = Some(format!(
                        "{what}; {} ↔ {} implies {}–{}; the ranges do not meet",
                        o.partner.text.trim(),
                        o.fig.text.trim(),
                        fmt_num(o.rate.lo, 1),
                        fmt_num(o.rate.hi, 1)
                    ));
                    fd.figures.push(figure_ref(p.partner));
                    fd.figures.push(figure_ref(o.fig));
                    fd.figures.push(figure_ref(o.partner));
                    out.push(fd);
                }
            }
            // (d) the reference file
            if let (Some(r), Some(date)) = (cx.config.reference.as_ref(), p.fig.event_date) {
                if let Some(c) = r
                    .get(&format!("{}=X", "KRW"), date)
                    .filter(|_| p.base == "USD")
                {
                    let quote = Interval {
                        lo: c.close * 0.98,
                        hi: c.close * 1.02,
                    };
                    if !failed && !p.rate.overlaps(&quote) {
                        failed = true;
                        let mut fd = finding_at(
                            "MF010",
                            sev,
                            p.fig,
                            format!("the conversion implies {} KRW per USD, but the reference close on {date} is {}", fmt_num(p.point, 1), fmt_num(c.close, 1)),
                        );
                        fd.note = Some(format!("{what}; reference {} allowed ±2 %", r.path));
                        fd.figures.push(figure_ref(p.partner));
                        out.push(fd);
                    }
                }
            }
            mark(
                verdicts,
                p.index,
                if failed {
                    Verdict::Failed
                } else {
                    Verdict::Passed
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{band, yearly_band};

    #[test]
    fn every_year_since_2000_has_a_usd_krw_range_inside_the_all_time_band() {
        let (lo, hi) = band("USD", "KRW").unwrap_or((0.0, 0.0));
        for year in 2000..=2025 {
            let (a, b) = yearly_band("USD", "KRW", year)
                .unwrap_or_else(|| panic!("no USD/KRW range for {year}"));
            assert!(lo <= a && a < b && b <= hi * 1.05, "{year}: {a}-{b}");
        }
        // 2007 traded near 900-950, 2024 near 1,290-1,470: a rate fine for one is not for the other
        let y2007 = yearly_band("USD", "KRW", 2007).unwrap_or((0.0, 0.0));
        let y2024 = yearly_band("USD", "KRW", 2024).unwrap_or((0.0, 0.0));
        assert!(y2007.1 < y2024.0, "{y2007:?} {y2024:?}");
        assert_eq!(yearly_band("USD", "KRW", 1990), None);
    }

    #[test]
    fn yen_euro_and_yuan_have_a_yearly_envelope_inside_their_all_time_band() {
        for base in ["EUR", "JPY", "CNY"] {
            let (lo, hi) = band(base, "KRW").unwrap_or((0.0, 0.0));
            for year in 2000..=2025 {
                let (a, b) = yearly_band(base, "KRW", year)
                    .unwrap_or_else(|| panic!("no {base}/KRW range for {year}"));
                assert!(
                    lo * 0.95 <= a && a < b && b <= hi * 1.05,
                    "{base} {year}: {a}-{b}"
                );
            }
        }
    }

    #[test]
    fn a_yen_conversion_off_for_its_year_is_flagged() {
        // 2024: about 9 won to the yen (100억엔 ≈ 900억원); 15 won is within the all-time
        // band (5-18) but no day of 2024 came near it
        let ok = format!("{KO_HEAD}도요타는 공장에 100억엔(약 900억원)을 투자한다.\n");
        assert!(findings_of("MF010", &ok).is_empty());
        let bad = ok.replace("900억원", "1500억원");
        let f = findings_of("MF010", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("2024"), "{}", f[0].message);
    }
    use crate::check::rules::testutil::{findings_of, run_many, KO_HEAD};
    use crate::check::{Config, Severity};

    #[test]
    fn a_lost_digit_is_an_error() {
        let ok = format!("{KO_HEAD}SVB는 지난 10일(현지시간) 파산했다. 자산 규모 약 2,090억 달러(약 272조원)로 두 번째로 큰 은행 파산이다.\n");
        assert!(findings_of("MF010", &ok).is_empty());
        let bad = ok.replace("272조원", "27조원");
        let f = findings_of("MF010", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn two_articles_converting_at_different_rates_warn() {
        let a = format!("{KO_HEAD}투자 비용이 600만 달러, 우리 돈 78억원 정도에 불과합니다.\n");
        let b = format!("{KO_HEAD}훈련 비용은 557만 달러(약 82억원)에 그쳤다.\n");
        let (_, f) = run_many(&[("a.txt", &a), ("b.txt", &b)], &Config::default());
        let f: Vec<_> = f.into_iter().filter(|f| f.code == "MF010").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("1,300.0"), "{}", f[0].message);
    }
}
