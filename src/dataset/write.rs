//! Table writers: Parquet (zstd), CSV and NDJSON, to a stream or atomically to a file.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use polars::prelude::*;

use super::DatasetError;

/// Output format of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableFormat {
    /// Apache Parquet, zstd-compressed.
    Parquet,
    /// Comma-separated values with a header; null is an empty field; dates are ISO 8601.
    Csv,
    /// One JSON object per line; dates are `"YYYY-MM-DD"` strings; null is `null`.
    Ndjson,
}

impl TableFormat {
    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Parquet => "parquet",
            TableFormat::Csv => "csv",
            TableFormat::Ndjson => "ndjson",
        }
    }

    /// The format a path's extension names (`.parquet`/`.pq`, `.csv`, `.ndjson`/`.jsonl`).
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl fmt::Display for TableFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for TableFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "parquet" | "pq" => Ok(TableFormat::Parquet),
            "csv" => Ok(TableFormat::Csv),
            "ndjson" | "jsonl" | "jsonlines" => Ok(TableFormat::Ndjson),
            other => Err(format!(
                "unknown table format `{other}` (expected parquet, csv or ndjson)"
            )),
        }
    }
}

/// Writes `df` to `w` in `format` and flushes `w`.
///
/// For stdout (`extract -o -`) pass a locked, buffered stdout. A terminal `table` view is not a
/// format here: print the frame with `{df}`.
pub fn write_table_to(
    df: &mut DataFrame,
    w: &mut dyn Write,
    format: TableFormat,
) -> Result<(), DatasetError> {
    match format {
        TableFormat::Parquet => {
            ParquetWriter::new(&mut *w)
                .with_compression(ParquetCompression::Zstd(None))
                .finish(df)?;
        }
        TableFormat::Csv => {
            ensure_flat(df, "CSV")?;
            CsvWriter::new(&mut *w).finish(df)?;
        }
        TableFormat::Ndjson => {
            JsonWriter::new(&mut *w)
                .with_json_format(JsonFormat::JsonLines)
                .finish(df)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes `df` to `path` in `format`, atomically: the table goes to `NAME.tmp` in the same
/// folder, which is flushed, synced and then renamed over `path`. On error the temporary file
/// is removed and an existing `path` is left as it was.
pub fn write_table(
    df: &mut DataFrame,
    path: &Path,
    format: TableFormat,
) -> Result<(), DatasetError> {
    if format == TableFormat::Csv {
        // Refuse before touching the disk.
        ensure_flat(df, "CSV")?;
    }
    write_atomic(path, |w| write_table_to(df, w, format))
}

/// The partition value Hive, Spark, DuckDB and Polars read as null.
pub const HIVE_NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// Writes `df` as a Hive-partitioned Parquet dataset: one folder `dir/COLUMN=VALUE/` per
/// distinct value of the Date column `column` (`event_date=2025-01-27`; a null date goes to
/// `COLUMN=__HIVE_DEFAULT_PARTITION__`), each holding `part-0.parquet` with the other columns,
/// rows in the frame's order. DuckDB (`read_parquet('dir/*/*.parquet', hive_partitioning =
/// true)`) and Polars (`pl.scan_parquet('dir/**/*.parquet', hive_partitioning=True)`) read the
/// folder back as one table with `column` restored.
///
/// Atomic like [`write_table`]: the dataset is built in `DIR.tmp`, then swapped in for `dir`;
/// on error `dir` is left as it was. Returns the part files written, in partition order.
pub fn write_partitioned(
    df: &DataFrame,
    dir: &Path,
    column: &str,
) -> Result<Vec<PathBuf>, DatasetError> {
    let dates = df.column(column)?.as_materialized_series().date()?.clone();
    // row indices per partition value, in value order (null last) for a stable layout
    let mut parts: std::collections::BTreeMap<(bool, String), Vec<IdxSize>> =
        std::collections::BTreeMap::new();
    for (row, date) in dates.as_date_iter().enumerate() {
        let key = match date {
            Some(d) => (false, d.format("%Y-%m-%d").to_string()),
            None => (true, HIVE_NULL_PARTITION.to_string()),
        };
        let row = IdxSize::try_from(row).map_err(|_| DatasetError::TooLarge {
            article: dir.display().to_string(),
            what: "row",
            value: row,
        })?;
        parts.entry(key).or_default().push(row);
    }
    let tmp = tmp_path(dir)?;
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(file_error(&tmp))?;
    }
    let result = (|| {
        fs::create_dir_all(&tmp).map_err(file_error(&tmp))?;
        let mut written = Vec::new();
        for ((_, value), rows) in &parts {
            let part_dir = format!("{column}={value}");
            fs::create_dir_all(tmp.join(&part_dir)).map_err(file_error(&tmp))?;
            let idx = IdxCa::from_vec("idx".into(), rows.clone());
            let mut part = df.take(&idx)?.drop(column)?;
            write_table(
                &mut part,
                &tmp.join(&part_dir).join("part-0.parquet"),
                TableFormat::Parquet,
            )?;
            written.push(dir.join(&part_dir).join("part-0.parquet"));
        }
        Ok::<_, DatasetError>(written)
    })();
    let written = match result {
        Ok(w) => w,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    // swap: the old dataset (or a plain file of that name) moves aside, the new one takes
    // its place, the old one goes
    let old = dir.with_extension("old");
    if old.exists() {
        let _ = fs::remove_dir_all(&old).or_else(|_| fs::remove_file(&old));
    }
    let had_old = dir.exists();
    if had_old {
        fs::rename(dir, &old).map_err(file_error(dir))?;
    }
    fs::rename(&tmp, dir).map_err(file_error(dir))?;
    if had_old {
        let _ = fs::remove_dir_all(&old).or_else(|_| fs::remove_file(&old));
    }
    sync_parent(dir);
    Ok(written)
}

/// CSV holds no nested values: refuse struct and list columns with a clear message.
fn ensure_flat(df: &DataFrame, format: &'static str) -> Result<(), DatasetError> {
    match df.columns().iter().find(|c| c.dtype().is_nested()) {
        Some(c) => Err(DatasetError::Unsupported {
            column: c.name().to_string(),
            dtype: c.dtype().to_string(),
            format,
        }),
        None => Ok(()),
    }
}

/// `dir/NAME` -> `dir/NAME.tmp`.
fn tmp_path(path: &Path) -> Result<PathBuf, DatasetError> {
    let name = path
        .file_name()
        .ok_or_else(|| DatasetError::NotAFile(path.to_path_buf()))?;
    let mut tmp = OsString::from(name);
    tmp.push(".tmp");
    Ok(path.with_file_name(tmp))
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> DatasetError + '_ {
    move |source| DatasetError::File {
        path: path.to_path_buf(),
        source,
    }
}

/// Runs `write` on a buffered `NAME.tmp`, then flushes, syncs and renames it over `path`.
pub(crate) fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), DatasetError>,
) -> Result<(), DatasetError> {
    let tmp = tmp_path(path)?;
    let file = File::create(&tmp).map_err(file_error(&tmp))?;
    // From here on the temporary file is ours: remove it whatever fails.
    let result = (|| {
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        let file = w
            .into_inner()
            .map_err(|e| file_error(&tmp)(e.into_error()))?;
        file.sync_all().map_err(file_error(&tmp))?;
        drop(file);
        fs::rename(&tmp, path).map_err(file_error(path))
    })();
    if result.is_err() {
        // Best effort: the original error is the one worth reporting.
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_parent(path);
    Ok(())
}

/// Makes the rename durable where the platform allows it (best effort).
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(dir) = File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::super::figures_frame;
    use super::super::frames::tests::{index_fig, money_fig};
    use super::*;

    fn sample() -> Result<DataFrame, DatasetError> {
        figures_frame(&[
            index_fig("a.txt", 0, "Nasdaq Composite", -3.07),
            money_fig("기사.txt", 10),
        ])
    }

    #[test]
    fn parquet_round_trips() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("figures.parquet");
        let mut df = sample()?;
        write_table(&mut df, &path, TableFormat::Parquet)?;
        assert!(!dir.path().join("figures.parquet.tmp").exists());
        let back = ParquetReader::new(File::open(&path)?).finish()?;
        assert_eq!(back.schema(), df.schema());
        assert!(back.equals_missing(&df));
        Ok(())
    }

    #[test]
    fn ndjson_lines_parse() -> Result<(), Box<dyn std::error::Error>> {
        let mut df = sample()?;
        let mut buf = Vec::new();
        write_table_to(&mut df, &mut buf, TableFormat::Ndjson)?;
        let text = String::from_utf8(buf)?;
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?;
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["event_date"], "2025-01-27");
        assert_eq!(lines[0]["change_pct"], -3.07);
        assert_eq!(lines[0]["span_start"], 0);
        assert!(lines[0]["amount"].is_null());
        assert_eq!(lines[1]["article"], "기사.txt");
        assert!(lines[1]["event_date"].is_null());
        assert_eq!(lines[1]["approx"], true);
        Ok(())
    }

    #[test]
    fn csv_has_header_and_empty_nulls() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("figures.csv");
        write_table(&mut sample()?, &path, TableFormat::Csv)?;
        let text = fs::read_to_string(&path)?;
        let mut lines = text.lines();
        assert_eq!(
            lines.next().and_then(|h| h.split(',').next()),
            Some("article")
        );
        let first = lines.next().unwrap_or_default();
        assert!(first.starts_with(
            "a.txt,index,Nasdaq Composite,^IXIC,나스닥,name,2025-01-27,close,,,-3.07,"
        ));
        Ok(())
    }

    #[test]
    fn csv_refuses_nested_columns_and_keeps_target() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("t.csv");
        fs::write(&path, "old")?;
        let list = Series::new(
            "spans".into(),
            &[
                Series::new("".into(), &[0u32, 1]),
                Series::new("".into(), &[2u32, 3]),
            ],
        );
        let mut df = DataFrame::new_infer_height(vec![list.into()])?;
        let err = write_table(&mut df, &path, TableFormat::Csv);
        assert!(matches!(err, Err(DatasetError::Unsupported { .. })));
        assert_eq!(fs::read_to_string(&path)?, "old");
        assert!(!dir.path().join("t.csv.tmp").exists());
        // NDJSON and Parquet can hold it.
        write_table(&mut df, &path, TableFormat::Ndjson)?;
        assert!(fs::read_to_string(&path)?.starts_with("{\"spans\":[0,1]}"));
        Ok(())
    }

    #[test]
    fn replaces_existing_target() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("figures.ndjson");
        fs::write(&path, "old contents that are longer than nothing\n")?;
        write_table(&mut sample()?, &path, TableFormat::Ndjson)?;
        assert_eq!(fs::read_to_string(&path)?.lines().count(), 2);
        let names: Vec<_> = fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        assert_eq!(names, [OsString::from("figures.ndjson")]);
        Ok(())
    }

    #[test]
    fn parent_is_a_file_fails_cleanly() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let blocker = dir.path().join("not-a-dir");
        fs::write(&blocker, "x")?;
        let err = write_table(
            &mut sample()?,
            &blocker.join("figures.parquet"),
            TableFormat::Parquet,
        );
        assert!(matches!(err, Err(DatasetError::File { .. })), "{err:?}");
        assert_eq!(fs::read_to_string(&blocker)?, "x");
        Ok(())
    }

    #[test]
    fn failing_write_keeps_target_and_removes_tmp() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("events.parquet");
        fs::write(&path, "old")?;
        let err = write_atomic(&path, |w| {
            w.write_all(b"partial")?;
            Err(DatasetError::Io(std::io::Error::other("disk full")))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&path)?, "old");
        assert!(!dir.path().join("events.parquet.tmp").exists());

        // A tmp path we cannot create (a folder is in the way) also leaves the target alone.
        fs::create_dir(dir.path().join("events.parquet.tmp"))?;
        let err = write_table(&mut sample()?, &path, TableFormat::Parquet);
        assert!(matches!(err, Err(DatasetError::File { .. })));
        assert_eq!(fs::read_to_string(&path)?, "old");
        Ok(())
    }

    #[test]
    fn no_file_name_is_an_error() {
        let err = write_table(&mut DataFrame::empty(), Path::new("/"), TableFormat::Csv);
        assert!(matches!(err, Err(DatasetError::NotAFile(_))));
    }

    #[test]
    fn parquet_to_stream_reads_back() -> Result<(), Box<dyn std::error::Error>> {
        let mut df = sample()?;
        let mut buf = Vec::new();
        write_table_to(&mut df, &mut buf, TableFormat::Parquet)?;
        let back = ParquetReader::new(Cursor::new(buf)).finish()?;
        assert!(back.equals_missing(&df));
        Ok(())
    }

    #[test]
    fn format_names() {
        assert_eq!("NDJSON".parse(), Ok(TableFormat::Ndjson));
        assert_eq!("jsonl".parse(), Ok(TableFormat::Ndjson));
        assert!("xlsx".parse::<TableFormat>().is_err());
        assert_eq!(
            TableFormat::from_path(Path::new("out/figures.parquet")),
            Some(TableFormat::Parquet)
        );
        assert_eq!(TableFormat::Csv.to_string(), "csv");
    }
}
