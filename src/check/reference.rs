//! Reference closes (`--reference FILE`): official closing prices to hold figures to.
//!
//! CSV with a header: `date,symbol,close` and optionally `prev_close`. FX rates use the
//! FX symbol (`KRW=X` for USD/KRW) with the rate as `close`. Numbers are plain decimals.

use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{path}: cannot read reference file: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Parse {
        path: String,
        line: usize,
        reason: String,
    },
}

/// One official close.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Close {
    pub close: f64,
    pub prev_close: Option<f64>,
    /// Decimals printed in the file (the precision of the official value).
    pub decimals: usize,
}

/// Official closes by (symbol, date).
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub path: String,
    closes: HashMap<(String, NaiveDate), Close>,
}

impl Reference {
    pub fn load(path: &Path) -> Result<Reference, ReferenceError> {
        let p = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ReferenceError::Io {
            path: p.clone(),
            source,
        })?;
        Reference::parse(&p, &text)
    }

    pub fn parse(path: &str, text: &str) -> Result<Reference, ReferenceError> {
        let err = |line: usize, reason: String| ReferenceError::Parse {
            path: path.to_string(),
            line,
            reason,
        };
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let (_, header) = lines.next().ok_or_else(|| err(1, "empty file".into()))?;
        let cols: Vec<String> = header
            .trim_start_matches('\u{feff}')
            .split(',')
            .map(|c| c.trim().to_ascii_lowercase())
            .collect();
        let idx = |name: &str| cols.iter().position(|c| c == name);
        let (Some(di), Some(si), Some(ci)) = (idx("date"), idx("symbol"), idx("close")) else {
            return Err(err(
                1,
                format!("header must name date, symbol and close (got `{header}`)"),
            ));
        };
        let pi = idx("prev_close");
        let mut closes = HashMap::new();
        for (n, line) in lines {
            let f: Vec<&str> = line.split(',').map(str::trim).collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("");
            let date = NaiveDate::parse_from_str(get(di), "%Y-%m-%d")
                .map_err(|_| err(n + 1, format!("bad date `{}` (want YYYY-MM-DD)", get(di))))?;
            let close: f64 = get(ci)
                .replace('_', "")
                .parse()
                .map_err(|_| err(n + 1, format!("bad close `{}`", get(ci))))?;
            let decimals = get(ci).split_once('.').map_or(0, |(_, d)| d.len());
            let prev_close = match pi.map(get) {
                Some(s) if !s.is_empty() => Some(
                    s.parse()
                        .map_err(|_| err(n + 1, format!("bad prev_close `{s}`")))?,
                ),
                _ => None,
            };
            closes.insert(
                (get(si).to_string(), date),
                Close {
                    close,
                    prev_close,
                    decimals,
                },
            );
        }
        Ok(Reference {
            path: path.to_string(),
            closes,
        })
    }

    pub fn get(&self, symbol: &str, date: NaiveDate) -> Option<Close> {
        self.closes.get(&(symbol.to_string(), date)).copied()
    }

    pub fn len(&self) -> usize {
        self.closes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.closes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_bad_lines() {
        let r = Reference::parse(
            "r.csv",
            "date,symbol,close,prev_close\n2025-01-27,^DJI,44713.58,44424.25\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let c = r.get(
            "^DJI",
            NaiveDate::from_ymd_opt(2025, 1, 27).unwrap_or_default(),
        );
        assert_eq!(
            c.map(|c| (c.close, c.prev_close, c.decimals)),
            Some((44713.58, Some(44424.25), 2))
        );
        let e = Reference::parse("r.csv", "date,symbol,close\n27/01/2025,^DJI,1\n")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("r.csv:2: bad date `27/01/2025` (want YYYY-MM-DD)")
        );
    }
}
