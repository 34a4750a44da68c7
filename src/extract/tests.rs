//! Extraction tests on real sentences.

use super::*;
use crate::corpus::Article;

fn figures(text: &str) -> Vec<Figure> {
    let lx = Lexicon::builtin();
    extract(&Article::from_text("t.txt", text), &lx)
}

#[test]
fn an_unknown_company_is_reported_with_its_name_and_no_entity() {
    let text = "제목\n입력 2024.08.05 16:40\n\n대장주 가나다라전자는 전 거래일보다 1,000원(2.50%) 오른 4만1,000원에 마감했다.\n";
    let f = figures(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].kind, f[0].entity.as_deref(), f[0].surface.as_str()),
        (Kind::Stock, None, "가나다라전자")
    );
    assert_eq!(
        (f[0].level_value(), f[0].points_value(), f[0].pct_value()),
        (Some(41000.0), Some(1000.0), Some(2.5))
    );
}

#[test]
fn a_known_company_is_not_reported_as_unknown() {
    let text =
        "제목\n입력 2024.08.05 16:40\n\n삼성전자는 8,200원(10.30%) 내린 7만1,400원에 마감했다.\n";
    let f = figures(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].symbol.as_deref(), Some("005930.KS"));
    assert_eq!(f[0].pct_value(), Some(-10.3));
}

#[test]
fn model_names_view_counts_and_phone_numbers_are_not_figures() {
    let text = "제목\n입력 2025.01.28 10:58\n\n알리바바가 새로운 AI 모델 '큐원 2.5'를 내놨고 메타 라마 3.1과 GPT-4를 앞섰다고 밝혔다.\n조회수 48,213\n기사제보 02-555-0134\n";
    let f = figures(text);
    assert!(
        f.iter()
            .all(|f| !matches!(f.kind, Kind::Index | Kind::Stock)),
        "{f:?}"
    );
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    /// Fragments of market copy: numbers, units, signs, names, dates and markup, so random
    /// sequences hit the binding and span code the way real (and broken) articles do.
    const PIECES: &[&str] = &[
        "코스피",
        "는 ",
        "전 거래일보다 ",
        "1,234.56",
        "포인트",
        "(",
        ")",
        "%",
        "-",
        "−",
        "▲",
        "▼",
        "↓",
        "↑",
        "원",
        "달러",
        "만",
        "억",
        "조",
        "천",
        "백",
        "약 ",
        "넘게 ",
        ". ",
        "\n",
        "내린 ",
        "오른 ",
        "에 마감했다",
        "나스닥",
        "S&P 500",
        "Dow ",
        "fell ",
        "rose ",
        "points, or ",
        "percent",
        " to ",
        "$",
        "1",
        "0",
        "9",
        ".",
        ",",
        "분의 ",
        "배",
        "…",
        "·",
        "(현지시간)",
        "27일",
        "2024년 3월 5일",
        "전날",
        "같은 날",
        "on Thursday",
        "Jan. 26",
        "%p",
        "bp",
        "p",
        "여 ",
        "가까이 ",
        "&amp;",
        "엔비디아",
        "삼성전자",
        "원·달러 환율은 ",
        "\t",
        "  ",
        "０",
        "％",
        "．",
        "－",
        "우리 돈 ",
        "(약 ",
        "의 ",
        "절반",
        "장중 ",
        "off the Dow",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn arbitrary_market_copy_never_panics_and_spans_stay_in_the_source(
            picks in proptest::collection::vec(0..PIECES.len(), 1..120),
            header in any::<bool>(),
        ) {
            let mut text: String = picks.iter().map(|&i| PIECES[i]).collect();
            if header {
                text = format!("제목\n입력 2024.08.05 16:40\n\n{text}");
            }
            let article = Article::from_text("p.txt", &text);
            static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
            let figs = extract(&article, LEXICON.get_or_init(Lexicon::builtin));
            for f in &figs {
                prop_assert!(f.span.0 <= f.span.1 && f.span.1 <= text.len());
                prop_assert_eq!(&text[f.span.0..f.span.1], f.text.as_str());
            }
            let _ = crate::check::check(std::slice::from_ref(&article), &figs, &crate::check::Config::default());
        }
    }
}

#[test]
fn a_line_without_sentence_ends_is_read_in_bounded_pieces_and_loses_no_figure() {
    // 2,000 list items and no full stop: one "sentence" of 60 KB, cut at commas
    let items: Vec<String> = (0..2000)
        .map(|i| format!("삼성전자 {}.{:02}% 상승", 1 + i % 9, i % 100))
        .collect();
    let text = format!("제목\n{}\n", items.join(", "));
    let line = (text.find('\n').unwrap_or(0) + 1, text.len() - 1);
    let ranges = sentence_ranges(&text, line);
    assert!(ranges.len() > 10, "{}", ranges.len());
    for (s, e) in &ranges {
        assert!(e - s <= MAX_SENTENCE, "{}", e - s);
        assert!(text[*s..*e].trim_end().ends_with(',') || *e == line.1);
    }
    assert_eq!(ranges.first().map(|r| r.0), Some(line.0));
    assert_eq!(ranges.last().map(|r| r.1), Some(line.1));
    let f = figures(&text);
    assert_eq!(f.len(), 2000);
    assert_eq!(f[1999].pct_value(), Some(2.99)); // 1 + 1999 % 9, 1999 % 100
}

#[test]
fn a_reference_back_is_not_resolved_past_an_unknown_company_or_between_two() {
    let text = "Chip stocks\n\nIntel said orders had slowed. Shares fell 3.5 percent to $31.20.\n\
                Acme Widgets warned on costs. Its shares dropped $2.40 to $18.60.\n\
                Microsoft and Oracle both reported results. Shares of the database maker rose 2 percent.\n\
                Asian shares fell 1.2 percent.\n";
    let f = figures(text);
    let owners: Vec<(u32, Option<&str>)> =
        f.iter().map(|x| (x.line, x.entity.as_deref())).collect();
    // Intel owns its own line only; the unknown company's move, the ambiguous one and the
    // regional aggregate are not given to a company named before
    assert_eq!(owners, [(3, Some("Intel"))], "{f:?}");
}

#[test]
fn a_sign_word_turned_by_a_contrary_one_binds_no_direction() {
    let text = "제목\n입력 2023.04.27 10:40\n\n키움증권(-2.09%)은 개장 후 잠시 상승세를 보였으나 이내 하락세를 보이고 있다.\n";
    let f = figures(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].pct_value(), f[0].direction_word), (Some(-2.09), None));
}
