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

One of the two figures must be the day's close by its own words (`거래를 마쳤다`, `closed at`,
`이날`) or state a level with its move; a bare move right after a sentence about a period
(`올해 들어 12% 상승했다. 경방도 4.1% 올랐다`) continues that period and is not compared.

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
                    // … and one side must be the day's close by its own words (`거래를
                    // 마쳤다`, `closed at`, `이날`) or state where the market stood and how far
                    // it moved: two bare moves may both belong to periods the text leaves
                    // implicit
                    if !anchored(cx, a) && !anchored(cx, b) {
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

/// Words that tie a figure to the day's close or to the day itself.
const CLOSE_CUES: &[&str] = &[
    "마감",
    "마쳤",
    "마친",
    "마치",
    "끝냈",
    "끝났",
    "장을",
    "이날",
    "오늘",
    "closed",
    "closing",
    "to close",
    "to end",
    "ended",
    "finished",
    "settled",
    "today",
    "on the day",
];

/// Is `f` the day's close by its own words, or a full quote (a level and its move)?
fn anchored(cx: &Context, f: &crate::extract::Figure) -> bool {
    f.level.is_some() && (f.change_points.is_some() || f.change_pct.is_some())
        || stated_as_close(cx, f)
}

/// Does the sentence that holds `f`'s numbers name the close or the day?
fn stated_as_close(cx: &Context, f: &crate::extract::Figure) -> bool {
    let Some(article) = cx.article(f) else {
        return false;
    };
    let text = article.text.as_str();
    let spans = [f.level, f.change_points, f.change_pct]
        .into_iter()
        .flatten()
        .map(|q| q.text_span);
    let (Some(lo), Some(hi)) = (spans.clone().map(|s| s.0).min(), spans.map(|s| s.1).max()) else {
        return false;
    };
    let (Some(before), Some(after)) = (text.get(..lo), text.get(hi..)) else {
        return false;
    };
    // sentence ends: a line break, or a full stop before a space (not a decimal point)
    let start = [before.rfind('\n'), before.rfind(". ").map(|i| i + 1)]
        .into_iter()
        .flatten()
        .max()
        .map_or(0, |i| i + 1);
    let end = hi
        + [after.find('\n'), after.find(". ")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(after.len());
    let sentence = text.get(start..end).unwrap_or_default();
    CLOSE_CUES.iter().any(|c| sentence.contains(c))
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};

    #[test]
    fn a_bare_move_a_sentence_after_a_period_is_not_the_close() {
        let text = format!("{KO_HEAD}대한방직은 4만9800원에서 3만4900원(-29.92%)으로 내려앉았다. 대한방직은 올해 들어 12% 상승했다. 대한방직도 지난주 4.1% 올랐다.\n");
        assert!(findings_of("MF004", &text).is_empty());
    }

    #[test]
    fn lead_and_body_must_agree() {
        let body = "코스피는 전 거래일 대비 61.63포인트(2.56%) 내린 2,348.97로 거래를 마쳤다.\n";
        let ok = format!("{KO_HEAD}코스피가 이날 2% 넘게 급락했다.\n{body}");
        assert!(findings_of("MF004", &ok).is_empty());
        let bad = format!("{KO_HEAD}코스피가 이날 3% 넘게 급락했다.\n{body}");
        assert_eq!(findings_of("MF004", &bad).len(), 1);
    }

    #[test]
    fn year_to_date_is_not_the_day() {
        let text = format!("{KO_HEAD}닛케이225 지수는 전날보다 836.52포인트(2.19%) 오른 39,098.68에 거래를 마쳤다.\n닛케이 지수는 올해 들어서만 16% 넘게 상승했다.\n");
        assert!(findings_of("MF004", &text).is_empty());
    }
}
