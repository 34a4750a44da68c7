//! The built-in lexicon files stay canonical: `data/lexicon/entities.csv` NFC, sorted by kind
//! then entity, without duplicate rows and without an alias shared by two entities;
//! `data/lexicon/words.csv` NFC and without duplicate rows.
//!
//! `scripts/lexicon_build.py --write` puts `entities.csv` back in this form.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn read(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "data", "lexicon", name]
        .iter()
        .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The data lines (1-based line number, text): neither blank nor a `#` comment.
fn data_lines(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect()
}

/// NFC without a normalisation crate (the project has none): the text is NFC as far as its
/// scripts go when every Hangul syllable is precomposed (no conjoining jamo, U+1100–U+11FF,
/// U+A960–U+A97F, U+D7B0–U+D7FF) and every accented Latin letter is precomposed (no combining
/// diacritical mark, U+0300–U+036F).
fn not_nfc(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for c in line.chars() {
            let decomposed = ('\u{1100}'..='\u{11FF}').contains(&c)
                || ('\u{A960}'..='\u{A97F}').contains(&c)
                || ('\u{D7B0}'..='\u{D7FF}').contains(&c)
                || ('\u{0300}'..='\u{036F}').contains(&c);
            if decomposed {
                out.push(format!("line {}: U+{:04X} in `{line}`", n + 1, c as u32));
            }
        }
    }
    out
}

/// The form the matcher holds (`squeeze` in src/extract/lexicon.rs): spaces dropped except
/// between two Latin letters, so `지멘스 에너지` and `지멘스에너지` are the same alias.
fn squeeze(alias: &str) -> String {
    let chars: Vec<char> = alias.chars().collect();
    let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    chars
        .iter()
        .enumerate()
        .filter(|&(k, &c)| {
            let space = c == ' ' || c == '\u{a0}';
            let prev = k.checked_sub(1).and_then(|j| chars.get(j));
            !space || (latin(prev) && latin(chars.get(k + 1)))
        })
        .map(|(_, &c)| c)
        .collect()
}

struct EntityRow {
    line: usize,
    kind: String,
    name: String,
    aliases: Vec<String>,
}

fn entity_rows(text: &str) -> Vec<EntityRow> {
    let lines = data_lines(text);
    let (_, header) = lines.first().expect("entities.csv has a header line");
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "kind,entity,symbol,market,aliases"
    );
    lines[1..]
        .iter()
        .map(|&(line, l)| {
            let f: Vec<&str> = l.splitn(5, ',').collect();
            assert_eq!(f.len(), 5, "entities.csv:{line}: 5 fields expected: `{l}`");
            EntityRow {
                line,
                kind: f[0].trim().to_string(),
                name: f[1].trim().to_string(),
                aliases: f[4]
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn lexicon_files_are_nfc() {
    for name in ["entities.csv", "words.csv"] {
        let bad = not_nfc(&read(name));
        assert!(bad.is_empty(), "{name} is not NFC:\n{}", bad.join("\n"));
    }
}

#[test]
fn entities_csv_has_no_trailing_spaces_and_comments_on_top() {
    let text = read("entities.csv");
    let mut data_started = false;
    for (n, line) in text.lines().enumerate() {
        assert_eq!(
            line,
            line.trim_end(),
            "entities.csv:{}: trailing space",
            n + 1
        );
        let comment = line.trim_start().starts_with('#');
        assert!(
            !(comment && data_started),
            "entities.csv:{}: comments belong on top, before the header",
            n + 1
        );
        data_started |= !comment && !line.trim().is_empty();
    }
}

#[test]
fn entities_csv_is_sorted_by_kind_then_entity() {
    let rows = entity_rows(&read("entities.csv"));
    // each kind is one block; inside a block the entity names ascend (byte order), which also
    // makes every entity row unique
    let mut closed: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    for pair in rows.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind == b.kind {
            if a.name.as_bytes() >= b.name.as_bytes() {
                problems.push(format!(
                    "line {}: `{}` after `{}` (kind {})",
                    b.line, b.name, a.name, b.kind
                ));
            }
        } else {
            closed.push(&a.kind);
            if closed.contains(&b.kind.as_str()) {
                problems.push(format!(
                    "line {}: kind `{}` starts a second block",
                    b.line, b.kind
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "entities.csv is not sorted by kind, then entity:\n{}",
        problems.join("\n")
    );
}

#[test]
fn entities_csv_has_no_duplicate_rows_or_entities() {
    let rows = entity_rows(&read("entities.csv"));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for r in &rows {
        if let Some(first) = seen.insert(&r.name, r.line) {
            problems.push(format!(
                "lines {first} and {}: entity `{}` twice",
                r.line, r.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_alias_is_shared_by_two_entities() {
    // the entity name is an alias too; `=name` (number-only) and `name` are one surface, and so
    // are two spellings the matcher squeezes to one form
    let rows = entity_rows(&read("entities.csv"));
    let mut owner: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    let mut problems = Vec::new();
    for r in &rows {
        for alias in std::iter::once(&r.name).chain(&r.aliases) {
            let key = squeeze(alias.strip_prefix('=').unwrap_or(alias));
            assert!(!key.is_empty(), "entities.csv:{}: empty alias", r.line);
            match owner.get(&key) {
                Some(&(entity, first)) if entity != r.name => problems.push(format!(
                    "line {}: `{alias}` of `{}` is also `{first}` of `{entity}`",
                    r.line, r.name
                )),
                Some(_) => {}
                None => {
                    owner.insert(key, (r.name.as_str(), alias.as_str()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "aliases shared by two entities:\n{}",
        problems.join("\n")
    );
}

#[test]
fn words_csv_has_no_duplicate_rows() {
    let text = read("words.csv");
    let mut seen: HashMap<Vec<&str>, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (line, l) in data_lines(&text) {
        // `class,word,value`: a missing value is an empty one (`blocker,CPI` = `blocker,CPI,`)
        let mut row: Vec<&str> = l.splitn(3, ',').map(str::trim).collect();
        row.resize(3, "");
        if let Some(first) = seen.insert(row, line) {
            problems.push(format!("lines {first} and {line}: `{l}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "words.csv has duplicate rows:\n{}",
        problems.join("\n")
    );
}

#[test]
fn squeeze_matches_the_matcher() {
    assert_eq!(squeeze("지멘스 에너지"), "지멘스에너지");
    assert_eq!(squeeze("Dow Jones"), "Dow Jones");
    assert_eq!(squeeze("S&P 500"), "S&P500");
    assert_eq!(squeeze("Phillips 66"), "Phillips66");
}
