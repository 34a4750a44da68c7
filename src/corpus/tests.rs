use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/corpus/",
            $name
        ))
    };
}

const BREXIT: &[u8] = fixture!("ko_20160624_brexit.txt");
const SELLOFF: &[u8] = fixture!("ko_20240805_us_selloff.html");
const NVIDIA: &[u8] = fixture!("en_20230525_nvidia_ai.html");
const DEEPSEEK: &[u8] = fixture!("001_52ee730276b5a855.txt");

fn published(a: &Article) -> Option<(String, Option<i32>)> {
    a.published.map(|p| {
        (
            p.local.format("%Y-%m-%d %H:%M:%S").to_string(),
            p.offset.map(|o| o.local_minus_utc()),
        )
    })
}

#[test]
fn euc_kr_file_is_decoded() {
    let a = Article::from_bytes("ko_20160624_brexit.txt", BREXIT).unwrap();
    assert_eq!(a.encoding, "euc-kr");
    assert_eq!(a.format, Format::Text);
    assert!(a.text.contains("코스피"));
    assert_eq!(a.text, a.source);
    assert_eq!(
        a.title.as_deref(),
        Some("브렉시트 현실화에 코스피 3.09% 급락…1,925.24 마감")
    );
    assert_eq!(published(&a), Some(("2016-06-24 16:10:00".into(), None)));
    // Lines refer to the decoded file: line 8 holds the KOSPI close.
    let off = a.source.find("61.47포인트").unwrap();
    assert_eq!(a.line_col(off), (8, 15));
    assert!(a.source_line(8).starts_with("24일 코스피는"));
}

#[test]
fn utf16_files_round_trip() {
    let text =
        "코스피 8.77%↓\r\n입력 2024.08.05 16:40\r\n\r\n5일 코스피는 2,441.55에 마감했다.\r\n";
    for (bom, le, name) in [
        ([0xFF, 0xFE], true, "utf-16le"),
        ([0xFE, 0xFF], false, "utf-16be"),
    ] {
        let mut bytes = bom.to_vec();
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let a = Article::from_bytes("x.txt", &bytes).unwrap();
        assert_eq!(a.encoding, name);
        assert_eq!(a.source, text);
        assert_eq!(published(&a), Some(("2024-08-05 16:40:00".into(), None)));
        assert_eq!(a.source_line(4), "5일 코스피는 2,441.55에 마감했다.");
    }
}

#[test]
fn utf8_bom_is_stripped() {
    let a = Article::from_bytes("x.txt", "\u{feff}제목\n본문".as_bytes()).unwrap();
    assert_eq!(a.encoding, "utf-8-bom");
    assert_eq!(a.source, "제목\n본문");
    assert_eq!(a.title.as_deref(), Some("제목"));
    let a = Article::from_bytes("x.txt", "제목".as_bytes()).unwrap();
    assert_eq!(a.encoding, "utf-8");
    assert!(a.warnings.is_empty());
}

#[test]
fn empty_and_binary_files_are_rejected() {
    for bytes in [
        &b""[..],
        b"  \n\r\n\t",
        b"\xEF\xBB\xBF \n",
        b"\xFF\xFE \0\n\0",
    ] {
        match Article::from_bytes("empty.txt", bytes) {
            Err(InputError::Empty { path }) => assert_eq!(path, "empty.txt"),
            other => panic!("{bytes:?}: {other:?}"),
        }
    }
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    match Article::from_bytes("chart.png", png) {
        Err(e @ InputError::Binary { .. }) => {
            assert_eq!(e.path(), "chart.png");
            assert!(e.to_string().contains("not a text file"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    let controls: Vec<u8> = (0..64u8)
        .map(|i| if i % 2 == 0 { b'x' } else { 3 })
        .collect();
    assert!(matches!(
        Article::from_bytes("c.txt", &controls),
        Err(InputError::Binary { .. })
    ));
}

#[test]
fn from_path_reports_missing_files() {
    let err = Article::from_path(Path::new("no/such/file.txt")).unwrap_err();
    assert!(matches!(err, InputError::NotFound { ref path } if path == "no/such/file.txt"));
}

#[test]
fn html_text_maps_back_to_source() {
    let a = Article::from_bytes("ko_20240805_us_selloff.html", SELLOFF).unwrap();
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.encoding, "utf-8");
    // Head, script-free body; the <title> is metadata, not text.
    assert!(!a.text.contains("<"));
    assert!(!a.text.contains("viewport"));
    assert!(a
        .text
        .starts_with("By 박현우 기자 Posted: 2024-08-06 07:12:00\n"));
    assert_eq!(
        a.title.as_deref(),
        Some("뉴욕증시, 경기침체 공포에 급락 | 국제경제")
    );
    assert_eq!(published(&a), Some(("2024-08-06 07:12:00".into(), None)));

    // The Dow figure: text offset -> source offset -> line 12 of the file.
    let t = a.text.find("1,033.99").unwrap();
    let s = a.source_offset(t);
    assert!(a.source[s..].starts_with("1,033.99"));
    assert_eq!(a.line_col(s).0, 12);
    assert_eq!(a.source_span(t, t + "1,033.99".len()), (s, s + 8));

    // Entities: S&amp;P500 reads S&P500; its span covers the entity in the source.
    assert!(a.text.contains("S&P500 3.00%↓"));
    assert!(a.text.contains("급락…S&P500"));
    assert!(a.text.contains("‘삼의 법칙(Sahm Rule)’"));
    let t = a.text.find("S&P500 지수의").unwrap();
    let (s, e) = a.source_span(t, t + "S&P500".len());
    assert_eq!(&a.source[s..e], "S&amp;P500");
    assert_eq!(a.line_col(s).0, 14);
    let t = a.text.find("3.00%↓").unwrap();
    let (s, e) = a.source_span(t, t + "3.00%↓".len());
    assert_eq!(&a.source[s..e], "3.00%&darr;");

    // Every number of every text line lands on a source line that prints it.
    let number = regex::Regex::new(r"\d[\d,.]*\d|\d").unwrap();
    for (i, line) in a.text.lines().enumerate() {
        let base = line.as_ptr() as usize - a.text.as_ptr() as usize;
        for m in number.find_iter(line) {
            let s = a.source_offset(base + m.start());
            let (l, _) = a.line_col(s);
            assert!(
                a.source_line(l).contains(m.as_str()),
                "text line {} number {} mapped to source line {l}",
                i + 1,
                m.as_str()
            );
            assert!(a.source[s..].starts_with(m.as_str()));
        }
    }
    // Each block sits on its own line in the source; text lines map to those lines in order.
    let lines: Vec<u32> = a
        .text
        .lines()
        .map(|l| {
            a.line_col(a.source_offset(l.as_ptr() as usize - a.text.as_ptr() as usize))
                .0
        })
        .collect();
    assert_eq!(lines.first(), Some(&9));
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
}

#[test]
fn html_navigation_and_footer_are_dropped() {
    let a = Article::from_bytes("en_20230525_nvidia_ai.html", NVIDIA).unwrap();
    assert_eq!(a.format, Format::Html);
    assert!(!a.text.contains("Home"));
    assert!(!a.text.contains("555-0147"));
    assert!(a
        .text
        .starts_with("Nvidia soars 24% on blowout AI forecast"));
    assert!(a.text.contains("The S&P 500 gained 36.04 points"));
    assert_eq!(
        a.title.as_deref(),
        Some("Nvidia soars on AI chip forecast | Tech & Markets")
    );
    // "Published May 25, 2023 at 4:31 p.m. ET" -> EDT.
    assert_eq!(
        published(&a),
        Some(("2023-05-25 16:31:00".into(), Some(-4 * 3600)))
    );
    let t = a.text.find("12,698.09").unwrap();
    assert_eq!(a.line_col(a.source_offset(t)).0, 14);
}

#[test]
fn html_detected_by_content() {
    let src = "\n  <HTML><body><p>코스피 2.5% 상승</p>\n<p>입력 2024.08.05 16:40</p></body></HTML>";
    let a = Article::from_bytes("article", src.as_bytes()).unwrap();
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.text, "코스피 2.5% 상승\n입력 2024.08.05 16:40");
    assert_eq!(a.title.as_deref(), Some("코스피 2.5% 상승"));
    let a = Article::from_bytes("a.txt", b"<htmlish> not html").unwrap();
    assert_eq!(a.format, Format::Text);
}

#[test]
fn html_meta_published_wins() {
    let src = r#"<!DOCTYPE html><html><head><meta property="og:title" content="OG &amp; title">
<meta property="article:published_time" content="2024-08-05T07:12:00+09:00"></head>
<body><p>입력 2024.08.05 08:00</p></body></html>"#;
    let a = Article::from_html("x.html", src);
    assert_eq!(
        published(&a),
        Some(("2024-08-05 07:12:00".into(), Some(9 * 3600)))
    );
    assert_eq!(a.title.as_deref(), Some("OG & title"));
}

#[test]
fn plain_text_metadata() {
    let a = Article::from_bytes("001_52ee730276b5a855.txt", DEEPSEEK).unwrap();
    assert_eq!(a.encoding, "utf-8");
    assert_eq!(
        a.title.as_deref(),
        Some("저비용 ‘딥시크’ 출현 충격… AI(인공지능) 패권전쟁 본격")
    );
    assert_eq!(published(&a), Some(("2025-01-28 10:58:07".into(), None)));
    let a = Article::from_text(
        "x.txt",
        "Stocks tumble\nAug 26, 2022 4:15 PM ET | Updated Aug 26, 2022 6:02 PM ET\n\nbody",
    );
    assert_eq!(
        published(&a),
        Some(("2022-08-26 16:15:00".into(), Some(-4 * 3600)))
    );
    let a = Article::from_text(
        "x.txt",
        "제목\n\n본문 1,925.24\n\n이 기사는 2024년 2월 22일 16시 20분 송고됐습니다.\n",
    );
    assert_eq!(published(&a), Some(("2024-02-22 16:20:00".into(), None)));
    let a = Article::from_text("x.txt", "제목\n본문");
    assert_eq!(a.published, None);
}

#[test]
fn line_and_column_with_korean_and_crlf() {
    let a = Article::from_text("x.txt", "첫 줄\r\n코스피 2,441.55 마감\r\n\r\n끝");
    let off = a.source.find("2,441.55").unwrap();
    assert_eq!(a.line_col(off), (2, 5));
    assert_eq!(a.line_col(0), (1, 1));
    assert_eq!(a.line_col(a.source.find('\r').unwrap()), (1, 4));
    assert_eq!(a.line_col(a.source.find('끝').unwrap()), (4, 1));
    assert_eq!(a.line_col(a.source.len() + 10), (4, 2));
    // Inside a multi-byte character: the character's own column.
    assert_eq!(a.line_col(off - 2), (2, 3));
    assert_eq!(a.source_line(1), "첫 줄");
    assert_eq!(a.source_line(2), "코스피 2,441.55 마감");
    assert_eq!(a.source_line(3), "");
    assert_eq!(a.source_line(4), "끝");
    assert_eq!(a.source_line(0), "");
    assert_eq!(a.source_line(5), "");
    assert_eq!(a.line_count(), 4);
    assert_eq!(a.source_offset(off), off);
    assert_eq!(a.source_span(off, off + 8), (off, off + 8));
}

#[test]
fn discover_walks_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |p: &str| {
        let path = root.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    };
    for p in [
        "b.txt",
        "a.HTML",
        "notes",
        "sub/c.md",
        "sub/README.txt",
        "LICENSE",
        "sub/d.htm",
        "sub/e.text",
        "sub/chart.png",
        "data.csv",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/f.txt",
    ] {
        write(p);
    }
    let direct = root.join("data.csv");
    let missing = root.join("missing.txt");
    let (files, errors) = discover(&[
        root.to_path_buf(),
        PathBuf::from("-"),
        direct.clone(),
        missing.clone(),
        root.join("b.txt"),
    ]);
    let expected: Vec<PathBuf> = ["a.HTML", "b.txt", "notes", "sub/d.htm", "sub/e.text"]
        .iter()
        .map(|p| root.join(p))
        .chain([PathBuf::from("-"), direct])
        .collect();
    assert_eq!(files, expected);
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(&errors[0], InputError::NotFound { path } if *path == missing.to_string_lossy())
    );
}

#[test]
fn columns_on_a_long_line_count_characters_from_the_line_start() {
    // a line of 3,000 Hangul list items (9 KB per 1,000), past several character marks
    let head = "제목\n";
    let line: String = (0..3000).map(|i| format!("가나{i}, ")).collect();
    let text = format!("{head}{line}\n끝\n");
    let a = Article::from_text("long.txt", &text);
    for probe in ["가나0,", "가나1500,", "가나2999,"] {
        let offset = text
            .find(probe)
            .unwrap_or_else(|| unreachable!("probe in text"));
        let naive = text[head.len()..offset].chars().count() as u32 + 1;
        assert_eq!(a.line_col(offset), (2, naive), "{probe}");
    }
    let last = text
        .rfind('끝')
        .unwrap_or_else(|| unreachable!("last line"));
    assert_eq!(a.line_col(last), (3, 1));
}
