//! MF021: the same money amount reported by different articles with different digits.

use super::Rule;
use crate::check::interval::Interval;
use crate::check::{
    figure_ref, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict,
};
use crate::extract::Kind;

const DOC: &str = r#"## What it does
Clusters money amounts of the same currency across articles that are within 2 % of each
other (`5.58백만 달러` and `557만 달러`) and compares their rounding intervals.

## Why is this bad?
Two articles quoting one amount with different digits usually copy different sources or
convert units by hand; a reader should know when the agreement hangs on rounding.

## Example
```text
a.txt: 훈련 비용(약 5.58백만 달러)
b.txt: 비용으로 따지면 557만 달러
```
5.58백만 stands for [5,575,000, 5,585,000] and 557만 for [5,565,000, 5,575,000]: they meet
only at 5,575,000.

## Tolerance
Each amount's interval from its digits and hedges. This rule only informs: it reports a
`note` when the amounts meet only through rounding or differ slightly, never more, because
two close amounts may be two different things.
"#;

pub(crate) struct AmountConsensus;

impl Rule for AmountConsensus {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF021",
            name: "amount-consensus",
            summary: "the same amount is reported with different digits in two articles",
            doc: DOC,
            default_severity: Severity::Note,
        }
    }

    fn scope(&self) -> super::Scope {
        super::Scope::Corpus
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        // distinct (currency, amount) values, each with the first figure that states it; a
        // figure is compared with the distinct values within 2 % of its own (sorted, so the
        // work grows with the number of distinct amounts, not with its square)
        let mut first_of: std::collections::BTreeMap<(String, u64), usize> =
            std::collections::BTreeMap::new();
        for (i, f) in cx.figures.iter().enumerate() {
            if let (Kind::Money, Some(q), Some(c)) = (f.kind, f.amount, f.currency.as_ref()) {
                first_of
                    .entry((c.clone(), q.value.abs().to_bits()))
                    .or_insert(i);
            }
        }
        let mut by_currency: std::collections::BTreeMap<&str, Vec<(f64, usize)>> =
            std::collections::BTreeMap::new();
        for ((c, bits), &i) in &first_of {
            by_currency
                .entry(c.as_str())
                .or_default()
                .push((f64::from_bits(*bits), i));
        }
        for values in by_currency.values_mut() {
            values.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        for (j, b) in cx.figures.iter().enumerate() {
            let (Kind::Money, Some(qb), Some(cur)) = (b.kind, b.amount, b.currency.as_deref())
            else {
                continue;
            };
            let Some(values) = by_currency.get(cur) else {
                continue;
            };
            let v = qb.value.abs();
            let lo = values.partition_point(|(x, _)| *x < v * 0.98);
            // the earliest other-article figure among the distinct nearby amounts
            let partner = values[lo..]
                .iter()
                .take_while(|(x, _)| *x <= v * 1.02)
                .filter(|(x, i)| *x != v && *i < j && cx.figures[*i].article != b.article)
                .map(|(_, i)| *i)
                .min();
            let Some(i) = partner else { continue };
            let a = &cx.figures[i];
            let Some(qa) = a.amount else { continue };
            let rel = (qa.value - qb.value).abs() / qa.value.abs().max(qb.value.abs());
            let (ia, ib) = (Interval::of(&qa), Interval::of(&qb));
            let meets = ia.overlaps(&ib);
            mark(
                verdicts,
                j,
                if meets {
                    Verdict::PassedByRounding
                } else {
                    Verdict::Passed
                },
            );
            let message = if meets {
                format!(
                    "{} here and {} in {}:{} agree only at the edge of rounding",
                    b.text.trim(),
                    a.text.trim(),
                    a.article,
                    a.line
                )
            } else {
                format!(
                    "{} here and {} in {}:{} differ by {:.1} %: the same amount?",
                    b.text.trim(),
                    a.text.trim(),
                    a.article,
                    a.line,
                    rel * 100.0
                )
            };
            let mut fd = finding_at("MF021", Severity::Note, b, message);
            fd.note = Some(format!(
                "{} {cur} stands for [{}, {}]; {} {cur} for [{}, {}]",
                b.text.trim(),
                fmt_num(ib.lo, 0),
                fmt_num(ib.hi, 0),
                a.text.trim(),
                fmt_num(ia.lo, 0),
                fmt_num(ia.hi, 0)
            ));
            fd.figures.push(figure_ref(a));
            out.push(fd);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{run_many, KO_HEAD};
    use crate::check::{Config, Severity};

    #[test]
    fn amounts_meeting_at_the_rounding_edge_are_a_note() {
        let a = format!("{KO_HEAD}딥시크가 발표한 훈련 비용(약 5.58백만 달러)이 낮게 보고됐다.\n");
        let b = format!("{KO_HEAD}비용으로 따지면 557만 달러 정도다.\n");
        let (_, f) = run_many(&[("a.txt", &a), ("b.txt", &b)], &Config::default());
        let f: Vec<_> = f.into_iter().filter(|f| f.code == "MF021").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Note);
        assert!(
            f[0].message.contains("edge of rounding"),
            "{}",
            f[0].message
        );
    }
}
