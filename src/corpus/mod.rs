//! Corpus: find article files, read and decode them, strip HTML, and read publication metadata.
//!
//! Owns everything up to a decoded [`Article`]; knows nothing of figures.

use chrono::{FixedOffset, NaiveDateTime};
use std::path::{Path, PathBuf};

mod decode;
mod html;
mod meta;

pub use meta::parse_published;

/// Why one input could not be read. Becomes an `E902`-style finding naming the file.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: file is empty")]
    Empty { path: String },
    #[error("{path}: not a text file ({reason})")]
    Binary { path: String, reason: String },
}

impl InputError {
    pub fn path(&self) -> &str {
        match self {
            InputError::NotFound { path }
            | InputError::Io { path, .. }
            | InputError::Empty { path }
            | InputError::Binary { path, .. } => path,
        }
    }
}

/// Source format of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
}

/// Publication time as printed. `offset` is `None` when the article does not state a zone
/// (e.g. `Posted: 2025-01-28 10:58:07`): the tool must not pretend to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub local: NaiveDateTime,
    pub offset: Option<FixedOffset>,
}

/// A decoded article: the decoded source (HTML source for HTML), the plain text extraction
/// works on, and the map between them.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path as given on the command line (or `-`).
    pub path: String,
    /// Decoded source text (UTF-8). Spans and lines refer to this.
    pub source: String,
    /// Plain text that extraction reads. Identical to `source` for plain-text files.
    pub text: String,
    /// For HTML: `text_to_source[i]` = source byte offset of text byte `i` (len = text.len()+1).
    pub(crate) text_to_source: Option<Vec<u32>>,
    /// Byte offset of the start of each line of `source`.
    pub(crate) line_starts: Vec<u32>,
    /// `(byte offset, characters before it)` of `source` every [`CHAR_MARK_STEP`] bytes, so a
    /// column is counted from the nearest mark, not the line start: one line of many
    /// figures stays linear.
    pub(crate) char_marks: Vec<(u32, u32)>,
    pub encoding: &'static str,
    pub format: Format,
    pub published: Option<Published>,
    pub title: Option<String>,
    /// Problems met while decoding (replacement characters, guessed encoding ...).
    pub warnings: Vec<String>,
}

impl Article {
    /// Build an article from a string that is already decoded (plain text).
    pub fn from_text(path: &str, text: &str) -> Article {
        Article::plain(path, text.to_owned(), "utf-8", Vec::new())
    }

    /// Build an article from an HTML document that is already decoded.
    pub fn from_html(path: &str, html: &str) -> Article {
        Article::html(path, html.to_owned(), "utf-8", Vec::new())
    }

    /// Decode bytes (BOM, UTF-8, UTF-16, EUC-KR/CP949 detection; HTML stripping).
    ///
    /// HTML is recognised by the extension of `path` (`.html`, `.htm`) or by content that
    /// starts with `<!doctype html` or `<html`.
    pub fn from_bytes(path: &str, bytes: &[u8]) -> Result<Article, InputError> {
        let by_extension = has_html_extension(path);
        let sniffed = looks_like_html(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
        let decoded = decode::decode(bytes, by_extension || sniffed).map_err(|e| match e {
            decode::DecodeError::Empty => InputError::Empty {
                path: path.to_owned(),
            },
            decode::DecodeError::Binary(reason) => InputError::Binary {
                path: path.to_owned(),
                reason,
            },
        })?;
        let is_html = by_extension || sniffed || looks_like_html(decoded.text.as_bytes());
        Ok(if is_html {
            Article::html(path, decoded.text, decoded.encoding, decoded.warnings)
        } else {
            Article::plain(path, decoded.text, decoded.encoding, decoded.warnings)
        })
    }

    /// Read and decode a file; `-` reads standard input. The path is kept as given.
    pub fn from_path(path: &Path) -> Result<Article, InputError> {
        let name = path.to_string_lossy().into_owned();
        let bytes = if name == "-" {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).map_err(
                |source| InputError::Io {
                    path: name.clone(),
                    source,
                },
            )?;
            buf
        } else {
            std::fs::read(path).map_err(|source| io_error(&name, source))?
        };
        Article::from_bytes(&name, &bytes)
    }

    fn plain(
        path: &str,
        source: String,
        encoding: &'static str,
        mut warnings: Vec<String>,
    ) -> Article {
        let stamp = meta::from_header(&source).or_else(|| meta::from_footer(&source));
        let published = stamp.map(|s| {
            if !s.has_time {
                warnings.push(DATE_ONLY.to_owned());
            }
            s.published
        });
        let title = first_line(&source);
        Article {
            path: path.to_owned(),
            line_starts: line_starts(&source),
            char_marks: char_marks(&source),
            text: source.clone(),
            source,
            text_to_source: None,
            encoding,
            format: Format::Text,
            published,
            title,
            warnings,
        }
    }

    fn html(
        path: &str,
        source: String,
        encoding: &'static str,
        mut warnings: Vec<String>,
    ) -> Article {
        let mut stripped = html::strip(&source);
        stripped.published.sort_by_key(|(priority, _)| *priority);
        let stamp = stripped
            .published
            .iter()
            .find_map(|(_, v)| meta::parse_stamp(v))
            .or_else(|| meta::from_header(&stripped.text))
            .or_else(|| stripped.times.iter().find_map(|v| meta::parse_stamp(v)))
            .or_else(|| meta::from_footer(&stripped.text));
        let published = stamp.map(|s| {
            if !s.has_time {
                warnings.push(DATE_ONLY.to_owned());
            }
            s.published
        });
        let title = stripped
            .title
            .take()
            .or_else(|| stripped.og_title.take())
            .or_else(|| stripped.h1.take())
            .or_else(|| first_line(&stripped.text));
        Article {
            path: path.to_owned(),
            line_starts: line_starts(&source),
            char_marks: char_marks(&source),
            source,
            text: stripped.text,
            text_to_source: Some(stripped.map),
            encoding,
            format: Format::Html,
            published,
            title,
            warnings,
        }
    }

    /// Map a byte offset in `text` to a byte offset in `source` (identity for plain text).
    /// Offsets past the end map to the end.
    pub fn source_offset(&self, text_offset: usize) -> usize {
        match &self.text_to_source {
            None => text_offset.min(self.source.len()),
            Some(map) => map
                .get(text_offset)
                .or_else(|| map.last())
                .map_or(self.source.len(), |&o| o as usize),
        }
    }

    /// Map a byte range `[start, end)` of `text` to the tightest range of `source` holding it:
    /// the end is the end of the source character (or entity such as `&amp;`) that produced
    /// the last text character, not the start of whatever follows it.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.source_offset(start);
        if self.text_to_source.is_none() || end <= start {
            return (s, self.source_offset(end).max(s));
        }
        let end = end.min(self.text.len());
        // Start of the last text character in the range.
        let mut last = end.saturating_sub(1);
        while last > start && !self.text.is_char_boundary(last) {
            last -= 1;
        }
        let at = self.source_offset(last);
        let rest = self.source.get(at..).unwrap_or("");
        let len = if rest.starts_with('&') {
            html::decode_entity(rest).map_or(1, |(_, len)| len)
        } else {
            rest.chars().next().map_or(0, char::len_utf8)
        };
        (s, (at + len).max(s))
    }

    /// 1-based (line, column) of a source byte offset; column counts characters.
    /// Lines end at `\n` (a preceding `\r` belongs to the line ending).
    pub fn line_col(&self, source_offset: usize) -> (u32, u32) {
        let mut offset = source_offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let idx = self
            .line_starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(idx).map_or(0, |&s| s as usize);
        let col = self.chars_before(offset) - self.chars_before(start) + 1;
        (
            u32::try_from(idx + 1).unwrap_or(u32::MAX),
            u32::try_from(col).unwrap_or(u32::MAX),
        )
    }

    /// The source line (without its newline) with 1-based number `line`; empty when out of range.
    pub fn source_line(&self, line: u32) -> &str {
        let idx = (line as usize).wrapping_sub(1);
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.source.len(), |&e| e as usize);
        let l = &self.source[start as usize..end];
        let l = l.strip_suffix('\n').unwrap_or(l);
        l.strip_suffix('\r').unwrap_or(l)
    }

    /// Number of lines in `source`.
    pub fn line_count(&self) -> u32 {
        u32::try_from(self.line_starts.len()).unwrap_or(u32::MAX)
    }
}

const DATE_ONLY: &str = "publication date has no time of day; 00:00 assumed";

fn io_error(path: &str, source: std::io::Error) -> InputError {
    if source.kind() == std::io::ErrorKind::NotFound {
        InputError::NotFound {
            path: path.to_owned(),
        }
    } else {
        InputError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

impl Article {
    /// Characters in `source[..offset]` (`offset` on a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let idx = self
            .char_marks
            .partition_point(|&(b, _)| b as usize <= offset)
            .saturating_sub(1);
        let (at, before) = self
            .char_marks
            .get(idx)
            .map_or((0, 0), |&(b, c)| (b as usize, c as usize));
        before + self.source.get(at..offset).map_or(0, |s| s.chars().count())
    }
}

const CHAR_MARK_STEP: usize = 4096;

fn char_marks(source: &str) -> Vec<(u32, u32)> {
    let mut marks = vec![(0u32, 0u32)];
    let (mut at, mut chars) = (0usize, 0usize);
    while at + CHAR_MARK_STEP < source.len() {
        let mut next = at + CHAR_MARK_STEP;
        while !source.is_char_boundary(next) {
            next += 1;
        }
        chars += source[at..next].chars().count();
        at = next;
        marks.push((
            u32::try_from(at).unwrap_or(u32::MAX),
            u32::try_from(chars).unwrap_or(u32::MAX),
        ));
    }
    marks
}

fn line_starts(source: &str) -> Vec<u32> {
    let mut starts = vec![0u32];
    starts.extend(
        memchr::memchr_iter(b'\n', source.as_bytes())
            .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
    );
    starts
}

fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_owned)
}

fn has_html_extension(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Content that starts (after whitespace) with `<!doctype html` or `<html`.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 14)];
    let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype html")
        || (starts(b"<html") && head.get(5).is_none_or(|b| !b.is_ascii_alphanumeric()))
}

/// File extensions that `discover` picks up inside folders (files named directly are
/// always taken).
const EXTENSIONS: &[&str] = &["txt", "html", "htm", "text"];

/// Project files that sit beside articles in folders and are not articles.
const NOT_ARTICLES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "copying",
    "changelog",
    "notice",
    "authors",
];

/// Expand paths (files, folders recursively, `-` for stdin) into article files in sorted
/// order. Missing paths come back as errors; the rest are still listed.
///
/// Files named directly are kept as given, whatever their extension. Inside folders, hidden
/// entries are skipped and only `txt`, `html`, `htm`, `text` or extension-less files (not README, LICENSE ...) are
/// kept. Each folder's files come out sorted; arguments keep their order; duplicates are
/// listed once.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut visited = Vec::new();
                walk(path, &mut found, &mut errors, &mut visited);
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(io_error(&path.to_string_lossy(), e)),
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| f.as_os_str() == "-" || seen.insert(f.clone()));
    (files, errors)
}

fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    errors: &mut Vec<InputError>,
    visited: &mut Vec<PathBuf>,
) {
    // Symlinked folders could loop: visit each real folder once.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if visited.contains(&real) {
            return;
        }
        visited.push(real);
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(io_error(&dir.to_string_lossy(), e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(io_error(&dir.to_string_lossy(), e));
                continue;
            }
        };
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follow symlinks; a dangling one is skipped.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, found, errors, visited);
        } else if meta.is_file() && wanted(&path) {
            found.push(path);
        }
    }
}

fn wanted(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if NOT_ARTICLES.iter().any(|n| stem.starts_with(n)) {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        None => path.extension().is_none(),
        Some(ext) => EXTENSIONS.iter().any(|w| ext.eq_ignore_ascii_case(w)),
    }
}

#[cfg(test)]
mod tests;
