//! MF900: an input that could not be read or decoded.

use super::Rule;
use crate::check::{Context, Finding, RuleInfo, Severity, Verdict};

const DOC: &str = r#"## What it does
Reports a file that could not be read: missing, empty, binary or undecodable. The rest of
the corpus is still processed.

## Why is this bad?
A draft that was not read was not checked; a linter must say so rather than pass it.

## Example
```text
marketfig check drafts/  # drafts/photo.jpg: not a text file (NUL bytes)
```

## Tolerance
None. Rename or remove the file, or fix its encoding (UTF-8, UTF-16 with BOM, EUC-KR/CP949).
"#;

pub(crate) struct InputProblem;

impl Rule for InputProblem {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: crate::check::INPUT_ERROR_CODE,
            name: "unreadable-input",
            summary: "a file could not be read or decoded",
            doc: DOC,
            default_severity: Severity::Error,
        }
    }

    /// Input problems are reported by the pipeline (`check::input_finding`), not from figures.
    fn scope(&self) -> super::Scope {
        super::Scope::Corpus
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Finding>, _verdicts: &mut [Verdict]) {}
}
