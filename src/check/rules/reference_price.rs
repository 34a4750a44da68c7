//! MF030: closing figures against official closes from `--reference FILE`.

use super::Rule;
use crate::check::interval::Interval;
use crate::check::{
    decimals_of, finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict,
};
use crate::extract::Session;

const DOC: &str = r#"## What it does
With `--reference FILE` (CSV: `date,symbol,close[,prev_close]`), holds every figure whose
session is `close` to the official close of its symbol and trading day: the level to the
close, and, when the previous close is given, the point and percent changes to
`close − prev_close` and `(close / prev_close − 1) × 100`. Intraday figures are not held to
the close.

## Why is this bad?
A close that differs from the exchange's official number, even by a cent, is a typo or a
provisional print that was never corrected.

## Example
```text
다우존스30 산업평균지수는 ... 44,713.57에 거래됐다.   # official close 44,713.58
```

## Tolerance
The printed value's interval (44,713.57 stands for [44,713.565, 44,713.575]) must contain
the official value rounded the same way. A miss by at most ten units of the last printed
digit is a `warning` (a typo or a provisional print); a larger miss is an `error`.
"#;

pub(crate) struct ReferencePrice;

impl Rule for ReferencePrice {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF030",
            name: "reference-close-mismatch",
            summary: "a closing figure differs from the official close",
            doc: DOC,
            default_severity: Severity::Warning,
        }
    }

    fn scope(&self) -> super::Scope {
        super::Scope::Corpus
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        let Some(reference) = cx.config.reference.as_ref() else {
            return;
        };
        for (i, f) in cx.figures.iter().enumerate() {
            if f.session != Session::Close {
                continue;
            }
            let (Some(sym), Some(date)) = (f.symbol.as_deref(), f.event_date) else {
                continue;
            };
            let Some(c) = reference.get(sym, date) else {
                continue;
            };
            let name = f.entity.as_deref().unwrap_or(sym);
            let mut checks = vec![("level", f.level, Some(c.close))];
            if let Some(prev) = c.prev_close {
                checks.push(("point change", f.change_points, Some(c.close - prev)));
                checks.push((
                    "percent change",
                    f.change_pct,
                    Some((c.close / prev - 1.0) * 100.0),
                ));
            }
            let mut failed = false;
            let mut any = false;
            for (field, q, official) in checks {
                let (Some(q), Some(official)) = (q, official) else {
                    continue;
                };
                any = true;
                let d = decimals_of(q.half_width);
                let rounded = (official * 10f64.powi(d as i32)).round() / 10f64.powi(d as i32);
                if Interval::of(&q).contains(rounded) {
                    continue;
                }
                failed = true;
                let miss = (q.value - official).abs();
                let sev = if miss <= 20.0 * q.half_width {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let mut fd = finding_at(
                    "MF030",
                    sev,
                    f,
                    format!("{name} closed at {} on {date}; the text's {field} {} differs from the official {}", fmt_num(c.close, c.decimals), fmt_num(q.value, d), fmt_num(official, d)),
                );
                fd.expected = Some(fmt_num(official, d));
                fd.found = Some(fmt_num(q.value, d));
                fd.note = Some(format!(
                    "reference {}: {sym} {date} close {}{}; off by {}",
                    reference.path,
                    fmt_num(c.close, c.decimals),
                    c.prev_close
                        .map(|p| format!(", previous close {}", fmt_num(p, c.decimals)))
                        .unwrap_or_default(),
                    fmt_num(miss, d)
                ));
                out.push(fd);
            }
            if any {
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
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{run_many, KO_HEAD};
    use crate::check::{Config, Reference, Severity};

    #[test]
    fn a_cent_off_the_official_dow_close_is_a_warning() {
        let text = format!("{KO_HEAD}27일 다우존스30 산업평균지수는 전 거래일보다 289.33포인트(+0.65%) 오른 44,713.57에 거래를 마쳤다.\n")
            .replace("2024.08.05", "2025.01.28");
        let reference = Reference::parse(
            "ref.csv",
            "date,symbol,close,prev_close\n2025-01-27,^DJI,44713.58,44424.25\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let config = Config {
            reference: Some(reference),
            ..Config::default()
        };
        let (_, f) = run_many(&[("a.txt", &text)], &config);
        let f: Vec<_> = f.into_iter().filter(|f| f.code == "MF030").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("44,713.58"));
    }
}
