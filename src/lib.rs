//! marketfig: turns financial news into a checked dataset of market moves.
//!
//! The data flows one way:
//! [`corpus`] (find, read, decode, strip HTML, publication metadata) →
//! [`extract`] (numbers, entities, dates, sessions → [`Figure`]) →
//! [`check`] (rule registry → [`Finding`]) →
//! [`dataset`] (Polars DataFrames, Parquet/CSV/NDJSON), [`chart`] (PNG) and [`report`]
//! (human diagnostics, JSON, SARIF, GitHub annotations, JUnit).
//!
//! Each stage is a module with a small typed interface; no stage reaches back.

pub mod chart;
pub mod check;
pub mod corpus;
pub mod dataset;
pub mod extract;
pub mod pipeline;
pub mod report;

pub use check::{check, Config, Finding, Severity};
pub use corpus::{Article, InputError};
pub use extract::{extract, Figure, Kind, Lexicon, Session};
