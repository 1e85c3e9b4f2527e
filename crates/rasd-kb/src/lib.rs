//! rasd's knowledge base: the countries, places, organizations, armed and political
//! groups and persons that articles name, plus the words from which state institutions and
//! personal titles are composed.
//!
//! The source of truth is the TSV files under `data/kb/` (documented in
//! `data/kb/README.md`, sources in `data/SOURCES.md`). They are embedded in the binary, so
//! rasd runs with no set-up, and a user directory of files with the same names can add
//! or replace entries at run time (`rasd analyze --kb DIR`) without recompiling. Loading
//! compiles every name and alias into hash tables keyed by [`keys::key`] (and, for
//! transliterated names, [`keys::skeleton`]).
//!
//! ```
//! let kb = rasd_kb::Kb::embedded();
//! let hits = kb.lookup(&rasd_kb::keys::key("أذربيجان"));
//! assert_eq!(kb.entry(hits[0].entry).id, "AZE");
//! ```
#![deny(missing_docs)]

pub mod keys;
mod table;
mod tsv;

use table::KeyTable;
pub use table::{KeyEntry, KeyHit};

use std::collections::HashMap;

use keys::key_hash;
use rasd_text::phrases::WordFilter;
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::OnceLock;

pub use rasd_model::EntityKind;

/// Why the knowledge base could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A row or header is malformed.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One knowledge-base entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Output id: ISO3 for countries, `kind:slug` otherwise.
    pub id: String,
    /// Kind.
    pub kind: EntityKind,
    /// English canonical name.
    pub name: Option<String>,
    /// Arabic canonical name.
    pub name_ar: String,
    /// ISO3 of the state it belongs to, or acts in.
    pub country: Option<String>,
    /// A person's role.
    pub role: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Population (places), used to rank ambiguous names.
    pub population: u64,
    /// Hand-curated rather than bulk-imported: trusted more when names collide.
    pub curated: bool,
    /// Place kind (city, region, sea, ...) for places.
    pub place_kind: Option<String>,
    /// The capital of its country (trusted even where its name is a common word).
    pub capital: bool,
    /// For a territory held by de facto authorities: the state that backs them. Their
    /// ministries and forces are coded as that state's side.
    pub backed_by: Option<String>,
    /// A news outlet: it reports events, it does not take part in them.
    pub media: bool,
    /// For a person with no country: the international body (`org:un`) or transnational
    /// group (`group:al-qaeda`) they serve, whose side they are on.
    pub body: Option<String>,
}

impl Entry {
    /// The state whose side an institution of this entry (its owner: "وزارة الدفاع في
    /// X") stands on: a country's own; for a territory held by de facto authorities, the
    /// state that backs them; else the country the place is in.
    pub fn institution_state(&self) -> Option<&str> {
        if self.kind == EntityKind::Country {
            Some(&self.id)
        } else {
            self.backed_by.as_deref().or(self.country.as_deref())
        }
    }
}

/// How an alias names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasForm {
    /// A name or spelling variant.
    Name,
    /// A nisba adjective of a country ("الأرمينية").
    Adjective,
    /// An abbreviation.
    Abbrev,
}

/// One way of naming an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Alias {
    /// Index of the entry ([`Kb::entry`]).
    pub entry: u32,
    /// How it names it.
    pub form: AliasForm,
    /// The alias is written with the article (ال): "الجيزة", not "جيزة". Keys drop the
    /// article, so the matcher uses this to refuse a common noun that merely shares
    /// a place's letters ("البلدين" is not "بلدين").
    pub article: bool,
}

/// A kind of state institution, recognized with its owner ("وزارة الدفاع" + "الأذربيجانية").
#[derive(Debug, Clone, PartialEq)]
pub struct Institution {
    /// Stable key, part of generated ids (`defence-ministry`).
    pub key: String,
    /// English name with `{country}` for the owner.
    pub name_en_pattern: String,
    /// Arabic head ("وزارة الدفاع").
    pub head_ar: String,
    /// Entity kind to emit (`org`, `group`), or `country` when the institution stands for
    /// its state (armies and forces are coded as their country).
    pub kind: EntityKind,
    /// Named without its state and not named before, it is the state the article is
    /// about ("وزارة الصحة العامة" in an article about Lebanon).
    pub implicit: bool,
}

/// A personal title ("وزير الخارجية").
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// Stable key.
    pub key: String,
    /// English role ("foreign minister").
    pub role_en: String,
    /// Arabic title as usually written.
    pub title_ar: String,
    /// The title is followed by the body it speaks for ("الناطق باسم" + org).
    pub needs_owner: bool,
    /// The body the title itself names ("المبعوث الأممي", "الأمين العام للأمم المتحدة":
    /// `org:un`), as an entity id.
    pub body: Option<String>,
    /// A rank or honorific ("الفريق أول", "العميد", "آية الله") that may stand between an
    /// office and its holder's name ("رئيس الأركان الفريق أول X").
    pub rank: bool,
}

/// What a key found among institutions or titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadRef {
    /// An institution; `dual` when written in the dual ("وزارتا").
    Institution {
        /// Index into [`Kb::institutions`].
        index: u32,
        /// Dual form.
        dual: bool,
    },
    /// A title; `dual` when written in the dual ("وزيرا").
    Title {
        /// Index into [`Kb::titles`].
        index: u32,
        /// Dual form.
        dual: bool,
    },
}

/// The compiled knowledge base.
#[derive(Debug, Default)]
pub struct Kb {
    entries: Vec<Entry>,
    by_id: FxHashMap<String, u32>,
    /// Aliases, heads, the proper word-prefixes of multi-word ones (so the matcher
    /// extends a name only while it can still become one) and word frequencies, by key.
    table: KeyTable,
    /// Every alias key and prefix: most words of an article start no name, and this
    /// says so without a table lookup.
    alias_filter: WordFilter<20>,
    fuzzy: FxHashMap<String, Vec<Alias>>,
    /// The first word of every skeleton in `fuzzy`: nearly every rare word of an article
    /// starts none, and this says so before the word's frequency is looked up.
    fuzzy_firsts: WordFilter,
    /// Every head key and prefix, as `alias_filter` for names.
    head_filter: WordFilter,
    institutions: Vec<Institution>,
    /// The key of each institution's head, as [`Kb::institution_head_key`] gives it.
    institution_keys: Vec<String>,
    titles: Vec<Title>,
    /// Named institutions ("الخارجية الأميركية" = org:us-state-department) by
    /// (state, institution index), so a composed mention links to the named entry.
    /// Keyed by institution index, then by state: a lookup allocates no key.
    named_institutions: FxHashMap<u32, Vec<(String, u32)>>,
    /// Named institutions of a place or country named after "في" ("وزارة الدفاع في
    /// ناغورني قره باغ" = org:nk-defence-ministry), by (owner entry, institution index):
    /// the de facto authorities of a territory are not its backer's or its state's.
    owned_institutions: FxHashMap<(u32, u32), u32>,
    /// (country id, capital in Arabic, capital in English) from countries.tsv.
    capitals: Vec<(String, String, String)>,
    max_words: usize,
    max_head_words: usize,
}

macro_rules! data_file {
    ($name:literal) => {
        ($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kb/", $name)))
    };
}

/// The embedded data files, in load order (later files may override earlier ids).
const EMBEDDED: &[(&str, &str)] = &[
    data_file!("countries.tsv"),
    data_file!("places.tsv"),
    data_file!("places_curated.tsv"),
    data_file!("orgs.tsv"),
    data_file!("groups.tsv"),
    data_file!("persons.tsv"),
    data_file!("institutions.tsv"),
    data_file!("titles.tsv"),
];

const WORD_FREQ: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/ar_word_freq.tsv"));

/// Imported places this populous are matched loosely too, as curated names are.
const LOOSE_CITY: u64 = 300_000;

/// Names that are transliterations are matched loosely only when their skeleton is at
/// least this many letters: shorter ones collide with ordinary words.
const MIN_SKELETON_CHARS: usize = 4;

fn kind_of(s: &str) -> Option<EntityKind> {
    Some(match s {
        "country" => EntityKind::Country,
        "place" => EntityKind::Place,
        "person" => EntityKind::Person,
        "org" => EntityKind::Org,
        "group" => EntityKind::Group,
        _ => return None,
    })
}

impl Kb {
    /// The knowledge base embedded in the binary, compiled once per process.
    pub fn embedded() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| {
            let mut kb = Kb::default();
            for (name, text) in EMBEDDED {
                if let Err(e) = kb.add_file(name, text) {
                    // The embedded data is checked by tests; a broken row must not take
                    // the whole program down.
                    tracing::error!("embedded knowledge base: {e}");
                }
            }
            kb.load_freq(WORD_FREQ);
            kb.finish();
            kb
        })
    }

    /// Derived tables, computed once every file is in.
    fn finish(&mut self) {
        self.mark_capitals();
        self.index_named_institutions();
        self.table.freeze();
        self.alias_filter.shrink_to_fit();
        self.fuzzy_firsts.shrink_to_fit();
        self.head_filter.shrink_to_fit();
    }

    /// Finds named orgs whose names are an institution head plus their state
    /// ("وزارة الخارجية الأميركية") or plus "في" and a place ("وزارة الصحة في غزة"), so
    /// that composing that institution yields them.
    fn index_named_institutions(&mut self) {
        let mut found = FxHashMap::default();
        let mut owned = FxHashMap::default();
        // (owner, org) as first found, in the files' order, for the states below.
        let mut owned_order = Vec::new();
        for (k, entry) in self.table.iter() {
            for a in &entry.aliases {
                let e = &self.entries[a.entry as usize];
                if !matches!(e.kind, EntityKind::Org | EntityKind::Group) {
                    continue;
                }
                let words: Vec<&str> = k.split(' ').collect();
                for n in (1..words.len()).rev() {
                    let head = words[..n].join(" ");
                    let Some(index) = self.lookup_head(&head).iter().find_map(|h| match h {
                        HeadRef::Institution { index, dual: false } => Some(*index),
                        _ => None,
                    }) else {
                        continue;
                    };
                    // Keys are walked in the order the files gave them: of two names for
                    // one owner's institution, the first given is kept.
                    if let ["في", place @ ..] = &words[n..] {
                        for r in self.lookup(&place.join(" ")) {
                            let kind = self.entries[r.entry as usize].kind;
                            if matches!(kind, EntityKind::Place | EntityKind::Country)
                                && !owned.contains_key(&(r.entry, index))
                            {
                                owned.insert((r.entry, index), a.entry);
                                owned_order.push((r.entry, a.entry));
                            }
                        }
                    }
                    // The rest must name the same state ("الأميركية"), or "حكومة تأسيس"
                    // would pass for the Sudanese government.
                    let Some(c) = e.country.as_ref() else { continue };
                    let rest = words[n..].join(" ");
                    if self.lookup(&rest).iter().any(|r| self.entries[r.entry as usize].id == *c) {
                        found.entry((c.clone(), index)).or_insert(a.entry);
                        break;
                    }
                }
            }
        }
        let mut named: FxHashMap<u32, Vec<(String, u32)>> = FxHashMap::default();
        for ((c, index), entry) in found {
            named.entry(index).or_default().push((c, entry));
        }
        // A named institution the data gives no state stands where a composed one would
        // (`rasd_entities`): a territory's de facto authorities on their backer's side.
        // Of two owners (a name several places share), the first the files give decides.
        for (owner, org) in owned_order {
            if self.entries[org as usize].country.is_some() {
                continue;
            }
            let state = self.entries[owner as usize].institution_state().map(str::to_string);
            self.entries[org as usize].country = state;
        }
        self.named_institutions = named;
        self.owned_institutions = owned;
    }

    /// The named entry for institution `index` of the place or country `owner` (an entry
    /// index), when the data names one after "في" ([`Kb::named_institution`] asks by
    /// state).
    pub fn owned_institution(&self, owner: u32, index: u32) -> Option<u32> {
        self.owned_institutions.get(&(owner, index)).copied()
    }

    /// The named entry for institution `index` of state `country`, if the data has one.
    pub fn named_institution(&self, country: &str, index: u32) -> Option<u32> {
        let states = self.named_institutions.get(&index)?;
        states.iter().find(|(c, _)| c == country).map(|&(_, e)| e)
    }

    /// Marks each country's capital among the places (adding it when the gazetteer
    /// lacks it), so a capital whose name is also a common word is still trusted.
    fn mark_capitals(&mut self) {
        let capitals = std::mem::take(&mut self.capitals);
        for (iso3, cap_ar, cap_en) in &capitals {
            let k = keys::key(cap_ar);
            let hits: Vec<u32> = self
                .lookup(&k)
                .iter()
                .map(|a| a.entry)
                .filter(|&i| {
                    let e = &self.entries[i as usize];
                    e.kind == EntityKind::Place && e.country.as_deref() == Some(iso3.as_str())
                })
                .collect();
            // The entry named exactly as the capital, hand-curated first, then the largest.
            let best = hits.iter().copied().max_by_key(|&i| {
                let e = &self.entries[i as usize];
                (e.name.as_deref() == Some(cap_en.as_str()), e.curated, e.population)
            });
            match best {
                Some(i) => self.entries[i as usize].capital = true,
                None if !cap_en.is_empty() => {
                    let slug: String = cap_en
                        .to_lowercase()
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                        .collect();
                    let e = Entry {
                        id: format!("place:{}", slug.trim_matches('-')),
                        kind: EntityKind::Place,
                        name: Some(cap_en.clone()),
                        name_ar: cap_ar.clone(),
                        country: Some(iso3.clone()),
                        role: None,
                        lat: None,
                        lon: None,
                        population: 0,
                        curated: true,
                        place_kind: Some("city".to_string()),
                        capital: true,
                        backed_by: None,
                        media: false,
                        body: None,
                    };
                    if self.by_id.contains_key(&e.id) {
                        continue;
                    }
                    let i = self.upsert(e);
                    self.alias(i, cap_ar, AliasForm::Name, false);
                }
                None => {}
            }
        }
        self.capitals = capitals;
    }

    /// The embedded knowledge base plus the files of a user directory (same file names
    /// as `data/kb/`; entries with an existing id replace it).
    pub fn with_user_dir(dir: &Path) -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        for (name, text) in EMBEDDED {
            kb.add_file(name, text)?;
        }
        kb.load_freq(WORD_FREQ);
        let mut found = false;
        for (name, _) in EMBEDDED {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|source| KbError::Io { path: path.display().to_string(), source })?;
                kb.add_file(&path.display().to_string(), &text)?;
                found = true;
            }
        }
        kb.finish();
        if !found {
            return Err(KbError::Io {
                path: dir.display().to_string(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no knowledge-base file (countries.tsv, persons.tsv, ...) in this directory",
                ),
            });
        }
        Ok(kb)
    }

    /// Adds one TSV file; its kind is told by its file name.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), KbError> {
        let base = Path::new(name).file_name().and_then(|s| s.to_str()).unwrap_or(name);
        match base {
            "countries.tsv" => self.add_countries(name, text),
            "places.tsv" => self.add_places(name, text, false),
            "places_curated.tsv" => self.add_places(name, text, true),
            "orgs.tsv" | "groups.tsv" => self.add_bodies(name, text),
            "persons.tsv" => self.add_persons(name, text),
            "institutions.tsv" => self.add_institutions(name, text),
            "titles.tsv" => self.add_titles(name, text),
            _ => Err(KbError::Parse {
                file: name.to_string(),
                line: 0,
                message: "unknown knowledge-base file name".to_string(),
            }),
        }
    }

    fn upsert(&mut self, e: Entry) -> u32 {
        if let Some(&i) = self.by_id.get(&e.id) {
            self.entries[i as usize] = e;
            return i;
        }
        let i = self.entries.len() as u32;
        self.by_id.insert(e.id.clone(), i);
        self.entries.push(e);
        i
    }

    /// Adds (or replaces) an entry with its canonical name and other names as aliases.
    fn add_named(&mut self, e: Entry, names: &[String], fuzzy: bool) -> u32 {
        let name_ar = e.name_ar.clone();
        let i = self.upsert(e);
        self.alias(i, &name_ar, AliasForm::Name, fuzzy);
        for n in names {
            self.alias(i, n, AliasForm::Name, fuzzy);
        }
        i
    }

    fn alias(&mut self, entry: u32, name: &str, form: AliasForm, fuzzy: bool) {
        let k = keys::key(name);
        if k.is_empty() {
            return;
        }
        // Keys are words joined by single spaces: a byte scan finds them.
        let spaces = k.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(at, _)| at);
        self.max_words = self.max_words.max(spaces.clone().count() + 1);
        for at in spaces {
            self.alias_filter.insert(&k[..at]);
            self.table.entry(&k[..at]).alias_prefix = true;
        }
        self.alias_filter.insert(&k);
        let a = Alias { entry, form, article: keys::has_article(name) };
        let v = &mut self.table.entry(&k).aliases;
        if !v.contains(&a) {
            v.push(a);
        }
        if fuzzy {
            let s = keys::skeleton(&k);
            if s.chars().filter(|c| *c != ' ').count() >= MIN_SKELETON_CHARS {
                self.fuzzy_firsts.insert(s.split(' ').next().unwrap_or(""));
                let v = self.fuzzy.entry(s).or_default();
                if !v.contains(&a) {
                    v.push(a);
                }
            }
        }
    }

    fn add_countries(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let mut rows = Vec::new();
        tsv::parse(file, text, &["iso3", "name_ar"], |r| {
            rows.push((
                Entry {
                    id: r.get("iso3").to_string(),
                    kind: EntityKind::Country,
                    name: r.opt("name_en").map(str::to_string),
                    name_ar: r.get("name_ar").to_string(),
                    country: Some(r.get("iso3").to_string()),
                    role: None,
                    lat: r.num("lat", file)?,
                    lon: r.num("lon", file)?,
                    population: u64::MAX / 2,
                    curated: true,
                    place_kind: None,
                    capital: false,
                    backed_by: None,
                    media: false,
                    body: None,
                },
                r.list("aliases_ar").map(str::to_string).collect::<Vec<_>>(),
                r.list("adj_ar").map(str::to_string).collect::<Vec<_>>(),
            ));
            if let Some(cap) = r.opt("capital_ar") {
                let en = r.get("capital_en").to_string();
                self.capitals.push((r.get("iso3").to_string(), cap.to_string(), en));
            }
            Ok(())
        })?;
        for (e, names, adjs) in rows {
            // Countries' spelling variants are listed: a loose reading would take given
            // names for them ("كامران" is not "الكاميرون").
            let i = self.add_named(e, &names, false);
            for a in adjs {
                // A masculine nisba also qualifies two ("جنديان إسرائيليان", "سفينتان
                // يونانيتان"): its duals are regular, so they are made here, not listed.
                if a.ends_with('ي') && !a.contains(' ') {
                    for dual in ["ان", "تان", "تين"] {
                        self.alias(i, &format!("{a}{dual}"), AliasForm::Adjective, false);
                    }
                }
                // "23 جنديا كوريا شماليا": the indefinite accusative of a nisba of several
                // words, each with its alef of case. (One word is read without its alef
                // when looked up; here the first word, "كوريا", is a name of its own.)
                if a.contains(' ') && a.split(' ').all(|w| w.ends_with('ي')) {
                    let accusative: Vec<String> = a.split(' ').map(|w| format!("{w}ا")).collect();
                    self.alias(i, &accusative.join(" "), AliasForm::Adjective, false);
                }
                self.alias(i, &a, AliasForm::Adjective, false);
            }
        }
        Ok(())
    }

    fn add_places(&mut self, file: &str, text: &str, curated: bool) -> Result<(), KbError> {
        let mut rows = Vec::new();
        tsv::parse(file, text, &["id", "name_ar"], |r| {
            rows.push((
                Entry {
                    id: r.get("id").to_string(),
                    kind: EntityKind::Place,
                    name: r.opt("name_en").map(str::to_string),
                    name_ar: r.get("name_ar").to_string(),
                    country: r.opt("country").map(str::to_string),
                    role: None,
                    lat: r.num("lat", file)?,
                    lon: r.num("lon", file)?,
                    population: r.num("population", file)?.unwrap_or(0),
                    curated,
                    place_kind: r.opt("kind").map(str::to_string),
                    // A seat of government speaks for its state as a capital does.
                    capital: r.opt("kind") == Some("seat"),
                    backed_by: r.opt("backed_by").map(str::to_string),
                    media: false,
                    body: None,
                },
                r.list("aliases_ar").map(str::to_string).collect::<Vec<_>>(),
            ));
            Ok(())
        })?;
        for (e, names) in rows {
            // A large city is spelled many ways too (راولبندي، روالبندي): loose matching.
            let fuzzy = curated || e.population >= LOOSE_CITY;
            self.add_named(e, &names, fuzzy);
        }
        Ok(())
    }

    fn add_bodies(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let mut rows = Vec::new();
        tsv::parse(file, text, &["id", "name_ar"], |r| {
            let kind = kind_of(r.get("kind")).unwrap_or(if r.get("id").starts_with("group:") {
                EntityKind::Group
            } else {
                EntityKind::Org
            });
            rows.push((
                Entry {
                    id: r.get("id").to_string(),
                    kind,
                    name: r.opt("name_en").map(str::to_string),
                    name_ar: r.get("name_ar").to_string(),
                    country: r.opt("country").map(str::to_string),
                    role: None,
                    lat: None,
                    lon: None,
                    population: 0,
                    curated: true,
                    place_kind: None,
                    capital: false,
                    backed_by: None,
                    media: r.get("sector") == "media",
                    body: None,
                },
                r.list("aliases_ar").map(str::to_string).collect::<Vec<_>>(),
                r.list("abbrev").map(str::to_string).collect::<Vec<_>>(),
            ));
            Ok(())
        })?;
        for (e, names, abbrevs) in rows {
            // A state's army or forces under a name of their own ("جيش الاحتلال", "القوات
            // المسلحة السودانية") are the state itself, as the annotation conventions code
            // them: their names become the country's, with no entity of their own.
            if e.kind == EntityKind::Country {
                self.add_state_body_names(file, &e, &names)?;
                continue;
            }
            let i = self.add_named(e, &names, true);
            for a in abbrevs {
                self.alias(i, &a, AliasForm::Abbrev, false);
            }
        }
        Ok(())
    }

    /// The names of a body row of kind `country` as names of its state.
    fn add_state_body_names(
        &mut self,
        file: &str,
        e: &Entry,
        names: &[String],
    ) -> Result<(), KbError> {
        let state = e.country.as_deref().and_then(|c| self.by_id.get(c).copied());
        let Some(state) = state.filter(|&i| self.entries[i as usize].kind == EntityKind::Country)
        else {
            return Err(KbError::Parse {
                file: file.to_string(),
                line: 0,
                message: format!("{}: kind `country` needs the ISO3 of a country", e.id),
            });
        };
        for n in std::iter::once(&e.name_ar).chain(names) {
            self.alias(state, n, AliasForm::Name, false);
        }
        Ok(())
    }

    fn add_persons(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let mut rows = Vec::new();
        tsv::parse(file, text, &["id", "name_ar"], |r| {
            rows.push((
                Entry {
                    id: r.get("id").to_string(),
                    kind: EntityKind::Person,
                    name: r.opt("name_en").map(str::to_string),
                    name_ar: r.get("name_ar").to_string(),
                    country: r.opt("country").map(str::to_string),
                    role: r.opt("role_en").map(str::to_string),
                    lat: None,
                    lon: None,
                    population: 0,
                    curated: true,
                    place_kind: None,
                    capital: false,
                    backed_by: None,
                    media: false,
                    body: r.opt("body").map(str::to_string),
                },
                r.list("aliases_ar").map(str::to_string).collect::<Vec<_>>(),
            ));
            Ok(())
        })?;
        for (e, names) in rows {
            self.add_named(e, &names, true);
        }
        Ok(())
    }

    fn head(&mut self, text: &str, r: HeadRef) {
        let k = keys::key(text);
        if k.is_empty() {
            return;
        }
        self.max_head_words = self.max_head_words.max(k.split(' ').count());
        for (at, _) in k.match_indices(' ') {
            self.head_filter.insert(&k[..at]);
            self.table.entry(&k[..at]).head_prefix = true;
        }
        self.head_filter.insert(&k);
        let v = &mut self.table.entry(&k).heads;
        if !v.contains(&r) {
            v.push(r);
        }
    }

    /// Registers a head and its dual ("وزارة الدفاع" → "وزارتا/وزارتي الدفاع").
    fn head_with_dual(&mut self, text: &str, make: impl Fn(bool) -> HeadRef) {
        self.head(text, make(false));
        let k = keys::key(text);
        if let Some((first, rest)) =
            k.split_once(' ').map(|(a, b)| (a, Some(b))).or(Some((&k, None)))
        {
            let stem =
                first.strip_suffix('ه').map_or_else(|| first.to_string(), |s| format!("{s}ت"));
            for suffix in ["ا", "ي", "ان", "ين"] {
                let dual = match rest {
                    Some(r) => format!("{stem}{suffix} {r}"),
                    None => format!("{stem}{suffix}"),
                };
                self.head(&dual, make(true));
            }
        }
    }

    fn add_institutions(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let mut rows = Vec::new();
        tsv::parse(file, text, &["key", "head_ar"], |r| {
            let kind = match r.get("kind") {
                "country" => EntityKind::Country,
                k => kind_of(k).unwrap_or(EntityKind::Org),
            };
            rows.push((
                Institution {
                    key: r.get("key").to_string(),
                    name_en_pattern: r.get("name_en_pattern").to_string(),
                    head_ar: r.get("head_ar").to_string(),
                    kind,
                    implicit: r.get("implicit") == "yes",
                },
                r.list("aliases_ar").map(str::to_string).collect::<Vec<_>>(),
            ));
            Ok(())
        })?;
        for (inst, aliases) in rows {
            let index = self.institutions.len() as u32;
            let head = inst.head_ar.clone();
            self.institution_keys.push(keys::key(&head));
            self.institutions.push(inst);
            let make = |dual| HeadRef::Institution { index, dual };
            self.head_with_dual(&head, make);
            for a in aliases {
                self.head_with_dual(&a, make);
            }
        }
        Ok(())
    }

    fn add_titles(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let mut rows = Vec::new();
        tsv::parse(file, text, &["key", "title_ar"], |r| {
            let needs = r.get("needs_country");
            rows.push((
                Title {
                    key: r.get("key").to_string(),
                    role_en: r.get("role_en").to_string(),
                    title_ar: r.get("title_ar").to_string(),
                    needs_owner: matches!(needs, "owner" | "org"),
                    body: r.opt("body").map(str::to_string),
                    rank: r.opt("rank") == Some("yes"),
                },
                r.list("aliases_ar").map(str::to_string).collect::<Vec<_>>(),
            ));
            Ok(())
        })?;
        for (t, aliases) in rows {
            let index = self.titles.len() as u32;
            let head = t.title_ar.clone();
            self.titles.push(t);
            let make = |dual| HeadRef::Title { index, dual };
            self.head_with_dual(&head, make);
            for a in aliases {
                self.head_with_dual(&a, make);
            }
        }
        Ok(())
    }

    fn load_freq(&mut self, text: &str) {
        let _ = tsv::parse("ar_word_freq.tsv", text, &["word", "zipf"], |r| {
            if let Ok(Some(z)) = r.num::<f32>("zipf", "ar_word_freq.tsv") {
                self.table.entry(r.get("word")).zipf = z;
            }
            Ok(())
        });
    }

    /// Entries named by a key.
    // These lookups are inlined into the recognizers (another crate): they run for every
    // reading of every word, and the filter in front answers most of them.
    #[inline]
    pub fn lookup(&self, key: &str) -> &[Alias] {
        self.lookup_hashed(key, key_hash(key))
    }

    /// As [`Kb::lookup`], given the key's [`keys::key_hash`]: a matcher asks the same key of
    /// names, heads and their prefixes, and hashes it once.
    #[inline]
    pub fn lookup_hashed(&self, key: &str, hash: u64) -> &[Alias] {
        if !self.alias_filter.may_contain_hash(hash) {
            return &[];
        }
        self.table.hit(key, hash).map_or(&[], |e| e.aliases())
    }

    /// Everything the knowledge base holds under a key of this [`keys::key_hash`]: its
    /// aliases, heads, whether longer ones start with it, its frequency. A matcher that
    /// asks all of these of a word makes one lookup.
    #[inline]
    pub fn key_entry(&self, key: &str, hash: u64) -> Option<KeyHit<'_>> {
        self.table.hit(key, hash)
    }

    /// [`Kb::key_entry`] as a name matcher asks it, extending a name word by word: what
    /// it reads (a name here, a longer one ahead) only an alias key or prefix has, and
    /// `None` comes without a table lookup for a key the alias filter lacks. Most keys a
    /// matcher tries are such (a name's first word and the next word of the text), and
    /// the table is larger than the caches: each lookup it saves is a read from memory.
    #[inline]
    pub fn name_key_entry(&self, key: &str, hash: u64) -> Option<KeyHit<'_>> {
        if !self.alias_filter.may_contain_hash(hash) {
            return None;
        }
        self.table.hit(key, hash)
    }

    /// As [`Kb::name_key_entry`], for a matcher of institution and title heads.
    #[inline]
    pub fn head_key_entry(&self, key: &str, hash: u64) -> Option<KeyHit<'_>> {
        if !self.head_filter.may_contain_hash(hash) {
            return None;
        }
        self.table.hit(key, hash)
    }

    /// [`Kb::key_entry`] of the key of each of `items` (`query` gives the key and its
    /// hash), handed to `found` with the item: faster than one at a time, as the
    /// lookups' memory reads overlap.
    pub fn key_entries<'s, T>(
        &'s self,
        items: &mut [T],
        query: impl Fn(&T) -> (&str, u64),
        found: impl FnMut(&mut T, Option<KeyHit<'s>>),
    ) {
        self.table.hit_all(items, query, found);
    }

    /// Whether some multi-word alias starts with these words.
    #[inline]
    pub fn is_alias_prefix(&self, key: &str) -> bool {
        self.is_alias_prefix_hashed(key, key_hash(key))
    }

    /// As [`Kb::is_alias_prefix`], given the key's [`keys::key_hash`].
    #[inline]
    pub fn is_alias_prefix_hashed(&self, key: &str, hash: u64) -> bool {
        self.alias_filter.may_contain_hash(hash)
            && self.table.hit(key, hash).is_some_and(|e| e.alias_prefix)
    }

    /// Whether some multi-word institution or title head starts with these words.
    #[inline]
    pub fn is_head_prefix(&self, key: &str) -> bool {
        self.is_head_prefix_hashed(key, key_hash(key))
    }

    /// As [`Kb::is_head_prefix`], given the key's [`keys::key_hash`].
    #[inline]
    pub fn is_head_prefix_hashed(&self, key: &str, hash: u64) -> bool {
        self.head_filter.may_contain_hash(hash)
            && self.table.hit(key, hash).is_some_and(|e| e.head_prefix)
    }

    /// Entries whose name has this skeleton (curated names only).
    pub fn lookup_fuzzy(&self, skeleton: &str) -> &[Alias] {
        self.fuzzy.get(skeleton).map_or(&[], Vec::as_slice)
    }

    /// Whether some skeleton of [`Kb::lookup_fuzzy`] may start with this word skeleton;
    /// false means none does.
    #[inline]
    pub fn may_start_fuzzy(&self, word_skeleton: &str) -> bool {
        self.fuzzy_firsts.may_contain(word_skeleton)
    }

    /// Institutions and titles whose head has this key.
    #[inline]
    pub fn lookup_head(&self, key: &str) -> &[HeadRef] {
        self.lookup_head_hashed(key, key_hash(key))
    }

    /// As [`Kb::lookup_head`], given the key's [`keys::key_hash`].
    #[inline]
    pub fn lookup_head_hashed(&self, key: &str, hash: u64) -> &[HeadRef] {
        if !self.head_filter.may_contain_hash(hash) {
            return &[];
        }
        self.table.hit(key, hash).map_or(&[], |e| e.heads())
    }

    /// An entry by index.
    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    /// The index of an entry by id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The state a capital stands for ("باكو" speaks for Azerbaijan); `None` for any
    /// other id.
    pub fn capital_state(&self, id: &str) -> Option<&str> {
        self.by_id(id).filter(|p| p.capital).and_then(|p| p.country.as_deref())
    }

    /// An entry by id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i as usize])
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// An institution by index.
    pub fn institution(&self, i: u32) -> &Institution {
        &self.institutions[i as usize]
    }

    /// The key of institution `i`'s head ("وزارة الدفاع" → `وزاره دفاع`).
    pub fn institution_head_key(&self, i: u32) -> &str {
        &self.institution_keys[i as usize]
    }

    /// A title by index.
    pub fn title(&self, i: u32) -> &Title {
        &self.titles[i as usize]
    }

    /// Number of institutions and titles.
    pub fn head_counts(&self) -> (usize, usize) {
        (self.institutions.len(), self.titles.len())
    }

    /// Longest alias, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Longest institution or title head, in words.
    pub fn max_head_words(&self) -> usize {
        self.max_head_words
    }

    /// Zipf frequency of a normalized word in general Arabic text (0 when rare).
    #[inline]
    pub fn zipf(&self, word: &str) -> f32 {
        self.table.hit(word, key_hash(word)).map_or(0.0, |e| e.zipf)
    }

    /// How often a one-word name's letters are an ordinary word. For a name written
    /// bare ("صور"), the frequency of its definite form ("الصور"): nouns and adjectives
    /// take the article, foreign names do not ("الترامب" is never written). For a name
    /// written with the article ("القدرة"), the frequency of the bare word ("قدرة").
    pub fn common_reading(&self, key: &str, article: bool) -> f32 {
        if article {
            return self.zipf(key);
        }
        // Asked for many names: the definite form is built on the stack.
        let mut buf = [0u8; 64];
        let article = "ال".as_bytes();
        let Some(dst) = buf.get_mut(..article.len() + key.len()) else { return 0.0 };
        dst[..article.len()].copy_from_slice(article);
        dst[article.len()..].copy_from_slice(key.as_bytes());
        std::str::from_utf8(dst).map_or(0.0, |definite| self.zipf(definite))
    }

    /// Entry counts per kind.
    pub fn counts(&self) -> HashMap<EntityKind, usize> {
        let mut m = HashMap::new();
        for e in &self.entries {
            *m.entry(e.kind).or_insert(0) += 1;
        }
        m
    }

    /// Number of distinct alias keys.
    pub fn alias_count(&self) -> usize {
        self.table.iter().filter(|(_, e)| !e.aliases.is_empty()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_institutions_of_places_are_found_by_owner() {
        let kb = Kb::embedded();
        let inst = |key: &str| {
            (0..kb.head_counts().0 as u32).find(|&i| kb.institution(i).key == key).expect(key)
        };
        let id = |s: &str| kb.index_of(s).expect(s);
        let owned = |place: &str, key: &str| {
            kb.owned_institution(id(place), inst(key)).map(|e| kb.entry(e).id.as_str())
        };
        // Bare "غزة" is the Strip, whose ministry the Gaza health ministry is.
        assert_eq!(owned("place:gaza-strip", "health-ministry"), Some("org:gaza-health-ministry"));
        let nk = owned("place:nagorno-karabakh", "defence-ministry");
        assert_eq!(nk, Some("org:nk-defence-ministry"));
        // Given no state in the data, it takes the territory's backer.
        assert_eq!(
            kb.by_id("org:nk-defence-ministry").and_then(|e| e.country.as_deref()),
            Some("ARM")
        );
        assert_eq!(owned("place:donetsk", "defence-ministry"), None);
    }

    #[test]
    fn embedded_data_loads_without_errors() {
        let mut kb = Kb::default();
        for (name, text) in EMBEDDED {
            kb.add_file(name, text).unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(kb.counts()[&EntityKind::Country] >= 249);
    }

    #[test]
    fn user_files_add_and_replace() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("persons.tsv"),
            "id\tname_en\tname_ar\taliases_ar\tcountry\trole_en\nperson:test-person\tTest Person\tفلان الفلاني\tالفلاني\tSDN\tgovernor\n",
        )
        .unwrap();
        let kb = Kb::with_user_dir(dir.path()).unwrap();
        let hits = kb.lookup(&keys::key("الفلاني"));
        assert_eq!(kb.entry(hits[0].entry).id, "person:test-person");
    }

    #[test]
    fn a_country_adjective_has_its_duals() {
        let kb = Kb::embedded();
        for form in ["إسرائيليان", "إسرائيليتان", "إسرائيليتين", "الإسرائيليين"]
        {
            let hits = kb.lookup(&keys::key(form));
            assert!(hits.iter().any(|a| kb.entry(a.entry).id == "ISR"), "{form}");
        }
    }

    #[test]
    fn an_adjective_of_two_words_has_its_accusative() {
        let kb = Kb::embedded();
        for (form, id) in [("كوريا شماليا", "PRK"), ("كوريا جنوبيا", "KOR")] {
            let hits = kb.lookup(&keys::key(form));
            assert!(hits.iter().any(|a| kb.entry(a.entry).id == id), "{form}");
        }
    }

    #[test]
    fn officials_and_titles_carry_the_body_they_serve() {
        let kb = Kb::embedded();
        let body = |id: &str| kb.by_id(id).and_then(|e| e.body.as_deref());
        assert_eq!(body("person:antonio-guterres"), Some("org:un"));
        assert_eq!(body("person:jens-stoltenberg"), Some("org:nato"));
        // A state's official is on the state's side: no body.
        assert_eq!(body("person:antony-blinken"), None);
        let title = |key: &str| kb.titles.iter().find(|t| t.key == key).expect(key);
        assert_eq!(title("un-envoy").body.as_deref(), Some("org:un"));
        assert_eq!(title("foreign-minister").body, None);

        // A user's file may give it too, or leave the column out.
        let mut kb = Kb::default();
        kb.add_file(
            "persons.tsv",
            "id\tname_ar\tcountry\trole_en\tbody\nperson:x\tفلان الفلاني\t\tUN envoy\torg:un\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(kb.by_id("person:x").and_then(|e| e.body.as_deref()), Some("org:un"));
    }

    #[test]
    fn a_states_named_forces_are_names_of_the_state() {
        let kb = Kb::embedded();
        for name in ["الجيش الإسرائيلي", "قوات الاحتلال", "القوات المسلحة السودانية"]
        {
            let hits = kb.lookup(&keys::key(name));
            let ids: Vec<&str> = hits.iter().map(|a| kb.entry(a.entry).id.as_str()).collect();
            assert!(ids.iter().all(|id| id.len() == 3), "{name}: {ids:?}");
            assert!(!ids.is_empty(), "{name}");
        }
        assert!(kb.by_id("org:idf").is_none());
        // A row of kind country must name its state.
        let mut kb = Kb::default();
        let err = kb.add_file("orgs.tsv", "id\tkind\tname_ar\tcountry\norg:x\tcountry\tجيش\t\n");
        assert!(err.is_err());
    }

    #[test]
    fn the_ordinary_reading_of_a_name_is_measured() {
        let kb = Kb::embedded();
        // "الصور" (the pictures) is frequent: "صور" written bare is an ordinary word.
        assert!(kb.common_reading(&keys::key("صور"), false) > 4.0);
        // "الترامب" is never written: the name is no ordinary word.
        assert!(kb.common_reading(&keys::key("ترامب"), false) < 1.0);
        // "قدرة" (ability) is frequent: "القدرة" written with the article is a word too.
        assert!(kb.common_reading(&keys::key("القدرة"), true) > 4.0);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let mut kb = Kb::default();
        let err = kb
            .add_file("places_curated.tsv", "id\tname_ar\tlat\nplace:x\tس\tnorth\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("places_curated.tsv:2"), "{err}");
    }

    #[test]
    fn dual_heads_are_generated() {
        let mut kb = Kb::default();
        kb.add_file(
            "institutions.tsv",
            "key\tname_en_pattern\thead_ar\taliases_ar\tkind\ndefence-ministry\tMinistry of Defence of {country}\tوزارة الدفاع\t\torg\n",
        )
        .unwrap();
        assert!(!kb.lookup_head(&keys::key("وزارتا الدفاع")).is_empty());
        assert!(!kb.lookup_head(&keys::key("وزارتي دفاع")).is_empty());
    }

    #[test]
    fn name_and_head_probes_answer_as_the_table_does() {
        let kb = Kb::embedded();
        let probe = |text: &str| {
            let k = keys::key(text);
            let h = keys::key_hash(&k);
            (kb.name_key_entry(&k, h), kb.head_key_entry(&k, h))
        };
        // A whole name, and the first words of a longer one.
        let (name, _) = probe("وزارة الدفاع الأميركية");
        assert!(name.is_some_and(|e| e.has_aliases));
        let (name, head) = probe("وزارة الدفاع");
        assert!(name.is_some_and(|e| e.alias_prefix));
        assert!(head.is_some_and(|e| e.has_heads));
        // Words that begin no name and no head: no lookup, and nothing found.
        let (name, head) = probe("وزارة السعادة المطلقة");
        assert!(name.is_none() && head.is_none());
    }
}
