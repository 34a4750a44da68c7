//! One file per rule. Each holds its `DOC` (what `marketfig explain CODE` prints), the
//! check, and its tests.

use super::{Context, Finding, RuleInfo, Verdict};

pub(crate) mod amount_consensus;
pub(crate) mod conflicting_values;
pub(crate) mod cross_article;
pub(crate) mod headline_body;
pub(crate) mod implied_fx;
pub(crate) mod impossible_change;
pub(crate) mod input_error;
pub(crate) mod percent_point_confusion;
pub(crate) mod ratio_claim;
pub(crate) mod reference_price;
pub(crate) mod sign_direction;
pub(crate) mod triple_arithmetic;

#[cfg(test)]
pub(crate) mod testutil;

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One article: its text and its figures (runs in the parallel per-article phase).
    Article,
    /// The figures of the whole corpus, no article text (cross-article rules).
    Corpus,
}

/// A consistency rule.
pub(crate) trait Rule: Sync {
    fn info(&self) -> RuleInfo;
    fn scope(&self) -> Scope {
        Scope::Article
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>, verdicts: &mut [Verdict]);
}
