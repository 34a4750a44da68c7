//! MF006: a change that cannot happen.

use super::Rule;
use crate::check::{finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict};

const DOC: &str = r#"## What it does
Flags percent changes that no price can make: a fall of 100 % or more, and a level of
zero or below for an index or a share price.

## Why is this bad?
A price cannot fall by more than all of its value; such a number is a typo or a
percentage-point figure printed as a percent.

## Example
```text
엔비디아는 116.97% 폭락했다.
```
Use instead `엔비디아는 16.97% 폭락했다`.

## Tolerance
None: the limits are exact.
"#;

pub(crate) struct ImpossibleChange;

impl Rule for ImpossibleChange {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF006",
            name: "impossible-change",
            summary: "a percent change or level no price can have",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    fn check(&self, _cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        for (i, f) in _cx.figures.iter().enumerate() {
            let name = f.entity.as_deref().unwrap_or(&f.surface);
            if let Some(p) = f.change_pct.filter(|p| p.value <= -100.0) {
                mark(verdicts, i, Verdict::Failed);
                let mut fd = finding_at(
                    "MF006",
                    Severity::Error,
                    f,
                    format!("{name}: a fall of {}% is impossible", fmt_num(-p.value, 2)),
                );
                fd.expected = Some("a fall of less than 100%".into());
                fd.found = Some(format!("{}%", fmt_num(p.value, 2)));
                out.push(fd);
            }
            if let Some(l) = f.level.filter(|l| l.value <= 0.0) {
                mark(verdicts, i, Verdict::Failed);
                out.push(finding_at(
                    "MF006",
                    Severity::Error,
                    f,
                    format!("{name}: a level of {} is impossible", fmt_num(l.value, 2)),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};

    #[test]
    fn a_fall_beyond_everything_is_flagged() {
        let bad = format!("{KO_HEAD}엔비디아는 전 거래일 대비 116.97%나 폭락했다.\n");
        assert_eq!(findings_of("MF006", &bad).len(), 1);
        let ok = format!("{KO_HEAD}엔비디아는 전 거래일 대비 16.97%나 폭락했다.\n");
        assert!(findings_of("MF006", &ok).is_empty());
    }
}
