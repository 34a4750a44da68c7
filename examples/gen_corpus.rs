//! Corpus generator for scale runs: writes N articles into a folder by cycling through the
//! seed articles (the founding corpus, or any folder given), varying each copy's figures
//! so no two files are identical.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- /tmp/corpus 20000 [SEED_DIR]
//! target/release/marketfig extract --format ndjson /tmp/corpus > /dev/null
//! ```

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: gen_corpus OUT_DIR N [SEED_DIR]")?,
    );
    let n: usize = args
        .next()
        .ok_or("usage: gen_corpus OUT_DIR N [SEED_DIR]")?
        .parse()?;
    let seed_dir = PathBuf::from(args.next().unwrap_or_else(|| "data/articles".into()));
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(&seed_dir)? {
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
    std::fs::create_dir_all(&out)?;
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
        let sub = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("{i:06}.{ext}")), v)?;
    }
    eprintln!(
        "wrote {n} articles, {:.1} MB, into {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
