//! Bytes to text: BOMs, UTF-8, UTF-16, legacy encodings (EUC-KR/CP949 first), binary detection.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes are sniffed for NUL and control bytes.
const SNIFF: usize = 8 * 1024;

/// Decoded text and what was learnt while decoding.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Why bytes are not an article.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    Empty,
    Binary(String),
}

/// Decode the bytes of one file. `html` says the file is (probably) HTML, so a
/// `<meta charset>` declaration may be honoured for non-UTF-8 bytes.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        with_encoding(rest, UTF_8, "utf-8-bom")?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        with_encoding(rest, UTF_16LE, "utf-16le")?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        with_encoding(rest, UTF_16BE, "utf-16be")?
    } else {
        sniff_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Decoded {
                text: s.to_owned(),
                encoding: "utf-8",
                warnings: Vec::new(),
            },
            Err(_) => legacy(bytes, html)?,
        }
    };
    if decoded.text.contains('\0') {
        return Err(DecodeError::Binary("contains NUL characters".into()));
    }
    if decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}')
    {
        return Err(DecodeError::Empty);
    }
    Ok(decoded)
}

/// NUL bytes or a high share of control bytes in the first 8 KiB mean binary.
fn sniff_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(DecodeError::Binary(format!("NUL byte at offset {pos}")));
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    if controls * 10 > head.len() {
        return Err(DecodeError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        )));
    }
    Ok(())
}

/// Decode with a known encoding (after a BOM or a declaration).
fn with_encoding(
    bytes: &[u8],
    encoding: &'static Encoding,
    name: &'static str,
) -> Result<Decoded, DecodeError> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    check_replacements(&text, name, &mut warnings)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding: name,
        warnings,
    })
}

/// Not valid UTF-8: nearly-UTF-8 (a few broken sequences among many good ones) stays UTF-8;
/// otherwise a declared HTML charset, otherwise chardetng's guess with the `kr` TLD hint.
fn legacy(bytes: &[u8], html: bool) -> Result<Decoded, DecodeError> {
    let (good, bad) = utf8_sequences(bytes);
    if good >= 4 * bad && good > 0 {
        return with_encoding(bytes, UTF_8, "utf-8");
    }
    if html {
        if let Some(enc) = declared_charset(bytes) {
            if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE {
                return with_encoding(bytes, enc, encoding_name(enc));
            }
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(Some(b"kr"), chardetng::Utf8Detection::Allow);
    let name = encoding_name(enc);
    let mut decoded = with_encoding(bytes, enc, name)?;
    decoded.warnings.insert(
        0,
        format!("no encoding declared and not UTF-8; decoded as {name} (detected)"),
    );
    Ok(decoded)
}

/// Count valid multi-byte UTF-8 sequences and invalid sequences.
fn utf8_sequences(mut bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                return (good, bad);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // valid_up_to is a char boundary, so this slice is valid UTF-8.
                good += std::str::from_utf8(&bytes[..valid])
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                bad += 1;
                match e.error_len() {
                    Some(n) => bytes = &bytes[valid + n..],
                    None => return (good, bad),
                }
            }
        }
    }
}

/// `charset=` in the first 1024 bytes (`<meta charset="euc-kr">` or the http-equiv form).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let pos = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
            )
        })
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Lower-case name recorded in `Article::encoding`.
fn encoding_name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "utf-8",
        "EUC-KR" => "euc-kr",
        "EUC-JP" => "euc-jp",
        "Shift_JIS" => "shift_jis",
        "ISO-2022-JP" => "iso-2022-jp",
        "GBK" => "gbk",
        "gb18030" => "gb18030",
        "Big5" => "big5",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        other => other,
    }
}

/// Replacement characters: a few are a warning, many mean the bytes are not text in `name`.
fn check_replacements(
    text: &str,
    name: &str,
    warnings: &mut Vec<String>,
) -> Result<(), DecodeError> {
    let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
    if bad == 0 {
        return Ok(());
    }
    let total = text.chars().count();
    if bad * 10 > total {
        return Err(DecodeError::Binary(format!(
            "undecodable as {name}: {bad} of {total} characters invalid"
        )));
    }
    warnings.push(format!(
        "{bad} invalid byte sequence{} replaced with U+FFFD while decoding as {name}",
        if bad == 1 { "" } else { "s" }
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BREXIT: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/ko_20160624_brexit.txt"
    ));

    #[test]
    fn euc_kr_is_detected_and_decoded() {
        assert!(std::str::from_utf8(std::hint::black_box(BREXIT)).is_err());
        let d = decode(BREXIT, false).unwrap();
        assert_eq!(d.encoding, "euc-kr");
        assert!(d.text.contains("코스피"));
        assert!(d.text.contains("입력 2016.06.24 16:10"));
        assert!(!d.text.contains('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn declared_html_charset_is_used() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(
            "<html><head><meta charset=\"euc-kr\"></head><body><p>코스피 2.5%</p></body></html>",
        );
        let d = decode(&bytes, true).unwrap();
        assert_eq!(d.encoding, "euc-kr");
        assert!(d.text.contains("코스피 2.5%"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_with_bom_round_trips() {
        let text = "코스피 2,441.55\r\nS&P 500 fell 3.00%\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&le, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "utf-16le"));
        let d = decode(&be, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "utf-16be"));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode("\u{feff}코스피".as_bytes(), false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("코스피", "utf-8-bom"));
    }

    #[test]
    fn empty_and_binary_are_rejected() {
        assert_eq!(decode(b"", false).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \r\n\t\n", false).unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\xEF\xBB\xBF\n", false).unwrap_err(),
            DecodeError::Empty
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(decode(png, false), Err(DecodeError::Binary(r)) if r.contains("NUL")));
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { b'a' } else { i % 8 + 1 })
            .collect();
        assert!(
            matches!(decode(&controls, false), Err(DecodeError::Binary(r)) if r.contains("control"))
        );
    }

    #[test]
    fn nearly_utf8_stays_utf8_with_a_warning() {
        let mut bytes = "코스피는 전날보다 61.47포인트 하락한 1,925.24에 마감했다"
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(" 끝".as_bytes());
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1);
    }
}
