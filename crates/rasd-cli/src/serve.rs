//! `rasd serve`: the record's web page and JSON API on one address (see `rasd-serve`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::analyze::ResourceArgs;
use crate::record::DbArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Address to listen on. Keep it on loopback unless a proxy in front adds TLS.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// A file holding the token that allows `POST /api/ingest` (also: RASD_TOKEN).
    /// Without one the server is read-only.
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// Largest request body, in MiB (larger ones get 413).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=1024))]
    max_body_mib: u64,
    /// Longest a request may take, in seconds (then 408).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout_secs: u64,
    #[command(flatten)]
    resources: ResourceArgs,
}

fn token(args: &Args) -> Result<Option<String>> {
    let raw = match &args.token_file {
        Some(p) => Some(
            std::fs::read_to_string(p).with_context(|| format!("reading token {}", p.display()))?,
        ),
        None => std::env::var("RASD_TOKEN").ok(),
    };
    let Some(t) = raw.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.len() < 16 {
        bail!("the ingest token is shorter than 16 characters; choose a longer one");
    }
    Ok(Some(t))
}

/// A warning when `addr` is reachable from other machines: the API has no TLS, and its
/// token (when given) would cross the network in clear.
fn exposure_warning(addr: SocketAddr) -> Option<String> {
    (!addr.ip().is_loopback()).then(|| {
        format!(
            "warning: {addr} is reachable from other machines, without TLS; keep rasd on \
             127.0.0.1 or put a proxy with TLS in front of it"
        )
    })
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(w) = exposure_warning(args.addr) {
        eprintln!("rasd serve: {w}");
    }
    let token = token(&args)?;
    let mut store = args.db.open()?;
    let pipeline = args.resources.pipeline()?;
    crate::record::build_missing_incidents(store.as_mut(), pipeline.kb())?;
    let limits = rasd_serve::Limits {
        max_body: (args.max_body_mib as usize) << 20,
        timeout: Duration::from_secs(args.timeout_secs),
    };
    let writable = token.is_some();
    // Reads run side by side on connections of their own: one per core, at most four.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let readers = (0..cores.clamp(1, 4)).map(|_| args.db.open()).collect::<Result<Vec<_>>>()?;
    let state = rasd_serve::AppState::pooled(store, readers, pipeline, limits, token);
    // The PostgreSQL client blocks on a runtime of its own when it closes, which it may
    // not do on a thread driving this one: the last reference is dropped after it.
    let keep = std::sync::Arc::clone(&state);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr().unwrap_or(args.addr);
        eprintln!(
            "rasd serve: the record {} at http://{addr}/ (API under /api/, {}); Ctrl-C stops",
            rasd_store::redact(&args.db.db),
            if writable { "ingest allowed with the token" } else { "read-only" }
        );
        rasd_serve::serve(listener, state).await.context("serving")
    })?;
    drop(rt);
    drop(keep);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::exposure_warning;

    #[test]
    fn an_address_beyond_loopback_is_warned_of() {
        assert!(exposure_warning("0.0.0.0:8080".parse().unwrap()).is_some());
        assert!(exposure_warning("[::]:8080".parse().unwrap()).is_some());
        assert!(exposure_warning("192.168.1.5:8080".parse().unwrap()).is_some());
        assert!(exposure_warning("127.0.0.1:8080".parse().unwrap()).is_none());
        assert!(exposure_warning("[::1]:8080".parse().unwrap()).is_none());
    }
}
