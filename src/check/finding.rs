//! The `Finding` record: one inconsistency (or note) about figures.

use serde::Serialize;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A figure involved in a finding, by provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureRef {
    pub article: String,
    pub line: u32,
    pub span: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule code, e.g. `MF001`.
    pub code: &'static str,
    pub severity: Severity,
    pub article: String,
    pub line: u32,
    pub column: u32,
    /// Byte span [start, end) in the decoded source of `article`.
    pub span: (usize, usize),
    /// One-line statement of the fact found.
    pub message: String,
    /// What the arithmetic expects (human readable, e.g. `-3.07% ± 0.005`).
    pub expected: Option<String>,
    /// What the text says.
    pub found: Option<String>,
    /// The arithmetic and the tolerance used (`= note:` line in human output).
    pub note: Option<String>,
    /// Figures the finding involves (the first is the primary one).
    pub figures: Vec<FigureRef>,
}
