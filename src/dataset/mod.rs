//! Dataset: Figures, Findings and article metadata as Polars DataFrames, written
//! atomically to Parquet, CSV and NDJSON.
//!
//! - [`figures_frame`]: one row per figure (the record in the guide, spans flattened to
//!   `span_start`/`span_end`, plus the rounding half-width of every printed number).
//! - [`findings_frame`]: one row per finding.
//! - [`articles_frame`]: one row per input file ([`ArticleRow`]).
//! - [`events_frame`]: one row per (entity, symbol, kind, event date, session), built from the
//!   figures frame with a Polars `group_by`: the table an event study joins to prices.
//! - [`write_table`] / [`write_table_to`]: Parquet (zstd), CSV or NDJSON, atomically to a file
//!   or to any writer; [`write_partitioned`]: a Hive-partitioned Parquet folder (by event date).
//!
//! Every frame is sorted deterministically, so the same input gives the same bytes whatever
//! the order the figures arrived in (for example from a parallel extraction).

use std::io;
use std::path::PathBuf;

use polars::prelude::PolarsError;

mod events;
mod frames;
mod write;

pub use events::{events_frame, EVENT_KINDS};
pub use frames::{articles_frame, figures_frame, findings_frame, ArticleRow};
pub use write::{write_partitioned, write_table, write_table_to, TableFormat, HIVE_NULL_PARTITION};

/// Errors from building or writing a table.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DatasetError {
    /// Polars rejected an operation (a missing column, a type it cannot cast, a writer error).
    #[error(transparent)]
    Polars(#[from] PolarsError),
    /// Creating, writing, syncing or renaming a file failed.
    #[error("cannot write {}", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Writing to a stream (stdout) failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The path has no file name to write to (`/`, `..`, empty).
    #[error("{} is not a file path", .0.display())]
    NotAFile(PathBuf),
    /// A byte offset or a count is beyond what the 32-bit columns hold.
    #[error("{article}: {what} {value} does not fit in a 32-bit column")]
    TooLarge {
        article: String,
        what: &'static str,
        value: usize,
    },
    /// A column the chosen format cannot hold (CSV has no struct or list columns).
    #[error("column `{column}` of type {dtype} cannot be written as {format}")]
    Unsupported {
        column: String,
        dtype: String,
        format: &'static str,
    },
}
