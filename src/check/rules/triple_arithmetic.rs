//! MF001: point change, percent change and level must agree under interval rounding.

use super::Rule;
use crate::check::interval::{pct_from_points_level, range2, Interval};
use crate::check::{
    decimals_of, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict,
};
use crate::extract::number::round_to;
use crate::extract::{Hedge, Quantity};

const DOC: &str = r#"## What it does
Checks that a figure's point change, percent change and level agree:
`percent = points / (level − points) × 100`, where `level − points` is the previous close.

## Why is this bad?
A triple that does not add up means one of the three numbers is wrong: a typo in the
percent, a point change copied from another index, a level from another day.

## Example
```text
나스닥 지수는 612.47포인트(-3.70%) 급락한 19,341.83에 거래를 마쳤다.
```
612.47 / (19,341.83 + 612.47) = 3.07 %, not 3.70 %. Use instead:
```text
나스닥 지수는 612.47포인트(-3.07%) 급락한 19,341.83에 거래를 마쳤다.
```

## Tolerance
Each number stands for the interval its printed digits allow (19,341.83 is
[19,341.825, 19,341.835]), widened only by hedges the text states (약, about: ±5 %;
넘게, more than: a lower bound; 가까이, nearly: an upper bound that values rounding up to
it also meet). The check passes when some values inside the three
intervals satisfy the formula. When the exact arithmetic does not round to the printed
percent but the intervals still meet, the figure passes *by rounding* and a `note` says so.
A failure is an `error`, or a `warning` when one of the numbers is hedged.

## Direction
A move whose sentence gives no sign and no direction word the lexicon knows is read as a
rise, but it passes when it adds up as a fall: no finding rests on a guessed sign.
"#;

pub(crate) struct TripleArithmetic;

impl Rule for TripleArithmetic {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF001",
            name: "triple-arithmetic",
            summary: "point change, percent change and level do not add up",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        check_against_previous_close(cx, out, verdicts);
        for (i, f) in cx.figures.iter().enumerate() {
            // a figure bound through an anaphor (`The stock fell $85.24`) is checked only when
            // it completes a confident figure of the sentence before
            if !cx.is_confident(f) && !complement_is_confident(cx, i) {
                continue;
            }
            // a triple split over neighbouring sentences (`plunged 26.39% to $237.76. The stock
            // fell $85.24`): complete it from the figure of the same close on the lines before
            let completed;
            let f = if f.level.is_some() && f.change_points.is_some() && f.change_pct.is_some() {
                f
            } else {
                match complement(cx, i) {
                    Some(c) => {
                        completed = c;
                        &completed
                    }
                    None => continue,
                }
            };
            let (Some(l), Some(p), Some(c)) = (f.level, f.change_points, f.change_pct) else {
                continue;
            };
            let name = f.entity.as_deref().unwrap_or(&f.surface);
            let hedged = [l.hedge, p.hedge, c.hedge].iter().any(Option::is_some);
            let severity = if hedged {
                Severity::Warning
            } else {
                Severity::Error
            };
            let (li, pi, ci) = (Interval::of(&l), Interval::of(&p), Interval::of(&c));
            let (pd, cd, ld) = (
                decimals_of(p.half_width),
                decimals_of(c.half_width),
                decimals_of(l.half_width),
            );
            if p.value * c.value < 0.0 {
                mark(verdicts, i, Verdict::Failed);
                let mut fd = finding_at(
                    "MF001",
                    severity,
                    f,
                    format!("{name}: the point change {} and the percent change {}% have opposite signs", fmt_num(p.value, pd), fmt_num(c.value, cd)),
                );
                fd.expected = Some("point and percent changes with the same sign".into());
                fd.found = Some(format!(
                    "{} points, {}%",
                    fmt_num(p.value, pd),
                    fmt_num(c.value, cd)
                ));
                out.push(fd);
                continue;
            }
            if l.value - p.value <= 0.0 {
                continue;
            }
            // a move the text gives no direction for (`crumbled 69.63 points, or 3.39 per cent,
            // to 1,983.15`, with a verb the lexicon lacks) is read as a rise; a fall that adds
            // up is as good a reading, and no finding is made on a guessed sign
            let unsigned = f.direction_word.is_none()
                && !p.explicit_sign
                && !c.explicit_sign
                && p.value > 0.0
                && c.value > 0.0;
            if unsigned {
                let (pn, cn) = (
                    Quantity {
                        value: -p.value,
                        ..p
                    },
                    Quantity {
                        value: -c.value,
                        ..c
                    },
                );
                let fall = range2(Interval::of(&pn), li, pct_from_points_level);
                if fall.overlaps(&Interval::of(&cn)) {
                    mark(verdicts, i, Verdict::Passed);
                    continue;
                }
            }
            let exact = pct_from_points_level(p.value, l.value);
            let range = range2(pi, li, pct_from_points_level);
            let prev = l.value - p.value;
            let arithmetic = format!(
                "{} / ({} − ({})) × 100 = {}%",
                fmt_num(p.value, pd),
                fmt_num(l.value, ld),
                fmt_num(p.value, pd),
                fmt_num(exact, cd + 3)
            );
            let tolerance = format!(
                "printed digits allow points ±{}, level ±{}, percent ±{}{}; the points and level allow a percent in [{}, {}]",
                fmt_num(p.half_width, pd + 1),
                fmt_num(l.half_width, ld + 1),
                fmt_num(c.half_width, cd + 1),
                if hedged { ", widened by the stated hedge" } else { "" },
                fmt_num(range.lo, cd + 3),
                fmt_num(range.hi, cd + 3)
            );
            let rounds_exactly =
                (round_to(exact, cd as u8) - c.value).abs() < 1e-9 && c.hedge.is_none();
            if rounds_exactly
                || c.hedge == Some(Hedge::About)
                    && range.overlaps(&ci)
                    && (exact - c.value).abs() <= c.half_width
            {
                mark(verdicts, i, Verdict::Passed);
            } else if range.overlaps(&ci) {
                mark(verdicts, i, Verdict::PassedByRounding);
                let mut fd = finding_at(
                    "MF001",
                    Severity::Note,
                    f,
                    format!(
                        "{name}: {}% agrees with the points and level only through rounding",
                        fmt_num(c.value, cd)
                    ),
                );
                fd.expected = Some(format!("{}%", fmt_num(exact, cd)));
                fd.found = Some(format!("{}%", fmt_num(c.value, cd)));
                fd.note = Some(format!("{arithmetic}; {tolerance}"));
                out.push(fd);
            } else {
                mark(verdicts, i, Verdict::Failed);
                let mut fd = finding_at(
                    "MF001",
                    severity,
                    f,
                    format!(
                        "{name}: a change of {} points to {} is {}%, but the text says {}%",
                        fmt_num(p.value, pd),
                        fmt_num(l.value, ld),
                        fmt_num(exact, cd),
                        fmt_num(c.value, cd)
                    ),
                );
                fd.expected = Some(format!(
                    "{}% (previous close {})",
                    fmt_num(exact, cd),
                    fmt_num(prev, ld)
                ));
                fd.found = Some(format!("{}%", fmt_num(c.value, cd)));
                fd.note = Some(format!("{arithmetic}; {tolerance}"));
                out.push(fd);
            }
        }
    }
}

/// A close the article states for the previous trading day (`전날 코스피는 … 2,968.21로
/// 마감`) fixes the base of the day's change: level − previous close must be the point
/// change, and (level / previous close − 1) × 100 the percent change.
fn check_against_previous_close(cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
    use crate::check::interval::range2;
    use crate::extract::{Role, Session};
    for (i, f) in cx.figures.iter().enumerate() {
        let (Some(l), Some(day)) = (f.level, f.event_date) else {
            continue;
        };
        if f.session != Session::Close
            || f.role != Role::Body
            || f.period
            || f.change_points.is_none() && f.change_pct.is_none()
        {
            continue;
        }
        let prev_day = crate::extract::lexicon::Market::Kr.previous_trading_day(day);
        let prev = cx.figures.iter().find(|g| {
            g.entity == f.entity
                && g.event_date == Some(prev_day)
                && g.session == Session::Close
                && g.role == Role::Body
                && g.level.is_some()
                && g.change_points.is_none()
                && g.change_pct.is_none()
        });
        let Some(prev) = prev else { continue };
        let Some(pl) = prev.level else { continue };
        let (li, pi) = (Interval::of(&l), Interval::of(&pl));
        let name = f.entity.as_deref().unwrap_or(&f.surface);
        let mut failed = false;
        let checks = [
            (
                "point change",
                f.change_points,
                range2(li, pi, |a, b| a - b),
                l.value - pl.value,
            ),
            (
                "percent change",
                f.change_pct,
                range2(li, pi, |a, b| (a / b - 1.0) * 100.0),
                (l.value / pl.value - 1.0) * 100.0,
            ),
        ];
        for (field, q, allowed, exact) in checks {
            let Some(q) = q else { continue };
            if allowed.overlaps(&Interval::of(&q)) {
                continue;
            }
            failed = true;
            let d = decimals_of(q.half_width);
            let sev = if q.hedge.is_some() || l.hedge.is_some() || pl.hedge.is_some() {
                Severity::Warning
            } else {
                Severity::Error
            };
            let mut fd = finding_at(
                "MF001",
                sev,
                f,
                format!(
                    "{name}: from the previous close {} (line {}) to {} is a {field} of {}, but the text says {}",
                    fmt_num(pl.value, decimals_of(pl.half_width)),
                    prev.line,
                    fmt_num(l.value, decimals_of(l.half_width)),
                    fmt_num(exact, d),
                    fmt_num(q.value, d)
                ),
            );
            fd.expected = Some(fmt_num(exact, d));
            fd.found = Some(fmt_num(q.value, d));
            fd.note = Some(format!(
                "the closes allow a {field} in [{}, {}]",
                fmt_num(allowed.lo, d + 1),
                fmt_num(allowed.hi, d + 1)
            ));
            fd.figures.push(crate::check::figure_ref(prev));
            out.push(fd);
        }
        mark(
            verdicts,
            i,
            if failed {
                Verdict::Failed
            } else {
                Verdict::Passed
            },
        );
    }
}

/// The figure at `i` completed with the fields it lacks from an earlier figure of the same
/// entity, day and closing session within two lines (none of the fields may clash).
/// Is the figure [`complement`] would complete figure `i` from bound with confidence?
fn complement_is_confident(cx: &Context, i: usize) -> bool {
    let f = &cx.figures[i];
    cx.figures[..i]
        .iter()
        .rev()
        .take_while(|g| g.article == f.article && f.line - g.line <= 2)
        .find(|g| g.entity == f.entity && g.event_date == f.event_date)
        .is_some_and(|g| cx.is_confident(g))
}

fn complement(cx: &Context, i: usize) -> Option<crate::extract::Figure> {
    use crate::extract::{Role, Session};
    let f = &cx.figures[i];
    // only a figure that refers back (`The stock fell $18.57`) continues the sentence before;
    // one that names its owner again is a claim of its own (`BP … shot up … to 4.06%`)
    if f.binding != crate::extract::Binding::Anaphor
        || f.role != Role::Body
        || f.session != Session::Close
        || f.entity.is_none()
        || cx.is_period_change(f)
    {
        return None;
    }
    let other = cx.figures[..i]
        .iter()
        .rev()
        .take_while(|g| g.article == f.article && f.line - g.line <= 2)
        .find(|g| {
            g.entity == f.entity
                && g.event_date == f.event_date
                && g.role == Role::Body
                && g.session == Session::Close
                && !cx.is_period_change(g)
                && (g.level.is_some() as u8
                    + g.change_points.is_some() as u8
                    + g.change_pct.is_some() as u8)
                    == 2
                && !(g.level.is_some() && f.level.is_some())
                && !(g.change_points.is_some() && f.change_points.is_some())
                && !(g.change_pct.is_some() && f.change_pct.is_some())
        })?;
    let mut c = f.clone();
    c.level = f.level.or(other.level);
    c.change_points = f.change_points.or(other.change_points);
    c.change_pct = f.change_pct.or(other.change_pct);
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};
    use crate::check::Severity;

    #[test]
    fn founding_nasdaq_triple_passes_and_a_wrong_percent_fails() {
        let ok = format!("{KO_HEAD}뉴욕증시에서 기술주 중심의 나스닥 지수는 전 거래일보다 612.47포인트(-3.07%) 급락한 19,341.83에 거래를 마쳤다.\n");
        assert!(findings_of("MF001", &ok).is_empty());
        let bad = ok.replace("-3.07%", "-3.70%");
        let f = findings_of("MF001", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].severity, f[0].line), (Severity::Error, 4));
        assert!(
            f[0].message.contains("-3.07%") && f[0].message.contains("-3.70%"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_move_without_a_known_direction_may_be_a_fall() {
        // `zonked` is no direction word; 40.5 / (1,209.5 + 40.5) = 3.24 % as a fall, but
        // 3.46 % as a rise: no finding on a sign the text never gave
        let ok = "Index slumps\nPosted: 2011-03-14 16:30\n\nThe Nasdaq composite index zonked 40.5 points, or 3.24 per cent, to 1,209.5.\n";
        assert!(
            findings_of("MF001", ok).is_empty(),
            "{:?}",
            findings_of("MF001", ok)
        );
        // … and a percent that fits neither reading is still an error
        let bad = ok.replace("3.24 per cent", "4.24 per cent");
        let f = findings_of("MF001", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_pass_that_needs_rounding_is_a_note() {
        // 2 / (100.00 − 2) = 2.04 %, but `2포인트` stands for [1.5, 2.5]: 2.55 % is reachable
        let text = format!("{KO_HEAD}코스닥 지수는 2포인트(2.55%) 오른 100.00에 마감했다.\n");
        let f = findings_of("MF001", &text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Note);
        assert!(
            f[0].note.as_deref().unwrap_or("").contains("±0.5"),
            "{:?}",
            f[0].note
        );
    }

    #[test]
    fn nearly_is_met_by_a_value_that_rounds_up_to_it() {
        // 9.2 / (317.7 + 9.2) = 2.81 %: `nearly 3 per cent`; 2.2 % is not nearly 3 %
        let ok = "Bank slides\nPosted: 2013-12-12 17:30\n\nShares of HSBC were off nearly 3 per cent, or 9.2p, at 317.7p.\n";
        let f = findings_of("MF001", ok);
        assert!(f.iter().all(|f| f.severity == Severity::Note), "{f:?}");
        let bad = ok.replace("9.2p", "7.2p");
        let f = findings_of("MF001", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].severity, f[0].line), (Severity::Warning, 4));
    }

    #[test]
    fn a_triple_split_over_two_sentences_is_checked() {
        let ok = "Meta sinks\nPosted: 2022-02-03 16:45:00 EST\n\nFeb 3 - Shares of Meta Platforms Inc plunged 26.39% to $237.76 on Thursday.\nThe stock fell $85.24 after the Facebook parent forecast weak revenue.\n";
        assert!(findings_of("MF001", ok).is_empty());
        let bad = ok.replace("26.39%", "23.69%");
        let f = findings_of("MF001", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 5);
    }

    #[test]
    fn the_previous_close_stated_in_the_article_fixes_the_base() {
        let ok = "코스피\n입력 2021.01.07 15:48\n\n7일 코스피는 63.47포인트(2.14%) 오른 3,031.68로 장을 마감했다.\n전날 코스피는 장 초반 3,027.16까지 올랐지만 2,968.21로 마감했다.\n";
        assert!(
            findings_of("MF001", ok).is_empty(),
            "{:?}",
            findings_of("MF001", ok)
        );
        let bad = ok.replace("2,968.21로", "2,986.21로");
        let f = findings_of("MF001", &bad);
        // both the point change (45.47 ≠ 63.47) and the percent (1.52 ≠ 2.14) break
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter().all(|f| f.line == 4 && f.figures.len() == 2),
            "{f:?}"
        );
    }

    #[test]
    fn opposite_signs_are_an_error() {
        // a price table: both signs printed
        let text = format!("{KO_HEAD}코스피 2,348.97 ▼61.63포인트 (+2.56%) 마감했다는 집계다.\n");
        let f = findings_of("MF001", &text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("opposite signs"));
    }
}
