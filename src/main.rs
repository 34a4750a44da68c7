//! marketfig command line: a thin clap front end over the library.
//!
//! Parses flags, merges `marketfig.toml`, calls the library, and turns the result into an
//! exit code: 0 clean, 1 findings at or above `--fail-on`, 2 usage or input error.

use anyhow::{bail, Context as _, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use marketfig::chart::{ChartOptions, ColorScheme, Lang};
use marketfig::check::{self, Config, Finding, Reference, Severity};
use marketfig::dataset::{self, TableFormat};
use marketfig::extract::Lexicon;
use marketfig::pipeline::{self, Outcome};
use marketfig::report::{self, OutputFormat, ReportInput};
use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DEFAULT_CORPUS: &str = "data/articles";

/// Turn financial news into a checked dataset of market moves.
///
/// With no subcommand, `run` on the default corpus (data/articles).
#[derive(Parser, Debug)]
#[command(name = "marketfig", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    global: Global,
}

#[derive(Args, Debug, Clone)]
struct Global {
    /// Configuration file (default: marketfig.toml in this folder or a parent).
    #[arg(long, global = true, value_name = "FILE", help_heading = "Config")]
    config: Option<PathBuf>,
    /// Ignore marketfig.toml files.
    #[arg(long, global = true, help_heading = "Config")]
    isolated: bool,
    /// Extra lexicon file (entities or words CSV); repeatable. Extends the built-in one.
    #[arg(long, global = true, value_name = "FILE", help_heading = "Config")]
    lexicon: Vec<PathBuf>,
    /// Worker threads (default: all cores). Output is the same for any count.
    #[arg(long, short = 'j', global = true, value_name = "N")]
    threads: Option<usize>,
    /// Print nothing but the requested output.
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read, extract, check; write articles/figures/events/findings (.parquet) and charts;
    /// print a report.
    Run(RunArgs),
    /// Extract figures and print or write them.
    Extract(ExtractArgs),
    /// Check figures for consistency, like a linter.
    Check(CheckArgs),
    /// Draw PNG event charts.
    Chart(ChartArgs),
    /// Explain a rule code (e.g. MF001); `explain --all` lists every rule.
    Explain {
        /// Rule code.
        code: Option<String>,
        /// List every rule.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Args, Debug)]
struct RunArgs {
    /// Files or folders (recursive); `-` reads stdin.
    paths: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, short, default_value = "out")]
    out: PathBuf,
    /// Reference closes (CSV: date,symbol,close[,prev_close]).
    #[arg(long, value_name = "CSV")]
    reference: Option<PathBuf>,
    /// Exit with 1 when findings reach this severity (run reports by default).
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    fail_on: FailOn,
    /// Write figures and events as Hive-partitioned folders (`figures/event_date=…/`) that
    /// DuckDB and Polars read as one table each, instead of one file each.
    #[arg(long, value_enum, value_name = "COLUMN")]
    partition_by: Option<PartitionBy>,
    #[command(flatten)]
    chart: ChartFlags,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum PartitionBy {
    /// One folder per event date (`event_date=2025-01-27`).
    #[value(name = "event_date")]
    EventDate,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Files or folders (recursive); `-` reads stdin.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Table)]
    format: ExtractFormat,
    /// Write to FILE instead of stdout (atomically).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Files or folders (recursive); `-` reads stdin.
    paths: Vec<PathBuf>,
    /// Output format: human, json, sarif, github, junit.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Exit with 1 when findings reach this severity.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Reference closes (CSV: date,symbol,close[,prev_close]).
    #[arg(long, value_name = "CSV")]
    reference: Option<PathBuf>,
    /// Report only findings not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write the current findings as a baseline file and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Switch a rule off (repeatable).
    #[arg(long, value_name = "CODE")]
    disable: Vec<String>,
}

#[derive(Args, Debug)]
struct ChartArgs {
    /// Files or folders (recursive); `-` reads stdin.
    paths: Vec<PathBuf>,
    /// Output folder for the PNGs.
    #[arg(long, short, default_value = "out/charts")]
    out: PathBuf,
    #[command(flatten)]
    chart: ChartFlags,
}

#[derive(Args, Debug, Clone, Copy)]
struct ChartFlags {
    /// Rise/fall colours: kr (red up, blue down) or us (green up, red down).
    #[arg(long, value_enum, default_value_t = Colors::Kr, help_heading = "Charts")]
    colors: Colors,
    /// Label language (default: the articles' language).
    #[arg(long, value_enum, help_heading = "Charts")]
    lang: Option<LangArg>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Colors {
    Kr,
    Us,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Ko,
    En,
}

impl ChartFlags {
    fn options(self) -> ChartOptions {
        ChartOptions {
            colors: match self.colors {
                Colors::Kr => ColorScheme::Kr,
                Colors::Us => ColorScheme::Us,
            },
            lang: self.lang.map(|l| match l {
                LangArg::Ko => Lang::Ko,
                LangArg::En => Lang::En,
            }),
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    Table,
    Ndjson,
    Csv,
    Parquet,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

impl CheckFormat {
    fn output(self) -> OutputFormat {
        match self {
            CheckFormat::Human => OutputFormat::Human,
            CheckFormat::Json => OutputFormat::Json,
            CheckFormat::Sarif => OutputFormat::Sarif,
            CheckFormat::Github => OutputFormat::Github,
            CheckFormat::Junit => OutputFormat::Junit,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

impl FailOn {
    fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Note => true,
            FailOn::Never => false,
        }
    }
}

/// `marketfig.toml`.
#[derive(serde::Deserialize, Debug, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    /// Extra lexicon files, relative to the config file.
    #[serde(default)]
    lexicon: Vec<PathBuf>,
    #[serde(default)]
    check: CheckConfig,
}

#[derive(serde::Deserialize, Debug, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CheckConfig {
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    fail_on: Option<FailOn>,
    reference: Option<PathBuf>,
    baseline: Option<PathBuf>,
}

fn load_file_config(global: &Global) -> Result<(FileConfig, PathBuf)> {
    let path = match &global.config {
        Some(p) => Some(p.clone()),
        None if global.isolated => None,
        None => {
            let mut dir = std::env::current_dir().ok();
            let mut found = None;
            while let Some(d) = dir {
                let c = d.join("marketfig.toml");
                if c.is_file() {
                    found = Some(c);
                    break;
                }
                dir = d.parent().map(Path::to_path_buf);
            }
            found
        }
    };
    let Some(path) = path else {
        return Ok((FileConfig::default(), PathBuf::from(".")));
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read config", path.display()))?;
    let cfg: FileConfig =
        toml::from_str(&text).with_context(|| format!("{}: invalid config", path.display()))?;
    // paths in the file are relative to it; keep them relative when it sits right here
    let base = match (path.parent(), std::env::current_dir()) {
        (Some(p), Ok(cwd)) if p == cwd => PathBuf::new(),
        (Some(p), _) => p.to_path_buf(),
        (None, _) => PathBuf::new(),
    };
    Ok((cfg, base))
}

/// Everything the subcommands share, built once.
struct Setup {
    lexicon: Lexicon,
    config: Config,
    fail_on: Option<FailOn>,
    baseline: Option<PathBuf>,
}

fn setup(global: &Global, reference: Option<&PathBuf>, disable: &[String]) -> Result<Setup> {
    let (fc, base) = load_file_config(global)?;
    let mut lexicon_files: Vec<PathBuf> = fc.lexicon.iter().map(|p| base.join(p)).collect();
    lexicon_files.extend(global.lexicon.iter().cloned());
    let lexicon = Lexicon::with_files(&lexicon_files)?;
    let reference_path = reference
        .cloned()
        .or_else(|| fc.check.reference.as_ref().map(|p| base.join(p)));
    let reference = match reference_path {
        Some(p) => Some(Reference::load(&p)?),
        None => None,
    };
    let known: HashSet<&str> = check::rules().iter().map(|r| r.code).collect();
    let mut disabled = HashSet::new();
    for code in fc.check.disable.iter().chain(disable) {
        let c = code.to_ascii_uppercase();
        if !known.contains(c.as_str()) {
            bail!("unknown rule code `{code}` (see `marketfig explain --all`)");
        }
        disabled.insert(c);
    }
    let mut severity = std::collections::HashMap::new();
    for (code, s) in fc.check.severity {
        let c = code.to_ascii_uppercase();
        if !known.contains(c.as_str()) {
            bail!("unknown rule code `{code}` in [check.severity]");
        }
        severity.insert(c, s);
    }
    Ok(Setup {
        lexicon,
        config: Config {
            disabled,
            severity,
            reference,
        },
        fail_on: fc.check.fail_on,
        baseline: fc.check.baseline.map(|p| base.join(p)),
    })
}

fn default_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    let d = PathBuf::from(DEFAULT_CORPUS);
    if !d.is_dir() {
        bail!("no PATH given and the default corpus `{DEFAULT_CORPUS}` is not here (run from the repository root or name files)");
    }
    Ok(vec![d])
}

/// The pipeline with a progress line on stderr for long runs, only when stderr is a terminal
/// and `--quiet` is off (CI logs stay clean).
fn run_pipeline(paths: &[PathBuf], s: &Setup, quiet: bool) -> Outcome {
    let show = !quiet && std::io::stderr().is_terminal();
    let mut last_shown = std::time::Instant::now();
    let mut progress = |done: usize, total: usize| {
        if show && total >= 200 && (done == total || last_shown.elapsed().as_millis() >= 100) {
            last_shown = std::time::Instant::now();
            eprint!("\r\x1b[2Kmarketfig: {done}/{total} articles");
            if done == total {
                eprintln!();
            }
        }
    };
    pipeline::run_with_progress(paths, &s.lexicon, &s.config, &mut progress)
}

/// Input problems go to stderr (files that could not be read, and files read with damage:
/// invalid bytes replaced, an encoding guessed); with nothing readable at all, that is exit 2.
fn report_input_errors(outcome: &Outcome, quiet: bool) -> Option<ExitCode> {
    if !quiet {
        for e in &outcome.errors {
            eprintln!("marketfig: {e}");
        }
        for a in &outcome.articles {
            for w in &a.warnings {
                eprintln!("marketfig: warning: {}: {w}", a.path);
            }
        }
    }
    if outcome.articles.is_empty() {
        eprintln!("marketfig: no input could be read");
        return Some(ExitCode::from(2));
    }
    None
}

/// A finding's identity for baselines: stable across unrelated edits elsewhere in a file.
fn baseline_key(f: &Finding) -> String {
    format!("{}\u{1f}{}\u{1f}{}", f.code, f.article, f.message)
}

fn cmd_extract(global: &Global, args: ExtractArgs) -> Result<ExitCode> {
    let s = setup(global, None, &[])?;
    let paths = default_paths(&args.paths)?;
    let (files, errors) = marketfig::corpus::discover(&paths);
    let mut outcome = Outcome {
        errors,
        ..Outcome::default()
    };
    if args.format == ExtractFormat::Ndjson && args.output.is_none() {
        // streamed batch by batch: memory holds one batch of articles, not the corpus
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        let mut write_error: Option<std::io::Error> = None;
        pipeline::for_each_article(
            &files,
            |a| {
                (
                    pipeline::ArticleInfo::of(&a),
                    marketfig::extract::extract(&a, &s.lexicon),
                )
            },
            |r| match r {
                Ok((info, figures)) => {
                    outcome.articles.push(info);
                    for f in figures {
                        if write_error.is_none() {
                            let line =
                                serde_json::to_string(&f.to_json()).map_err(std::io::Error::other);
                            if let Err(e) = line.and_then(|l| writeln!(w, "{l}")) {
                                write_error = Some(e);
                            }
                        }
                    }
                }
                Err(e) => outcome.errors.push(e),
            },
        );
        if let Some(e) = write_error {
            return Err(e.into());
        }
        w.flush()?;
        return Ok(report_input_errors(&outcome, global.quiet).unwrap_or(ExitCode::SUCCESS));
    }
    pipeline::for_each_article(
        &files,
        |a| {
            (
                pipeline::ArticleInfo::of(&a),
                marketfig::extract::extract(&a, &s.lexicon),
            )
        },
        |r| match r {
            Ok((info, figures)) => {
                outcome.articles.push(info);
                outcome.figures.extend(figures);
            }
            Err(e) => outcome.errors.push(e),
        },
    );
    if let Some(code) = report_input_errors(&outcome, global.quiet) {
        return Ok(code);
    }
    let figures = &outcome.figures;
    match (args.format, &args.output) {
        (ExtractFormat::Table, None) => {
            let df = dataset::figures_frame(figures)?;
            let cols = [
                "article",
                "line",
                "kind",
                "entity",
                "symbol",
                "event_date",
                "session",
                "level",
                "change_points",
                "change_pct",
                "amount",
                "currency",
            ];
            let df = df.select(cols)?;
            println!("{df}");
        }
        (fmt, out) => {
            let format = match fmt {
                ExtractFormat::Csv => TableFormat::Csv,
                ExtractFormat::Parquet => TableFormat::Parquet,
                _ => TableFormat::Ndjson,
            };
            let mut df = dataset::figures_frame(figures)?;
            match out {
                Some(p) => dataset::write_table(&mut df, p, format)?,
                None if format == TableFormat::Parquet && std::io::stdout().is_terminal() => {
                    bail!("refusing to write Parquet to a terminal; use -o FILE")
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut w = stdout.lock();
                    dataset::write_table_to(&mut df, &mut w, format)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_check(global: &Global, args: CheckArgs) -> Result<ExitCode> {
    let s = setup(global, args.reference.as_ref(), &args.disable)?;
    let paths = default_paths(&args.paths)?;
    let mut outcome = run_pipeline(&paths, &s, global.quiet);
    if let Some(code) = report_input_errors(&outcome, global.quiet) {
        return Ok(code);
    }
    if let Some(p) = &args.write_baseline {
        let keys: Vec<String> = outcome.findings.iter().map(baseline_key).collect();
        let json = serde_json::to_string_pretty(
            &serde_json::json!({ "marketfig-baseline": 1, "findings": keys }),
        )?;
        let tmp = p.with_extension("tmp");
        std::fs::write(&tmp, json)
            .with_context(|| format!("{}: cannot write baseline", tmp.display()))?;
        std::fs::rename(&tmp, p)
            .with_context(|| format!("{}: cannot write baseline", p.display()))?;
        if !global.quiet {
            eprintln!(
                "marketfig: wrote {} findings to baseline {}",
                outcome.findings.len(),
                p.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(p) = args.baseline.as_ref().or(s.baseline.as_ref()) {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read baseline", p.display()))?;
        let v: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{}: invalid baseline", p.display()))?;
        let known: HashSet<&str> = v["findings"]
            .as_array()
            .map(|a| a.iter().filter_map(|k| k.as_str()).collect())
            .unwrap_or_default();
        outcome
            .findings
            .retain(|f| !known.contains(baseline_key(f).as_str()));
    }
    let rules = check::rules();
    let mut article_paths: Vec<String> = outcome.articles.iter().map(|a| a.path.clone()).collect();
    article_paths.extend(outcome.errors.iter().map(|e| e.path().to_string()));
    let color = args.format == CheckFormat::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let input = ReportInput {
        findings: &outcome.findings,
        sources: &outcome.sources,
        articles: &article_paths,
        rules: &rules,
        coverage: outcome.coverage,
        color,
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    report::render(args.format.output(), &input, &mut w)?;
    w.flush()?;
    let fail_on = args.fail_on.or(s.fail_on).unwrap_or(FailOn::Error);
    Ok(
        if outcome.findings.iter().any(|f| fail_on.fails(f.severity)) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}

fn cmd_run(global: &Global, args: RunArgs) -> Result<ExitCode> {
    let s = setup(global, args.reference.as_ref(), &[])?;
    let paths = default_paths(&args.paths)?;
    let start = std::time::Instant::now();
    let outcome = run_pipeline(&paths, &s, global.quiet);
    if let Some(code) = report_input_errors(&outcome, global.quiet) {
        return Ok(code);
    }
    let layout = match args.partition_by {
        Some(PartitionBy::EventDate) => pipeline::Layout::ByEventDate,
        None => pipeline::Layout::Files,
    };
    let written = pipeline::write_outputs_in(&outcome, &args.out, &args.chart.options(), layout)?;
    if !global.quiet {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        print_run_report(&mut w, &outcome, &written, start.elapsed())?;
        w.flush()?;
    }
    Ok(
        if outcome
            .findings
            .iter()
            .any(|f| args.fail_on.fails(f.severity))
        {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}

fn print_run_report(
    w: &mut dyn Write,
    o: &Outcome,
    written: &[PathBuf],
    elapsed: std::time::Duration,
) -> std::io::Result<()> {
    let c = o.coverage;
    let count = |s: Severity| o.findings.iter().filter(|f| f.severity == s).count();
    writeln!(w, "marketfig run")?;
    writeln!(
        w,
        "  articles read   {:>6}   ({} unreadable)",
        o.articles.len(),
        o.errors.len()
    )?;
    writeln!(w, "  figures found   {:>6}", c.figures)?;
    writeln!(
        w,
        "  figures checked {:>6}   ({} passed, {} passed by rounding, {} failed; {} not checkable)",
        c.checked, c.passed, c.passed_by_rounding, c.failed, c.not_checkable
    )?;
    writeln!(
        w,
        "  findings        {:>6}   ({} errors, {} warnings, {} notes)",
        o.findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    )?;
    writeln!(w)?;
    for f in o
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        writeln!(
            w,
            "  {}:{}:{}: {}[{}] {}",
            f.article,
            f.line,
            f.column,
            f.severity.as_str(),
            f.code,
            f.message
        )?;
    }
    if o.findings.iter().any(|f| f.severity >= Severity::Warning) {
        writeln!(w, "  (details: marketfig check PATH...)")?;
        writeln!(w)?;
    }
    writeln!(w, "  files written:")?;
    // a partitioned table is one line: its folder and how many days it holds
    let mut partitioned: Vec<(PathBuf, usize)> = Vec::new();
    for p in written {
        let table = p.parent().filter(|d| {
            d.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("event_date="))
        });
        match table.and_then(Path::parent) {
            Some(t) => match partitioned.iter_mut().find(|(d, _)| d == t) {
                Some((_, n)) => *n += 1,
                None => partitioned.push((t.to_path_buf(), 1)),
            },
            None => writeln!(w, "    {}", p.display())?,
        }
    }
    for (dir, n) in partitioned {
        writeln!(
            w,
            "    {}/  ({n} event_date partition{})",
            dir.display(),
            if n == 1 { "" } else { "s" }
        )?;
    }
    writeln!(w, "  done in {:.2}s", elapsed.as_secs_f64())?;
    Ok(())
}

fn cmd_chart(global: &Global, args: ChartArgs) -> Result<ExitCode> {
    let s = setup(global, None, &[])?;
    let paths = default_paths(&args.paths)?;
    let outcome = run_pipeline(&paths, &s, global.quiet);
    if let Some(code) = report_input_errors(&outcome, global.quiet) {
        return Ok(code);
    }
    let written = marketfig::chart::draw_charts(
        &outcome.figures,
        &pipeline::article_stats(&outcome),
        &args.out,
        &args.chart.options(),
    )?;
    if !global.quiet {
        for p in written {
            println!("{}", p.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_explain(code: Option<String>, all: bool) -> Result<ExitCode> {
    if all || code.is_none() {
        for r in check::rules() {
            println!(
                "{}  {:<28} {:<8} {}",
                r.code,
                r.name,
                r.default_severity.as_str(),
                r.summary
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let code = code.unwrap_or_default();
    match check::rule_info(&code) {
        Some(r) => {
            print!("{}", report::explain(&r));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("marketfig: unknown rule code `{code}`; known codes:");
            for r in check::rules() {
                eprintln!("  {}  {}", r.code, r.name);
            }
            Ok(ExitCode::from(2))
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(n) = cli.global.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the thread pool")?;
    }
    let g = cli.global.clone();
    match cli.command {
        None => cmd_run(
            &g,
            RunArgs {
                paths: vec![],
                out: PathBuf::from("out"),
                reference: None,
                fail_on: FailOn::Never,
                partition_by: None,
                chart: ChartFlags {
                    colors: Colors::Kr,
                    lang: None,
                },
            },
        ),
        Some(Command::Run(a)) => cmd_run(&g, a),
        Some(Command::Extract(a)) => cmd_extract(&g, a),
        Some(Command::Check(a)) => cmd_check(&g, a),
        Some(Command::Chart(a)) => cmd_chart(&g, a),
        Some(Command::Explain { code, all }) => cmd_explain(code, all),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // `marketfig extract | head` closes the pipe: that is not an error
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("marketfig: {e:#}");
            ExitCode::from(2)
        }
    }
}
