//! MF011: a ratio claim (`A의 N분의 1`, `N배`, `절반`, `a third of its value`) against the
//! amounts it compares.

use super::Rule;
use crate::check::interval::{range2, Interval};
use crate::check::{finding_at, fmt_num, mark, Context, Finding, RuleInfo, Severity, Verdict};
use crate::extract::number::{scan, NumToken, Unit};
use crate::extract::{Kind, Role};

const DOC: &str = r#"## What it does
Finds the two quantities a ratio claim compares and checks the claim: in `B는 A의 N배` and
`A의 N분의 1`, A is the quantity right before `의` and B the earlier quantity of the same
unit in the sentence (or the sentence before); when a noun stands before `의` instead
(`1조5,000억 달러는 부양책의 약 3배`), A is the amount an earlier sentence states for that noun
(`정부 부양책은 5,000억 달러였다`), if every earlier mention that states one agrees; `a third
of its value` compares with the article's lead percent change.

## Why is this bad?
`557만 달러 … GPT-4 7800만 달러의 20분의 1` sounds precise, but 557/7,800 is 1/14: the
claim overstates the gap by almost half.

## Example
```text
이날 하락폭(234.64포인트)은 종전 최대였던 2020년 3월 19일(133.56포인트)의 약 3배에 달한다.
```
234.64 / 133.56 = 1.76. Use instead `약 1.8배`.

## Tolerance
The claim's own digits (1.8 stands for [1.75, 1.85]) and the amounts' intervals; a hedge on
the claim (약, 거의, about, nearly) widens it by ±10 %, and a ratio said in words (절반, half,
a third) by ±15 %. A broken hedged claim is a `warning`, an exact one an `error`. A claim
whose operands are not both in the text is not checkable.
"#;

pub(crate) struct RatioClaim;

fn same_unit(a: &NumToken, b: &NumToken) -> bool {
    match (a.unit, b.unit) {
        (Unit::Currency(x), Unit::Currency(y)) => x == y,
        (x, y) => {
            x == y
                && !matches!(
                    x,
                    Unit::Bare | Unit::Times | Unit::Fraction | Unit::Threshold
                )
        }
    }
}

/// The interval a printed amount stands for, without its sign.
fn magnitude(t: &NumToken) -> Interval {
    Interval::of(&crate::extract::Quantity {
        value: t.value.abs(),
        half_width: t.half_width,
        explicit_sign: false,
        hedge: t.hedge,
        text_span: (0, 0),
    })
}

fn operand(t: &NumToken) -> bool {
    matches!(
        t.unit,
        Unit::Points | Unit::Percent | Unit::Currency(_) | Unit::Counter
    )
}

impl Rule for RatioClaim {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "MF011",
            name: "ratio-claim",
            summary: "a ratio claim does not match the amounts it compares",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]) {
        for (i, r) in cx.figures.iter().enumerate() {
            if r.kind != Kind::Ratio {
                continue;
            }
            let (Some(claim), Some(a)) = (r.amount, cx.article(r)) else {
                continue;
            };
            let text = a.text.as_str();
            let (rs, re) = claim.text_span;
            let word = !text[rs..re].bytes().any(|b| b.is_ascii_digit());
            let margin = if word {
                0.15
            } else if claim.hedge.is_some() {
                0.10
            } else {
                0.0
            };
            let claim_iv = Interval {
                lo: (claim.value - claim.half_width) * (1.0 - margin),
                hi: (claim.value + claim.half_width) * (1.0 + margin),
            };
            // ---- operands
            let measured: Option<(Interval, f64, String)> = {
                let after: String = text[re..].chars().take(60).collect();
                // `a third of its value since its Feb. 19 record`: a change over a period
                let over_period = [" since ", " from its ", " from a "]
                    .iter()
                    .any(|p| after.contains(p));
                if over_period {
                    None
                } else if [
                    "of its value",
                    "of its market value",
                    "of their value",
                    "of its market",
                ]
                .iter()
                .any(|p| after.trim_start().starts_with(p))
                {
                    // `loses a third of its value`: the article's lead percent move
                    cx.figures
                        .iter()
                        .filter(|f| {
                            f.article == r.article
                                && f.role == Role::Body
                                && matches!(f.kind, Kind::Stock | Kind::Index)
                        })
                        .find_map(|f| f.change_pct.map(|p| (f, p)))
                        .map(|(f, p)| {
                            let iv = Interval::of(&p);
                            (
                                Interval {
                                    lo: iv.lo.abs().min(iv.hi.abs()) / 100.0,
                                    hi: iv.lo.abs().max(iv.hi.abs()) / 100.0,
                                },
                                p.value.abs() / 100.0,
                                format!("a {}% move (line {})", fmt_num(p.value, 2), f.line),
                            )
                        })
                } else {
                    let line_start = text[..rs].rfind('\n').map_or(0, |k| k + 1);
                    let prefix = &text[line_start..rs];
                    let toks: Vec<NumToken> = scan(prefix).into_iter().filter(operand).collect();
                    // the base stands right before `의` (a closing bracket aside): `(133.56포인트)의
                    // 약 3배`, `7800만 달러의 20분의 1`; not `1조 달러는 부양책의 약 3배`, where a
                    // noun names the base and the number before it is the compared amount
                    let base = toks.last().filter(|t| {
                        let gap = prefix[t.end..].trim();
                        let core = gap
                            .strip_suffix("의 약")
                            .or_else(|| gap.strip_suffix("의 거의"))
                            .or_else(|| gap.strip_suffix('의'))
                            .unwrap_or(gap);
                        core.trim_matches(|c: char| {
                            c.is_whitespace() || matches!(c, ')' | '）' | '"' | '”' | '’')
                        })
                        .is_empty()
                    });
                    let compared = base.and_then(|b| {
                        toks[..toks.len() - 1]
                            .iter()
                            .rev()
                            .find(|t| same_unit(t, b))
                    });
                    match (compared, base) {
                        (Some(c), Some(b)) if b.value != 0.0 => {
                            let m = range2(magnitude(c), magnitude(b), |x, y| x / y);
                            Some((
                                m,
                                c.value.abs() / b.value.abs(),
                                format!(
                                    "{} / {}",
                                    prefix[c.start..c.end].trim(),
                                    prefix[b.start..b.end].trim()
                                ),
                            ))
                        }
                        // `… 1조5,000억 달러는 부양책의 약 3배다`: the base is named by a noun whose
                        // amount an earlier sentence states (`정부 부양책은 5,000억 달러였다`)
                        _ if base.is_none()
                            && referent_named_earlier(text, line_start, rs).is_some() =>
                        {
                            referent_named_earlier(text, line_start, rs)
                        }
                        // `SK하이닉스의 하락률은 코스피 하락률의 약 5배`: the moves of two entities
                        // named in the sentence, from their figures in this article
                        _ => moves_of_named_entities(cx, r, prefix),
                    }
                }
            };
            let Some((m, point, how)) = measured else {
                continue;
            };
            if m.overlaps(&claim_iv) {
                mark(verdicts, i, Verdict::Passed);
                continue;
            }
            mark(verdicts, i, Verdict::Failed);
            let sev = if claim.hedge.is_some() || word {
                Severity::Warning
            } else {
                Severity::Error
            };
            let mut fd = finding_at(
                "MF011",
                sev,
                r,
                format!(
                    "the text claims a ratio of {}, but {how} = {}",
                    fmt_num(claim.value, 3),
                    fmt_num(point, 3)
                ),
            );
            fd.expected = Some(fmt_num(point, 3));
            fd.found = Some(r.text.clone());
            fd.note = Some(format!(
                "the claim allows [{}, {}]{}; the amounts allow [{}, {}]",
                fmt_num(claim_iv.lo, 3),
                fmt_num(claim_iv.hi, 3),
                if margin > 0.0 {
                    format!(" (±{:.0} % for the hedge)", margin * 100.0)
                } else {
                    String::new()
                },
                fmt_num(m.lo, 3),
                fmt_num(m.hi, 3)
            ));
            out.push(fd);
        }
    }
}

/// `B는 NOUN의 약 N배` where no amount stands before `의`: the amount an earlier sentence of the
/// article states for NOUN (`NOUN은 5,000억 달러였다`, `NOUN(약 120억 달러)`), when every earlier
/// mention that states one agrees; B is the last amount of the same unit before the noun.
/// Anything less certain is not checkable.
fn referent_named_earlier(
    text: &str,
    line_start: usize,
    claim_start: usize,
) -> Option<(Interval, f64, String)> {
    let prefix = &text[line_start..claim_start];
    let p = prefix.trim_end();
    let p = p
        .strip_suffix("약")
        .or_else(|| p.strip_suffix("거의"))
        .unwrap_or(p)
        .trim_end();
    let p = p.strip_suffix('의')?;
    let noun_start = p
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() && !c.is_ascii_digit())
        .last()
        .map(|(k, _)| k)?;
    let noun = &p[noun_start..];
    if noun.chars().count() < 2 {
        return None;
    }
    let compared = scan(&p[..noun_start])
        .into_iter()
        .rfind(|t| matches!(t.unit, Unit::Currency(_)))?;
    // the claim's own sentence starts after the last sentence end before it
    let sentence_start = text[..line_start + noun_start]
        .rfind(['.', '\n'])
        .map_or(0, |k| k + 1);
    let earlier = &text[..sentence_start];
    let mut bases: Vec<(NumToken, &str)> = Vec::new();
    for (at, _) in earlier.match_indices(noun) {
        let after = &earlier[at + noun.len()..];
        let clause_end = after.find(['.', '\n']).unwrap_or(after.len()).min(60);
        let mut end = clause_end.min(after.len());
        while !after.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(t) = scan(&after[..end]).into_iter().find(operand) {
            if same_unit(&t, &compared) {
                let printed = after[t.start..t.end].trim();
                bases.push((t, printed));
            }
        }
    }
    let (base, base_text) = bases.first()?.clone();
    let bases: Vec<NumToken> = bases.into_iter().map(|(t, _)| t).collect();
    if base.value == 0.0 || bases.iter().any(|b| (b.value - base.value).abs() > 1e-9) {
        return None;
    }
    Some((
        range2(magnitude(&compared), magnitude(&base), |x, y| x / y),
        compared.value.abs() / base.value.abs(),
        format!(
            "{} / {} ({noun}, named earlier)",
            p[compared.start..compared.end].trim(),
            base_text
        ),
    ))
}

/// The ratio of two entities' percent moves when the sentence names both and speaks of
/// moves (`하락률`, `상승률`, `낙폭`, `drop`, `gain`): compared first, base right before the claim.
fn moves_of_named_entities(
    cx: &Context,
    r: &crate::extract::Figure,
    prefix: &str,
) -> Option<(Interval, f64, String)> {
    const MOVE_WORDS: &[&str] = &[
        "하락률",
        "상승률",
        "등락률",
        "낙폭",
        "상승폭",
        "하락폭",
        "drop",
        "gain",
        "decline",
        "fall",
        "rise",
        "move",
    ];
    if !MOVE_WORDS.iter().any(|w| prefix.contains(w)) {
        return None;
    }
    // entities of this article's body figures with a percent change, by where the sentence names them
    let mut named: Vec<(usize, &crate::extract::Figure)> = Vec::new();
    for f in cx.figures.iter().filter(|f| {
        f.article == r.article
            && f.role == Role::Body
            && f.change_pct.is_some()
            && !f.surface.is_empty()
    }) {
        if named.iter().any(|(_, g)| g.entity == f.entity) {
            continue;
        }
        if let Some(pos) = prefix.rfind(f.surface.as_str()) {
            named.push((pos, f));
        }
    }
    named.sort_by_key(|(pos, _)| *pos);
    let (&(_, compared), &(_, base)) = (named.first()?, named.last()?);
    if compared.entity == base.entity {
        return None;
    }
    let (c, b) = (compared.change_pct?, base.change_pct?);
    if b.value == 0.0 {
        return None;
    }
    let abs = |q: crate::extract::Quantity| {
        let i = Interval::of(&q);
        Interval {
            lo: i.lo.abs().min(i.hi.abs()),
            hi: i.lo.abs().max(i.hi.abs()),
        }
    };
    let m = range2(abs(c), abs(b), |x, y| x / y);
    Some((
        m,
        c.value.abs() / b.value.abs(),
        format!(
            "{}% (line {}) / {}% (line {})",
            fmt_num(c.value, 2),
            compared.line,
            fmt_num(b.value, 2),
            base.line
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testutil::{findings_of, KO_HEAD};

    #[test]
    fn about_three_times_is_wrong_for_1_76() {
        let ok = format!("{KO_HEAD}이날 하락폭(234.64포인트)은 종전 최대였던 2020년 3월 19일(133.56포인트)의 약 1.8배에 달한다.\n");
        assert!(findings_of("MF011", &ok).is_empty());
        let bad = ok.replace("약 1.8배", "약 3배");
        assert_eq!(findings_of("MF011", &bad).len(), 1);
    }

    #[test]
    fn a_ratio_of_two_moves_named_in_the_sentence() {
        let body = format!("{KO_HEAD}코스피는 전 거래일보다 91.35포인트(3.65%) 내린 2,411.68에 마감했다.\nSK하이닉스는 1만8,300원(10.40%) 내린 15만7,600원에 거래를 마쳤다.\n");
        let ok = format!("{body}SK하이닉스의 하락률은 코스피 하락률의 약 3배에 달했다.\n");
        assert!(findings_of("MF011", &ok).is_empty());
        let bad = format!("{body}SK하이닉스의 하락률은 코스피 하락률의 약 5배에 달했다.\n");
        assert_eq!(findings_of("MF011", &bad).len(), 1);
    }

    #[test]
    fn one_twentieth_is_wrong_for_557_of_7800() {
        let bad = format!(
            "{KO_HEAD}딥시크의 개발 비용은 557만 달러로 GPT-4 7800만 달러의 20분의 1 수준이다.\n"
        );
        assert_eq!(findings_of("MF011", &bad).len(), 1);
        let ok = format!("{KO_HEAD}연구 인력은 130여 명으로 경쟁사 1,200명의 거의 10분의 1이다.\n");
        assert!(findings_of("MF011", &ok).is_empty());
    }
}
