//! MF005: a percent where percentage points are meant, or the reverse.

use super::Rule;
use crate::check::{finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict};
use crate::extract::Kind;

const DOC: &str = r#"## What it does
Flags a price (index, stock, FX, commodity, crypto) whose change is printed in percentage
points (`%p`, `%포인트`, `percentage points`), and notes a rate or yield whose change is
printed as a plain percent.

## Why is this bad?
Percentage points measure the change of a rate (a yield going from 4.00 % to 4.25 % rose
0.25 %p); a percent measures a relative change. `코스피가 2.5%p 하락` mixes the two, and
`금리가 0.25% 올랐다` leaves the reader guessing whether the rate rose by a quarter point or
by a quarter of one percent of itself.

## Example
```text
코스피는 61.63포인트(2.56%p) 내린 2,348.97로 거래를 마쳤다.
```
Use instead `61.63포인트(2.56%) 내린`; for a rate, `금리는 0.25%p 오른 3.50%`.

## Tolerance
None: the unit is what is printed. A price in %p is a `warning`; a rate's change in % is a
`note`, since some desks write it that way on purpose.
"#;

pub(crate) struct PercentPointConfusion;

impl Rule for PercentPointConfusion {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF005",
            name: "percent-point-confusion",
            summary: "percent and percentage points are confused",
            doc: DOC,
            default_severity: Severity::Warning,
        }
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        for (i, f) in cx.figures.iter().enumerate() {
            let Some(p) = f.change_pct else { continue };
            let name = f.entity.as_deref().unwrap_or(&f.surface);
            match f.kind {
                Kind::Index | Kind::Stock | Kind::Fx | Kind::Commodity | Kind::Crypto
                    if f.pct_is_points =>
                {
                    mark(verdicts, i, Verdict::Failed);
                    let mut fd = finding_at(
                        "MF005",
                        Severity::Warning,
                        f,
                        format!(
                            "{name}: a price change is printed in percentage points ({}%p)",
                            fmt_num(p.value, 2)
                        ),
                    );
                    fd.expected = Some(format!("{}%", fmt_num(p.value, 2)));
                    fd.found = Some(format!("{}%p", fmt_num(p.value, 2)));
                    fd.note = Some("percentage points are the unit of a rate's change; a price changes by a percent".into());
                    out.push(fd);
                }
                Kind::Rate if !f.pct_is_points => {
                    let mut fd = finding_at(
                        "MF005",
                        Severity::Note,
                        f,
                        format!("{name}: a rate's change is printed as a percent ({}%); percentage points (%p) may be meant", fmt_num(p.value, 2)),
                    );
                    fd.note = Some(
                        "a rate that moves from 3.25% to 3.50% rose 0.25%p, or 7.7% of itself"
                            .into(),
                    );
                    out.push(fd);
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};
    use crate::check::Severity;

    #[test]
    fn a_price_in_percentage_points_warns() {
        let bad = format!(
            "{KO_HEAD}코스피는 전 거래일 대비 61.63포인트(2.56%p) 내린 2,348.97로 거래를 마쳤다.\n"
        );
        let f = findings_of("MF005", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        let ok = bad.replace("2.56%p", "2.56%");
        assert!(findings_of("MF005", &ok).is_empty());
    }

    #[test]
    fn a_rate_in_percentage_points_is_fine() {
        let ok = format!("{KO_HEAD}국고채 3년물 금리는 0.05%p 오른 3.25%에 마감했다.\n");
        assert!(findings_of("MF005", &ok).is_empty());
    }
}
