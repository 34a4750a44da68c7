//! Corpus generator for scale runs.
//!
//! Two modes:
//!
//! * `vary` (default): writes N articles by cycling through seed articles (the founding
//!   corpus, or any folder given), changing every 7th digit run so no two files are identical.
//!   The figures no longer agree with each other: a load test, not a false-alarm test.
//! * `--consistent`: writes N articles from a simulated market whose figures all agree: one
//!   close per entity and trading day (a random walk), intraday highs and lows, 52-week highs,
//!   weekly and year-to-date changes, money amounts converted at the day's won/dollar rate;
//!   printed by many templates (Korean and English, headlines, tables, stock lists, wire-style
//!   blocks). `marketfig check` on such a corpus should be close to silent: every error or
//!   warning is a false alarm.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- /tmp/corpus 20000 [SEED_DIR]
//! cargo run --release --example gen_corpus -- --consistent /tmp/agree 3000
//! target/release/marketfig check --format json /tmp/agree | tail -1
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const USAGE: &str = "usage: gen_corpus [--consistent] OUT_DIR N [SEED_DIR]";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let consistent = args.iter().any(|a| a == "--consistent");
    args.retain(|a| a != "--consistent");
    let out = PathBuf::from(args.first().ok_or(USAGE)?);
    let n: usize = args.get(1).ok_or(USAGE)?.parse()?;
    std::fs::create_dir_all(&out)?;
    let bytes = if consistent {
        consistent_corpus(&out, n)?
    } else {
        let seed_dir = PathBuf::from(args.get(2).map_or("data/articles", String::as_str));
        varied_copies(&out, n, &seed_dir)?
    };
    eprintln!(
        "wrote {n} articles, {:.1} MB, into {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

fn write_article(out: &Path, i: usize, ext: &str, body: &[u8]) -> std::io::Result<()> {
    let sub = out.join(format!("{:03}", i / 1000));
    std::fs::create_dir_all(&sub)?;
    std::fs::write(sub.join(format!("{i:06}.{ext}")), body)
}

fn varied_copies(
    out: &Path,
    n: usize,
    seed_dir: &Path,
) -> Result<usize, Box<dyn std::error::Error>> {
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(seed_dir)? {
        let p = entry?.path();
        if p.extension().is_some_and(|e| e == "txt" || e == "html")
            && !p.to_string_lossy().contains(".mut")
        {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            seeds.push((ext, std::fs::read(&p)?));
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        return Err(format!("no .txt/.html seeds in {}", seed_dir.display()).into());
    }
    let mut bytes = 0usize;
    for i in 0..n {
        let (ext, body) = &seeds[i % seeds.len()];
        // vary the copy: swap the last digit of every 7th digit run (keeps the text realistic)
        let mut v = body.clone();
        let mut run = 0usize;
        for k in 0..v.len() {
            if v[k].is_ascii_digit() && !v.get(k + 1).is_some_and(u8::is_ascii_digit) {
                run += 1;
                if (run + i).is_multiple_of(7) {
                    v[k] = b'0' + (v[k] - b'0' + (i % 9) as u8 + 1) % 10;
                }
            }
        }
        bytes += v.len();
        write_article(out, i, ext, &v)?;
    }
    Ok(bytes)
}

// ---------------------------------------------------------------- the simulated market

/// SplitMix64: small, seedable, good enough for a simulation.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One simulated instrument: how the templates name it and how it is quoted.
struct Instrument {
    ko: &'static str,
    en: &'static str,
    /// Stocks are quoted in currency (원, $); indexes in points.
    stock: bool,
    start: f64,
    /// Decimals of a printed level (0 for won prices).
    decimals: usize,
}

const INSTRUMENTS: &[Instrument] = &[
    Instrument {
        ko: "다우존스30산업평균지수",
        en: "Dow Jones Industrial Average",
        stock: false,
        start: 37_000.0,
        decimals: 2,
    },
    Instrument {
        ko: "S&P500지수",
        en: "S&P 500",
        stock: false,
        start: 4_700.0,
        decimals: 2,
    },
    Instrument {
        ko: "나스닥종합지수",
        en: "Nasdaq composite",
        stock: false,
        start: 15_000.0,
        decimals: 2,
    },
    Instrument {
        ko: "코스피",
        en: "Kospi",
        stock: false,
        start: 2_600.0,
        decimals: 2,
    },
    Instrument {
        ko: "코스닥 지수",
        en: "Kosdaq",
        stock: false,
        start: 850.0,
        decimals: 2,
    },
    Instrument {
        ko: "독일 닥스지수",
        en: "Germany's DAX",
        stock: false,
        start: 16_700.0,
        decimals: 2,
    },
    Instrument {
        ko: "닛케이225 지수",
        en: "Nikkei 225",
        stock: false,
        start: 33_400.0,
        decimals: 2,
    },
    Instrument {
        ko: "삼성전자",
        en: "Samsung Electronics",
        stock: true,
        start: 78_000.0,
        decimals: 0,
    },
    Instrument {
        ko: "SK하이닉스",
        en: "SK Hynix",
        stock: true,
        start: 140_000.0,
        decimals: 0,
    },
    Instrument {
        ko: "엔비디아",
        en: "Nvidia",
        stock: true,
        start: 480.0,
        decimals: 2,
    },
    Instrument {
        ko: "애플",
        en: "Apple",
        stock: true,
        start: 190.0,
        decimals: 2,
    },
    Instrument {
        ko: "테슬라",
        en: "Tesla",
        stock: true,
        start: 250.0,
        decimals: 2,
    },
];

/// One trading day of one instrument, already rounded as printed, so every printed triple
/// agrees exactly: change = close - previous close, percent from the printed values.
#[derive(Clone, Copy)]
struct Day {
    close: f64,
    change: f64,
    pct: f64,
    high: f64,
    low: f64,
    open: f64,
    /// Close of the Friday before (for weekly changes) and of the last day of the year before.
    week_pct: f64,
    ytd_pct: f64,
    high_52w: f64,
}

fn round(v: f64, d: usize) -> f64 {
    let p = 10f64.powi(d as i32);
    (v * p).round() / p
}

/// Trading days (weekdays) from 2024-01-02, 300 of them.
fn trading_days() -> Vec<chrono::NaiveDate> {
    use chrono::Datelike;
    let mut out = Vec::new();
    let mut d = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap_or_default();
    while out.len() < 300 {
        if d.weekday().num_days_from_monday() < 5 {
            out.push(d);
        }
        d += chrono::Duration::days(1);
    }
    out
}

fn simulate(rng: &mut Rng, inst: &Instrument, days: usize) -> Vec<Day> {
    let d = inst.decimals;
    let mut prev = round(inst.start, d);
    let year_base = prev;
    let mut out: Vec<Day> = Vec::with_capacity(days);
    let mut max_close = prev;
    for i in 0..days {
        let step = (rng.unit() - 0.5) * 0.06;
        let mut close = round(prev * (1.0 + step), d);
        if inst.stock && inst.decimals == 0 {
            // won prices move in ticks of 100
            close = (close / 100.0).round() * 100.0;
        }
        if close == prev {
            close = prev
                + 10f64
                    .powi(-(d as i32))
                    .max(if d == 0 { 100.0 } else { 0.0 });
        }
        let change = round(close - prev, d);
        let pct = round(change / prev * 100.0, 2);
        let open = round(prev * (1.0 + (rng.unit() - 0.5) * 0.01), d);
        let high = round(close.max(open) * (1.0 + rng.unit() * 0.01), d);
        let low = round(close.min(open) * (1.0 - rng.unit() * 0.01), d);
        let week_base = if i >= 5 { out[i - 5].close } else { year_base };
        max_close = max_close.max(high);
        out.push(Day {
            close,
            change,
            pct,
            high,
            low,
            open,
            week_pct: round((close - week_base) / week_base * 100.0, 2),
            ytd_pct: round((close - year_base) / year_base * 100.0, 2),
            high_52w: max_close,
        });
        prev = close;
    }
    out
}

/// `1,234.56` with `d` decimals.
fn num(v: f64, d: usize) -> String {
    let s = format!("{:.*}", d, v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

/// Korean won written with 만: `7만1,400원`.
fn won(v: f64) -> String {
    let v = v.abs().round() as u64;
    let (man, rest) = (v / 10_000, v % 10_000);
    match (man, rest) {
        (0, r) => format!("{}원", num(r as f64, 0)),
        (m, 0) => format!("{m}만원"),
        (m, r) => format!("{m}만{}원", num(r as f64, 0)),
    }
}

fn ko_dir(v: f64) -> &'static str {
    if v >= 0.0 {
        "오른"
    } else {
        "내린"
    }
}
fn ko_dir_verb(v: f64) -> &'static str {
    if v >= 0.0 {
        "상승했다"
    } else {
        "하락했다"
    }
}
fn en_dir(v: f64) -> &'static str {
    if v >= 0.0 {
        "rose"
    } else {
        "fell"
    }
}

struct Market {
    days: Vec<chrono::NaiveDate>,
    series: Vec<Vec<Day>>,
    /// Won per dollar, by day.
    usdkrw: Vec<f64>,
}

fn consistent_corpus(out: &Path, n: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let mut rng = Rng(0x5EED_2024);
    let days = trading_days();
    let series = INSTRUMENTS
        .iter()
        .map(|inst| simulate(&mut rng, inst, days.len()))
        .collect();
    let mut rate = 1_300.0f64;
    let usdkrw = (0..days.len())
        .map(|_| {
            rate = round(rate * (1.0 + (rng.unit() - 0.5) * 0.01), 1);
            rate
        })
        .collect();
    let market = Market {
        days,
        series,
        usdkrw,
    };
    let mut bytes = 0usize;
    for i in 0..n {
        // skip the first weeks: weekly changes need a week behind them
        let day = 10 + rng.pick(market.days.len() - 10);
        let text = match rng.pick(6) {
            0 => ko_us_close(&market, day, &mut rng),
            1 => ko_kr_close(&market, day, &mut rng),
            2 => en_us_close(&market, day, &mut rng),
            3 => en_stock_story(&market, day, &mut rng),
            4 => ko_stock_story(&market, day, &mut rng),
            _ => ko_world(&market, day, &mut rng),
        };
        bytes += text.len();
        write_article(out, i, "txt", text.as_bytes())?;
    }
    Ok(bytes)
}

fn idx(name: &str) -> usize {
    INSTRUMENTS
        .iter()
        .position(|i| i.en == name)
        .unwrap_or_else(|| unreachable!("instrument {name} is in the table"))
}

/// A Korean sentence for an index close: `NAME은 전 거래일보다 P포인트(Q%) 오른 L에 마감했다.`
fn ko_index_sentence(name: &str, inst: &Instrument, d: &Day, rng: &mut Rng) -> String {
    let dec = inst.decimals;
    match rng.pick(3) {
        0 => format!(
            "{name}는 전 거래일보다 {}포인트({}%) {} {}에 거래를 마쳤다.",
            num(d.change, dec),
            num(d.pct, 2),
            ko_dir(d.change),
            num(d.close, dec)
        ),
        1 => format!(
            "{name}는 전장 대비 {}포인트, {}% {} {}로 장을 마감했다.",
            num(d.change, dec),
            num(d.pct, 2),
            ko_dir(d.change),
            num(d.close, dec)
        ),
        _ => format!(
            "{name}는 {}({}{}, {}{}%)로 마감했다.",
            num(d.close, dec),
            if d.change >= 0.0 { "▲" } else { "▼" },
            num(d.change, dec),
            if d.pct >= 0.0 { "+" } else { "-" },
            num(d.pct, 2)
        ),
    }
}

fn header(title: &str, published: &str, byline: &str) -> String {
    format!("{title}\n입력 {published}\n{byline}\n\n")
}

fn ko_us_close(m: &Market, day: usize, rng: &mut Rng) -> String {
    let date = m.days[day];
    let next = date + chrono::Duration::days(1);
    let (dow, spx, ndx) = (
        idx("Dow Jones Industrial Average"),
        idx("S&P 500"),
        idx("Nasdaq composite"),
    );
    let nv = idx("Nvidia");
    let d = |k: usize| m.series[k][day];
    let mut t = header(
        &format!(
            "[뉴욕증시] 나스닥 {}%{} 다우 {}%{}",
            num(d(ndx).pct, 2),
            if d(ndx).pct >= 0.0 { "↑" } else { "↓" },
            num(d(dow).pct, 2),
            if d(dow).pct >= 0.0 { "↑" } else { "↓" },
        ),
        &format!("{} 06:{:02}", next.format("%Y.%m.%d"), 5 + rng.pick(50)),
        "예시경제 뉴욕=홍길동 특파원",
    );
    let _ = writeln!(
        t,
        "{}일(현지시간) 뉴욕증권거래소에서 {}",
        date.format("%-d"),
        ko_index_sentence("다우존스30산업평균지수", &INSTRUMENTS[dow], &d(dow), rng)
    );
    let _ = writeln!(
        t,
        "{}",
        ko_index_sentence(
            "스탠더드앤드푸어스(S&P)500 지수",
            &INSTRUMENTS[spx],
            &d(spx),
            rng
        )
    );
    let _ = writeln!(
        t,
        "{}",
        ko_index_sentence("기술주 중심의 나스닥 지수", &INSTRUMENTS[ndx], &d(ndx), rng)
    );
    let _ = writeln!(
        t,
        "나스닥 지수는 장중 {}까지 올랐다가 {}까지 밀리기도 했다.",
        num(d(ndx).high, 2),
        num(d(ndx).low, 2)
    );
    let _ = writeln!(
        t,
        "나스닥 지수는 이번 주 들어 {}% {}, 올해 들어서는 {}% {}.",
        num(d(ndx).week_pct, 2),
        if d(ndx).week_pct >= 0.0 {
            "올랐고"
        } else {
            "내렸고"
        },
        num(d(ndx).ytd_pct, 2),
        ko_dir_verb(d(ndx).ytd_pct)
    );
    let _ = writeln!(
        t,
        "종목별로는 엔비디아가 {}% {} {}달러에 마감했다. 엔비디아의 52주 최고가는 {}달러다.",
        num(d(nv).pct, 2),
        ko_dir(d(nv).pct),
        num(d(nv).close, 2),
        num(d(nv).high_52w, 2)
    );
    let usd = (1 + rng.pick(90)) as f64 * 10.0; // 억 달러
    let krw_jo = usd * 1e8 * m.usdkrw[day] / 1e12;
    let _ = writeln!(
        t,
        "엔비디아 시가총액은 이날 {}억 달러(약 {}조원) {}.",
        num(usd, 0),
        num(krw_jo, 1),
        if d(nv).pct >= 0.0 {
            "늘었다"
        } else {
            "줄었다"
        }
    );
    let _ = writeln!(t, "\nhong@example.co.kr");
    t
}

fn ko_kr_close(m: &Market, day: usize, rng: &mut Rng) -> String {
    let date = m.days[day];
    let (ks, kq, sam, sk) = (
        idx("Kospi"),
        idx("Kosdaq"),
        idx("Samsung Electronics"),
        idx("SK Hynix"),
    );
    let d = |k: usize| m.series[k][day];
    let mut t = header(
        &format!(
            "코스피 {} 마감…삼성전자 {}%{}",
            num(d(ks).close, 2),
            num(d(sam).pct, 2),
            if d(sam).pct >= 0.0 { "↑" } else { "↓" }
        ),
        &format!("{} 15:{:02}", date.format("%Y.%m.%d"), 35 + rng.pick(20)),
        "예시뉴스 김예시 기자",
    );
    let _ = writeln!(
        t,
        "{}일 유가증권시장에서 {}",
        date.format("%-d"),
        ko_index_sentence("코스피", &INSTRUMENTS[ks], &d(ks), rng)
    );
    let _ = writeln!(
        t,
        "지수는 {}로 출발한 뒤 장중 {}까지 올랐다.",
        num(d(ks).open, 2),
        num(d(ks).high, 2)
    );
    let _ = writeln!(
        t,
        "{}",
        ko_index_sentence("코스닥 지수", &INSTRUMENTS[kq], &d(kq), rng)
    );
    let _ = writeln!(
        t,
        "시가총액 1위 삼성전자는 {}({}%) {} {}에, SK하이닉스는 {}({}%) {} {}에 거래를 마쳤다.",
        won(d(sam).change),
        num(d(sam).pct, 2),
        ko_dir(d(sam).change),
        won(d(sam).close),
        won(d(sk).change),
        num(d(sk).pct, 2),
        ko_dir(d(sk).change),
        won(d(sk).close)
    );
    let _ = writeln!(
        t,
        "서울 외환시장에서 원·달러 환율은 {}원에 마감했다.",
        num(m.usdkrw[day], 1)
    );
    let jo = 1 + rng.pick(9);
    let eok = (1 + rng.pick(9)) * 1000;
    let _ = writeln!(
        t,
        "이날 외국인은 {jo}조 {}억원어치를 순매수했다.",
        num(eok as f64, 0)
    );
    let _ = writeln!(t, "\nkim@example.co.kr");
    t
}

fn en_us_close(m: &Market, day: usize, rng: &mut Rng) -> String {
    use chrono::Datelike;
    let date = m.days[day];
    let (dow, spx, ndx) = (
        idx("Dow Jones Industrial Average"),
        idx("S&P 500"),
        idx("Nasdaq composite"),
    );
    let d = |k: usize| m.series[k][day];
    let weekday = date.format("%A").to_string();
    let mut t = format!(
        "Stocks {} as investors weigh earnings\nPosted: {} 16:{:02}\nBy Example Wire\n\nNEW YORK (EW) — ",
        if d(spx).change >= 0.0 { "climb" } else { "slip" },
        date.format("%Y-%m-%d"),
        10 + rng.pick(40)
    );
    let _ = writeln!(
        t,
        "The S&P 500 {} {} points, or {}%, to {} on {weekday}. The Dow Jones Industrial Average {} {}, or {}%, to {}, and the Nasdaq composite {} {}, or {}%, to {}.",
        en_dir(d(spx).change), num(d(spx).change, 2), num(d(spx).pct, 2), num(d(spx).close, 2),
        en_dir(d(dow).change), num(d(dow).change, 2), num(d(dow).pct, 2), num(d(dow).close, 2),
        en_dir(d(ndx).change), num(d(ndx).change, 2), num(d(ndx).pct, 2), num(d(ndx).close, 2),
    );
    let _ = writeln!(
        t,
        "The Nasdaq had been up as much as {}% early in the session.",
        num(
            ((d(ndx).high - (d(ndx).close - d(ndx).change)) / (d(ndx).close - d(ndx).change)
                * 100.0)
                .max(0.01),
            2
        )
    );
    let _ = writeln!(t, "\nOn {weekday}:");
    let _ = writeln!(
        t,
        "The S&P 500 {} {} points, or {}%, to {}.",
        en_dir(d(spx).change),
        num(d(spx).change, 2),
        num(d(spx).pct, 2),
        num(d(spx).close, 2)
    );
    let _ = writeln!(
        t,
        "The Dow {} {} points, or {}%, to {}.",
        en_dir(d(dow).change),
        num(d(dow).change, 2),
        num(d(dow).pct, 2),
        num(d(dow).close, 2)
    );
    if date.weekday() == chrono::Weekday::Fri {
        let _ = writeln!(t, "\nFor the week:");
        let _ = writeln!(
            t,
            "The S&P 500 is {} {}%.",
            if d(spx).week_pct >= 0.0 { "up" } else { "down" },
            num(d(spx).week_pct, 2)
        );
    }
    let _ = writeln!(t, "\nFor the year:");
    let _ = writeln!(
        t,
        "The S&P 500 is {} {}%.",
        if d(spx).ytd_pct >= 0.0 { "up" } else { "down" },
        num(d(spx).ytd_pct, 2)
    );
    let _ = writeln!(
        t,
        "The Nasdaq is {} {}%.",
        if d(ndx).ytd_pct >= 0.0 { "up" } else { "down" },
        num(d(ndx).ytd_pct, 2)
    );
    t
}

fn en_stock_story(m: &Market, day: usize, rng: &mut Rng) -> String {
    let date = m.days[day];
    let k = [idx("Nvidia"), idx("Apple"), idx("Tesla")][rng.pick(3)];
    let inst = &INSTRUMENTS[k];
    let d = m.series[k][day];
    let verb = if d.change >= 0.0 { "added" } else { "lost" };
    let mut t = format!(
        "{} shares move after analyst call\nPosted: {} 17:{:02}\n\n",
        inst.en,
        date.format("%Y-%m-%d"),
        rng.pick(60)
    );
    let _ = writeln!(
        t,
        "{} {verb} ${}, or {}%, to ${} on the day.",
        inst.en,
        num(d.change, 2),
        num(d.pct, 2),
        num(d.close, 2)
    );
    let _ = writeln!(
        t,
        "The stock traded between ${} and ${} and is {} {}% this year. Its 52-week high is ${}.",
        num(d.low, 2),
        num(d.high, 2),
        if d.ytd_pct >= 0.0 { "up" } else { "down" },
        num(d.ytd_pct, 2),
        num(d.high_52w, 2)
    );
    t
}

fn ko_stock_story(m: &Market, day: usize, rng: &mut Rng) -> String {
    let date = m.days[day];
    let k = [idx("Samsung Electronics"), idx("SK Hynix")][rng.pick(2)];
    let inst = &INSTRUMENTS[k];
    let d = m.series[k][day];
    let mut t = header(
        &format!(
            "[특징주] {} {}%{}",
            inst.ko,
            num(d.pct, 2),
            if d.pct >= 0.0 { "↑" } else { "↓" }
        ),
        &format!("{} 15:{:02}", date.format("%Y.%m.%d"), 40 + rng.pick(19)),
        "예시투데이 박예시 기자",
    );
    let _ = writeln!(
        t,
        "{}일 한국거래소에 따르면 {}는 전 거래일 대비 {}({}%) {} {}에 장을 마쳤다.",
        date.format("%-d"),
        inst.ko,
        won(d.change),
        num(d.pct, 2),
        ko_dir(d.change),
        won(d.close)
    );
    let _ = writeln!(
        t,
        "장중 한때 {}까지 올랐고, 52주 신고가는 {}이다.",
        won(d.high),
        won(d.high_52w)
    );
    let _ = writeln!(
        t,
        "주가는 올해 들어 {}% {}.",
        num(d.ytd_pct, 2),
        ko_dir_verb(d.ytd_pct)
    );
    t
}

fn ko_world(m: &Market, day: usize, rng: &mut Rng) -> String {
    let date = m.days[day];
    let next = date + chrono::Duration::days(1);
    let (dax, ndx, nk) = (
        idx("Germany's DAX"),
        idx("Nasdaq composite"),
        idx("Nikkei 225"),
    );
    let d = |k: usize| m.series[k][day];
    let mut t = header(
        "[글로벌 마감] 유럽·미국 증시",
        &format!("{} 07:{:02}", next.format("%Y.%m.%d"), rng.pick(60)),
        "예시글로벌 정예시 기자",
    );
    let _ = writeln!(
        t,
        "{}일(현지시간) 나스닥 지수는 {}포인트({}%) {} {}에 마감했다.",
        date.format("%-d"),
        num(d(ndx).change, 2),
        num(d(ndx).pct, 2),
        ko_dir(d(ndx).change),
        num(d(ndx).close, 2)
    );
    let _ = writeln!(
        t,
        "이날 독일 닥스지수는 {}포인트({}{}%) {} {}에 거래를 마쳤다.",
        num(d(dax).change, 2),
        if d(dax).pct >= 0.0 { "+" } else { "-" },
        num(d(dax).pct, 2),
        if d(dax).change >= 0.0 {
            "상승한"
        } else {
            "하락한"
        },
        num(d(dax).close, 2)
    );
    let _ = writeln!(
        t,
        "앞서 {}일 도쿄 증시에서 닛케이225 지수는 {}포인트({}%) {} {}로 마감했다.",
        date.format("%-d"),
        num(d(nk).change, 2),
        num(d(nk).pct, 2),
        ko_dir(d(nk).change),
        num(d(nk).close, 2)
    );
    t
}
