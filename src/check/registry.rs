//! The rule registry: one table, sorted by code. Codes never change and are never reused.

use super::rules::{self, Rule};
use super::RuleInfo;

#[rustfmt::skip]
pub(crate) static RULES: &[&dyn Rule] = &[
    &rules::triple_arithmetic::TripleArithmetic,       // MF001
    &rules::sign_direction::SignDirection,             // MF002
    &rules::headline_body::HeadlineBody,               // MF003
    &rules::conflicting_values::ConflictingValues,     // MF004
    &rules::percent_point_confusion::PercentPointConfusion, // MF005
    &rules::impossible_change::ImpossibleChange,       // MF006
    &rules::implied_fx::ImpliedFx,                     // MF010
    &rules::ratio_claim::RatioClaim,                   // MF011
    &rules::cross_article::CrossArticle,               // MF020
    &rules::amount_consensus::AmountConsensus,         // MF021
    &rules::reference_price::ReferencePrice,           // MF030
    &rules::input_error::InputProblem,                 // MF900
];

/// Metadata of every rule, sorted by code.
pub fn rules() -> Vec<RuleInfo> {
    RULES.iter().map(|r| r.info()).collect()
}

/// Metadata of one rule, by code (case-insensitive).
pub fn rule_info(code: &str) -> Option<RuleInfo> {
    RULES
        .iter()
        .map(|r| r.info())
        .find(|i| i.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<&str> = rules().iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be unique and sorted");
        for c in codes {
            assert!(
                c.len() == 5 && c.starts_with("MF") && c[2..].chars().all(|d| d.is_ascii_digit()),
                "{c}"
            );
        }
    }

    #[test]
    fn every_doc_has_the_headings() {
        for r in rules() {
            for h in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Tolerance",
            ] {
                assert!(r.doc.contains(h), "{} lacks `{h}`", r.code);
            }
            assert!(!r.summary.is_empty() && !r.name.is_empty());
        }
    }
}
