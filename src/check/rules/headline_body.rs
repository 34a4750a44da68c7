//! MF003: a figure in the headline or summary must agree with the body.

use super::Rule;
use crate::check::interval::Interval;
use crate::check::stated_fields;
use crate::check::{
    decimals_of, figure_ref, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity,
    Verdict,
};
use crate::extract::number::round_to;
use crate::extract::{Figure, Quantity, Role};

const DOC: &str = r#"## What it does
Compares each figure of the headline, subtitle or summary bullets with the body figures of
the same entity and day: percent with percent, points with points, level with level.

## Why is this bad?
Readers see the headline first and often only the headline. `코스피 7.77%↓` over a body
that says 8.77 % misreports the day.

## Example
```text
코스피 7.77%↓ 역대 최대 낙폭
...
코스피는 234.64포인트(8.77%) 내린 2,441.55에 거래를 마쳤다.
```
Use instead `코스피 8.77%↓`.

## Tolerance
The headline is held to its own digits: `17%` stands for [16.5, 17.5] and also covers a
truncated 17.40 (headlines often cut decimals), so `엔비디아·브로드컴 17%↓` agrees with
−16.97 % and −17.40 %; such a pass is reported as a `note`. Hedges widen it (`nearly 3,000`
allows up to 3,000; `more than 3,000` needs at least 3,000). A headline that holds only when
read as rounded to its last non-zero digit (`1,100 points` for 1,123.03, `400포인트` for
408.34) is how headlines round: a `note` that says so. The
headline is compared with the body's exact statements of the same session when there are any
(a hedged lead does not excuse it). A headline figure whose entity has no body figure is not
checkable.
"#;

pub(crate) struct HeadlineBody;

/// Interval of a headline number: its rounding, plus truncation of the body value.
fn headline_interval(q: &Quantity, beyond_digits: bool) -> Interval {
    let mut i = Interval::of(q);
    if q.hedge.is_some() {
        return i;
    }
    // read beyond its digits, an integer with trailing zeros (`Dow sheds 1,100 points`) is
    // rounded to its last non-zero digit: 1,100 stands for [1,050, 1,150]
    let mut half = q.half_width;
    if beyond_digits && (q.half_width - 0.5).abs() < 1e-12 && q.value != 0.0 {
        let mut v = q.value.abs().round() as u64;
        while v > 0 && v.is_multiple_of(10) {
            v /= 10;
            half *= 10.0;
        }
        i = Interval {
            lo: q.value - half,
            hi: q.value + half,
        };
    }
    let step = 2.0 * half;
    if q.value >= 0.0 {
        Interval {
            lo: i.lo,
            hi: i.hi.max(q.value + step),
        }
    } else {
        Interval {
            lo: i.lo.min(q.value - step),
            hi: i.hi,
        }
    }
}

impl Rule for HeadlineBody {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF003",
            name: "headline-body-mismatch",
            summary: "a headline figure disagrees with the body",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        for idxs in cx.per_article() {
            for &hi in &idxs {
                let h = &cx.figures[hi];
                if h.role != Role::Headline || h.entity.is_none() || h.surface.is_empty() {
                    continue;
                }
                // a change over a period is not the day's move; its level is still the day's
                // (`사상 첫 3,000 돌파…3,031.68 마감`)
                let period = cx.is_period_change(h);
                let body: Vec<&Figure> = idxs
                    .iter()
                    .map(|&j| &cx.figures[j])
                    .filter(|b| {
                        b.role == Role::Body
                            && b.entity == h.entity
                            && b.event_date == h.event_date
                            && b.session == h.session
                            && cx.is_confident(b)
                    })
                    .collect();
                for (field, hq) in stated_fields(h) {
                    let Some(hq) = hq else { continue };
                    if period && field != "level" {
                        continue;
                    }
                    let candidates: Vec<(&Figure, Quantity)> = body
                        .iter()
                        .filter_map(|b| {
                            stated_fields(b)
                                .into_iter()
                                .find(|(n, _)| *n == field)
                                .and_then(|(_, q)| q)
                                .map(|q| (*b, q))
                        })
                        .collect();
                    if candidates.is_empty() {
                        continue;
                    }
                    // hold the headline to the body's exact statements when there are any (a
                    // hedged lead `2% 넘게` must not excuse a headline that contradicts `2.56%`)
                    let exact_body: Vec<(&Figure, Quantity)> = candidates
                        .iter()
                        .filter(|(_, q)| q.hedge.is_none())
                        .copied()
                        .collect();
                    let candidates = if exact_body.is_empty() {
                        candidates
                    } else {
                        exact_body
                    };
                    let hint = headline_interval(&hq, false);
                    let loose = headline_interval(&hq, true);
                    let d = decimals_of(hq.half_width);
                    let exact = candidates.iter().find(|(_, q)| {
                        (round_to(q.value, d as u8) - hq.value).abs() < 1e-9 && hq.hedge.is_none()
                    });
                    let compatible = candidates
                        .iter()
                        .find(|(_, q)| hint.overlaps(&Interval::of(q)));
                    let beyond = candidates
                        .iter()
                        .find(|(_, q)| loose.overlaps(&Interval::of(q)));
                    let name = h.entity.as_deref().unwrap_or_default();
                    if exact.is_some() {
                        mark(verdicts, hi, Verdict::Passed);
                    } else if let Some((b, q)) = compatible.or(beyond) {
                        mark(verdicts, hi, Verdict::PassedByRounding);
                        let bd = decimals_of(q.half_width);
                        if compatible.is_none() {
                            // `1,100 points` for 1,123.03: true only if the headline rounds beyond
                            // the digits it prints, as headlines do (`다우 400포인트 상승` for
                            // 408.34): a note, not an alarm
                            let mut fd = finding_at(
                                "MF003",
                                Severity::Note,
                                h,
                                format!(
                                    "{name}: headline {field} {} is the body's {} rounded beyond its printed digits",
                                    fmt_num(hq.value, d),
                                    fmt_num(q.value, bd)
                                ),
                            );
                            fd.expected = Some(fmt_num(q.value, bd));
                            fd.found = Some(h.text.clone());
                            fd.note = Some(format!(
                                "printed as {} it stands for [{}, {}]; only rounding to its last non-zero digit ([{}, {}]) reaches the body (line {})",
                                fmt_num(hq.value, d),
                                fmt_num(hint.lo, d + 1),
                                fmt_num(hint.hi, d + 1),
                                fmt_num(loose.lo, d),
                                fmt_num(loose.hi, d),
                                b.line
                            ));
                            fd.figures.push(figure_ref(b));
                            out.push(fd);
                        } else if hq.hedge.is_none() {
                            let mut fd = finding_at(
                                "MF003",
                                Severity::Note,
                                h,
                                format!("{name}: headline {field} {} agrees with the body's {} only by rounding", fmt_num(hq.value, d), fmt_num(q.value, bd)),
                            );
                            fd.note = Some(format!(
                                "the headline's digits allow [{}, {}] (rounding or truncation); body line {}",
                                fmt_num(hint.lo, d + 1),
                                fmt_num(hint.hi, d + 1),
                                b.line
                            ));
                            fd.figures.push(figure_ref(b));
                            out.push(fd);
                        }
                    } else {
                        mark(verdicts, hi, Verdict::Failed);
                        let (b, q) = candidates[0];
                        let bd = decimals_of(q.half_width);
                        let severity = if hq.hedge.is_some() {
                            Severity::Warning
                        } else {
                            Severity::Error
                        };
                        let mut fd = finding_at(
                            "MF003",
                            severity,
                            h,
                            format!(
                                "{name}: the headline says {field} {}, but the body (line {}) says {}",
                                fmt_num(hq.value, d),
                                b.line,
                                fmt_num(q.value, bd)
                            ),
                        );
                        fd.expected = Some(fmt_num(q.value, bd));
                        fd.found = Some(h.text.clone());
                        fd.note = Some(format!(
                            "the headline's digits{} allow [{}, {}]; no body figure for {name} on this day falls inside",
                            if hq.hedge.is_some() { " and hedge" } else { "" },
                            fmt_num(hint.lo, d + 1),
                            fmt_num(hint.hi, d + 1)
                        ));
                        for (b, _) in &candidates {
                            fd.figures.push(figure_ref(b));
                        }
                        out.push(fd);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::findings_of;
    use crate::check::Severity;

    const BODY: &str = "입력 2024.08.05 16:40\n\n5일 유가증권시장에서 코스피는 전 거래일보다 234.64포인트(8.77%) 내린 2,441.55에 거래를 마쳤다.\n";

    #[test]
    fn headline_agreeing_exactly_is_silent_and_a_wrong_one_is_an_error() {
        let ok = format!("코스피 8.77%↓ 역대 최대 낙폭\n{BODY}");
        assert!(findings_of("MF003", &ok).is_empty());
        let bad = format!("코스피 7.77%↓ 역대 최대 낙폭\n{BODY}");
        let f = findings_of("MF003", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].severity, f[0].line), (Severity::Error, 1));
    }

    #[test]
    fn a_rounded_headline_is_a_note() {
        // 8.77 % rounds to 9, not 8: `8%` holds only as a truncation
        let text = format!("코스피 8%↓ 역대 최대 낙폭\n{BODY}");
        let f = findings_of("MF003", &text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Note);
    }
}
