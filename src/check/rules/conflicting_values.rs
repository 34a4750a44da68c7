//! MF004: one entity, one day, one session, two different values in the same article.

use super::Rule;
use crate::check::interval::Interval;
use crate::check::stated_fields;
use crate::check::{
    decimals_of, figure_ref, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity,
    Verdict,
};
use crate::extract::{Role, Session};

const DOC: &str = r#"## What it does
Within one article, compares the body figures of the same entity, trading day and closing
session field by field (percent, points, level).

## Why is this bad?
`코스피가 2% 넘게 급락했다` in the lead and `코스피는 1.56% 내린` in the body cannot both
describe the same close.

## Example
```text
코스피가 3% 넘게 급락했다. ... 코스피는 61.63포인트(2.56%) 내린 2,348.97로 거래를 마쳤다.
```
Use instead `코스피가 2% 넘게 급락했다`.

## Tolerance
Each value's interval from its digits and hedges (`2% 넘게` is any fall of at least 1.5 %).
Changes over a period (`올해 들어서만 16% 넘게`, year to date) and intraday prints (opening,
high, low) are different facts and are not compared.
"#;

pub(crate) struct ConflictingValues;

impl Rule for ConflictingValues {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF004",
            name: "conflicting-values",
            summary: "the same entity and day are stated with different values",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        for idxs in cx.per_article() {
            let body: Vec<usize> = idxs
                .into_iter()
                .filter(|&i| {
                    let f = &cx.figures[i];
                    f.role == Role::Body
                        && f.entity.is_some()
                        && f.session == Session::Close
                        && f.event_date.is_some()
                        && cx.is_confident(f)
                })
                .collect();
            for (k, &i) in body.iter().enumerate() {
                let a = &cx.figures[i];
                for &j in &body[k + 1..] {
                    let b = &cx.figures[j];
                    if a.entity != b.entity || a.event_date != b.event_date {
                        continue;
                    }
                    // a lone number on both sides (`3%`, `2,400`) is too thin to call a
                    // conflict: one side must state the move in full (two values or more)
                    let stated = |f: &crate::extract::Figure| {
                        stated_fields(f).iter().filter(|(_, q)| q.is_some()).count()
                    };
                    if stated(a) < 2 && stated(b) < 2 {
                        continue;
                    }
                    for ((field, qa), (_, qb)) in stated_fields(a).into_iter().zip(stated_fields(b))
                    {
                        let (Some(qa), Some(qb)) = (qa, qb) else {
                            continue;
                        };
                        let (ia, ib) = (Interval::of(&qa), Interval::of(&qb));
                        if ia.overlaps(&ib) {
                            mark(verdicts, j, Verdict::Passed);
                            continue;
                        }
                        mark(verdicts, j, Verdict::Failed);
                        let severity = if qa.hedge.is_some() || qb.hedge.is_some() {
                            Severity::Warning
                        } else {
                            Severity::Error
                        };
                        let name = b.entity.as_deref().unwrap_or_default();
                        let (da, db) = (decimals_of(qa.half_width), decimals_of(qb.half_width));
                        let mut fd = finding_at(
                            "MF004",
                            severity,
                            b,
                            format!(
                                "{name}: {field} {} here, but {} on line {} for the same day",
                                fmt_num(qb.value, db),
                                fmt_num(qa.value, da),
                                a.line
                            ),
                        );
                        fd.expected = Some(fmt_num(qa.value, da));
                        fd.found = Some(fmt_num(qb.value, db));
                        fd.note = Some(format!(
                            "line {} allows [{}, {}], this line allows [{}, {}]",
                            a.line,
                            fmt_num(ia.lo, da + 1),
                            fmt_num(ia.hi, da + 1),
                            fmt_num(ib.lo, db + 1),
                            fmt_num(ib.hi, db + 1)
                        ));
                        fd.figures.push(figure_ref(a));
                        out.push(fd);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};

    #[test]
    fn lead_and_body_must_agree() {
        let body = "코스피는 전 거래일 대비 61.63포인트(2.56%) 내린 2,348.97로 거래를 마쳤다.\n";
        let ok = format!("{KO_HEAD}코스피가 2% 넘게 급락했다.\n{body}");
        assert!(findings_of("MF004", &ok).is_empty());
        let bad = format!("{KO_HEAD}코스피가 3% 넘게 급락했다.\n{body}");
        assert_eq!(findings_of("MF004", &bad).len(), 1);
    }

    #[test]
    fn year_to_date_is_not_the_day() {
        let text = format!("{KO_HEAD}닛케이225 지수는 전날보다 836.52포인트(2.19%) 오른 39,098.68에 거래를 마쳤다.\n닛케이 지수는 올해 들어서만 16% 넘게 상승했다.\n");
        assert!(findings_of("MF004", &text).is_empty());
    }
}
