//! Throughput of the per-article work (decode, extract, check) on real articles.
//! `cargo bench`; scale runs over many files use `examples/gen_corpus.rs` and the binary.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marketfig::check::{check_article, Config};
use marketfig::corpus::Article;
use marketfig::extract::{extract, Lexicon};

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["data/articles", "tests/fixtures/devset"] {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt" || x == "html") {
                if let Ok(b) = std::fs::read(&p) {
                    out.push((p.display().to_string(), b));
                }
            }
        }
    }
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    let config = Config::default();
    let seeds = seeds();
    let total: usize = seeds.iter().map(|(_, b)| b.len()).sum();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("decode", |b| {
        b.iter(|| {
            seeds
                .iter()
                .filter_map(|(p, bytes)| Article::from_bytes(p, bytes).ok())
                .count()
        })
    });
    let articles: Vec<Article> = seeds
        .iter()
        .filter_map(|(p, b)| Article::from_bytes(p, b).ok())
        .collect();
    g.bench_function("extract", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extract(a, &lexicon).len())
                .sum::<usize>()
        })
    });
    g.bench_function("decode+extract+check", |b| {
        b.iter(|| {
            seeds
                .iter()
                .filter_map(|(p, bytes)| Article::from_bytes(p, bytes).ok())
                .map(|a| {
                    let figs = extract(&a, &lexicon);
                    check_article(&a, &figs, &config).0.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
    c.bench_function("lexicon load", |b| b.iter(Lexicon::builtin));
    // one line of many sentences: time must grow with the line, not with its square
    // (1, 2 and 4 MB: the throughput of the three should be about the same)
    let sentence =
        "시장 참가자들은 관망세 속에 거래를 줄였다. 코스피는 전 거래일보다 12.34포인트(0.50%) \
                    오른 2,480.12에 마감했다. ";
    let mut g = c.benchmark_group("one long line");
    g.sample_size(10);
    for mb in [1usize, 2, 4] {
        let line = sentence.repeat(mb * 1_000_000 / sentence.len());
        let Ok(article) = Article::from_bytes("line.txt", line.as_bytes()) else {
            continue;
        };
        g.throughput(Throughput::Bytes(line.len() as u64));
        g.bench_function(format!("{mb} MB"), |b| {
            b.iter(|| extract(&article, &lexicon).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
