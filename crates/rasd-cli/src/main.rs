//! The `rasd` command line: the binary edge of the pipeline.
//!
//! `rasd analyze` turns articles into `rasd.document/1` JSON Lines; `rasd explain` shows
//! how a text was read; `rasd bench` measures the throughput of the stages on a corpus
//! built by repeating a sample.

mod analyze;
mod bench;
mod bench_store;
mod claims;
mod explain;
mod export;
mod incidents;
mod ingest;
mod record;
mod search;
mod serve;
mod timeline;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

// The pipeline makes many small, short-lived allocations (token texts, keys, spans);
// mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Structured, sourced records of conflict events from Arabic news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Only print errors.
    #[arg(short, long, global = true)]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze articles (files, folders, `-` for stdin) into rasd.document/1 JSON Lines.
    Analyze(analyze::Args),
    /// Measure ingestion and text-layer throughput on one core.
    Bench(bench::Args),
    /// Show how rasd reads a text: clauses, phrases, frames, roles, moods and events.
    Explain(explain::Args),
    /// Analyze articles and store them in the record (SQLite file or PostgreSQL).
    Ingest(ingest::Args),
    /// Full-text search over the stored articles.
    Search(search::Args),
    /// Incidents and casualty figures in date order.
    Timeline(timeline::Args),
    /// The claims ledger: casualty figures by claimant, dated.
    Claims(claims::Args),
    /// Incidents merged across articles, with their sources.
    Incidents(incidents::Args),
    /// Export the record: acled-csv, plover-jsonl, geojson, parquet, jsonl.
    Export(export::Args),
    /// Measure ingest throughput into the record on one core.
    BenchStore(bench_store::Args),
    /// Serve the record's web page and JSON API (read-only unless given a token).
    Serve(serve::Args),
}

/// Ends the process quietly when standard output is closed early (`rasd timeline |
/// head`): Rust ignores SIGPIPE, so printing then panics; a closed pipe means the reader
/// has what it wanted. Every other panic is reported as usual.
fn quiet_on_closed_pipe() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        report(info);
    }));
}

fn closed_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            || c.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind)
                == broken
    })
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let level = if cli.quiet { "error" } else { "info" };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RASD_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level)),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .without_time()
        .init();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args, cli.quiet),
        Command::Bench(args) => bench::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Ingest(args) => ingest::run(args, cli.quiet),
        Command::Search(args) => search::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Incidents(args) => incidents::run(args),
        Command::Export(args) => export::run(args, cli.quiet),
        Command::BenchStore(args) => bench_store::run(args),
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        // Output written through a writer fails rather than panics on a closed pipe.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rasd: {e:#}");
            ExitCode::from(2)
        }
    }
}
