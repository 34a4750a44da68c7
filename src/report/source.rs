//! Position arithmetic over decoded source text: which line a byte span starts on, where it
//! ends, and columns counted in characters (the unit `Finding::column` and SARIF's
//! `unicodeCodePoints` use). Spans that do not fit the text give `None`, never a panic.

/// A byte span placed in its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located<'a> {
    /// 1-based line of the span start.
    pub line: u32,
    /// The start line, without its line ending.
    pub text: &'a str,
    /// Span start as a byte offset into `text`.
    pub start: usize,
    /// Span end as a byte offset into `text`, cut at the end of the first line (≥ `start`).
    pub end: usize,
    /// 1-based character column of the span start.
    pub column: u32,
    /// 1-based line of the span end.
    pub end_line: u32,
    /// 1-based character column just past the span end (exclusive, as SARIF wants).
    pub end_column: u32,
    /// Characters before the span start in the whole source.
    pub char_offset: usize,
    /// Characters in the span.
    pub char_length: usize,
    /// The source text of the span (all of it, across lines).
    pub snippet: &'a str,
}

/// Place the byte span `[start, end)` in `source`.
///
/// `None` when `start` lies past the text or inside a UTF-8 sequence. An `end` before
/// `start` is taken as an empty span; an `end` past the text or inside a character is pulled
/// back to the nearest character boundary.
pub(crate) fn locate(source: &str, span: (usize, usize)) -> Option<Located<'_>> {
    let (start, end) = span;
    if start > source.len() || !source.is_char_boundary(start) {
        return None;
    }
    let mut end = end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let bytes = source.as_bytes();

    let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(source.len(), |i| start + i);
    let full = &source[line_start..line_end];
    let text = full.strip_suffix('\r').unwrap_or(full);
    let line = count_lines(&bytes[..start]).saturating_add(1);

    let end_line_start = memchr::memrchr(b'\n', &bytes[..end]).map_or(0, |i| i + 1);
    let end_line = line.saturating_add(count_lines(&bytes[start..end]));

    let in_line = |offset: usize| (offset - line_start).min(text.len());
    let char_offset = source[..start].chars().count();
    let snippet = &source[start..end];
    Some(Located {
        line,
        text,
        start: in_line(start),
        end: in_line(end.min(line_end)),
        column: to_u32(source[line_start..start].chars().count()).saturating_add(1),
        end_line,
        end_column: to_u32(source[end_line_start..end].chars().count()).saturating_add(1),
        char_offset,
        char_length: snippet.chars().count(),
        snippet,
    })
}

fn count_lines(bytes: &[u8]) -> u32 {
    to_u32(memchr::memchr_iter(b'\n', bytes).count())
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_a_span_in_the_middle_of_a_korean_line() {
        let source = "제목\n나스닥은 612.47포인트 하락\n끝";
        let start = source.find("612.47").unwrap();
        let end = start + "612.47포인트".len();
        let loc = locate(source, (start, end)).unwrap();
        assert_eq!(loc.line, 2);
        assert_eq!(loc.text, "나스닥은 612.47포인트 하락");
        assert_eq!(&loc.text[loc.start..loc.end], "612.47포인트");
        assert_eq!(loc.column, 6);
        assert_eq!((loc.end_line, loc.end_column), (2, 15));
        assert_eq!(loc.char_offset, 3 + 5);
        assert_eq!(loc.char_length, 9);
        assert_eq!(loc.snippet, "612.47포인트");
    }

    #[test]
    fn multi_line_span_is_cut_at_the_end_of_its_first_line() {
        let source = "ab\r\ncd\nef";
        let loc = locate(source, (1, 8)).unwrap();
        assert_eq!(loc.line, 1);
        assert_eq!(loc.text, "ab");
        assert_eq!((loc.start, loc.end), (1, 2));
        assert_eq!((loc.end_line, loc.end_column), (3, 2));
        assert_eq!(loc.snippet, "b\r\ncd\ne");
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let source = "가나다";
        assert_eq!(locate(source, (1, 3)), None);
        assert_eq!(locate(source, (10, 12)), None);
        let loc = locate(source, (3, 2)).unwrap();
        assert_eq!((loc.start, loc.end, loc.char_length), (3, 3, 0));
        let loc = locate(source, (3, 5)).unwrap();
        assert_eq!(loc.snippet, "");
        let loc = locate(source, (0, usize::MAX)).unwrap();
        assert_eq!(loc.snippet, source);
        let loc = locate(source, (9, 9)).unwrap();
        assert_eq!((loc.line, loc.column, loc.start), (1, 4, 9));
        let loc = locate("", (0, 0)).unwrap();
        assert_eq!((loc.line, loc.column, loc.text), (1, 1, ""));
    }
}
