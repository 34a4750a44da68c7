//! MF020: the same entity, day and session stated differently in two articles.

use super::Rule;
use crate::check::interval::Interval;
use crate::check::stated_fields;
use crate::check::{
    decimals_of, figure_ref, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity,
    Verdict,
};
use crate::extract::{Figure, Kind, Quantity, Role, Session};
use std::collections::BTreeMap;

const DOC: &str = r#"## What it does
Clusters the closing figures of the whole corpus by entity and trading day and compares
the articles with one another, field by field (percent, points, level).

## Why is this bad?
Two articles about the same close that print different numbers cannot both be right; the
finding points at both so an editor can check the source.

## Example
```text
a.txt: 다우존스30 산업평균지수는 289.33포인트(+0.65%) 오른 44,713.57에
b.txt: 다우 지수는 289.33포인트(0.65%) 오른 44,731.57에 마감했다.
```

## Tolerance
Each value's interval from its digits and hedges; the articles agree when the intervals
meet. Intraday prints and changes over a period are not compared. A disagreement is a
`warning`: which article is right takes a source.
"#;

pub(crate) struct CrossArticle;

impl Rule for CrossArticle {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF020",
            name: "cross-article-disagreement",
            summary: "two articles state the same close differently",
            doc: DOC,
            default_severity: Severity::Warning,
        }
    }

    fn scope(&self) -> super::Scope {
        super::Scope::Corpus
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        let mut groups: BTreeMap<(&str, chrono::NaiveDate), Vec<usize>> = BTreeMap::new();
        for (i, f) in cx.figures.iter().enumerate() {
            if f.role != Role::Body
                || f.session != Session::Close
                || !matches!(f.kind, Kind::Index | Kind::Stock | Kind::Fx)
            {
                continue;
            }
            if let (Some(e), Some(d)) = (f.entity.as_deref(), f.event_date) {
                if cx.is_confident(f) {
                    groups.entry((e, d)).or_default().push(i);
                }
            }
        }
        for ((entity, date), idxs) in groups {
            for (k, &j) in idxs.iter().enumerate() {
                let b = &cx.figures[j];
                for (field, qb) in stated_fields(b) {
                    let Some(qb) = qb else { continue };
                    let ib = Interval::of(&qb);
                    // the latest 256 mentions before this one bound the work on a corpus that
                    // repeats one story many times
                    let earlier = idxs[..k]
                        .iter()
                        .rev()
                        .take(256)
                        .map(|&i| &cx.figures[i])
                        .filter(|a| a.article != b.article);
                    let mut any = false;
                    let mut clash: Option<(&Figure, Quantity)> = None;
                    for a in earlier {
                        let Some(qa) = stated_fields(a)
                            .into_iter()
                            .find(|(n, _)| *n == field)
                            .and_then(|(_, q)| q)
                        else {
                            continue;
                        };
                        any = true;
                        if Interval::of(&qa).overlaps(&ib) {
                            clash = None;
                            break;
                        }
                        clash.get_or_insert((a, qa));
                    }
                    if !any {
                        continue;
                    }
                    match clash {
                        None => mark(verdicts, j, Verdict::Passed),
                        Some((a, qa)) => {
                            mark(verdicts, j, Verdict::Failed);
                            let (da, db) = (decimals_of(qa.half_width), decimals_of(qb.half_width));
                            let mut fd = finding_at(
                                "MF020",
                                Severity::Warning,
                                b,
                                format!(
                                    "{entity} on {date}: {field} {} here, but {} in {}:{}",
                                    fmt_num(qb.value, db),
                                    fmt_num(qa.value, da),
                                    a.article,
                                    a.line
                                ),
                            );
                            fd.expected = Some(fmt_num(qa.value, da));
                            fd.found = Some(fmt_num(qb.value, db));
                            fd.note = Some(format!(
                                "the two intervals [{}, {}] and [{}, {}] do not meet",
                                fmt_num(ib.lo, db + 1),
                                fmt_num(ib.hi, db + 1),
                                fmt_num(qa.value - qa.half_width, da + 1),
                                fmt_num(qa.value + qa.half_width, da + 1)
                            ));
                            fd.figures.push(figure_ref(a));
                            out.push(fd);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{run_many, KO_HEAD};
    use crate::check::Config;

    #[test]
    fn two_articles_with_different_closes_warn() {
        let a = format!("{KO_HEAD}다우존스30 산업평균지수는 전 거래일보다 289.33포인트(+0.65%) 오른 44,713.57에 마감했다.\n");
        let b = a.replace("44,713.57", "44,731.57");
        let (_, f) = run_many(&[("a.txt", &a), ("b.txt", &b)], &Config::default());
        assert_eq!(f.iter().filter(|f| f.code == "MF020").count(), 1, "{f:?}");
        let (_, f) = run_many(&[("a.txt", &a), ("c.txt", &a)], &Config::default());
        assert_eq!(f.iter().filter(|f| f.code == "MF020").count(), 0);
    }
}
