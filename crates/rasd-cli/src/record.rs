//! What the record commands (`ingest`, `search`, `timeline`, `claims`, `incidents`,
//! `export`, `bench-store`) share: the `--db` option, filters, and table output.

use std::path::Path;

use anyhow::{Context, Result};
use comfy_table::{presets, ContentArrangement, Table};
use rasd_store::{Filter, Incident, Store};

/// The database every record command works on.
#[derive(clap::Args, Clone)]
pub struct DbArgs {
    /// SQLite file (`ingest` and `serve` create it if missing; the queries refuse a
    /// missing one) or a `postgres://user@host:port/db` URL.
    #[arg(long, default_value = "./rasd.db")]
    pub db: String,
}

impl DbArgs {
    /// The record, which a query must not create: a mistyped `--db` would otherwise
    /// answer every query with nothing, as if the record were empty.
    pub fn open_existing(&self) -> Result<Box<dyn Store>> {
        let is_url = self.db.contains("://");
        if !is_url && !Path::new(&self.db).exists() {
            anyhow::bail!(
                "no record at {}: run `rasd ingest` first, or give the right --db",
                self.db
            );
        }
        self.open()
    }

    /// The record, as [`DbArgs::open_existing`], with its incidents built if an ingest
    /// stopped before building them (killed, or `--no-incidents`): events but no incidents
    /// would answer every incident query with nothing.
    pub fn open_with_incidents(&self, kb: &rasd_kb::Kb) -> Result<Box<dyn Store>> {
        let mut store = self.open_existing()?;
        build_missing_incidents(store.as_mut(), kb)?;
        Ok(store)
    }

    /// The record, created if missing (for `ingest` and `serve`).
    pub fn open(&self) -> Result<Box<dyn Store>> {
        rasd_store::open(&self.db)
            .with_context(|| format!("opening the record {}", rasd_store::redact(&self.db)))
    }
}

/// Builds the incidents of a record that has events but none (an ingest stopped before
/// its incident step), saying so.
pub fn build_missing_incidents(store: &mut dyn Store, kb: &rasd_kb::Kb) -> Result<()> {
    let st = store.stats()?;
    if st.incidents == 0 && st.events > 0 {
        eprintln!(
            "rasd: the record has events but no incidents (an ingest stopped before building \
             them): building them now"
        );
        rasd_record::incidents::rebuild(store, kb).context("rebuilding incidents")?;
    }
    Ok(())
}

/// The knowledge base a record command names entities with: the embedded one, plus the
/// user's own rows when `--kb DIR` is given (the same directory the articles were
/// analyzed with).
#[derive(clap::Args, Clone, Default)]
pub struct KbArgs {
    /// A directory of your own knowledge-base files (as for `rasd analyze --kb`).
    #[arg(long)]
    pub kb: Option<std::path::PathBuf>,
}

impl KbArgs {
    /// Loads the knowledge base once for the command (a process-long value).
    pub fn load(&self) -> Result<&'static rasd_kb::Kb> {
        match &self.kb {
            None => Ok(rasd_kb::Kb::embedded()),
            Some(dir) => {
                let kb = rasd_kb::Kb::with_user_dir(dir)
                    .with_context(|| format!("loading the knowledge base in {}", dir.display()))?;
                // One per run of a command: leaked so it lives as long as the embedded one.
                Ok(Box::leak(Box::new(kb)))
            }
        }
    }
}

/// Filters shared by the query and export commands.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Earliest date (YYYY-MM-DD): the event's or figure's date, else the article's.
    #[arg(long, value_parser = parse_day)]
    pub from: Option<String>,
    /// Latest date (YYYY-MM-DD), inclusive.
    #[arg(long, value_parser = parse_day)]
    pub to: Option<String>,
    /// A country (ISO 3166-1 alpha-3, e.g. ARM) or entity id that must be involved.
    #[arg(long)]
    pub country: Option<String>,
    /// A PLOVER event type (ASSAULT, CONSULT, ...).
    #[arg(long = "type", value_parser = parse_type)]
    pub event_type: Option<String>,
    /// Include syndicated copies (left out so that one report counts once).
    #[arg(long)]
    pub with_copies: bool,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            from: self.from.clone(),
            to: self.to.clone(),
            country: self.country.as_ref().map(|c| normalize_country(c)),
            event_type: self.event_type.clone(),
            include_copies: self.with_copies,
            limit: self.limit,
            offset: 0,
        }
    }
}

use rasd_record::query::{normalize_country, parse_day, parse_type};

/// A table sized to the terminal (`COLUMNS`, else 160 characters).
pub fn table(header: &[&str]) -> Table {
    let width = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<u16>().ok()).unwrap_or(160);
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header.to_vec());
    t
}

/// At most `n` characters of `s`, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// An incident's participants as `actors → targets`, by name.
pub fn who(i: &Incident) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| i.entity(id).map_or(id.clone(), |e| e.label().to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (i.actors.is_empty(), i.targets.is_empty()) {
        (true, true) => String::new(),
        (false, true) => names(&i.actors),
        (true, false) => format!("→ {}", names(&i.targets)),
        (false, false) => format!("{} → {}", names(&i.actors), names(&i.targets)),
    }
}

/// Where an incident happened, by name.
pub fn place(i: &Incident) -> String {
    i.place
        .as_ref()
        .map(|p| p.name.clone().or_else(|| p.name_ar.clone()).unwrap_or_else(|| p.id.clone()))
        .unwrap_or_default()
}

/// Prints a value as pretty JSON on standard output.
pub fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

/// A path option that may be `-` for standard output.
pub fn is_stdout(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// The English (else Arabic) name the knowledge base gives an entity id.
pub fn kb_name(kb: &rasd_kb::Kb, id: &str) -> Option<String> {
    let e = kb.by_id(id)?;
    Some(e.name.clone().unwrap_or_else(|| e.name_ar.clone()))
}
