//! MF002: a printed sign must agree with the direction word bound to the figure.

use super::Rule;
use crate::check::{finding_at, mark, Context, Finding, RuleInfo, Severity, Verdict};

const DOC: &str = r#"## What it does
Compares a printed sign or arrow (`-5.16%`, `+0.65%`, `▼`, `↑`) with the direction word bound
to the same figure (급등/급락, 오른/내린, rose/fell).

## Why is this bad?
`632.84포인트(-5.16%) 급등한` says both "fell" and "surged". One of them is wrong, and a
reader cannot tell which.

## Example
```text
나스닥 지수는 632.84포인트(-5.16%) 급등한 11,633.57에 거래를 마쳤다.
```
Use instead:
```text
나스닥 지수는 632.84포인트(-5.16%) 급락한 11,633.57에 거래를 마쳤다.
```

## Tolerance
None: a sign is a sign. Only words bound to the figure count (the verb of its clause, a
noun such as 하락폭 before it); a word elsewhere in the sentence does not.
"#;

pub(crate) struct SignDirection;

impl Rule for SignDirection {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF002",
            name: "sign-direction-mismatch",
            summary: "a printed sign contradicts the direction word",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        for (i, f) in cx.figures.iter().enumerate() {
            let Some(dir) = f.direction_word else {
                continue;
            };
            let signed = [f.change_points, f.change_pct]
                .into_iter()
                .flatten()
                .find(|q| q.explicit_sign && q.value != 0.0);
            let Some(q) = signed else { continue };
            if q.value.signum() == dir.sign() {
                mark(verdicts, i, Verdict::Passed);
                continue;
            }
            mark(verdicts, i, Verdict::Failed);
            let name = f.entity.as_deref().unwrap_or(&f.surface);
            let word = f.direction_text.as_deref().unwrap_or(dir.as_str());
            let printed = if q.value < 0.0 {
                "a minus sign"
            } else {
                "a plus sign"
            };
            let mut fd = finding_at(
                "MF002",
                Severity::Error,
                f,
                format!(
                    "{name}: `{word}` says the figure went {}, but it is printed with {printed}",
                    dir.as_str()
                ),
            );
            fd.expected = Some(format!("a change going {}", dir.as_str()));
            fd.found = Some(format!("{:+}", q.value));
            fd.note = Some(format!("the direction word `{word}` is bound to this figure; the printed sign and the word must agree"));
            out.push(fd);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};

    #[test]
    fn minus_sign_with_a_rise_word_is_flagged() {
        let ok = format!("{KO_HEAD}13일(현지시간) 나스닥 지수는 전 거래일보다 632.84포인트(-5.16%) 급락한 11,633.57에 거래를 마쳤다.\n");
        assert!(findings_of("MF002", &ok).is_empty());
        let bad = ok.replace("급락한", "급등한");
        let f = findings_of("MF002", &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("급등"), "{}", f[0].message);
    }

    #[test]
    fn a_word_for_another_figure_does_not_bind() {
        // NAVER's minus sign is not contradicted by the sentence's closing verb
        let text = format!(
            "{KO_HEAD}시가총액 상위 종목 가운데 NAVER(-0.17%)를 제외한 전 종목이 올랐다.\n"
        );
        assert!(findings_of("MF002", &text).is_empty());
    }
}
